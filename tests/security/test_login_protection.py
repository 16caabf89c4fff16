"""Admin sign-in: failures are slowed per account, then locked out per address (and per account at
an address, never for every address); admins lift it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from security import login_protection

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def no_real_sleep(monkeypatch):
    delays = []
    monkeypatch.setattr(login_protection.time, "sleep", delays.append)
    return delays


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(password, username="editor", address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password})


def signed_in(response):
    return response.status_code == 302 and "/login/" not in response["Location"]


def test_the_right_password_signs_in(editor):
    assert signed_in(sign_in(PASSWORD))


def test_failures_are_slowed_down_then_locked(editor, settings, no_real_sleep):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in("wrong").status_code == 200  # the form again, with its error
    # Slower and slower after the first LOGIN_SLOWDOWN_AFTER failures.
    assert no_real_sleep == [0.5, 1.0]
    locked = sign_in("wrong")
    assert locked.status_code == 429
    # Once locked, even the right password is refused, with a page that says why and for how long.
    response = sign_in(PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in temporarily blocked" in html
    assert "15 minutes" in html
    assert "administrator" in html


def test_lockout_is_per_address_too(editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong", username=f"guess{number}")
    # Another account from the same address is locked; the editor from another address is not.
    assert sign_in(PASSWORD).status_code == 429
    assert signed_in(sign_in(PASSWORD, address="198.51.100.20"))


def test_an_account_is_locked_at_the_address_that_guessed_not_everywhere(editor, settings, no_real_sleep):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong", address="198.51.100.1")
    assert sign_in(PASSWORD, address="198.51.100.1").status_code == 429
    # Nobody can lock the editor out of their own desk by guessing from elsewhere.
    assert signed_in(sign_in(PASSWORD, address="192.0.2.99"))


def test_guesses_spread_over_many_addresses_are_slowed_per_account(editor, settings, no_real_sleep):
    for number in range(settings.AXES_FAILURE_LIMIT + 2):
        assert sign_in("wrong", address=f"198.51.100.{number + 1}").status_code == 200
    # Each new address is slower than the last: the count is the account's, wherever it comes from.
    assert no_real_sleep == sorted(no_real_sleep) and len(no_real_sleep) >= 4 and no_real_sleep[-1] >= 2.0


def test_the_lockout_page_is_in_spanish_for_spanish_editors(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong")
    client = Client(REMOTE_ADDR="203.0.113.7", HTTP_ACCEPT_LANGUAGE="es")
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    assert "Inicio de sesión bloqueado temporalmente" in response.content.decode()


def test_an_administrator_lifts_the_lockout_in_the_admin(editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong")
    assert sign_in(PASSWORD).status_code == 429

    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD))
    page = admin.get("/admin/sign-in-lockouts/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "203.0.113.7" in html and "Locked" in html
    response = admin.post("/admin/sign-in-lockouts/", {"ip_address": "203.0.113.7"})
    assert response.status_code == 302
    response = admin.post("/admin/sign-in-lockouts/", {"username": "editor"})
    assert "No failed sign-ins." in admin.get("/admin/sign-in-lockouts/").content.decode()
    assert signed_in(sign_in(PASSWORD))


def test_editors_without_the_permission_cannot_lift_lockouts(editor):
    moderator = get_user_model().objects.create_user("moderator", "m@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Secretariat moderators"))
    client = Client()
    client.force_login(moderator)
    assert client.get("/admin/sign-in-lockouts/").status_code in (302, 403)
    assert client.post("/admin/sign-in-lockouts/", {"ip_address": "203.0.113.7"}).status_code in (302, 403)


def test_client_address_behind_trusted_proxies(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert login_protection.client_ip(request) == "198.51.100.9"
    settings.TRUSTED_PROXY_COUNT = 0
    assert login_protection.client_ip(request) == "10.0.0.2"


@pytest.mark.parametrize("password", ["short", "12345678901234", "password12345", "editor@example.org1"])
def test_weak_passwords_are_refused(password):
    user = get_user_model()(username="editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_passphrase_is_accepted():
    validate_password("maize terraces above the andes", get_user_model()(username="editor"))
