"""Interface strings in the admin: translators edit the Spanish (the English and its context are
shown, read-only), and the review workflow decides when it is published."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import InterfaceString

GUIDE = _(
    "The words of menus, buttons, forms and messages. Write the Spanish of the English shown; keep "
    "placeholders such as %(name)s or {count} exactly as they are. A change is shown on the site "
    "once a moderator approves and publishes it."
)


class InterfaceStringViewSet(SnippetViewSet):
    model = InterfaceString
    icon = "doc-full"
    menu_label = _("Interface strings")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["source", "context", "spanish", "in_code"]
    list_filter = ["live", "in_code"]
    search_fields = ["source", "spanish", "context"]
    search_backend_name = None  # the database's own filtering: no search index for these
    panels = [
        HelpPanel(content=GUIDE),
        FieldPanel("source", read_only=True),
        FieldPanel("context", read_only=True),
        FieldPanel("source_plural", read_only=True),
        FieldPanel("spanish"),
        FieldPanel("spanish_plural"),
    ]


register_snippet(InterfaceStringViewSet)
