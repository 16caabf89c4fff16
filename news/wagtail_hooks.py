from django.utils.translation import get_language
from wagtail import hooks

from base.models import HomeSection
from caching.fragments import remember

from .models import NewsIndexPage, latest_news

ON_THE_HOME_PAGE = 3


@hooks.register("construct_home_page")
def lead_with_the_latest_news(request, context):
    def latest():
        index = NewsIndexPage.objects.live().first()
        index_url = index.get_url(request) if index else None
        return {"items": latest_news(ON_THE_HOME_PAGE), "index_url": index_url}

    section = remember(f"home-news:{get_language()}", latest)
    if section["items"]:
        context["home_sections"].append(HomeSection("news/components/home_news.html", section, order=10))
