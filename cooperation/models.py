"""Cooperation projects: the index page with its filters, project pages, responsible entities."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, RevisionMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from base.dates import format_partial_date, partial_date_field, precision_field
from base.pages import BasePage, SectionPage, visible_to_everyone
from base.rich_text import RICH_TEXT_FEATURES
from editorial.forms import TranslatorAwareModelForm

from .choices import Status
from .filters import ProjectFilterForm, groups_with_projects


@register_snippet
class ResponsibleEntity(RevisionMixin, models.Model):
    """An institution responsible for projects: a ministry, agency, institute or partner."""

    base_form_class = TranslatorAwareModelForm
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="responsibleentity")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.ForeignKey(
        "base.MemberCountry",
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

    @property
    def revisions(self):
        return self._revisions


class CooperationProjectIndexPage(SectionPage):
    """Lists the cooperation projects, filterable by status, member country and technical group."""

    subpage_types = ["cooperation.CooperationProjectPage"]
    query_parameters = frozenset(ProjectFilterForm.base_fields)

    class Meta:
        verbose_name = _("cooperation projects index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = visible_to_everyone(CooperationProjectPage.objects.child_of(self).live()).order_by("title")
        form = ProjectFilterForm(request.GET or None, groups_with_projects(projects))
        if form.is_valid():
            if group := form.group_pk():
                projects = projects.filter(group=group)
            if status := form.cleaned_data.get("status"):
                projects = projects.filter(status=status)
            if country := form.cleaned_data.get("country"):
                projects = projects.filter(entities__country__code=country).distinct()
        context["filter_form"] = form
        context["projects"] = projects
        return context


class CooperationProjectPage(BasePage):
    """One cooperation project: its objective, status, dates, figures and responsible entities."""

    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in listings."))
    objective = models.TextField(_("objective"), help_text=_("The project's objective, in one paragraph."))
    body = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the project does and has done."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, help_text=_("Shown in listings.")
    )
    status_as_of = models.PositiveSmallIntegerField(
        _("status as of"),
        null=True,
        blank=True,
        help_text=_("The year the status was last known to be true; shown beside it."),
    )
    group = models.ForeignKey(
        "workgroups.TechnicalGroupPage",
        verbose_name=_("technical group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("The technical group the project belongs to."),
    )
    start_date = partial_date_field(_("start"), null=True, blank=True)
    start_precision = precision_field(_("start date known to the"))
    planned_end_date = partial_date_field(_("planned end"), null=True, blank=True)
    planned_end_precision = precision_field(_("planned end known to the"))
    entities = ParentalManyToManyField(
        ResponsibleEntity,
        verbose_name=_("responsible entities"),
        blank=True,
        help_text=_("The institutions of each member country (and partners) that run the project."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objective"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_as_of")]),
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
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objective"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cooperation.CooperationProjectIndexPage"]
    subpage_types = []

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
        # Read only where the template uses it: inside a kept section (the whole page's content,
        # page_sections.kept_section) it is not read at all, and its keys join the section's.
        context["details"] = SimpleLazyObject(lambda: self.kept(request, "project-details", self.details))
        return context

    def details(self):
        """What the page shows of its own rows and of the entities and group it names."""
        entities = self.entities.select_related("country").order_by("country__code", "name")
        by_country = {}
        for entity in entities:
            by_country.setdefault(entity.country, []).append(entity)
        return {
            # Member countries first (in code order), then partners from outside the Alliance.
            "entities_by_country": sorted(by_country.items(), key=lambda item: item[0] is None),
            "milestones": list(self.milestones.all()),
            "figures": list(self.figures.all()),
            "group": self.group if self.group_id and self.group.live else None,
        }


class ProjectMilestone(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="milestones")
    date = partial_date_field(_("date"))
    precision = precision_field(_("date known to the"))
    text = models.CharField(_("what happened"), max_length=500, help_text=_("One sentence."))

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("precision")]),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")

    @property
    def date_display(self):
        return format_partial_date(self.date, self.precision)


class ProjectFigure(Orderable):
    page = ParentalKey(CooperationProjectPage, on_delete=models.CASCADE, related_name="figures")
    value = models.PositiveIntegerField(_("value"), help_text=_("A whole number, such as 1268."))
    label = models.CharField(_("label"), max_length=200, help_text=_("What the number counts."))
    # Figures that the home page adds up across projects.
    counts = models.CharField(
        _("added up on the home page as"),
        max_length=30,
        blank=True,
        choices=[("scholarships_awarded", _("scholarships awarded"))],
        help_text=_("Leave empty unless the number belongs in one of the Alliance's totals."),
    )

    panels = [FieldPanel("value"), FieldPanel("label"), FieldPanel("counts")]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
