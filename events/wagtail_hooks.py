from django.utils.translation import get_language
from wagtail import hooks

from base.models import HomeSection
from caching.fragments import remember

from .models import EventIndexPage, upcoming_and_recent

ON_THE_HOME_PAGE = 3


@hooks.register("construct_home_page")
def show_upcoming_and_recent_events(request, context):
    def events():
        index = EventIndexPage.objects.live().first()
        found = upcoming_and_recent(ON_THE_HOME_PAGE)
        index_url = index.get_url(request) if index else None
        return {"upcoming": found.upcoming, "recent": found.recent, "index_url": index_url}

    # A fragment's name holds the day too, so what is still to come is worked out daily.
    section = remember(f"home-events:{get_language()}", events)
    if section["upcoming"] or section["recent"]:
        context["home_sections"].append(HomeSection("events/components/home_events.html", section, order=20))
