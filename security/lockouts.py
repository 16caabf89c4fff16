"""Admin page listing admin sign-in failures and lockouts, where an administrator lifts them."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

MENU_LABEL = gettext_lazy("Sign-in lockouts")


def can_lift_lockouts(user):
    return user.is_active and (user.is_superuser or user.has_perm("axes.delete_accessattempt"))


def _grouped(*fields):
    """Failures grouped by `fields`, most recent first, with whether they lock."""
    cool_off = get_cool_off()
    since = timezone.now() - cool_off if cool_off else None
    rows = (
        AccessAttempt.objects.filter(**{f"{field}__isnull": False for field in fields})
        .values(*fields)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .order_by("-last")
    )
    for row in rows:
        recent = since is None or row["last"] >= since
        row["locked"] = recent and row["failures"] >= settings.AXES_FAILURE_LIMIT
    return rows


def _rows(field):
    """Failures by address, or by account; an account is locked only at the addresses it failed from."""
    locked_pairs = {row["username"] for row in _grouped("username", "ip_address") if row["locked"]}
    return [
        {
            "value": row[field],
            "failures": row["failures"],
            "last": row["last"],
            "locked": row["locked"] if field == "ip_address" else row[field] in locked_pairs,
        }
        for row in _grouped(field)
        if row[field]
    ]


@require_http_methods(["GET", "POST"])
def lockouts(request):
    if not can_lift_lockouts(request.user):
        raise PermissionDenied
    if request.method == "POST":
        ip, username = request.POST.get("ip_address"), request.POST.get("username")
        if ip:
            reset(ip=ip)
            messages.success(request, _("Sign-in is unlocked for the address %(address)s.") % {"address": ip})
        elif username:
            reset(username=username)
            messages.success(
                request, _("Sign-in is unlocked for the account %(account)s.") % {"account": username}
            )
        return redirect("alliance_lockouts")
    return TemplateResponse(
        request,
        "security/lockouts.html",
        {
            "page_title": MENU_LABEL,
            "header_icon": "lock",
            "addresses": _rows("ip_address"),
            "accounts": _rows("username"),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
    )
