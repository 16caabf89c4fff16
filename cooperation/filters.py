"""The GET form that filters the project listing; invalid values become form errors, not 500s."""

from django import forms
from django.utils.translation import gettext_lazy as _

from base.models import MemberCountry

from .choices import Status


class ProjectFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Member country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *Status.choices]
        self.fields["country"].choices = [("", _("All countries"))] + [
            (country.code, country.name) for country in MemberCountry.objects.all()
        ]
