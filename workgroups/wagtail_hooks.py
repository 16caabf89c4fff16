from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from base.models import KeyFigure
from base.pages import visible_to_everyone

from .models import TechnicalGroupIndexPage, TechnicalGroupPage


@hooks.register("register_key_figures")
def group_count(request):
    groups = visible_to_everyone(TechnicalGroupPage.objects.live())
    index = TechnicalGroupIndexPage.objects.live().first()
    url = index.get_url(request) if index else None
    return [KeyFigure(groups.count(), str(_("technical groups and committees")), None, url, order=20)]
