"""Member country pages: one per member, reached from the home page's country tiles."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from base.pages import BasePage, SectionPage, visible_to_everyone
from caching import dependencies

from . import profile


class MemberCountriesIndexPage(SectionPage):
    """The four members, each linking to its page."""

    subpage_types = ["countries.MemberCountryPage"]

    class Meta:
        verbose_name = _("member countries index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = MemberCountryPage.objects.child_of(self).live().select_related("country")
        context["countries"] = visible_to_everyone(pages).order_by("country__code")
        return context


class MemberCountryPage(BasePage):
    """A member country: what it does in the Alliance, worked out from the groups, projects,
    events and news that name it."""

    country = models.OneToOneField(
        "base.MemberCountry",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("Everything else on the page is computed from the data about this country."),
    )

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short paragraph under the title."))

    content_panels = BasePage.content_panels + [FieldPanel("country"), FieldPanel("intro")]
    parent_page_types = ["countries.MemberCountriesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("member country page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        country = self.country
        dependencies.record_related(country)  # the news and events that name the country
        context["projects"] = profile.projects_with_entities(country)
        context["coordinators"] = profile.coordinators(country)
        context["coordinations"] = profile.coordinations(country)
        context["other_members"] = profile.other_members(country)
        return context
