"""The page history's entry for a load that replaced people's changes (--overwrite)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .ownership import OVERWRITE_ACTION


@hooks.register("register_log_actions")
def register_overwrite_action(actions):
    @actions.register_action(OVERWRITE_ACTION)
    class OverwriteFormatter(LogFormatter):
        label = _("Replace from the content files")

        def format_message(self, log_entry):
            fields = ", ".join((log_entry.data or {}).get("fields", []))
            return _("Replaced from the content files: %(fields)s") % {"fields": fields}
