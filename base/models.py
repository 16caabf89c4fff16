"""Site-wide page types and snippets: the home page, plain content pages, member countries.

The home page leads with what other apps hold (news, events, key figures, the member country
pages): each adds to its context through the `construct_home_page` hook, called as
`hook(request, context)`: it appends `HomeSection`s to `home_sections` and may replace
`member_links` [(country, url)]. Figures come from `register_key_figures` hooks, each returning
a list of `KeyFigure`s (labels as text, so that they can be cached).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Page, RevisionMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from caching import dependencies
from caching.fragments import remember
from documents.models import DocumentLink
from editorial.forms import TranslatorAwareModelForm

from .pages import BasePage
from .rich_text import RICH_TEXT_FEATURES


@register_snippet
class MemberCountry(RevisionMixin, models.Model):
    """One of the four member states (Chile, Colombia, Mexico, Peru)."""

    base_form_class = TranslatorAwareModelForm
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="membercountry")

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2, e.g. CL."),
    )
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("member country")
        verbose_name_plural = _("member countries")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class HomePage(BasePage):
    """The site's root page: what the Alliance is and where to go next."""

    intro = models.TextField(_("introduction"), help_text=_("A short paragraph under the title."))
    body = RichTextField(
        _("body"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the Alliance is, in a few paragraphs, under the member countries."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "workgroups.TechnicalGroupIndexPage",
        "cooperation.CooperationProjectIndexPage",
        "observers.ObserverStatesPage",
        "events.EventIndexPage",
        "base.ContentPage",
        "discovery.SearchPage",
        "discovery.DocumentLibraryPage",
        "opendata.OpenDataPage",
        "contact.ContactPage",
        "countries.MemberCountriesIndexPage",
        "news.NewsIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(dependencies.listed(MemberCountry.objects.all()))
        context["member_countries"] = members
        context["member_links"] = [(country, None) for country in members]
        context["key_figures"] = key_figures(request, len(members))
        context["home_sections"] = []
        for construct in hooks.get_hooks("construct_home_page"):
            construct(request, context)
        context["home_sections"].sort(key=lambda section: section.order)
        return context


def key_figures(request, members):
    """The home page's figures, worked out once per language until the content changes."""

    def compute():
        figures = [KeyFigure(members, str(_("member countries")), None, None, order=0)]
        for register in hooks.get_hooks("register_key_figures"):
            figures.extend(register(request))
        return sorted(figures, key=lambda figure: figure.order)

    return remember(f"home-figures:{get_language()}", compute)


@dataclass
class KeyFigure:
    """A number on the home page, computed from the data, with the year it holds for."""

    value: int
    label: str
    as_of: int | None
    url: str | None
    order: int = 50


@dataclass
class HomeSection:
    """A block of the home page that another app renders (latest news, events)."""

    template: str
    context: dict
    order: int = 50


class ContentPage(BasePage):
    """A plain page of text, such as About, Legal documents or Accessibility."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short paragraph under the title."))
    body = RichTextField(
        _("body"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("The text of the page.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["base.HomePage", "base.ContentPage"]
    subpage_types = ["base.ContentPage"]

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = DocumentLink.documents_of(self.documents)
        return context


class ContentPageDocument(DocumentLink):
    page = ParentalKey(ContentPage, on_delete=models.CASCADE, related_name="documents")
