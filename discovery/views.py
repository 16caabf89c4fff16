"""Files for crawlers (/sitemap.xml, /robots.txt) and the document download view."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.documents.views.serve import serve

from .sitemap import BilingualSitemap


@require_safe
def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": BilingualSitemap(request)})


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_document(request, document_id, document_filename):
    """Wagtail's document serve view, without the `Content-Encoding: None` header it sends.

    Wagtail's sendfile helper sets Content-Encoding to the file's guessed encoding even when there
    is none, so every PDF went out as "Content-Encoding: None", which clients may refuse to decode.
    """
    response = serve(request, document_id, document_filename)
    if response.get("Content-Encoding") == "None":
        del response["Content-Encoding"]
    return response
