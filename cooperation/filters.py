"""The GET form that filters the project listing; invalid values become form errors, not 500s."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from base.language import sort_key
from base.models import MemberCountry
from base.pages import visible_to_everyone
from caching import dependencies
from caching.fragments import remember

from .choices import Status


def groups_with_projects(projects):
    """[(slug, title, pk)] of the live technical groups that `projects` belong to, in the reader's
    alphabetical order (kept until a project or a group changes)."""
    groups = projects.model._meta.get_field("group").related_model.objects

    def find():
        dependencies.listed(projects)  # a new project may belong to a group no other one does
        found = visible_to_everyone(groups.live()).filter(projects__in=projects).distinct()
        return sorted(((group.slug, group.title, group.pk) for group in found), key=lambda g: sort_key(g[1]))

    return remember(f"project-filter-groups:{get_language()}", find)


class ProjectFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Member country"), required=False)
    group = forms.ChoiceField(label=_("Technical group"), required=False)

    def __init__(self, data, groups=()):
        super().__init__(data)
        self.fields["status"].choices = [("", _("All statuses")), *Status.choices]
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code, country.name) for country in MemberCountry.objects.all()
        ]
        self.groups = {slug: pk for slug, _title, pk in groups}
        self.fields["group"].choices = [("", _("All groups"))] + [
            (slug, title) for slug, title, _pk in groups
        ]

    def group_pk(self):
        """The chosen group's primary key, or None (call once the form is valid)."""
        return self.groups.get(self.cleaned_data.get("group"))
