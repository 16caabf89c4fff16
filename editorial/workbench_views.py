"""The translators' workbench: the queue of what waits, and each item's changes word by word,
with its Spanish edited in place or confirmed as still correct."""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log
from wagtail.models import Page, Site
from wagtail.snippets.models import get_snippet_models

from .queue import build_queue, item_of
from .roles import works_on_translations
from .spanish_edit import SpanishEdit, SpanishRefused
from .translation_status import digest, mark_in_step, sections, translated_fields

CONFIRMED = "editorial.spanish_confirmed"


class QueueFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, home=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *sections(home)]
        self.fields["kind"].choices = [("", _("All types")), *translatable_types()]


def translatable_types():
    page_models = [m for m in apps.get_models() if issubclass(m, Page) and m is not Page]
    models = [m for m in [*page_models, *get_snippet_models()] if translated_fields(m)]
    return sorted((m._meta.label_lower, capfirst(str(m._meta.verbose_name))) for m in models)


def workbench_user(request):
    if not works_on_translations(request.user):
        raise PermissionDenied


def home_of(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def queue(request):
    workbench_user(request)
    home = home_of(request)
    form = QueueFilterForm(request.GET or None, home=home)
    filters = form.cleaned_data if form.is_valid() else {}
    items = build_queue(home, section=filters.get("section"), kind=filters.get("kind"))
    for item in items:
        item.url = item_url(item.obj)
    return render(request, "editorial/queue.html", {"form": form, "items": items})


def item_url(obj, view_name="translation_changes"):
    meta = type(obj)._meta
    return reverse(view_name, args=[meta.app_label, meta.model_name, obj.pk])


def workbench_object(app_label, model_name, pk):
    """The page or snippet named in the address, or 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not translated_fields(model) or not (issubclass(model, Page) or model in get_snippet_models()):
        raise Http404
    obj = get_object_or_404(model, pk=pk)
    return obj.specific if isinstance(obj, Page) else obj


def changes(request, app_label, model_name, pk):
    workbench_user(request)
    obj = workbench_object(app_label, model_name, pk)
    return render_changes(request, obj, SpanishEdit(obj, request.user, item_of(obj)))


def render_changes(request, obj, edit, status=200, refusal=None):
    context = {
        "refusal": refusal,
        "obj": obj,
        "item": edit.item,
        "edit": edit,
        "edit_url": AdminURLFinder(request.user).get_edit_url(obj),
        "queue_url": reverse("translation_queue"),
        "save_url": item_url(obj, "translation_save"),
        "confirm_url": item_url(obj, "translation_confirm"),
        "title": getattr(obj, "title_en", None) or str(obj),
    }
    return render(request, "editorial/changes.html", context, status=status)


@require_POST
def save_spanish(request, app_label, model_name, pk):
    workbench_user(request)
    obj = workbench_object(app_label, model_name, pk)
    edit = SpanishEdit(obj, request.user, item_of(obj), data=request.POST)
    try:
        response = edit.save(request)
    except SpanishRefused as refusal:
        return render_changes(request, obj, edit, status=400, refusal=refusal)
    if response is not None:
        return response  # a page editor's hook answered
    messages.success(request, edit.success_message())
    return redirect(item_url(obj))


@require_POST
def confirm_spanish(request, app_label, model_name, pk):
    """ "Spanish still correct": the English change needs no new Spanish. Nothing in the content
    changes; the history says who decided it, and when."""
    workbench_user(request)
    obj = workbench_object(app_label, model_name, pk)
    item = item_of(obj)
    waiting = {str(change.record.pk): change for change in item.changes} if item else {}
    chosen = request.POST.getlist("record")
    if not chosen or any(record not in waiting for record in chosen):
        refusal = _("Choose fields of this item whose English changed.")
        return render_changes(request, obj, SpanishEdit(obj, request.user, item), status=400, refusal=refusal)
    if not edit_allowed(request.user, obj):
        raise PermissionDenied
    with transaction.atomic():
        for record in chosen:
            change = waiting[record]
            mark_in_step(change.record, change.holder, digest(getattr(change.holder, f"{change.name}_en")))
            change.record.save()
        labels = [waiting[record].label for record in chosen]
        log(instance=obj, action=CONFIRMED, user=request.user, data={"fields": labels})
    confirmed = _("The Spanish of %(fields)s is marked as still correct.") % {"fields": ", ".join(labels)}
    messages.success(request, confirmed)
    return redirect(item_url(obj))


def edit_allowed(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    meta = type(obj)._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")
