"""The secretariat reads contact messages in the admin; nobody writes or edits one there."""

import pytest

from contact.models import ContactMessage
from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.editorial.conftest import member_of, signed_in

pytestmark = pytest.mark.django_db
LIST = "/admin/contact_messages/"


@pytest.fixture
def message():
    return ContactMessage.objects.create(
        name="Ana Pérez", email="ana@example.org", topic="press", message="A question.", language="es"
    )


@pytest.mark.parametrize("role", [EDITORS, MODERATORS])
def test_the_secretariat_reads_messages_but_cannot_add_or_change_them(role, message):
    client = signed_in(member_of(role, "reader"))
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert "Ana Pérez" in listing.text
    assert f"{LIST}add/" not in listing.text
    assert client.get(f"{LIST}inspect/{message.pk}/").status_code == 200
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert client.get(f"{LIST}edit/{message.pk}/").status_code in (302, 403)
    assert client.post(f"{LIST}delete/{message.pk}/").status_code == 302
    assert not ContactMessage.objects.exists()


def test_translators_do_not_see_messages(message):
    client = signed_in(member_of(TRANSLATORS, "translator"))
    assert client.get(LIST).status_code in (302, 403)
