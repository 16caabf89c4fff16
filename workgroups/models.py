"""Technical groups: the index page, group pages, their coordinators and work plans."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, RevisionMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from base.pages import BasePage, SectionPage, first_of, visible_to_everyone
from base.rich_text import RICH_TEXT_FEATURES
from documents.models import DocumentLink
from editorial.forms import TranslatorAwareModelForm


@register_snippet
class Coordinator(RevisionMixin, models.Model):
    """A person who coordinates one or more groups."""

    base_form_class = TranslatorAwareModelForm
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="coordinator")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=255)
    institution = models.CharField(_("institution"), max_length=255, blank=True)
    country = models.ForeignKey(
        "base.MemberCountry",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [FieldPanel(f) for f in ("name", "role", "institution", "country", "email")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class TechnicalGroupIndexPage(SectionPage):
    """Lists every technical group, committee and working group."""

    subpage_types = ["workgroups.TechnicalGroupPage"]

    class Meta:
        verbose_name = _("technical groups index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = visible_to_everyone(TechnicalGroupPage.objects.child_of(self).live()).order_by(
            "title"
        )
        return context


class TechnicalGroupPage(BasePage):
    """One technical group: what it is for, what it does, who coordinates it."""

    # The page lists this many of its projects and documents, with a link to the filtered
    # listing of them all when there are more.
    projects_shown = 10
    documents_shown = 10

    acronym = models.CharField(
        _("acronym"), max_length=20, blank=True, help_text=_("For example CTG (GTC in Spanish).")
    )
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One sentence, shown in listings."))
    introduction = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the group is and how it came to be."),
    )
    objectives = RichTextField(
        _("objectives"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the group sets out to do."),
    )
    achievements = RichTextField(
        _("achievements"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("Results so far, with dates.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("A shared address of the group, if it has one.")
    )
    coordinators_as_of = models.PositiveSmallIntegerField(
        _("coordinators as of"),
        null=True,
        blank=True,
        help_text=_("The year the coordinators listed were last known to hold the post; shown with them."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("summary"),
        FieldPanel("introduction"),
        FieldPanel("objectives"),
        FieldPanel("achievements"),
        InlinePanel("facts", label=_("Key facts")),
        InlinePanel("work_plan", label=_("Lines of action")),
        MultiFieldPanel(
            [
                InlinePanel("coordinators", label=_("Coordinators")),
                FieldPanel("coordinators_as_of"),
                InlinePanel("coordination_terms", label=_("Pro tempore coordination")),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("related_groups", label=_("Related groups")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.SearchField("achievements"),
    ]
    parent_page_types = ["workgroups.TechnicalGroupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("technical group")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only where the template uses it: inside a kept section (the whole page's content,
        # page_sections.kept_section) it is not read at all, and its keys join the section's.
        context["details"] = SimpleLazyObject(lambda: self.kept(request, "group-details", self.details))
        return context

    def details(self):
        """What the page shows of its own rows and of the pages and snippets it names."""
        return {
            "facts": list(self.facts.all()),
            "work_plan": list(self.work_plan.all()),
            "coordinators": [
                link.coordinator for link in self.coordinators.select_related("coordinator__country")
            ],
            "documents": self.first_documents(),
            "related_groups": [
                link.related_group
                for link in self.related_groups.select_related("related_group")
                if link.related_group.live
            ],
            "projects": self.newest_projects(),
        }

    def newest_projects(self):
        """The most recently started projects (`projects_shown` of them), in title order."""
        projects = visible_to_everyone(self.projects.live(), listing=False)
        newest = projects.order_by(F("start_date").desc(nulls_last=True), "pk").values("pk")
        shown = projects.filter(pk__in=newest[: self.projects_shown]).order_by("title")
        return first_of(shown, self.projects_shown, count=projects.count)

    def first_documents(self):
        """The first `documents_shown` documents in the editors' order, and how many it lists."""
        return first_of(
            self.documents.select_related("document__spanish_version"),  # a preview's links are in memory
            self.documents_shown,
            count=self.documents.values("document").distinct().count,
            fetch=lambda links: [link.document for link in links],
        )


class GroupFact(Orderable):
    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="facts")
    label = models.CharField(_("label"), max_length=100, help_text=_("For example: Established."))
    value = models.CharField(_("value"), max_length=255, help_text=_("For example: 4 December 2011."))

    panels = [FieldPanel("label"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        verbose_name = _("key fact")


class WorkPlanItem(Orderable):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="work_plan")
    title = models.CharField(_("title"), max_length=255, help_text=_("The line of action or work plan item."))
    description = models.TextField(_("description"), blank=True, help_text=_("What it involves, briefly."))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Leave empty when the records give no status."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("line of action")


class GroupCoordinator(Orderable):
    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="coordinators")
    coordinator = models.ForeignKey(
        Coordinator,
        verbose_name=_("coordinator"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("coordinator")]


class GroupDocument(DocumentLink):
    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="documents")


class RelatedGroup(Orderable):
    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="related_groups")
    related_group = models.ForeignKey(
        TechnicalGroupPage,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_group")]


class CoordinationTerm(Orderable):
    """A year in which a member country held the group's pro tempore coordination (it rotates)."""

    page = ParentalKey(TechnicalGroupPage, on_delete=models.CASCADE, related_name="coordination_terms")
    country = models.ForeignKey(
        "base.MemberCountry", verbose_name=_("country"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))

    panels = [FieldPanel("country"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = _("pro tempore coordination")
        verbose_name_plural = _("pro tempore coordinations")
