"""Cooperation projects: the index page with its filters, project pages, responsible entities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from alliance_site.dates import DatePrecision, format_partial_date
from alliance_site.rich_text import RICH_TEXT_FEATURES

from .choices import Status
from .filters import ProjectFilterForm


@register_snippet
class ResponsibleEntity(models.Model):
    """An institution responsible for projects: a ministry, agency, institute or partner."""

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.ForeignKey(
        "alliance_site.MemberCountry",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for a partner from outside the Alliance."),
    )

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("country")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("responsible entity")
        verbose_name_plural = _("responsible entities")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class CooperationProjectIndexPage(Page):
    """Lists the cooperation projects, filterable by status and member country."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["alliance_site.HomePage"]
    subpage_types = ["cooperation.CooperationProjectPage"]
    max_count = 1
    template = "pages/cooperation_project_index_page.html"

    class Meta:
        verbose_name = _("cooperation projects index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ProjectFilterForm(request.GET or None)
        projects = CooperationProjectPage.objects.child_of(self).live().order_by("title")
        if form.is_valid():
            if status := form.cleaned_data.get("status"):
                projects = projects.filter(status=status)
            if country := form.cleaned_data.get("country"):
                projects = projects.filter(entities__country__code=country).distinct()
        context["filter_form"] = form
        context["projects"] = projects
        return context


class CooperationProjectPage(Page):
    """One cooperation project: its objective, status, dates, figures and responsible entities."""

    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in listings."))
    objective = models.TextField(_("objective"))
    body = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    group = models.ForeignKey(
        "workgroups.TechnicalGroupPage",
        verbose_name=_("technical group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    planned_end_date = models.DateField(_("planned end"), null=True, blank=True)
    planned_end_precision = models.CharField(
        _("planned end known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    entities = ParentalManyToManyField(ResponsibleEntity, verbose_name=_("responsible entities"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objective"),
        FieldPanel("body"),
        FieldPanel("status"),
        FieldPanel("group"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_precision")]),
                FieldRowPanel(
                    [
                        FieldPanel("planned_end_date"),
                        FieldPanel("planned_end_precision"),
                    ]
                ),
                InlinePanel("milestones", label=_("Milestones")),
            ],
            heading=_("Dates"),
        ),
        InlinePanel("figures", label=_("Key figures")),
        FieldPanel("entities"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objective"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cooperation.CooperationProjectIndexPage"]
    subpage_types = []
    template = "pages/cooperation_project_page.html"

    class Meta:
        verbose_name = _("cooperation project")

    @property
    def start_display(self):
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def planned_end_display(self):
        return format_partial_date(self.planned_end_date, self.planned_end_precision)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        entities = self.entities.select_related("country").order_by("country__code", "name")
        by_country = {}
        for entity in entities:
            by_country.setdefault(entity.country, []).append(entity)
        # Member countries first (in code order), then partners from outside the Alliance.
        context["entities_by_country"] = sorted(by_country.items(), key=lambda item: item[0] is None)
        context["milestones"] = self.milestones.all()
        context["figures"] = self.figures.all()
        context["group"] = self.group if self.group_id and self.group.live else None
        return context


class ProjectMilestone(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("date"))
    precision = models.CharField(
        _("date known to the"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    text = models.CharField(_("what happened"), max_length=500)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("precision")]),
        FieldPanel("text"),
    ]

    @property
    def date_display(self):
        return format_partial_date(self.date, self.precision)


class ProjectFigure(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="figures")
    value = models.PositiveIntegerField(_("value"))
    label = models.CharField(_("label"), max_length=200, help_text=_("What the number counts."))

    panels = [FieldPanel("value"), FieldPanel("label")]
