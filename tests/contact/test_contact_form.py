"""The contact form through real requests: sent, refused, trapped and limited, in both languages."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from contact.models import ContactMessage
from contact.sending import RATE

pytestmark = pytest.mark.django_db
URLS = {"en": "/en/contact/", "es": "/es/contacto/"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def visitor(address="198.51.100.7"):
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=address)


def post(client, language, **changes):
    page = client.get(URLS[language])
    fields = {
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "topic": "press",
        "message": "I would like to interview the coordinator of the group.",
        "website": "",
        "csrfmiddlewaretoken": TOKEN.search(page.text).group(1),
    }
    return client.post(URLS[language] + "?form=contact", fields | changes)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_valid_message_is_stored_and_mailed_once_committed(language, committed):
    with committed():
        response = post(visitor(), language)
    assert response.status_code == 302
    assert response["Location"] == f"{URLS[language]}?sent=1"
    stored = ContactMessage.objects.get()
    assert (stored.name, stored.email, stored.topic, stored.language) == (
        "Ana Pérez",
        "ana@example.org",
        "press",
        language,
    )
    [sent] = mail.outbox
    assert sent.to == settings.CONTACT_EMAILS
    assert sent.reply_to == ["ana@example.org"]
    assert "interview the coordinator" in sent.body
    thanks = visitor().get(response["Location"])
    assert {"en": "Thank you", "es": "Gracias"}[language] in thanks.text
    assert 'name="message"' not in thanks.text


@pytest.mark.parametrize(
    ("language", "required", "bad_email"),
    [
        ("en", "This field is required.", "Enter a valid email address."),
        ("es", "Este campo es necesario.", "Introduzca una dirección de correo electrónico válida."),
    ],
)
def test_invalid_messages_are_refused_with_clear_errors_and_kept(language, required, bad_email):
    response = post(visitor(), language, name="", email="not an address")
    assert response.status_code == 200
    assert required in response.text
    assert bad_email in response.text
    assert "interview the coordinator" in response.text  # nothing the visitor wrote is lost
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_a_filled_trap_is_answered_like_a_message_but_neither_stored_nor_mailed(committed):
    with committed():
        response = post(visitor(), "en", website="https://spam.example")
    assert response.status_code == 302
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_an_address_that_sends_too_many_is_refused_and_keeps_its_text(committed):
    allowed = int(RATE.split("/")[0])
    client = visitor()
    with committed():
        for _ in range(allowed):
            assert post(client, "es").status_code == 302
        refused = post(client, "es", message="Un mensaje más, que no se pierde.")
    assert refused.status_code == 429
    assert "Un mensaje más, que no se pierde." in refused.text
    assert "Demasiados mensajes" in refused.text
    assert ContactMessage.objects.count() == allowed
    assert post(visitor("203.0.113.9"), "es").status_code == 302  # another address is not limited


def test_a_post_without_the_csrf_token_is_refused():
    response = visitor().post(URLS["en"] + "?form=contact", {"name": "x", "email": "a@example.org"})
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_is_never_shared_so_no_visitor_gets_another_ones_token(language):
    first, second = visitor().get(URLS[language]), visitor().get(URLS[language])
    for response in (first, second):
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "s-maxage" not in response["Cache-Control"]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_an_unknown_topic_in_the_address_is_ignored():
    response = visitor().get(URLS["en"] + "?topic=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.text
    preselected = visitor().get(URLS["en"] + "?topic=website")
    assert '<option value="website" selected>' in preselected.text


def test_messages_older_than_twelve_months_are_deleted():
    old, recent = (
        ContactMessage.objects.create(
            name="n", email="n@example.org", topic="general", message="m", language="en"
        )
        for _ in range(2)
    )
    ContactMessage.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=400))
    out = io.StringIO()
    call_command("purge_contact_messages", stdout=out)
    assert list(ContactMessage.objects.all()) == [recent]
    assert "deleted: 1" in out.getvalue()


def test_only_the_contact_form_takes_posts_and_only_by_post():
    assert visitor().post(URLS["en"], {"name": "x"}).status_code == 405  # without ?form=contact
    assert visitor().post("/en/?form=contact", {"name": "x"}).status_code in (403, 405)
    assert Client().post("/en/?form=contact", {"name": "x"}).status_code == 405  # another page
    assert visitor().generic("DELETE", URLS["en"] + "?form=contact").status_code == 405
    assert not ContactMessage.objects.exists()
