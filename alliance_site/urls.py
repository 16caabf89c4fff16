from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from alliance_site.health import health

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/", health, name="health"),
]
# A database outage is a 503 page, not a server error (see alliance_site/outage.py).
handler500 = "alliance_site.outage.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under /en/ or /es/; "/" is redirected by LocaleMiddleware.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
