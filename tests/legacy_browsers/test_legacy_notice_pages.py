"""The legacy-browser notice on real pages, in both languages, with its caching headers."""

import pytest

from tests.pages import get_ok

pytestmark = pytest.mark.django_db

IE9 = "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0)"
OLD_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/601.7.7 (KHTML, like Gecko) Version/9.1.2 Safari/601.7.7"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
NOTICE = '<div class="legacy-notice" role="region"'
CONDITIONAL = "<!--[if lte IE 9]>"


@pytest.mark.parametrize(
    ("language", "url", "message"),
    [
        ("en", "/en/technical-groups/", "Your browser is out of date"),
        ("es", "/es/grupos-tecnicos/", "Su navegador está desactualizado"),
    ],
)
@pytest.mark.parametrize("agent", [IE9, OLD_SAFARI])
def test_legacy_browser_sees_the_notice_above_the_page(client, language, url, message, agent):
    response = client.get(url, HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    notice_at = html.index(NOTICE)
    # Shown as plain markup (not only inside the conditional comment), above the page, not instead of it.
    assert CONDITIONAL not in html[:notice_at]
    assert notice_at < html.index('<main id="main"')
    assert "<h1>" in html[notice_at:]
    assert 'href="https://www.microsoft.com/edge"' in html
    assert 'data-dismiss="legacy-notice"' in html
    assert "private" in response["Cache-Control"]
    assert "User-Agent" not in response.get("Vary", "")


@pytest.mark.parametrize(
    "agent", [CHROME, "", "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"]
)
def test_modern_browsers_and_bots_only_get_the_conditional_comment(client, agent):
    response = client.get("/en/technical-groups/", HTTP_USER_AGENT=agent)
    html = response.content.decode()
    assert response.status_code == 200
    # The only copy of the notice is inside the comment that IE 9 and older read.
    assert html.count(NOTICE) == 1
    notice_at = html.index(NOTICE)
    opened = html.rindex(CONDITIONAL, 0, notice_at)
    assert "<![endif]-->" not in html[opened:notice_at]
    assert "<![endif]-->" in html[notice_at:]
    assert "private" not in response.get("Cache-Control", "")
    assert "User-Agent" not in response.get("Vary", "")


@pytest.mark.parametrize(
    "agent", ["\x00\x01binary", "A" * 10_000, "Mozilla/5.0 (\u202e) ☃", "MSIE 9." * 1000]
)
def test_malformed_user_agents_get_a_normal_page(client, agent):
    response = client.get("/es/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    get_ok(client, "/es/")


@pytest.mark.parametrize("url", ["/en/", "/es/grupos-tecnicos/"])
def test_only_browsers_that_get_the_notice_load_its_script(client, url):
    script = 'src="/static/legacy_browsers/notice'
    modern = client.get(url, HTTP_USER_AGENT=CHROME).content.decode()
    # Current browsers download no script at all: it sits in IE's conditional comment.
    assert modern.count(script) == 1
    assert modern.index(CONDITIONAL) < modern.index(script) < modern.index("<![endif]-->")
    legacy = client.get(url, HTTP_USER_AGENT=OLD_SAFARI).content.decode()
    assert legacy.count(script) == 1
    assert CONDITIONAL not in legacy[: legacy.index(script)]


@pytest.mark.parametrize(
    ("user_agent", "verdict"),
    [(IE9, "yes"), (OLD_SAFARI, "yes"), (CHROME, "no"), ("", "no")],
)
def test_the_cache_in_front_is_told_which_browsers_get_the_notice(client, user_agent, verdict):
    response = client.get("/browser-check/", HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200 and response["X-Legacy-Browser"] == verdict
    assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]
    assert "User-Agent" not in response.get("Vary", "")  # Varnish keys it on the User-Agent itself
