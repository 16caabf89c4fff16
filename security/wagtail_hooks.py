from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from security.lockouts import MENU_LABEL, can_lift_lockouts, lockouts


@hooks.register("register_admin_urls")
def lockout_urls():
    return [path("sign-in-lockouts/", lockouts, name="alliance_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_lift_lockouts(request.user)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(MENU_LABEL, reverse("alliance_lockouts"), icon_name="lock", order=900)
