from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import MENU_LABEL, caches


@hooks.register("register_admin_urls")
def cache_urls():
    return [path("caches/", caches, name="alliance_caches")]


class CachesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def caches_menu_item():
    return CachesMenuItem(MENU_LABEL, reverse("alliance_caches"), icon_name="cogs", order=910)
