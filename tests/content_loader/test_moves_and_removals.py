"""A page people moved or deleted, and an observer state people edited that the file no longer
lists: each is a conflict the load reports and leaves alone, until --overwrite says otherwise."""

import pytest
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from base.models import ContentPage
from editorial.roles import MODERATORS
from events.models import EventPage
from observers.models import ObserverState
from tests.content_loader.test_content_loader import CONTENT, load
from tests.content_loader.test_people_changes import load_with
from tests.editorial.admin_forms import form_data
from tests.editorial.conftest import member_of, signed_in
from tests.pages import get_ok, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = member_of(MODERATORS, "mover")
    return user, signed_in(user)


def page(slug):
    return ContentPage.objects.get(slug_en=slug)


def test_a_page_people_moved_stays_until_overwrite_moves_it_back(moderator):
    _user, client = moderator
    notice, about = page("legal-notice"), page("about")
    home = notice.get_parent()
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[notice.pk, about.pk]))
    assert response.status_code == 302
    assert page("legal-notice").get_parent().pk == about.pk

    output = load()
    assert "pages/legal-notice: field 'parent': kept, changed by mover" in output
    assert page("legal-notice").get_parent().pk == about.pk

    output = load_with("--overwrite", "pages/legal-notice:parent")
    moved_back = page("legal-notice")
    assert moved_back.get_parent().pk == home.pk
    assert "field 'parent'" not in output
    assert "1 updated" in output.splitlines()[-1]
    for url, title in (("/en/legal-notice/", moved_back.title_en), ("/es/aviso-legal/", moved_back.title_es)):
        assert title in text_of(get_ok(client, url))  # where it was before the move


@pytest.fixture
def csv_without_argentina(content_copy):
    target = content_copy
    rows = (CONTENT / "observer_states.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (target / "observer_states.csv").write_text(
        "".join(row for row in rows if not row.startswith("AR,")), encoding="utf-8"
    )
    return target


def test_a_state_people_edited_stays_when_the_file_drops_it_until_overwrite(moderator, csv_without_argentina):
    _user, client = moderator
    argentina = ObserverState.objects.get(iso_code="AR")
    url = AdminURLFinder().get_edit_url(argentina)
    data = form_data(client.get(url), form_id="w-editor-form")
    data["name_es"] = "República Argentina"
    assert client.post(url, data).status_code == 302

    output = load(csv_without_argentina)
    assert "field 'deleted': kept, changed by mover" in output
    assert ObserverState.objects.get(iso_code="AR").name_es == "República Argentina"
    assert "República Argentina" in text_of(get_ok(client, "/es/estados-observadores/"))

    load_with("--overwrite", "observer_states/AR:deleted", content_dir=csv_without_argentina)
    assert not ObserverState.objects.filter(iso_code="AR").exists()
    assert "República Argentina" not in text_of(get_ok(client, "/es/estados-observadores/"))


def test_a_page_people_deleted_stays_deleted_until_overwrite_makes_it_again(moderator):
    _user, client = moderator
    event = EventPage.objects.get(slug_en="vii-summit-cali")
    urls = {"en": "/en/events/vii-summit-cali/", "es": "/es/eventos/vii-cumbre-cali/"}
    delete = client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]))
    assert delete.status_code == 302
    assert not EventPage.objects.filter(slug_en="vii-summit-cali").exists()

    output = load()
    assert "events/vii-summit-cali: field 'deleted': kept, changed by mover" in output
    assert not EventPage.objects.filter(slug_en="vii-summit-cali").exists()
    for url in urls.values():
        assert client.get(url).status_code == 404

    load_with("--overwrite", "events/vii-summit-cali:deleted")
    again = EventPage.objects.get(slug_en="vii-summit-cali")
    assert again.live
    assert again.title_en in text_of(get_ok(client, urls["en"]))
    assert again.title_es in text_of(get_ok(client, urls["es"]))
    assert "field 'deleted'" not in load()
