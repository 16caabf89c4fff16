from modeltranslation.translator import TranslationOptions, register

from .models import (
    CooperationProjectIndexPage,
    CooperationProjectPage,
    ProjectFigure,
    ProjectMilestone,
    ResponsibleEntity,
)


@register(ResponsibleEntity)
class ResponsibleEntityTR(TranslationOptions):
    fields = ("name",)


@register(CooperationProjectIndexPage)
class CooperationProjectIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(CooperationProjectPage)
class CooperationProjectPageTR(TranslationOptions):
    fields = ("summary", "objective", "body")


@register(ProjectMilestone)
class ProjectMilestoneTR(TranslationOptions):
    fields = ("text",)


@register(ProjectFigure)
class ProjectFigureTR(TranslationOptions):
    fields = ("label",)
