"""The timeline's GET filters, by type of event and by country, each state its own URL.

An invalid value makes the form invalid: the timeline is then shown unfiltered, with the errors.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.language import sort_key

from .choices import Kind
from .places import country_name


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type of event"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data, countries):
        super().__init__(data)
        self.fields["kind"].choices = [("", _("All types")), *Kind.choices]
        named = sorted(((code, country_name(code)) for code in countries), key=lambda c: sort_key(c[1]))
        self.fields["country"].choices = [("", _("All countries")), *named]

    def filter(self, events):
        """`events` narrowed by the filters, or all of them while any value is invalid."""
        if not self.is_valid():
            return events
        if kind := self.cleaned_data.get("kind"):
            events = events.filter(kind=kind)
        if country := self.cleaned_data.get("country"):
            events = events.filter(country=country)
        return events
