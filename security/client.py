"""The client's address, as sign-in lockouts and the contact form's limit count it.

Kept apart from login_protection.py: importing that module registers its sign-in signal
receiver, which must come after django-axes' own (see apps.py).
"""

from django.conf import settings


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the one TRUSTED_PROXY_COUNT proxies forwarded."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
