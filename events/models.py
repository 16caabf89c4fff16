"""Events and summits: the timeline page and one page per summit, meeting, workshop or call."""

from itertools import groupby
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from base.dates import DatePrecision, partial_date_field, precision_field
from base.models import MemberCountry
from base.pages import BasePage, SectionPage, visible_to_everyone
from base.rich_text import RICH_TEXT_FEATURES
from cooperation.models import CooperationProjectPage
from workgroups.models import TechnicalGroupPage

from . import dates
from .choices import Kind
from .filters import EventFilterForm, linked_pages
from .places import country_name, validate_country_code

NEWEST_FIRST = ("-start_date", "-end_date", "pk")


def public_events():
    return visible_to_everyone(EventPage.objects.live())


class EventIndexPage(SectionPage):
    """The timeline: upcoming events, then past ones by year, filterable by type, country, group
    and project."""

    subpage_types = ["events.EventPage"]
    query_parameters = frozenset(EventFilterForm.base_fields)

    class Meta:
        verbose_name = _("events timeline")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = visible_to_everyone(EventPage.objects.child_of(self).live())
        countries = events.exclude(country="").order_by().values_list("country", flat=True).distinct()
        form = EventFilterForm(request.GET or None, set(countries), linked_pages(events))
        groups = visible_to_everyone(TechnicalGroupPage.objects.live()).order_by("title")
        shown = list(
            form.filter(events).order_by(*NEWEST_FIRST).prefetch_related(Prefetch("groups", queryset=groups))
        )
        today = timezone.localdate()
        context["filter_form"] = form
        context["event_count"] = len(shown)
        context["upcoming"] = [event for event in reversed(shown) if event.start_date >= today]
        past = [event for event in shown if event.start_date < today]
        context["past_years"] = [(year, list(items)) for year, items in groupby(past, key=_year)]
        return context


def _year(event):
    return event.start_date.year


class EventPage(BasePage):
    """One summit, meeting, workshop, sports meeting or call: when, where, and what came of it."""

    search_kind = "event"  # the site search's kind for events (discovery.search.results.EVENT)

    start_date = partial_date_field(_("start"))
    start_precision = precision_field(_("start date known to the"))
    end_date = models.DateField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("The last day, for an event of several days; only with a start known to the day."),
    )
    date_note = models.CharField(
        _("note on the date"),
        max_length=300,
        blank=True,
        help_text=_("Where accounts of the event give different dates, say so here, plainly."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("Where the event took place."))
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text=_("ISO 3166-1 alpha-2 code, e.g. CL; its name is shown in the reader's language."),
    )
    host_country = models.ForeignKey(
        MemberCountry,
        verbose_name=_("host member country"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Set from the country when it is a member of the Alliance."),
    )
    kind = models.CharField(
        _("type"), max_length=30, choices=Kind.choices, help_text=_("Shown in listings and filters.")
    )
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in listings."))
    body = RichTextField(
        _("what was decided or done"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The decisions, results or programme of the event."),
    )
    groups = ParentalManyToManyField(
        TechnicalGroupPage,
        verbose_name=_("technical groups"),
        blank=True,
        related_name="events",
        help_text=_("The groups that met, organised the event or were created by it."),
    )
    projects = ParentalManyToManyField(
        CooperationProjectPage,
        verbose_name=_("cooperation projects"),
        blank=True,
        related_name="events",
        help_text=_("The projects the event was part of or decided on."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_precision")]),
                FieldPanel("end_date"),
                FieldPanel("date_note"),
            ],
            heading=_("Dates"),
        ),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")], heading=_("Place")),
        FieldPanel("body"),
        FieldPanel("groups"),
        FieldPanel("projects"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("date_note"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def clean_fields(self, exclude=None):
        self.country = (self.country or "").strip().upper()  # "cl" is CL
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if self.end_date and self.start_date:
            if self.start_precision != DatePrecision.DAY:
                raise ValidationError({"end_date": _("Give an end only when the start is known to the day.")})
            if self.end_date < self.start_date:
                raise ValidationError({"end_date": _("The end cannot be before the start.")})
        self.host_country = MemberCountry.objects.filter(code=self.country).first() if self.country else None

    @property
    def date_parts(self):
        return dates.date_parts(self.start_date, self.start_precision, self.end_date)

    @property
    def dates_display(self):
        return dates.dates_text(self.start_date, self.start_precision, self.end_date)

    @property
    def calendar_end(self):
        return dates.day_after(self.start_date, self.start_precision, self.end_date)

    @property
    def country_display(self):
        return country_name(self.country)

    @property
    def place(self):
        """ "Cali, Colombia" in the reader's language; either part may be missing."""
        return ", ".join(part for part in (self.city, self.country_display) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = list(visible_to_everyone(self.groups.live(), listing=False).order_by("title"))
        context["projects"] = list(visible_to_everyone(self.projects.live(), listing=False).order_by("title"))
        return context


class UpcomingAndRecent(NamedTuple):
    upcoming: list  # soonest first
    recent: list  # newest first


def upcoming_and_recent(limit=3):
    """Up to `limit` live, public events to come (from today on) and up to `limit` past ones, in
    two queries, for a summary such as the home page's."""
    today = timezone.localdate()
    events = public_events()
    upcoming = events.filter(start_date__gte=today).order_by("start_date", "end_date", "pk")[:limit]
    recent = events.filter(start_date__lt=today).order_by(*NEWEST_FIRST)[:limit]
    return UpcomingAndRecent(list(upcoming), list(recent))
