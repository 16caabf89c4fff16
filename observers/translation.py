from modeltranslation.translator import TranslationOptions, register

from .models import CooperationPillar, ObserverState, ObserverStatesPage, ThematicArea


@register(ObserverState)
class ObserverStateTR(TranslationOptions):
    fields = ("name",)


@register(ObserverStatesPage)
class ObserverStatesPageTR(TranslationOptions):
    fields = ("intro", "history")


@register(CooperationPillar)
class CooperationPillarTR(TranslationOptions):
    fields = ("name", "description")


@register(ThematicArea)
class ThematicAreaTR(TranslationOptions):
    fields = ("name", "description")
