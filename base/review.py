"""The "Pages due for review" report: live pages whose review date has come, oldest first.

Each page's review date is set by the content loader a year after the newest date its content
states, and editors change it in the page's settings. The report lists the pages the signed-in
editor may change.
"""

import datetime

from django.db.models import Case, DateField, Value, When
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.models import get_page_models

from .pages import BasePage


def due_dates(today):
    """{page id: review date} of the live pages due for review on `today`, one query per page type."""
    due = {}
    for model in get_page_models():
        if issubclass(model, BasePage) and not model._meta.abstract:
            due.update(model.objects.live().filter(review_date__lte=today).values_list("pk", "review_date"))
    return due


class PagesDueForReviewView(PageReportView):
    page_title = _("Pages due for review")
    header_icon = "calendar-alt"
    results_template_name = "base/reports/pages_due_for_review_results.html"
    index_url_name = "pages_due_for_review"
    index_results_url_name = "pages_due_for_review_results"
    permission_required = "change"
    list_export = [*PageReportView.list_export, "review_date"]
    export_headings = {**PageReportView.export_headings, "review_date": _("Review by")}

    def get_filename(self):
        return f"pages-due-for-review-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        due = due_dates(timezone.localdate())
        dates = [When(pk=pk, then=Value(date)) for pk, date in due.items()]
        changeable = self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
        pages = changeable.filter(pk__in=due).annotate(
            review_date=Case(*dates, output_field=DateField()) if dates else Value(None, DateField())
        )
        self.queryset = pages.order_by("review_date", "path").specific(defer=True)
        return super().get_queryset()


class PagesDueForReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


def report_urls():
    view = PagesDueForReviewView
    return [
        path("reports/due-for-review/", view.as_view(), name="pages_due_for_review"),
        path(
            "reports/due-for-review/results/",
            view.as_view(results_only=True),
            name="pages_due_for_review_results",
        ),
    ]
