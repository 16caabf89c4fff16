from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern as WAGTAIL_SERVE_PATTERN

from base import routing
from base.language import choose_language
from base.media import serve_image
from discovery import urls as discovery_urls
from documents.views import serve_document
from legacy_browsers.views import browser_check
from security.health import health

urlpatterns = [
    path("", choose_language, name="choose-language"),  # "/" to /en/ or /es/
    path("admin/", include(wagtailadmin_urls)),
    re_path(r"^documents/(\d+)/(.*)$", serve_document),  # Wagtail's serve view, one header fixed
    path("documents/", include(wagtaildocs_urls)),
    path("", include(discovery_urls)),  # /sitemap.xml, /robots.txt
    path("api/", include("opendata.urls", namespace="opendata-any-language")),  # ?lang=, else English
    path("health/", health, name="health"),
    path("browser-check/", browser_check, name="browser-check"),  # asked by Varnish
    # Images from the default storage (disk or bucket), in development and production alike.
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_image, name="media_image"),
]
handler500 = "security.outage.server_error"  # a database or storage outage: a 503 page, not a 500

# Public pages live under /en/ or /es/ (LocaleMiddleware redirects other paths, after Wagtail's
# redirects), routed by base.routing (bounded queries), then served by Wagtail's own view.
urlpatterns += i18n_patterns(
    path("api/", include("opendata.urls", namespace="opendata")),
    path("", include("news.urls")),  # /<lang>/feeds/news.atom
    path("", include("events.urls")),  # /feeds/events.ics
    # Wagtail's sign-in and password forms for restricted pages, ahead of the page route that would
    # take their paths for pages (Wagtail's own page route is replaced by routing.serve).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(WAGTAIL_SERVE_PATTERN, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
