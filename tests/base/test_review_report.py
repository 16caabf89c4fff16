"""Review dates: set by the loader from the content's own dates, listed by the admin report once due."""

import datetime

import pytest
from django.utils import timezone

from base.models import ContentPage
from content_loader.reader import Record
from content_loader.spec import review_date
from cooperation.models import CooperationProjectPage
from editorial.roles import EDITORS
from tests.editorial.conftest import member_of, signed_in

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/due-for-review/"


def test_the_review_date_is_a_year_after_the_newest_date_the_content_states():
    record = Record(
        {"start": "2013-05", "text": {"en": "By 2015 it had 30 members.", "es": "En 2016..."}}, None
    )
    assert review_date(record) == datetime.date(2016, 12, 31) + datetime.timedelta(days=365)
    assert review_date(Record({"milestones": [{"date": "2014-02-10"}]}, None)) == datetime.date(2015, 2, 10)
    assert review_date(Record({"title": {"en": "Search", "es": "Buscar"}}, None)) is None


def test_the_loader_set_review_dates_from_the_content():
    project = CooperationProjectPage.objects.exclude(review_date=None).first()
    assert project is not None
    accessibility = ContentPage.objects.get(slug_en="accessibility")
    assert accessibility.review_date == datetime.date(2027, 12, 31)  # its statement is dated 2026


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Pages due for review"), ("es", "Páginas pendientes de revisión")]
)
def test_the_report_lists_the_pages_past_their_review_date_oldest_first(language, title):
    today = timezone.localdate()
    overdue, later = ContentPage.objects.filter(slug_en__in=["about", "privacy"]).order_by("slug_en")
    ContentPage.objects.filter(pk=overdue.pk).update(review_date=today - datetime.timedelta(days=400))
    ContentPage.objects.filter(pk=later.pk).update(review_date=today + datetime.timedelta(days=30))
    client = signed_in(member_of(EDITORS, "editor"))
    response = client.get(REPORT, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.text
    assert title in html
    assert f"/admin/pages/{overdue.pk}/" in html
    assert f"/admin/pages/{later.pk}/" not in html
    rows = html[html.index("<tbody>") :]
    oldest = CooperationProjectPage.objects.filter(review_date__lte=today).order_by("review_date").first()
    assert rows.index(f"/admin/pages/{oldest.pk}/") < rows.index(f"/admin/pages/{overdue.pk}/")


def test_visitors_cannot_see_the_report(client):
    assert client.get(REPORT).status_code == 302


def test_editors_change_the_review_date_in_the_page_settings():
    page = ContentPage.objects.get(slug_en="about")
    client = signed_in(member_of(EDITORS, "editor"))
    form = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert 'name="review_date"' in form
