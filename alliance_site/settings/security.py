"""Hardening settings, imported by base.py: response headers, uploads, admin sign-in protection.

The middleware that uses the header settings is security/headers.py; the one that
turns away malformed requests is security/request_guard.py; sign-in protection is
security/login_protection.py on top of django-axes.
"""

import os
from datetime import timedelta

# Content-Security-Policy of the public pages: nothing inline, nothing from elsewhere. The public
# templates have no inline script or style and no third-party resource; keep it that way.
PUBLIC_CONTENT_SECURITY_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
# The Wagtail admin (and Django's debug pages). Wagtail 8's edit forms still start some widgets
# with inline scripts that carry no nonce (InlinePanel, MultipleChooserPanel, the date and time
# pickers), and chooser modals insert HTML with such scripts, so scripts need 'unsafe-inline'.
# Nothing the admin runs needs eval ('unsafe-eval' is gone). Styles stay 'unsafe-inline': the
# editor's accessibility checker (axe-core) adds <style> elements and widgets write style
# attributes into the markup they build. It shows Gravatar pictures and frames its own previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://www.gravatar.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
ADMIN_PATH_PREFIXES = ["/admin/"]
# The signed-out admin pages (sign-in, password reset) have no inline script: none allowed there.
ADMIN_SIGNED_OUT_PATH_PREFIXES = ["/admin/login/", "/admin/password_reset/"]
ADMIN_SIGNED_OUT_CONTENT_SECURITY_POLICY = ADMIN_CONTENT_SECURITY_POLICY | {"script-src": ["'self'"]}

# Browser features the site never uses are switched off; the admin may go full screen.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
ADMIN_PERMISSIONS_POLICY = PERMISSIONS_POLICY | {"fullscreen": ["self"]}
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Public pages only answer GET and HEAD; paths under these prefixes also take forms.
WRITE_METHOD_PATH_PREFIXES = ["/admin/"]

# Image uploads: raster formats only (an SVG can carry scripts). Documents: see base.py.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.image_forms.AllianceImageForm"  # damaged files: a form error

# Admin sign-in: after LOGIN_SLOWDOWN_AFTER failures for one account (from any address) each
# further failure is answered more slowly; at AXES_FAILURE_LIMIT failures from one address, or
# for one account from one address, sign-in is locked there for AXES_COOLOFF_TIME. An account is
# never locked for every address: anyone could otherwise lock anyone out. Administrators lift a
# lockout in the admin (Settings > Sign-in lockouts) or with manage.py axes_reset_ip /
# axes_reset_username.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "security.login_protection.lockout_response"
AXES_CLIENT_IP_CALLABLE = "security.login_protection.client_ip"
AXES_VERBOSE = False
LOGIN_SLOWDOWN_AFTER = 2
LOGIN_SLOWDOWN_SECONDS = 0.5  # doubled at each further failure, at most 4 seconds
# Number of reverse proxies in front of the site that append to X-Forwarded-For (0: none, the
# client address is REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
