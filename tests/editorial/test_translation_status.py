"""The translation status report and dashboard panel, against a fixture built for them."""

import csv
import io

import pytest
from django.urls import reverse

from observers.models import ObserverState
from workgroups.models import GroupFact, TechnicalGroupIndexPage, TechnicalGroupPage

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/translation-status/"


@pytest.fixture
def gaps(committed):
    """A new group page with two fields and a key fact left untranslated, a page whose English
    changed after its Spanish was written, and a snippet without a Spanish name (each committed:
    the status follows the change feed, which speaks after the commit)."""
    index = TechnicalGroupIndexPage.objects.get()
    page = TechnicalGroupPage(
        title_en="Digital Agenda",
        title_es="Agenda Digital",
        slug_en="digital-agenda",
        slug_es="agenda-digital",
        summary_en="Works on the digital economy.",
        summary_es="",
        introduction_en="<p>Created in 2016.</p>",
        introduction_es="<p>Creado en 2016.</p>",
        objectives_en="<p>Connect the four markets.</p>",
        objectives_es="",
    )
    page.title, page.slug = page.title_en, page.slug_en
    page.facts = [GroupFact(label_en="Established", label_es="Creación", value_en="2016", value_es="")]
    with committed():
        index.add_child(instance=page)
        page.save_revision().publish()

    changed = TechnicalGroupPage.objects.get(slug_en="tourism")
    changed.summary_en = "A rewritten English summary."
    with committed():
        changed.save_revision().publish()

    observer = ObserverState.objects.get(iso_code="LV")
    observer.name_es = ""
    with committed():
        observer.save()
    return page, changed, observer


def report_fields(html, title):
    row = html.split(f">{title}</a>")[1].split("</tr>")[0]
    return sorted(item.split('">')[1].split("<")[0] for item in row.split("<li data-state=")[1:])


def test_report_lists_exactly_the_fields_to_translate(translator_client, gaps):
    response = translator_client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert report_fields(html, "Digital Agenda") == [
        "Key fact 1: Value: No Spanish text",
        "Objectives: No Spanish text",
        "Summary: No Spanish text",
    ]
    assert report_fields(html, "Tourism Group") == ["Summary: English changed after the Spanish was written"]
    assert report_fields(html, "Latvia") == ["Name: No Spanish text"]
    assert "5 fields to translate" in html
    # Every row links straight to its edit view.
    assert reverse("wagtailadmin_pages:edit", args=[gaps[0].pk]) in html
    assert html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 3


def test_translating_clears_the_report(translator_client, gaps, committed):
    _page, changed, observer = gaps
    changed.summary_es = "Un resumen al día."
    with committed():
        changed.save_revision().publish()
    observer.name_es = "Letonia"
    with committed():
        observer.save()
    html = translator_client.get(REPORT).content.decode()
    assert "Tourism Group" not in html and "Latvia" not in html
    assert "3 fields to translate" in html


def test_report_filters_by_state_and_section(translator_client, gaps):
    html = translator_client.get(REPORT, {"state": "outdated"}).content.decode()
    assert "Tourism Group" in html and "Digital Agenda" not in html
    html = translator_client.get(REPORT, {"section": "snippets"}).content.decode()
    assert "Latvia" in html and "Digital Agenda" not in html
    groups_section = str(TechnicalGroupIndexPage.objects.get().pk)
    html = translator_client.get(REPORT, {"section": groups_section, "state": "missing"}).content.decode()
    assert "Digital Agenda" in html and "Latvia" not in html and "Tourism Group" not in html
    # Nonsense filters are ignored, not an error.
    assert translator_client.get(REPORT, {"section": "'; drop", "state": "x" * 500}).status_code == 200


def test_report_exports_csv(translator_client, gaps):
    response = translator_client.get(REPORT, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Item", "Type", "Section", "Field", "State", "Edit URL"]
    assert len(rows) == 1 + 5
    assert rows[-1][:5] == ["Latvia", "observer state", "Snippets", "Name", "No Spanish text"]
    assert all(row[5].startswith("http://testserver/admin/") for row in rows[1:])


def test_dashboard_shows_the_totals(translator_client, gaps):
    html = translator_client.get("/admin/").content.decode()
    assert "4 fields have no Spanish text." in html
    assert "1 Spanish field is older than its English." in html


def test_translators_see_the_report_in_their_menu(translator_client):
    assert REPORT in translator_client.get("/admin/").content.decode()


def test_report_is_not_public(client):
    assert client.get(REPORT).status_code == 302
