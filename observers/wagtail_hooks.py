from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from base.models import KeyFigure
from caching import dependencies

from .models import ObserverState, ObserverStatesPage


@hooks.register("register_key_figures")
def observer_count(request):
    observers = dependencies.listed(ObserverState.objects.values_list("year_admitted", flat=True))
    page = ObserverStatesPage.objects.live().first()
    url = page.get_url(request) if page else None
    latest = max((year for year in observers if year), default=None)
    return [KeyFigure(len(observers), str(_("observer states")), latest, url, order=10)]
