"""The verdict for one User-Agent, asked by the HTTP cache in front (deploy/varnish/default.vcl)."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

# How long a cache in front may keep a verdict: publishing leaves them (they depend on the
# User-Agent alone), so a changed version table reaches Varnish within this time.
BROWSER_CHECK_SECONDS = 3600


def browser_check(request):
    """Tells the HTTP cache in front whether this User-Agent gets the notice (X-Legacy-Browser).

    Varnish asks once per distinct User-Agent and keeps the answer, then passes the pages of
    legacy browsers to the site instead of answering them from its store.
    """
    response = HttpResponse(b"", content_type="text/plain")
    response["X-Legacy-Browser"] = "yes" if request.legacy_browser else "no"
    patch_cache_control(response, public=True, max_age=0, s_maxage=BROWSER_CHECK_SECONDS)
    return response
