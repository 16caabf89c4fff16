from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.views import PERMISSION

from .views import exchange


@hooks.register("register_admin_urls")
def register_exchange_url():
    return [path("translation-files/", exchange, name="translation_files")]


class ExchangeMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_exchange_menu_item():
    url = reverse("translation_files")
    return ExchangeMenuItem(_("Translation files"), url, icon_name="download", order=260)
