"""The timeline's GET filters, by type of event, country, technical group and cooperation project,
each state its own URL (a group's or a project's page links to its events here).

An invalid value makes the form invalid: the timeline is then shown unfiltered, with the errors.
"""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from base.language import sort_key
from base.pages import visible_to_everyone
from caching import dependencies
from caching.fragments import remember
from cooperation.models import CooperationProjectPage
from workgroups.models import TechnicalGroupPage

from .choices import Kind
from .places import country_name


def linked_pages(events):
    """{"group": [(slug, title, pk)], "project": [...]}: the live groups and projects that `events`
    name, in the reader's alphabetical order (kept until an event, group or project changes)."""

    def find():
        dependencies.listed(events)  # a new event may name a group or project no other one names
        found = {}
        for field, model in (("group", TechnicalGroupPage), ("project", CooperationProjectPage)):
            pages = visible_to_everyone(model.objects.live()).filter(events__in=events).distinct()
            found[field] = sorted(
                ((page.slug, page.title, page.pk) for page in pages), key=lambda p: sort_key(p[1])
            )
        return found

    return remember(f"event-filter-pages:{get_language()}", find)


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of event"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    group = forms.ChoiceField(label=_("Technical group"), required=False)
    project = forms.ChoiceField(label=_("Cooperation project"), required=False)

    def __init__(self, data, countries, linked=None):
        super().__init__(data)
        linked = linked or {"group": [], "project": []}
        self.fields["kind"].choices = [("", _("All types")), *Kind.choices]
        named = sorted(((code, country_name(code)) for code in countries), key=lambda c: sort_key(c[1]))
        self.fields["country"].choices = [("", _("All countries")), *named]
        self.linked = {field: {slug: pk for slug, _title, pk in pages} for field, pages in linked.items()}
        self.fields["group"].choices = [("", _("All groups"))] + [(s, t) for s, t, _pk in linked["group"]]
        self.fields["project"].choices = [("", _("All projects"))] + [
            (s, t) for s, t, _pk in linked["project"]
        ]

    def filter(self, events):
        """`events` narrowed by the filters, or all of them while any value is invalid."""
        if not self.is_valid():
            return events
        if kind := self.cleaned_data.get("kind"):
            events = events.filter(kind=kind)
        if country := self.cleaned_data.get("country"):
            events = events.filter(country=country)
        if group := self.cleaned_data.get("group"):
            events = events.filter(groups=self.linked["group"][group])
        if project := self.cleaned_data.get("project"):
            events = events.filter(projects=self.linked["project"][project])
        return events
