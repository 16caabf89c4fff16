"""The contact form: what a visitor writes to the secretariat, with a trap for robots."""

from django import forms
from django.utils.translation import gettext_lazy as _

TOPICS = [
    ("general", _("A general question")),
    ("press", _("Press and media")),
    ("cooperation", _("Cooperation projects and scholarships")),
    ("observers", _("Observer states")),
    ("website", _("This website and its accessibility")),
]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The secretariat answers to this address."),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=TOPICS)
    message = forms.CharField(
        label=_("Your message"), max_length=5000, min_length=10, widget=forms.Textarea(attrs={"rows": 8})
    )
    # Hidden from people by the stylesheet and from assistive technology by the template; robots
    # that fill every field fill this one too.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_name(self):
        # A name is one line: a line break in it can only come from a script.
        return " ".join(self.cleaned_data["name"].split())

    @property
    def is_trap_filled(self):
        return bool(self.cleaned_data.get("website"))
