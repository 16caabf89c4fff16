"""The header part of Mozilla's HTTP Observatory score, computed from responses of the site.

Follows the Observatory's published scoring (the MDN version): every site starts at 100; each
test adds a modifier; bonuses only count when the score without them is 90 or more. The tests
that depend on the network rather than on the response (the HSTS preload list, certificates)
are left out: they add nothing here.
"""

import re
from html.parser import HTMLParser

BASELINE = 100
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90

DANGEROUSLY_BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
SIX_MONTHS = 15_552_000
GOOD_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
BAD_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}


def parse_csp(header):
    policy = {}
    for policy_text in header.split(","):
        for directive in policy_text.split(";"):
            tokens = directive.strip().split()
            if tokens:
                policy.setdefault(tokens[0].lower(), set()).update(t.lower() for t in tokens[1:])
    return policy


def csp_test(response, secure=True):
    """(result, modifier, parsed policy) as the Observatory's contentSecurityPolicyTest."""
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return "csp-not-implemented", -25, {}
    csp = parse_csp(header)
    script_src = set(csp.get("script-src") or csp.get("default-src") or {"*"})
    style_src = set(csp.get("style-src") or csp.get("default-src") or {"*"})
    object_src = csp.get("object-src") or csp.get("default-src") or {"*"}
    for sources in (script_src, style_src):
        if any(s.startswith(NONCES_HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    active = [s for d, v in csp.items() if d not in ("img-src", "media-src", "script-src") for s in v]
    active += list(script_src)
    passive = [s for d in ("img-src", "media-src") for s in (csp.get(d) or csp.get("default-src") or ())]
    if script_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or object_src & DANGEROUSLY_BROAD:
        return "csp-implemented-with-unsafe-inline", -20, csp
    if secure and any(s.startswith(("http:", "ftp:")) for s in active):
        return "csp-implemented-with-insecure-scheme", -20, csp
    if "'unsafe-eval'" in script_src | style_src:
        return "csp-implemented-with-unsafe-eval", -10, csp
    if secure and any(s.startswith(("http:", "ftp:")) for s in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, csp
    if style_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, csp
    if csp.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, csp
    return "csp-implemented-with-no-unsafe", 5, csp


def cookies_test(response):
    cookies = list(response.cookies.values())
    if not cookies:
        return "cookies-not-found", 0
    for cookie in cookies:
        session = re.search("sess|login|auth", cookie.key, re.IGNORECASE)
        if not cookie["secure"]:
            return (
                ("cookies-session-without-secure-flag", -40)
                if session
                else ("cookies-without-secure-flag", -20)
            )
        if session and not cookie["httponly"]:
            return "cookies-session-without-httponly-flag", -30
        if cookie["samesite"] and cookie["samesite"].lower() not in ("strict", "lax", "none"):
            return "cookies-samesite-flag-invalid", -20
    if all(cookie["samesite"] for cookie in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_test(response):
    origin = response.headers.get("Access-Control-Allow-Origin")
    if origin is None:
        return "cross-origin-resource-sharing-not-implemented", 0
    if response.headers.get("Access-Control-Allow-Credentials", "").lower() == "true" and origin != "*":
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    return "cross-origin-resource-sharing-implemented-with-public-access", 0


def redirection_test(http_response, host):
    location = http_response.headers.get("Location", "")
    if http_response.status_code in (301, 302, 307, 308) and location.startswith(f"https://{host}/"):
        return "redirection-to-https", 0
    return "redirection-missing", -20


def referrer_test(response):
    header = response.headers.get("Referrer-Policy")
    if header is None:
        return "referrer-policy-not-implemented", 0
    valid = [
        p.strip().lower() for p in header.split(",") if p.strip().lower() in GOOD_REFERRERS | BAD_REFERRERS
    ]
    if valid and valid[-1] in GOOD_REFERRERS:
        return "referrer-policy-private", 5
    if valid:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


def hsts_test(response):
    header = response.headers.get("Strict-Transport-Security")
    if not header:
        return "hsts-not-implemented", -20
    if "," in header:
        return "hsts-header-invalid", -20
    parameters = [p.strip().lower() for p in header.split(";")]
    ages = [p[len("max-age=") :] for p in parameters if p.startswith("max-age=")]
    if not ages or not ages[0].isdigit():
        return "hsts-header-invalid", -20
    if int(ages[0]) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def sri_test(response, secure=True):
    if not response.headers.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html", 0
    parser = _Scripts()
    parser.feed(response.content.decode())
    scripts = parser.scripts
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = [s for s in scripts if (s.get("src") or "").startswith(("//", "http://", "https://"))]
    if any(not s.get("integrity") and s["src"].startswith("https://") for s in external):
        return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    if any(not s["src"].startswith("https://") for s in external):
        return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
    local = [s for s in scripts if s.get("src") and s not in external]
    if secure and local and all(s.get("integrity") for s in local):
        return "sri-implemented-and-all-scripts-loaded-securely", 5
    return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0


def x_content_type_options_test(response):
    header = response.headers.get("X-Content-Type-Options")
    if header is None:
        return "x-content-type-options-not-implemented", -5
    if header.strip().lower() == "nosniff":
        return "x-content-type-options-nosniff", 0
    return "x-content-type-options-header-invalid", -5


def x_frame_options_test(response, csp):
    if csp.get("frame-ancestors"):
        return "x-frame-options-implemented-via-csp", 5
    header = (response.headers.get("X-Frame-Options") or "").strip().lower()
    if header in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if header.startswith("allow-from"):
        return "x-frame-options-allow-from-origin", 0
    return ("x-frame-options-header-invalid", -20) if header else ("x-frame-options-not-implemented", -20)


def corp_test(response):
    header = (response.headers.get("Cross-Origin-Resource-Policy") or "").strip().lower()
    if not header:
        return "corp-not-implemented", 0
    if header in ("same-origin", "same-site"):
        return f"corp-implemented-with-{header}", 10
    if header == "cross-origin":
        return "corp-implemented-with-cross-origin", 0
    return "corp-header-invalid", -5


def score(https_response, http_response, host):
    """{test: (result, modifier)} and the score, for a page fetched over HTTPS and over HTTP."""
    csp_result, csp_modifier, csp = csp_test(https_response)
    results = {
        "content-security-policy": (csp_result, csp_modifier),
        "cookies": cookies_test(https_response),
        "cross-origin-resource-sharing": cors_test(https_response),
        "redirection": redirection_test(http_response, host),
        "referrer-policy": referrer_test(https_response),
        "strict-transport-security": hsts_test(https_response),
        "subresource-integrity": sri_test(https_response),
        "x-content-type-options": x_content_type_options_test(https_response),
        "x-frame-options": x_frame_options_test(https_response, csp),
        "cross-origin-resource-policy": corp_test(https_response),
    }
    without_bonus = BASELINE + sum(modifier for _, modifier in results.values() if modifier < 0)
    with_bonus = BASELINE + sum(modifier for _, modifier in results.values())
    total = with_bonus if without_bonus >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else without_bonus
    return results, max(total, 0)


def grade(total):
    if total >= 100:
        return "A+"
    for threshold, letter in ((90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+")):
        if total >= threshold:
            return letter
    return "C or lower"
