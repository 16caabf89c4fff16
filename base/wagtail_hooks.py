from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .review import PagesDueForReviewMenuItem, report_urls


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return report_urls()


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return PagesDueForReviewMenuItem(
        _("Pages due for review"), reverse("pages_due_for_review"), icon_name="calendar-alt", order=110
    )
