"""The Spanish of a queue item, edited in place and saved as the admin's own edit views save it.

The form is built from the item's own admin form class (translator-aware: see forms.py) with only
the Spanish fields whose English changed. Saving goes through Wagtail's edit action for the model
(a new revision, logged as an edit; a snippet's row too), and a page is then submitted to its
review workflow as the page editor's "Submit for moderation" does, with the page editor's hooks.
"""

import re

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.actions.registry import action_registry
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import get_form_for_model
from wagtail.models import Page, WorkflowState

from .roles import REFUSAL, translator_may_edit

BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
# What a browser posts with the form besides the fields.
FORM_MACHINERY = {"csrfmiddlewaretoken"}


class SpanishRefused(Exception):
    pass


class SpanishEdit:
    def __init__(self, obj, user, item, data=None):
        self.obj, self.user, self.item = obj, user, item
        self.names = [f"{change.name}_es" for change in item.own_changes] if item else []
        self.is_page = isinstance(obj, Page)
        self.data = data
        self.form = self.build_form(data) if self.names else None

    def base_form(self):
        base = getattr(type(self.obj), "base_form_class", None)
        return base or (WagtailAdminPageForm if self.is_page else WagtailAdminModelForm)

    def form_kwargs(self):
        # A fresh copy each time: validating a model form writes its values onto its instance (and
        # a page without a draft is its own latest revision).
        instance = type(self.obj).objects.get(pk=self.obj.pk)
        if self.is_page:
            instance = instance.get_latest_revision_as_object()
        kwargs = {"instance": instance, "for_user": self.user}
        if self.is_page:
            kwargs["parent_page"] = self.obj.get_parent()
        return kwargs

    def build_form(self, data, names=None):
        model = type(self.obj)
        form_class = get_form_for_model(
            model, form_class=self.base_form(), fields=names or self.names, formsets={}
        )
        return form_class(data, **self.form_kwargs())

    def differs(self, name):
        """Whether the posted value differs from the stored one, both read through the field's widget
        (the rich text editor rewrites markup and numbers its blocks afresh each time it loads)."""
        field = self.form.fields[name]
        stored = field.widget.format_value(self.form.get_initial_for_field(field, name))
        stored = field.clean(field.widget.value_from_datadict({name: stored}, {}, name))
        return BLOCK_KEY.sub("", str(stored)) != BLOCK_KEY.sub("", str(self.form.cleaned_data[name]))

    def fields(self):
        """(change, bound Spanish field) for each field of the item itself."""
        if not self.form:
            return []
        return [(change, self.form[f"{change.name}_es"]) for change in self.item.own_changes]

    def check_names(self):
        if not self.names:
            raise SpanishRefused(_("Nothing in this item waits for its Spanish text."))
        others = sorted(set(self.data) - set(self.names) - FORM_MACHINERY)
        model_fields = {model_field.name for model_field in type(self.obj)._meta.get_fields()}
        if any(name in model_fields and not translator_may_edit(name) for name in others):
            raise SpanishRefused(REFUSAL)
        if others:
            raise SpanishRefused(
                _("These fields cannot be changed here: %(names)s.") % {"names": ", ".join(others)}
            )

    def save(self, request):
        """Save the posted Spanish, or raise SpanishRefused with nothing written."""
        self.check_names()
        if not self.form.is_valid():
            raise SpanishRefused(_("The Spanish text could not be saved: see the errors below."))
        changed = [name for name in self.names if self.differs(name)]
        if not changed:
            raise SpanishRefused(_("The Spanish is as it was: to keep it, choose “Spanish still correct”."))
        # Only what the translator changed is written: a field sent back as it was would come back
        # from the rich text editor with new markup, and count as newly translated.
        self.form = self.build_form(self.data, changed)
        if not self.form.is_valid():
            raise SpanishRefused(_("The Spanish text could not be saved: see the errors below."))
        if self.is_page:
            return self.save_page(request)
        action = action_registry.get_action_class(type(self.obj), "edit")
        action(self.form.instance, user=self.user, form=self.form).execute()
        return None

    def save_page(self, request):
        for hook in hooks.get_hooks("before_edit_page"):
            response = hook(request, self.obj)
            if hasattr(response, "status_code"):
                return response
        action = action_registry.get_action_class(type(self.obj), "edit")
        page = action(self.form.instance, user=self.user, form=self.form).execute()
        permissions = page.permissions_for_user(self.user)
        workflow_state = page.current_workflow_state
        if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(self.user)  # as a resubmission from the page editor
        elif workflow_state is None and permissions.can_submit_for_moderation():
            page.get_workflow().start(page, self.user)
        for hook in hooks.get_hooks("after_edit_page"):
            response = hook(request, page)
            if hasattr(response, "status_code"):
                return response
        return None

    def success_message(self):
        if self.is_page:
            return _("The Spanish text is saved and submitted for review.")
        return _("The Spanish text is saved.")
