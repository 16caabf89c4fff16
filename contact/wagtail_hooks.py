"""Contact messages in the admin: the secretariat reads and deletes them; nobody writes or edits one."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ContactMessage


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Messages come only from visitors: no one adds or changes them in the admin."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in ("add", "change")])


register_permission_policy(ContactMessage, ReadOnlyPolicy(ContactMessage))


class ContactMessageViewSet(ModelViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = _("Contact messages")
    add_to_admin_menu = True
    menu_order = 300
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["sent_at", "name", "email", "topic", "language"]
    list_filter = ["topic", "language"]
    search_fields = ["name", "email", "message"]
    form_fields = ["name", "email", "topic", "message"]


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet("contact_messages")
