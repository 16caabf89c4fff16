"""The news listing's GET filters: by kind, technical group, member country and year.

Each combination is its own URL (`?kind=press-release&year=2015`). A value that is not one of the
choices makes the form invalid: the listing then shows every item, with the form's errors.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.language import sort_key
from base.models import MemberCountry
from base.pages import visible_to_everyone
from workgroups.models import TechnicalGroupPage

from .choices import Kind


class NewsFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), required=False)
    group = forms.ChoiceField(label=_("Technical group"), required=False)
    country = forms.ChoiceField(label=_("Member country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, items):
        """`items`: every news item the listing may show; the group and year choices come from them."""
        super().__init__(data or None)
        groups = visible_to_everyone(TechnicalGroupPage.objects.live()).filter(pk__in=items.values("groups"))
        # The group's slug in the reader's language, as the page's own URL has it.
        self.groups = {group.slug: group for group in sorted(groups, key=lambda group: sort_key(group.title))}
        self.fields["kind"].choices = [("", _("All types")), *Kind.choices]
        self.fields["group"].choices = [("", _("All groups"))] + [
            (slug, group.title) for slug, group in self.groups.items()
        ]
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code, country.name) for country in MemberCountry.objects.all()
        ]
        years = [day.year for day in items.dates("date", "year", order="DESC")]
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in years]

    def filter(self, items):
        """`items` narrowed by every filter, or all of them while any value is not valid."""
        if not self.is_bound or not self.is_valid():
            return items
        values = self.cleaned_data
        if kind := values.get("kind"):
            items = items.filter(kind=kind)
        if group := self.groups.get(values.get("group")):
            items = items.filter(groups=group)
        if country := values.get("country"):
            items = items.filter(countries__code=country)
        if year := values.get("year"):
            items = items.filter(date__year=year)
        return items
