"""Security headers on every response: Content-Security-Policy, Permissions-Policy, CORP.

Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware X-Frame-Options.
This middleware adds the rest. Public pages get a strict policy (settings.security
PUBLIC_CONTENT_SECURITY_POLICY: nothing inline, nothing from another origin); the Wagtail admin,
which needs inline scripts and styles, gets ADMIN_CONTENT_SECURITY_POLICY, except its signed-out
pages (sign-in, password reset), which have no inline script. A policy that a view
set itself (Wagtail's document view sends "default-src 'none'") is kept, with frame-ancestors
added where it lacks one.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost


def serialize_policy(directives):
    """{"script-src": ["'self'"], ...} -> "script-src 'self'; ..." (empty lists are bare directives)."""
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def serialize_permissions(features):
    """{"camera": [], "fullscreen": ["self"]} -> "camera=(), fullscreen=(self)"."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in features.items())


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_csp = serialize_policy(settings.PUBLIC_CONTENT_SECURITY_POLICY)
        self.admin_csp = serialize_policy(settings.ADMIN_CONTENT_SECURITY_POLICY)
        self.signed_out_admin_csp = serialize_policy(settings.ADMIN_SIGNED_OUT_CONTENT_SECURITY_POLICY)
        # Added to a policy that a view set without it, such as Wagtail's for documents.
        self.public_ancestors = serialize_policy(
            {"frame-ancestors": settings.PUBLIC_CONTENT_SECURITY_POLICY["frame-ancestors"]}
        )
        self.admin_ancestors = serialize_policy(
            {"frame-ancestors": settings.ADMIN_CONTENT_SECURITY_POLICY["frame-ancestors"]}
        )
        self.public_permissions = serialize_permissions(settings.PERMISSIONS_POLICY)
        self.admin_permissions = serialize_permissions(settings.ADMIN_PERMISSIONS_POLICY)
        self.admin_prefixes = tuple(settings.ADMIN_PATH_PREFIXES)
        self.signed_out_admin_prefixes = tuple(settings.ADMIN_SIGNED_OUT_PATH_PREFIXES)
        # Wagtail's user bar, shown to signed-in editors on public pages, loads its script and
        # style from WAGTAILADMIN_BASE_URL, which may be another origin than the page's.
        self.admin_origin = _origin(getattr(settings, "WAGTAILADMIN_BASE_URL", None))

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(self.admin_prefixes) or (
            # Django's own debug pages (DEBUG only) are styled inline.
            settings.DEBUG and response.status_code >= 400
        ):
            csp, permissions, ancestors = self.admin_csp, self.admin_permissions, self.admin_ancestors
            if request.path_info.startswith(self.signed_out_admin_prefixes):
                csp = self.signed_out_admin_csp
        else:
            csp, permissions = self.public_policy(request), self.public_permissions
            ancestors = self.public_ancestors
        own = response.headers.get("Content-Security-Policy")
        if own is None:
            response.headers["Content-Security-Policy"] = csp
        elif "frame-ancestors" not in own:
            response.headers["Content-Security-Policy"] = f"{own}; {ancestors}"
        response.headers.setdefault("Permissions-Policy", permissions)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response

    def public_policy(self, request):
        origin = self.admin_origin
        if not origin or not _signed_in(request):
            return self.public_csp
        try:
            if origin == _origin(request.build_absolute_uri("/")):
                return self.public_csp
        except DisallowedHost:
            return self.public_csp
        policy = {
            name: [*sources, origin]
            if name in ("script-src", "style-src", "img-src", "font-src")
            else sources
            for name, sources in settings.PUBLIC_CONTENT_SECURITY_POLICY.items()
        }
        return serialize_policy(policy)


def _signed_in(request):
    # Only looks at the session when the visitor has one: anonymous visitors cost no query.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
