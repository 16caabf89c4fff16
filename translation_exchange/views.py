"""The admin's download and upload of agency files, for those who see the translation status."""

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.views import PERMISSION

from . import formats
from .exporting import CONTENT_TYPES, EXTENSIONS, export
from .importing import ImportRefused, import_file

FORMAT_CHOICES = [(formats.XLIFF, _("XLIFF 2.0")), (formats.PO, _("gettext PO"))]


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=FORMAT_CHOICES, initial=formats.XLIFF)
    only_pending = forms.BooleanField(label=_("Only texts waiting for translation"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Translated file (XLIFF 2.0 or PO)"))
    force_stale = forms.BooleanField(
        label=_("Also apply texts whose English changed since the export"), required=False
    )


def exchange(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if "format" in request.GET:
        export_form = ExportForm(request.GET)
        if export_form.is_valid():
            return download(export_form.cleaned_data)
    else:
        export_form = ExportForm()
    import_form, refusals = ImportForm(), []
    if request.method == "POST":
        import_form = ImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            try:
                result = import_file(
                    upload.name, upload, upload.size, request.user, import_form.cleaned_data["force_stale"]
                )
            except ImportRefused as refused:
                refusals = refused.messages
            else:
                messages.success(request, imported_message(len(result.applied), len(result.saved)))
                return redirect("translation_files")
    context = {"export_form": export_form, "import_form": import_form, "refusals": refusals}
    return render(request, "translation_exchange/exchange.html", context, status=400 if refusals else 200)


def imported_message(units, items):
    return ngettext(
        "%(units)d text applied to %(items)d item, sent for review where it has a workflow.",
        "%(units)d texts applied to %(items)d items, sent for review where they have a workflow.",
        items,
    ) % {"units": units, "items": items}


def download(options):
    stream = io.BytesIO()
    export(stream, options["format"], options["only_pending"])
    response = HttpResponse(stream.getvalue(), content_type=CONTENT_TYPES[options["format"]])
    name = f"translations-en-es.{EXTENSIONS[options['format']]}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
