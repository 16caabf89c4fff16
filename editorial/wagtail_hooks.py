"""Admin integration: the translation report, its dashboard panel, and the limits of translators."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Site

from . import workbench_views
from .queue import build_queue
from .roles import is_translator_only, works_on_translations
from .translation_status import MISSING, OUTDATED, build_report
from .views import PERMISSION, copy_translation_content, translation_status

ITEM = "translations/<str:app_label>/<str:model_name>/<int:pk>/"


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path("reports/translation-status/", translation_status, name="translation_status"),
        path("translations/", workbench_views.queue, name="translation_queue"),
        path(ITEM, workbench_views.changes, name="translation_changes"),
        path(f"{ITEM}save/", workbench_views.save_spanish, name="translation_save"),
        path(f"{ITEM}still-correct/", workbench_views.confirm_spanish, name="translation_confirm"),
    ]


@hooks.register("register_log_actions")
def register_confirmation_log_action(actions):
    actions.register_action(
        workbench_views.CONFIRMED, _("Spanish still correct"), _("Spanish confirmed as still correct")
    )


class WorkbenchMenuItem(MenuItem):
    def is_shown(self, request):
        return works_on_translations(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    url = reverse("translation_queue")
    return WorkbenchMenuItem(_("Translation queue"), url, icon_name="globe", order=240)


@hooks.register("register_admin_urls", order=-10)
def guard_copy_translation_content():
    # Same address as wagtail-modeltranslation's helper, registered first so that it answers instead.
    return [
        path(
            "pages/<int:page_id>/edit/copy_translation_content/",
            copy_translation_content,
            name="copy_translation_content",
        )
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=100
    )


@hooks.register("register_admin_menu_item")
def register_translator_menu_item():
    # Translators have no Reports menu of their own: give them the report at the top level.
    return TranslatorMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=250
    )


class TranslatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_translator_only(request.user) and request.user.has_perm(PERMISSION)


class DashboardPanel(Component):
    def __init__(self, request):
        self.request = request

    def home(self):
        site = Site.find_for_request(self.request)
        return site.root_page if site else None


class TranslationStatusPanel(DashboardPanel):
    name = "translation_status"
    order = 150
    template_name = "editorial/dashboard_panel.html"

    def get_context_data(self, parent_context):
        rows = build_report(home=self.home())
        fields = [state for row in rows for _label, state in row.fields]
        return {
            "missing": fields.count(MISSING),
            "outdated": fields.count(OUTDATED),
            "items": len(rows),
            "report_url": reverse("translation_status"),
        }


class TranslationQueuePanel(DashboardPanel):
    name = "translation_queue"
    order = 140
    template_name = "editorial/queue_panel.html"

    def get_context_data(self, parent_context):
        items = build_queue(self.home())
        return {
            "items": len(items),
            "fields": sum(len(item.changes) for item in items),
            "oldest": items[0].waiting_since if items else None,
            "queue_url": reverse("translation_queue"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    if works_on_translations(request.user):
        panels.append(TranslationQueuePanel(request))
    if request.user.has_perm(PERMISSION):
        panels.append(TranslationStatusPanel(request))


# Translators change text, never the tree: refuse creating, moving, copying, deleting and reverting.
def refuse_translators(request, *args, **kwargs):
    if is_translator_only(request.user):
        raise PermissionDenied


for hook_name in ("before_create_page", "before_delete_page", "before_move_page", "before_copy_page"):
    hooks.register(hook_name, refuse_translators, order=-10)


# The single-page view whose hooks each bulk action on pages answers to, as if run page by page.
SINGLE_PAGE_HOOKS = {"delete": "before_delete_page", "move": "before_move_page"}


@hooks.register("before_bulk_action", order=-10)
def apply_single_page_rules_to_bulk_actions(request, action_type, objects, action):
    # No bulk action edits text: translators are refused every one, those added later included.
    refuse_translators(request)
    hook_name = SINGLE_PAGE_HOOKS.get(action_type)
    if hook_name is None or not issubclass(action.model, Page):
        return None
    extra = [action.cleaned_form.cleaned_data["chooser"]] if action_type == "move" else []
    for page in objects:
        for hook in hooks.get_hooks(hook_name):
            result = hook(request, page, *extra)
            if hasattr(result, "status_code"):
                return result
    return None


@hooks.register("before_copy_page", order=-5)
def refuse_incomplete_copy(request, page):
    # wagtail-modeltranslation's own copy hook reads this field unchecked: answer 400, not 500.
    if request.method == "POST" and not request.POST.get("new_parent_page", "").isdigit():
        return HttpResponseBadRequest(_("Choose the page to copy to."))


@hooks.register("before_edit_page")
def refuse_translator_revert(request, page):
    match = request.resolver_match
    if match and match.url_name == "revisions_revert" and is_translator_only(request.user):
        raise PermissionDenied
