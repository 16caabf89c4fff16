"""Observer states: the snippet, and the page that lists them with the pillars of cooperation."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from base.language import sort_key
from base.models import MemberCountry
from base.pages import SectionPage
from base.rich_text import RICH_TEXT_FEATURES
from caching import dependencies
from editorial.forms import TranslatorAwareModelForm

from .world_map import world_map


class Continent(models.TextChoices):
    # UN M49 regions, as in the data file (so Türkiye and the Caucasus count as Asia).
    AFRICA = "Africa", _("Africa")
    AMERICAS = "Americas", _("Americas")
    ASIA = "Asia", _("Asia")
    EUROPE = "Europe", _("Europe")
    OCEANIA = "Oceania", _("Oceania")


@register_snippet
class ObserverState(RevisionMixin, models.Model):
    """A state with observer status in the Pacific Alliance."""

    base_form_class = TranslatorAwareModelForm
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="observerstate")

    iso_code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    continent = models.CharField(_("continent"), max_length=10, choices=Continent.choices)
    year_admitted = models.PositiveSmallIntegerField(
        _("year admitted"),
        null=True,
        blank=True,
        help_text=_("Leave empty where no source gives the year."),
    )
    sources = models.TextField(
        _("sources"),
        blank=True,
        help_text=_("Where the facts come from; one URL per line."),
    )

    panels = [FieldPanel(f) for f in ("iso_code", "name", "continent", "year_admitted", "sources")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("observer state")
        verbose_name_plural = _("observer states")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class ObserverStatesPage(SectionPage):
    """Lists every observer state, grouped by continent, and the areas of cooperation with them."""

    history = RichTextField(
        _("history"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Dated counts from the records. The current count is computed from the observer list."),
    )

    content_panels = SectionPage.content_panels + [
        FieldPanel("history"),
        InlinePanel("pillars", label=_("Pillars")),
        InlinePanel("thematic_areas", label=_("Thematic areas")),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("history")]
    query_parameters = frozenset({"continent"})

    class Meta:
        verbose_name = _("observer states page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected = request.GET.get("continent", "")
        if selected not in Continent.values:
            selected = ""
        observers = sorted(
            dependencies.listed(ObserverState.objects.all()), key=lambda observer: sort_key(observer.name)
        )
        context["observer_count"] = len(observers)
        # The count is as current as the newest admission the list records.
        context["latest_admission"] = max(
            (o.year_admitted for o in observers if o.year_admitted), default=None
        )
        by_continent = {value: [] for value in Continent.values}
        for observer in observers:
            if selected and observer.continent != selected:
                continue
            by_continent[observer.continent].append(observer)
        context["continents"] = [
            (value, label, by_continent[value]) for value, label in Continent.choices if by_continent[value]
        ]
        context["continent_choices"] = Continent.choices
        context.update(self.map_context(context["continents"], selected))
        context["selected_continent"] = selected
        context["pillars"] = self.pillars.all()
        context["thematic_areas"] = self.thematic_areas.all()
        return context

    @staticmethod
    def map_context(continents, selected):
        """The world map of the members and of the observers listed (those of one continent, if chosen)."""
        shown = [observer for _value, _label, observers in continents for observer in observers]
        members = [(country.code, country.name) for country in MemberCountry.objects.all()]
        return {
            "map": world_map(members, shown),
            "map_observer_count": len(shown),
            "map_member_names": get_text_list([name for _code, name in members], _("and")),
            "selected_label": Continent(selected).label if selected else "",
        }


class CooperationPillar(Orderable):
    page = ParentalKey(ObserverStatesPage, on_delete=models.CASCADE, related_name="pillars")
    name = models.CharField(_("name"), max_length=200, help_text=_("A few words."))
    description = models.TextField(_("description"), blank=True, help_text=_("One sentence."))

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("pillar")


class ThematicArea(Orderable):
    page = ParentalKey(ObserverStatesPage, on_delete=models.CASCADE, related_name="thematic_areas")
    name = models.CharField(_("name"), max_length=200, help_text=_("A few words."))
    description = models.TextField(_("description"), blank=True, help_text=_("One sentence."))

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("thematic area")
