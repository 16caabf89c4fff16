"""Admin sign-in protection on top of django-axes (settings in settings/security.py).

Failures are counted per client address and per account at that address. After
LOGIN_SLOWDOWN_AFTER failures of one account, from any address, each further failure is answered
more slowly; at AXES_FAILURE_LIMIT from one address (or for one account from it) sign-in is
locked there for AXES_COOLOFF_TIME with a page that says so (429). The client address is the
peer's, or the one the TRUSTED_PROXY_COUNT proxies in front say: nothing a client sends can
choose it. Administrators see and lift lockouts in the
admin (views in security/lockouts.py) or with manage.py axes_reset_ip / axes_reset_username.
"""

import time

from axes.backends import AxesStandaloneBackend
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Sum
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone

from .client import client_ip  # noqa: F401  (AXES_CLIENT_IP_CALLABLE names it here)

MAX_SLOWDOWN_SECONDS = 4.0


class LoginProtectionBackend(AxesStandaloneBackend):
    """Axes' lockout check for sign-ins over HTTP.

    An authenticate() call without a request comes from code, not from a visitor (the test
    client's login(), a shell): there is no address to count, so it is let through to the next
    backend. Every sign-in view of the site passes the request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def slowdown_seconds(failures):
    """Delay before answering the n-th consecutive failure: none at first, then doubling."""
    extra = failures - settings.LOGIN_SLOWDOWN_AFTER
    if extra <= 0 or settings.LOGIN_SLOWDOWN_SECONDS <= 0:
        return 0.0
    return min(settings.LOGIN_SLOWDOWN_SECONDS * 2 ** (extra - 1), MAX_SLOWDOWN_SECONDS)


def account_failures(username):
    """Recent failures of one account, from every address (guesses spread over many are slowed)."""
    cool_off = get_cool_off()
    attempts = AccessAttempt.objects.filter(username=username)
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


@receiver(user_login_failed, dispatch_uid="security.login_protection.slow_down")
def slow_down(sender, credentials, request=None, **kwargs):
    if request is None or not settings.AXES_ENABLED:
        return
    if AxesProxyHandler.get_failures(request, credentials) >= settings.AXES_FAILURE_LIMIT:
        return  # a locked-out client is answered at once
    delay = slowdown_seconds(account_failures(get_client_username(request, credentials)))
    if delay:
        time.sleep(delay)


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return render(
        request,
        "security/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
