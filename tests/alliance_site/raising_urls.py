"""The site's URLs plus one view that fails, to see what a server error leaves in the logs."""

from django.urls import path

from alliance_site.urls import handler500  # noqa: F401
from alliance_site.urls import urlpatterns as site_urlpatterns


class DeliberateFailure(Exception):
    pass


def fail(request):
    raise DeliberateFailure("the view failed on purpose")


urlpatterns = [path("fail/", fail), *site_urlpatterns]
