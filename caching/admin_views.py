"""The caches in the admin (superusers): purges a cache has not confirmed yet, and emptying every
cache, the one site-wide ban an editor's action may cause."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import changes, purge
from .models import PendingPurge

MENU_LABEL = gettext_lazy("Caches")


def caches(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        if "empty" in request.POST:
            changes.note_everything(f"asked by {request.user.get_username()} in the admin")
            messages.success(request, _("Every cache is being emptied."))
        else:
            left = purge.retry()
            messages.info(request, _("Purges still waiting: %(count)s") % {"count": left})
        return redirect("alliance_caches")
    return TemplateResponse(
        request,
        "caching/caches.html",
        {
            "page_title": MENU_LABEL,
            "header_icon": "cogs",
            "caches": settings.FRONTEND_CACHES,
            "pending": PendingPurge.objects.all()[:200],
            "retry_seconds": settings.PURGE_RETRY_SECONDS,
        },
    )
