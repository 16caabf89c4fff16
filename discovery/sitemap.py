"""The sitemap: every live, public page of the site, once per language, with its hreflang alternates."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap

from base.language import page_urls_by_language
from caching import dependencies


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap (live, public pages of the request's site), with a URL per language.

    Each URL lists the page in every language plus `x-default` (the English page), the same
    alternates as the page's own <link rel="alternate"> tags.
    """

    # Each page gives one URL per language; a sitemap file may hold 50,000 URLs.
    limit = 50000 // len(settings.LANGUAGES)

    def items(self):
        return dependencies.listed(super().items())  # every page, and any page published later

    def _urls(self, page, protocol, domain):
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            languages = page_urls_by_language(item, self.request)
            alternates = [{"lang_code": code, "location": url} for code, _name, url in languages]
            alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
            lastmod = self.lastmod(item)
            last_mods.add(lastmod)
            for _code, _name, url in languages:
                urls.append({"item": item, "location": url, "lastmod": lastmod, "alternates": alternates})
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
