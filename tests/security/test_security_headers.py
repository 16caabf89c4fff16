"""Security headers on every public response, the admin's own policy, the Observatory score."""

import importlib
import sys
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from wagtail.models import Page

from documents.models import LegalDocument
from tests import observatory

pytestmark = pytest.mark.django_db

DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
PUBLIC_URLS = [
    "/en/",
    "/es/",
    "/en/technical-groups/cooperation/",
    "/es/proyectos-de-cooperacion/?status=in_progress&country=CL",
    "/en/observer-states/?continent=Europe",
    "/en/legal-documents/",
    "/en/no-such-page/",
    "/fr/",
    "/static/css/site.css",
    "/health/",
]


def production_security_settings(monkeypatch):
    """The HTTPS-related settings exactly as alliance_site.settings.production sets them."""
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    sys.modules.pop("alliance_site.settings.production", None)
    production = importlib.import_module("alliance_site.settings.production")
    sys.modules.pop("alliance_site.settings.production", None)
    names = [
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_REFERRER_POLICY",
    ]
    return {name: getattr(production, name) for name in names}


def directives(response):
    return observatory.parse_csp(response["Content-Security-Policy"])


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and event handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # Data blocks (JSON, JSON-LD) are never run, so a policy has nothing to block there.
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in DATA_BLOCK_TYPES:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"{tag} {name}=")
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            self.found.append("javascript: link")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_response_has_the_security_headers(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    csp = directives(response)
    assert csp["default-src"] == {"'none'"}
    for directive in ("script-src", "style-src"):
        assert csp[directive] == {"'self'"}, directive
        assert "'unsafe-inline'" not in csp[directive] and "'unsafe-eval'" not in csp[directive]
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["object-src"] == {"'none'"} and csp["base-uri"] == {"'none'"}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in observatory.GOOD_REFERRERS
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen"):
        assert f"{feature}=()" in permissions


def test_no_public_page_has_inline_code(rendered_site):
    """The strict policy would block inline code: there must be none to block."""
    assert len(rendered_site) >= 2 * Page.objects.live().exclude(depth=1).count()
    for url, html in rendered_site.items():
        assert inline_code(html) == [], url


def admin_page_edit_url():
    group = Page.objects.get(url_path__endswith="/technical-groups/cooperation/")
    return f"/admin/pages/{group.pk}/edit/"


def test_admin_pages_render_under_a_policy_without_eval(client):
    """Login, dashboard and page editor: no 'unsafe-eval'; inline scripts only where Wagtail has them."""
    login = Client().get("/admin/login/")
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "a long test password")
    client.force_login(user)
    dashboard, editor = client.get("/admin/"), client.get(admin_page_edit_url())
    for response in (login, dashboard, editor):
        assert response.status_code == 200
        csp = directives(response)
        assert csp["script-src"] == ({"'self'"} if response is login else {"'self'", "'unsafe-inline'"})
        assert csp["style-src"] == {"'self'", "'unsafe-inline'"}
        assert csp["object-src"] == {"'none'"}
        assert csp["frame-ancestors"] == {"'self'"}  # the admin frames its own page previews
        assert "fullscreen=(self)" in response["Permissions-Policy"]
    assert b'name="username"' in login.content and b"wagtail-config" in dashboard.content
    # Why scripts still need 'unsafe-inline': the editor starts widgets with inline scripts.
    assert "inline <script>" in inline_code(editor.content.decode())


@pytest.mark.parametrize("url", ["/admin/login/", "/admin/password_reset/", "/admin/password_reset/done/"])
def test_signed_out_admin_pages_have_no_inline_script_and_allow_none(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert directives(response)["script-src"] == {"'self'"}
    scripts = [found for found in inline_code(response.content.decode()) if "style" not in found]
    assert scripts == []  # no inline script, event handler or javascript: link


def test_admin_sign_in_works_under_the_admin_policy():
    get_user_model().objects.create_superuser("admin", "admin@example.org", "a long test password")
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "a long test password"}, follow=True
    )
    assert response.status_code == 200 and response.context["user"].is_authenticated
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_signed_in_editors_keep_the_strict_policy_and_the_user_bar_has_no_inline_code(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    response = client.get("/en/technical-groups/")
    html = response.content.decode()
    assert "wagtail-userbar" in html
    assert inline_code(html) == []
    csp = directives(response)
    assert csp["default-src"] == {"'none'"}
    assert not ({"'unsafe-inline'", "'unsafe-eval'"} & (csp["script-src"] | csp["style-src"]))


def test_a_view_that_sets_its_own_policy_keeps_it_and_cannot_be_framed(client):
    document = LegalDocument.objects.filter(language="en").first()
    response = client.get(document.url)
    assert response.status_code == 200
    csp = directives(response)
    assert csp["default-src"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'none'"}


@pytest.mark.parametrize("url", ["/en/", "/es/grupos-tecnicos/cooperacion/", "/en/cooperation-projects/"])
def test_mozilla_observatory_header_score_is_top_grade(monkeypatch, url):
    with override_settings(**production_security_settings(monkeypatch)):
        client = Client()
        over_https = client.get(url, secure=True)
        over_http = client.get(url)
    assert over_https.status_code == 200
    results, total = observatory.score(over_https, over_http, host="testserver")
    report = ", ".join(f"{name} {modifier:+d}" for name, (_result, modifier) in results.items() if modifier)
    print(f"\nObservatory header score for {url}: {total} ({observatory.grade(total)}): {report}")
    assert all(modifier >= 0 for _result, modifier in results.values()), results
    assert total >= 110, results
    assert observatory.grade(total) == "A+"
    assert results["content-security-policy"][0] == "csp-implemented-with-no-unsafe-default-src-none"
    hsts = over_https["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts


def test_health_endpoint_is_not_redirected_to_https(monkeypatch):
    with override_settings(**production_security_settings(monkeypatch)):
        response = Client().get("/health/")
    assert response.status_code == 200
