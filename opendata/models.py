"""The open data page: documents the data sets, their formats and how to ask for them."""

import json

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from base.pages import SectionPage
from base.routing import digest
from caching.fragments import remember

from .documentation import DATA_SETS
from .feeds import LATEST
from .resources import RESOURCES
from .views import MAX_PAGE_SIZE, PAGE_SIZE


class OpenDataPage(SectionPage):
    """Explains the JSON, CSV and Atom outputs, with links and a real record of each data set."""

    class Meta:
        verbose_name = _("open data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        context["data_sets"] = [self._data_set(request, name) for name in DATA_SETS]
        context["feed_url"] = request.build_absolute_uri(reverse("opendata:projects_feed"))
        context["feed_length"] = LATEST
        context["page_size"], context["max_page_size"] = PAGE_SIZE, MAX_PAGE_SIZE
        context["neutral_example"] = request.build_absolute_uri(
            reverse("opendata-any-language:json", args=["projects"]) + f"?lang={language}"
        )
        return context

    def _data_set(self, request, name):
        resource = RESOURCES[name]

        def example():
            first = list(resource.rows()[:1])
            record = resource.record(first[0], resource.context(first, request)) if first else None
            return json.dumps(record, ensure_ascii=False, indent=2) if record else ""

        # The first record of each data set, kept until the content changes (its URLs name the host).
        key = f"opendata-example:{name}:{get_language()}:{digest(request.get_host())}"
        return {
            "name": name,
            "title": DATA_SETS[name]["title"],
            "fields": DATA_SETS[name]["fields"],
            "json_url": request.build_absolute_uri(reverse("opendata:json", args=[name])),
            "csv_url": request.build_absolute_uri(reverse("opendata:csv", args=[name])),
            "example": remember(key, example),
        }
