"""Legacy browser detection: classifier, middleware and the notice component."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.utils import translation

from caching.shared import SharedResponseMiddleware
from legacy_browsers import versions
from legacy_browsers.classifier import get_classifier, is_legacy_browser
from legacy_browsers.middleware import LegacyBrowserMiddleware
from tests.legacy_browsers.user_agents import CHROME_UA, USER_AGENTS


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [pytest.param(ua, legacy, id=name) for name, ua, legacy in USER_AGENTS],
)
def test_classifier(user_agent, expected):
    assert is_legacy_browser(user_agent) is expected


@pytest.mark.parametrize("user_agent", [None, b"Mozilla/4.0 (compatible; MSIE 6.0)", 42])
def test_classifier_ignores_non_strings(user_agent):
    assert is_legacy_browser(user_agent) is False


def run_middleware(request, response=None):
    """The legacy-browser check, then the decision on sharing, as MIDDLEWARE runs them."""
    response = response if response is not None else HttpResponse("page")
    return LegacyBrowserMiddleware(SharedResponseMiddleware(lambda request: response))(request)


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [pytest.param(ua, legacy, id=name) for name, ua, legacy in USER_AGENTS],
)
def test_middleware(rf: RequestFactory, user_agent, expected):
    request = rf.get("/", HTTP_USER_AGENT=user_agent)
    shared = HttpResponse(
        "page",
        headers={"Cache-Control": "public, max-age=300", "Vary": "Accept-Language"},
    )

    response = run_middleware(request, shared)

    assert request.legacy_browser is expected
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    if expected:
        assert {"private", "max-age=300"} <= directives
        assert "public" not in directives
    else:
        assert directives == {"public", "max-age=300"}
    assert "user-agent" not in response["Vary"].lower()


def test_middleware_without_user_agent_header(rf: RequestFactory):
    request = rf.get("/")
    request.META.pop("HTTP_USER_AGENT", None)

    response = run_middleware(request)

    assert request.legacy_browser is False
    assert not response.has_header("Cache-Control")
    assert not response.has_header("Vary")


def test_legacy_response_gets_private_without_vary(rf: RequestFactory):
    request = rf.get("/", HTTP_USER_AGENT=USER_AGENTS[0][1])

    response = run_middleware(request)

    assert response["Cache-Control"] == "private"
    assert not response.has_header("Vary")


def test_binary_header_through_middleware(rf: RequestFactory):
    request = rf.get("/")
    request.META["HTTP_USER_AGENT"] = b"\xff\xfe\x80MSIE 6.0"  # not even a str

    run_middleware(request)

    assert request.legacy_browser is False


def test_memo_is_bounded():
    with override_settings(LEGACY_BROWSER_MEMO_SIZE=16):
        memo = get_classifier().memo
        for version in range(100):
            is_legacy_browser(CHROME_UA.format(f"{version}.0.0.0"))
        assert memo.cache_info().currsize == 16

        is_legacy_browser("MSIE 6.0;" + "x" * 10_240)  # too long: never stored
        assert memo.cache_info().currsize == 16
        assert memo.cache_info().misses == 100


def test_same_user_agent_is_classified_once():
    with override_settings(LEGACY_BROWSER_MEMO_SIZE=16):
        memo = get_classifier().memo
        for _ in range(5):
            is_legacy_browser(CHROME_UA.format("60.0.0.0"))
        assert memo.cache_info().misses == 1
        assert memo.cache_info().hits == 4


def test_min_versions_follow_settings(rf: RequestFactory):
    chrome_120 = CHROME_UA.format("120.0.0.0")
    ie9 = USER_AGENTS[3][1]
    ie8 = USER_AGENTS[2][1]
    assert is_legacy_browser(chrome_120) is False

    with override_settings(LEGACY_BROWSER_MIN_VERSIONS={"Chrome": 121, "IE": 9}):
        assert is_legacy_browser(chrome_120) is True
        # Once the table no longer flags every IE, versions decide.
        assert is_legacy_browser(ie9) is False
        assert is_legacy_browser(ie8) is True
        # A middleware built under the override uses it too.
        request = rf.get("/", HTTP_USER_AGENT=chrome_120)
        run_middleware(request)
        assert request.legacy_browser is True

    with override_settings(LEGACY_BROWSER_MIN_VERSIONS={}):
        assert is_legacy_browser(ie8) is False

    assert is_legacy_browser(chrome_120) is False
    assert is_legacy_browser(ie9) is True


# The notice component --------------------------------------------------------

DOWNLOAD_LINKS = [
    "https://www.mozilla.org/firefox/new/",
    "https://www.google.com/chrome/",
    "https://www.microsoft.com/edge",
    "https://www.apple.com/safari/",
]
IE_CONDITIONAL = re.compile(r"<!--\[if lte IE 9\]>(.*?)<!\[endif\]-->", re.DOTALL)


def render_notice(rf, legacy, language="en"):
    request = rf.get("/")
    if legacy is not None:
        request.legacy_browser = legacy
    with translation.override(language):
        return render_to_string("legacy_browsers/notice.html", {"request": request})


def assert_notice_markup(html):
    assert 'class="legacy-notice"' in html
    assert 'role="region"' in html
    assert 'aria-label="' in html
    for link in DOWNLOAD_LINKS:
        assert f'href="{link}"' in html
    button = re.search(r"<button[^>]*>", html).group(0)
    assert 'data-dismiss="legacy-notice"' in button
    assert "hidden" in button  # revealed by legacy-notice.js
    assert 'type="button"' in button
    # Nothing the Content-Security-Policy would block.
    for forbidden in ("style=", "onclick", "<script"):
        assert forbidden not in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_notice_shown_to_legacy_browsers(rf: RequestFactory, language):
    html = render_notice(rf, True, language)

    assert_notice_markup(html)
    assert html.count('class="legacy-notice"') == 1
    assert "<!--[if" not in html  # shown once, not again for old IE


def test_notice_message_in_english(rf: RequestFactory):
    html = render_notice(rf, True)

    assert "Your browser is out of date" in html
    assert "Hide this notice" in html


@pytest.mark.parametrize("legacy", [False, None])
@pytest.mark.parametrize("language", ["en", "es"])
def test_other_browsers_only_get_the_ie_conditional_comment(rf: RequestFactory, legacy, language):
    html = render_notice(rf, legacy, language)

    blocks = IE_CONDITIONAL.findall(html)
    assert len(blocks) == 1
    assert_notice_markup(blocks[0])
    assert "--" not in blocks[0]  # would close the comment early
    assert "legacy-notice" not in IE_CONDITIONAL.sub("", html)


CURRENT_BY_VERSION = [
    CHROME_UA.format("131.0.0.0"),
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/13.1 Safari/605.1.15",
]
NOT_BY_VERSION = [
    CHROME_UA.format("99.0.4844.51"),  # asked: Chrome 79 to 99 are current, older ones are not
    "Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko Chrome/120.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/12.1.2 Safari/605.1.15",
    "",
]


def test_user_agents_current_by_their_version_alone_are_never_legacy():
    """Varnish answers these without asking the site (CERTAINLY_CURRENT): the site must agree."""
    expression = re.compile(versions.CERTAINLY_CURRENT)
    every_agent = [ua for _name, ua, _legacy in USER_AGENTS] + CURRENT_BY_VERSION + NOT_BY_VERSION
    current = [ua for ua in every_agent if isinstance(ua, str) and expression.search(ua)]
    assert [ua for ua in current if is_legacy_browser(ua)] == []
    assert set(CURRENT_BY_VERSION) <= set(current)
    assert not set(NOT_BY_VERSION) & set(current)
    assert len(current) >= 10  # real browsers of the table take the short way


def test_varnish_takes_the_short_way_for_the_same_user_agents():
    vcl = (Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl").read_text()
    assert f'req.http.User-Agent ~ "{versions.CERTAINLY_CURRENT}"' in vcl
