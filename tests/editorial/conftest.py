import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from observers.models import ObserverState


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "a long test password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(db):
    return member_of(EDITORS, "editor")


@pytest.fixture
def moderator(db):
    return member_of(MODERATORS, "moderator")


@pytest.fixture
def translator(db):
    return member_of(TRANSLATORS, "translator")


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def moderator_client(moderator):
    return signed_in(moderator)


@pytest.fixture
def translator_client(translator):
    return signed_in(translator)


@pytest.fixture
def changed_observer(editor, committed):
    """An observer state whose English name an editor changed after its Spanish was written."""
    observer = ObserverState.objects.get(iso_code="LV")
    observer.name_en = "Republic of Latvia"
    with committed():
        observer.save()
        observer.save_revision(user=editor)
    return observer
