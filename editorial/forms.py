"""Admin forms that let translators change the Spanish text and nothing else, whatever they post."""

import copy

from django import forms
from django.forms.models import model_to_dict
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import DraftStateMixin

from .roles import REFUSAL, is_translator_only, translator_may_edit

# The admin's own machinery, not content: left to translators.
ADMIN_FIELDS = {"comment_notifications", "id"}
ADMIN_FORMSETS = {"comments"}


class TranslatorAwareFormMixin:
    """For translators, every field but the Spanish text is disabled (inline rows cannot be added,
    deleted or reordered either), and a post that tries to change one anyway is refused.

    Browsers do not submit disabled inputs, so any value posted for one is forged: rather than
    silently ignoring it, the whole post is refused with a form error and nothing is saved.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.translator_only = bool(self.for_user) and is_translator_only(self.for_user)
        if self.translator_only:
            for form in self._content_forms():
                for name, field in form.fields.items():
                    if name not in ADMIN_FIELDS and not translator_may_edit(name):
                        field.disabled = True

    def _content_formsets(self):
        formsets = getattr(self, "formsets", {})
        return [formset for name, formset in formsets.items() if name not in ADMIN_FORMSETS]

    def _content_forms(self):
        return [self] + [form for formset in self._content_formsets() for form in formset.forms]

    def _is_forged(self):
        for form in self._content_forms():
            for name, field in form.fields.items():
                if field.disabled and self._posted_change(form, name, field):
                    return True
        if any(
            formset.total_form_count() != formset.initial_form_count() for formset in self._content_formsets()
        ):
            return True
        return self._differs_from_stored()

    def _stored_now(self):
        # What a save would overwrite: the latest draft of a page or snippet with drafts, else the row.
        stored = type(self.instance).objects.get(pk=self.instance.pk)
        return stored.get_latest_revision_as_object() if isinstance(stored, DraftStateMixin) else stored

    def _differs_from_stored(self):
        """A form built on an older version (a revision's revert form) would write that version's
        English text back while looking unchanged: compare what the translator may not change with
        what is stored now instead."""
        if self.instance.pk is None:
            return False
        stored = self._stored_now()
        if locked_values(self, self.instance) != locked_values(self, stored):
            return True
        for formset in self._content_formsets():
            rows = formset.get_queryset()
            stored_rows = getattr(stored, formset.rel_name).all()
            template = formset.empty_form
            if [locked_values(template, row) for row in rows] != [
                locked_values(template, row) for row in stored_rows
            ]:
                return True
        return False

    @staticmethod
    def _posted_change(form, name, field):
        # Some widgets (the scheduling dialog) post empty values even when disabled: those change nothing.
        posted = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        if posted in (None, "", [], ()):
            return False
        # Browsers omit a disabled checkbox, which Django then reads as unchecked: no change either.
        if isinstance(field.widget, forms.CheckboxInput) and form.add_prefix(name) not in form.data:
            return False
        # Django never reports a disabled field as changed: ask an enabled copy of it.
        enabled = copy.copy(field)
        enabled.disabled = False
        return enabled.has_changed(form.get_initial_for_field(field, name), posted)

    def clean(self):
        cleaned_data = super().clean()
        if self.translator_only and self.is_bound and self._is_forged():
            raise forms.ValidationError(REFUSAL, code="translator_scope")
        return cleaned_data


def locked_values(form, instance):
    names = [name for name in form.fields if name not in ADMIN_FIELDS and not translator_may_edit(name)]
    return {name: comparable(value) for name, value in model_to_dict(instance, fields=names).items()}


def comparable(value):
    # Many-to-many values come as querysets (stored) or lists (revisions): compare their keys.
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict)):
        return sorted(getattr(item, "pk", item) for item in value)
    return value


class TranslatorAwarePageForm(TranslatorAwareFormMixin, WagtailAdminPageForm):
    pass


class TranslatorAwareModelForm(TranslatorAwareFormMixin, WagtailAdminModelForm):
    pass
