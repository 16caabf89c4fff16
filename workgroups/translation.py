from modeltranslation.translator import TranslationOptions, register

from .models import (
    Coordinator,
    GroupFact,
    TechnicalGroupIndexPage,
    TechnicalGroupPage,
    WorkPlanItem,
)


@register(Coordinator)
class CoordinatorTR(TranslationOptions):
    fields = ("role", "institution")


@register(TechnicalGroupIndexPage)
class TechnicalGroupIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(TechnicalGroupPage)
class TechnicalGroupPageTR(TranslationOptions):
    fields = ("acronym", "summary", "introduction", "objectives", "achievements")


@register(GroupFact)
class GroupFactTR(TranslationOptions):
    fields = ("label", "value")


@register(WorkPlanItem)
class WorkPlanItemTR(TranslationOptions):
    fields = ("title", "description")
