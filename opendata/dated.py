"""The dated data sets: news items and events, in the order of their ids.

Records follow the same rules as the others (records.py): built in the active language, fields
in a stable order, new fields only at the end.
"""

from django.db.models import Prefetch

from base.pages import visible_to_everyone
from cooperation.models import CooperationProjectPage
from events.models import EventPage
from events.places import country_name
from news.models import NewsItemPage
from workgroups.models import TechnicalGroupPage

from .records import LIST_SEPARATOR, Resource, absolute_url, partial_date, timestamp


def linked_pages(model):
    """Prefetch of a page relation that keeps only live, public pages, in id order (each record's own
    links, not a listing of the type)."""
    return visible_to_everyone(model.objects.live(), listing=False).order_by("pk")


def news_rows():
    return (
        visible_to_everyone(NewsItemPage.objects.live())
        .prefetch_related(
            Prefetch("groups", queryset=linked_pages(TechnicalGroupPage)),
            Prefetch("projects", queryset=linked_pages(CooperationProjectPage)),
            "countries",
        )
        .order_by("pk")
    )


def page_refs(pages, request):
    return [{"id": page.pk, "title": page.title, "url": absolute_url(page, request)} for page in pages]


def news_record(item, context):
    request = context["request"]
    return {
        "id": item.pk,
        "slug": item.slug,
        "title": item.title,
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        "date": item.date.isoformat(),
        "summary": item.summary,
        "url": absolute_url(item, request),
        "groups": page_refs(item.groups.all(), request),
        "projects": page_refs(item.projects.all(), request),
        "countries": sorted(country.code for country in item.countries.all()),
        "last_published_at": timestamp(item.last_published_at),
    }


def joined_titles(refs):
    return LIST_SEPARATOR.join(ref["title"] for ref in refs)


def news_flat(record):
    return record | {
        "groups": joined_titles(record["groups"]),
        "projects": joined_titles(record["projects"]),
        "countries": LIST_SEPARATOR.join(record["countries"]),
    }


def event_rows():
    return (
        visible_to_everyone(EventPage.objects.live())
        .prefetch_related(
            Prefetch("groups", queryset=linked_pages(TechnicalGroupPage)),
            Prefetch("projects", queryset=linked_pages(CooperationProjectPage)),
        )
        .order_by("pk")
    )


def event_record(event, context):
    request = context["request"]
    return {
        "id": event.pk,
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "start": partial_date(event.start_date, event.start_precision),
        "end": event.end_date.isoformat() if event.end_date else None,
        "city": event.city,
        "country": event.country or None,
        "country_name": country_name(event.country) if event.country else None,
        "summary": event.summary,
        "date_note": event.date_note,
        "url": absolute_url(event, request),
        "groups": page_refs(event.groups.all(), request),
        "projects": page_refs(event.projects.all(), request),
        "last_published_at": timestamp(event.last_published_at),
    }


def event_flat(record):
    return record | {"groups": joined_titles(record["groups"]), "projects": joined_titles(record["projects"])}


EVENT_COLUMNS = (
    "id",
    "slug",
    "title",
    "kind",
    "kind_label",
    "start",
    "end",
    "city",
    "country",
    "country_name",
    "summary",
    "date_note",
    "url",
    "groups",
    "projects",
    "last_published_at",
)
NEWS_COLUMNS = (
    "id",
    "slug",
    "title",
    "kind",
    "kind_label",
    "date",
    "summary",
    "url",
    "groups",
    "projects",
    "countries",
    "last_published_at",
)
DATED_RESOURCES = (
    Resource("news", NEWS_COLUMNS, news_rows, news_record, news_flat),
    Resource("events", EVENT_COLUMNS, event_rows, event_record, event_flat),
)
