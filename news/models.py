"""News: the section page that lists the items, with filters, and the news items themselves."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from base.models import MemberCountry
from base.pages import BasePage, SectionPage, visible_to_everyone
from base.rich_text import RICH_TEXT_FEATURES
from workgroups.models import TechnicalGroupPage

from .choices import Kind
from .filters import NewsFilterForm


def newest_first(items):
    return items.order_by("-date", "-pk")


def public_news(listing=True):
    """Every live news item that anyone may read, newest first."""
    return newest_first(visible_to_everyone(NewsItemPage.objects.live(), listing=listing))


def live_links(manager):
    """The live, public pages a many-to-many field links to. In a preview the links are the
    revision's, held in memory: they are looked up in the database to be filtered."""
    pages = manager.all()
    if isinstance(pages, FakeQuerySet):
        pages = manager.model.objects.filter(pk__in=[page.pk for page in pages])
    return visible_to_everyone(pages.live(), listing=False).order_by("title")


def latest_news(limit=3, **filters):
    """The `limit` newest live, public news items matching `filters` (e.g. `groups=page`,
    `countries__code="CL"`), for the home page and the pages that news items are about."""
    matching = NewsItemPage.objects.filter(**filters).values("pk")
    # With filters, the news about one page: that page's own (what points at it), not a listing.
    return list(public_news(listing=not filters).filter(pk__in=matching)[:limit])


class NewsIndexPage(SectionPage):
    """Lists the news items, newest first, ten a page, filterable by kind, group, country and year."""

    items_per_page = 10
    subpage_types = ["news.NewsItemPage"]
    query_parameters = frozenset(NewsFilterForm.base_fields) | {"page"}
    search_kind = "news"

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = newest_first(visible_to_everyone(NewsItemPage.objects.child_of(self).live()))
        form = NewsFilterForm(request.GET, items)
        listed = form.filter(items).prefetch_related(
            Prefetch(
                "groups",
                queryset=visible_to_everyone(TechnicalGroupPage.objects.live(), listing=False).order_by(
                    "title"
                ),
                to_attr="listed_groups",
            ),
            Prefetch("countries", queryset=MemberCountry.objects.all(), to_attr="listed_countries"),
        )
        try:
            page = Paginator(listed, self.items_per_page).page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(str(error)) from error
        context["filter_form"] = form
        context["news_page"] = page
        return context


class NewsItemPage(BasePage):
    """One press release, news story or statement, with the groups, projects and countries it concerns."""

    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
        help_text=_("A press release or a statement speaks for the Alliance; news reports."),
    )
    date = models.DateField(_("date"), help_text=_("The day of the event the item reports."))
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences, shown in listings.")
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES, help_text=_("The text of the item."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; shown at the top of the item."),
    )
    lead_image_alt = models.CharField(
        _("lead image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it. Required with an image."),
    )
    groups = ParentalManyToManyField(
        "workgroups.TechnicalGroupPage",
        verbose_name=_("technical groups"),
        blank=True,
        related_name="news_items",
        help_text=_("The groups the item is about; it is listed on their pages."),
    )
    projects = ParentalManyToManyField(
        "cooperation.CooperationProjectPage",
        verbose_name=_("cooperation projects"),
        blank=True,
        related_name="news_items",
        help_text=_("The projects the item is about; it is listed on their pages."),
    )
    countries = ParentalManyToManyField(
        "base.MemberCountry",
        verbose_name=_("member countries"),
        blank=True,
        related_name="news_items",
        help_text=_("The member countries the item concerns."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_alt")], heading=_("Lead image")),
        MultiFieldPanel(
            [FieldPanel("groups"), FieldPanel("projects"), FieldPanel("countries")], heading=_("Related")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    search_kind = "news"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date"]

    def clean(self):
        super().clean()
        # The English description is the one every language falls back to.
        if self.lead_image_id and not (self.lead_image_alt_en or "").strip():
            raise ValidationError(
                {"lead_image_alt_en": _("Describe the image: it is required when an image is chosen.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only where the template uses them: inside the kept section (the whole page's
        # content, page_sections.kept_section) they are not built at all.
        context["groups"] = SimpleLazyObject(lambda: live_links(self.groups))
        context["projects"] = SimpleLazyObject(lambda: live_links(self.projects))
        context["countries"] = SimpleLazyObject(self.countries.all)
        return context
