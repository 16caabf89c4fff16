"""Language helpers: the prefix middleware and the URLs of a page in every language."""

import re
import unicodedata

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Looks like a language code ("fr", "pt-br", "xx"): never redirected to /en/fr/ or /es/fr/.
LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    LocaleMiddleware would redirect /fr/ to /en/fr/; a visitor who typed a language we
    do not have is better served by a 404 page in a language we do have.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in dict(settings.LANGUAGES):
                response.headers.setdefault("Content-Language", translation.get_language())
                return response
        return super().process_response(request, response)


def choose_language(request):
    """The root address: the home page in the language LocaleMiddleware chose (the language cookie,
    then Accept-Language).

    LocaleMiddleware would send the same redirect, but only after rendering a whole 404 page for
    "/" and throwing it away: the most visited address cost as much as any page."""
    prefix = get_script_prefix()
    url = request.get_full_path().replace(prefix, f"{prefix}{request.LANGUAGE_CODE}/", 1)
    response = HttpResponseRedirect(url)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))  # as LocaleMiddleware's redirect
    return response


def page_urls_by_language(page, request=None):
    """Return [(language code, language name, absolute URL)] of `page` in every language."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = request.build_absolute_uri(page.get_url(request)) if request else page.get_full_url()
            urls.append((code, translation.get_language_info(code)["name_local"], url))
    return urls


def sort_key(text):
    """Alphabetical order as readers of both languages expect it: accents do not move a word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
