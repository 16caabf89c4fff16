"""Translators change the interface's Spanish in the admin; it shows once a moderator publishes it."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import WorkflowState

from caching.changes import content_changed
from caching.dependencies import hashed
from interface_strings.models import InterfaceString
from interface_strings.seeding import seed

SKIP_LINK = "Skip to main content"
NEW = "Saltar al contenido (revisado)"


@pytest.fixture
def skip_link(db):
    return InterfaceString.objects.get(source=SKIP_LINK, context="")


def edit_url(string):
    return reverse("wagtailsnippets_interface_strings_interfacestring:edit", args=[string.pk])


def edit(client, string, spanish, action):
    data = {"spanish": spanish, "spanish_plural": string.spanish_plural, action: "1"}
    return client.post(edit_url(string), data)


def test_every_po_entry_is_seeded_with_its_spanish(skip_link):
    assert skip_link.live and skip_link.spanish == "Saltar al contenido principal"
    plural = InterfaceString.objects.exclude(source_plural="").first()
    assert plural.spanish and plural.spanish_plural
    assert seed() == 0  # a second seeding adds nothing and overwrites nothing


def test_translator_sees_source_and_context(translator_client, skip_link):
    response = translator_client.get(edit_url(skip_link))
    assert response.status_code == 200
    assert SKIP_LINK in response.content.decode()
    listing = translator_client.get(reverse("wagtailsnippets_interface_strings_interfacestring:list"))
    assert listing.status_code == 200


def test_a_draft_changes_nothing_until_a_moderator_publishes(
    client, translator_client, moderator_client, skip_link, committed
):
    response = edit(translator_client, skip_link, NEW, "action-submit")
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(skip_link.pk), status="in_progress").exists()
    assert NEW not in client.get("/es/").content.decode()
    assert edit(translator_client, skip_link, NEW, "action-publish").status_code != 302
    skip_link.refresh_from_db()
    assert skip_link.spanish != NEW  # translators cannot publish

    state = WorkflowState.objects.get(object_id=str(skip_link.pk), status="in_progress")
    approve = reverse(
        "wagtailsnippets_interface_strings_interfacestring:workflow_action",
        args=[skip_link.pk, "approve", state.current_task_state.pk],
    )
    sent = []
    content_changed.connect(
        lambda sender, change, **kwargs: sent.append(change), weak=False, dispatch_uid="t"
    )
    try:
        with committed():  # the change feed runs on commit
            assert moderator_client.post(approve, {"comment": ""}).status_code == 302
    finally:
        content_changed.disconnect(dispatch_uid="t")
    assert any("strings:es" in change.keys for change in sent)  # the caches in front purge it
    skip_link.refresh_from_db()
    assert skip_link.live and skip_link.spanish == NEW
    spanish = client.get("/es/")
    assert NEW in spanish.content.decode()
    assert hashed("strings:es") in spanish["xkey"].split()  # what the publish purges in front
    assert SKIP_LINK in client.get("/en/").content.decode()


def test_a_later_seeding_keeps_the_translators_string(moderator_client, skip_link):
    edit(moderator_client, skip_link, NEW, "action-publish")
    seed()
    skip_link.refresh_from_db()
    assert skip_link.spanish == NEW


def test_a_string_nobody_edited_follows_the_po(skip_link):
    InterfaceString.objects.filter(pk=skip_link.pk).update(spanish="Texto anterior")
    seed()
    skip_link.refresh_from_db()
    assert skip_link.spanish == "Saltar al contenido principal"


def test_seeding_command_says_what_it_added(db):
    out = StringIO()
    call_command("seed_interface_strings", stdout=out)
    assert out.getvalue().startswith("0 new interface strings from django.po")
