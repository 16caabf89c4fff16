"""The abstract pages the site's page types build on."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.http import HttpResponseNotAllowed
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from caching import dependencies
from caching.fragments import has_view_restrictions, remember
from editorial.forms import TranslatorAwarePageForm


def visible_to_everyone(pages, listing=True):
    """`pages.public()`, without the query it costs while no page has a view restriction.

    A listing of pages of a type (all groups, the newest news) depends on every page of the type:
    one published later must appear. Pages linked to one page (`listing=False`: a group's
    projects, an event's groups) depend on the pages shown and on that page (caching.dependencies).
    """
    if listing:
        dependencies.listed(pages)
    return pages.public() if has_view_restrictions() else pages


class FirstOf(NamedTuple):
    """The first rows of a list a page shows, and how many there are in all: a page that lists
    what is linked to it shows a fixed number and links to the filtered listing for the rest, so
    its cost does not grow with the site."""

    shown: list
    total: int

    @property
    def more(self):
        return self.total > len(self.shown)


def first_of(rows, limit, count=None, fetch=list):
    """The first `limit` of the queryset `rows` (as `fetch` makes them); they are counted
    (`count`, or `rows.count()`) only when there are that many, so a short list costs one query."""
    shown = fetch(rows[:limit])
    if len(shown) < limit:
        return FirstOf(shown, len(shown))
    return FirstOf(shown, (count or rows.count)())


class BasePage(Page):
    """Bilingual behaviour shared by every page type: translator-safe admin form, previews in each
    language, and admin search on the titles of both languages."""

    base_form_class = TranslatorAwarePageForm
    # The query parameters the page reads; any other makes it unshareable (see caching/shared.py).
    query_parameters = frozenset()
    # Whether the page takes a post (a form's); any other page answers a post with 405.
    accepts_posts = False

    # When an editor should check the page again: set by the content loader from the newest date
    # the content states, listed by the "Pages due for review" report once it has passed.
    review_date = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When to check the page's facts again; past it, the review report lists the page."),
    )

    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("review_date")], heading=_("Review")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("title_en"),
        index.SearchField("title_es"),
        index.AutocompleteField("title_en"),
        index.AutocompleteField("title_es"),
    ]

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") and not self.accepts_posts:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        request.query_parameters = self.query_parameters
        # What points at a page shows on it (a group's projects and news, a project's events).
        dependencies.record_related(self)
        return super().serve(request, *args, **kwargs)

    def kept(self, request, name, compute):
        """`compute()`, kept in the fragment cache until this page or something it shows changes
        (a page is loaded before the fragment records anything: its own keys are recorded here).
        A preview shows a draft, so it always computes afresh."""
        if getattr(request, "is_preview", False):
            return compute()

        def build():
            dependencies.record(dependencies.object_key(type(self), self.pk))
            dependencies.record_related(self)
            return compute()

        # Per language: querysets order by the active language's fields (modeltranslation).
        return remember(f"page-fragment:{name}:{self.pk}:{translation.get_language()}", build)

    def get_view_restrictions(self):
        # Skip Wagtail's two queries per page view while no page has a view restriction.
        if not has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve_preview(self, request, mode_name):
        # Render inside the language, so templates and translated fields follow the chosen mode.
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response


class SectionPage(BasePage):
    """A section of the site, one of a kind, right under the home page: a title and a short
    introduction over what the section lists or does."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short paragraph under the title."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["base.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True
