"""The "Translation status" report: what is left for the translators, with a CSV export."""

import csv
import json

from django import forms
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail_modeltranslation.wagtail_hooks import return_translation_target_field_rendered_html

from .translation_status import STATES, build_report, sections

PERMISSION = "editorial.view_translation_status"


class ReportFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("Any state")), *STATES.items()]
    )

    def __init__(self, *args, home=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *sections(home)]


def report_rows(request):
    home = Site.find_for_request(request).root_page if Site.find_for_request(request) else None
    form = ReportFilterForm(request.GET or None, home=home)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = build_report(home=home, section=filters.get("section"), state=filters.get("state"))
    finder = AdminURLFinder(request.user)
    for row in rows:
        row.edit_url = finder.get_edit_url(row.obj)
    return form, rows


def translation_status(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form, rows = report_rows(request)
    if request.GET.get("export") == "csv":
        return export_csv(request, rows)
    total = sum(len(row.fields) for row in rows)
    export_query = request.GET.copy()
    export_query["export"] = "csv"
    return render(
        request,
        "editorial/translation_status.html",
        {
            "form": form,
            "rows": rows,
            "total": total,
            "states": STATES,
            "export_url": "?" + export_query.urlencode(),
        },
    )


def export_csv(request, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Item"), _("Type"), _("Section"), _("Field"), _("State"), _("Edit URL")])
    for row in rows:
        for label, state in row.fields:
            url = request.build_absolute_uri(row.edit_url) if row.edit_url else ""
            writer.writerow([row.title, row.kind, row.section, label, STATES[state], url])
    return response


@require_POST
def copy_translation_content(request, page_id):
    """wagtail-modeltranslation's "copy to the other language" helper for stream fields, answering
    bad requests with 4xx: the helper itself fails with a server error on anything but its own
    well-formed AJAX post."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        target = page._meta.get_field(request.POST.get("target_field_name", ""))
        json.loads(request.POST["serializedOriginField"])
    except (FieldDoesNotExist, KeyError, ValueError):
        return HttpResponseBadRequest(_("Name a stream field of this page and send its content."))
    if request.headers.get("X-Requested-With") != "XMLHttpRequest" or not isinstance(target, StreamField):
        return HttpResponseBadRequest(_("Name a stream field of this page and send its content."))
    return return_translation_target_field_rendered_html(request, page_id)
