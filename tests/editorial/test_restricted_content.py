"""Restricted content can be unlocked in both languages: sign in to see a page, enter a password
to get a document."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from base.models import ContentPage
from documents.models import LegalDocument

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "es"]


@pytest.fixture
def members_only_page():
    page = ContentPage.objects.live().order_by("path").first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def locked_document():
    document = LegalDocument.objects.order_by("pk").first()
    document.collection = Collection.get_first_root_node().add_child(name="Negotiating texts")
    document.save()
    CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="pacifico",
    )
    return document


@pytest.mark.parametrize("language", LANGUAGES)
def test_signing_in_opens_a_login_restricted_page(client, members_only_page, language):
    get_user_model().objects.create_user("member", "member@example.org", "a long member password")
    with translation.override(language):
        page_url = members_only_page.get_url()
    response = client.get(page_url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(f"/{language}/")
    assert client.get(login_url).status_code == 200
    response = client.post(login_url, {"username": "member", "password": "a long member password"})
    assert response.status_code == 302 and response["Location"] == page_url
    response = client.get(page_url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_password_opens_a_restricted_document(client, locked_document, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    response = client.get(locked_document.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' in html
    action = html.split('<form action="', 1)[1].split('"', 1)[0]
    wrong = client.post(action, {"password": "wrong", "return_url": locked_document.url})
    assert wrong.status_code == 200 and 'name="password"' in wrong.content.decode()
    response = client.post(action, {"password": "pacifico", "return_url": locked_document.url})
    assert response.status_code == 302 and response["Location"] == locked_document.url
    response = client.get(locked_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content])[:4] == b"%PDF"
