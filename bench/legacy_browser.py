"""Cost per request of LegacyBrowserMiddleware, cold and memoised.

    python bench/legacy_browser.py [--requests 3000] [--seed 1]

Builds a mix of distinct User-Agents shaped like real traffic (mostly current
browsers, a share of crawlers and tools, a few legacy browsers), then times the
middleware over the whole mix with a trivial get_response: first with an empty
memo (every UA seen for the first time), then again (every UA memoised).
Targets: under 50 us cold, under 5 us memoised.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance_site.settings.test")

import django

django.setup()

from django.http import HttpRequest, HttpResponse  # noqa: E402

from legacy_browsers import classifier, middleware  # noqa: E402

WIN = "Windows NT 10.0; Win64; x64"
MAC = "Macintosh; Intel Mac OS X 10_15_7"
WEBKIT = "AppleWebKit/537.36 (KHTML, like Gecko)"
PHONES = ["SM-S918B", "SM-A546B", "Pixel 8", "Pixel 7a", "M2101K6G", "CPH2451", "K"]


def chrome(r):
    v = f"{r.randint(120, 131)}.0.{r.randint(6000, 6800)}.{r.randint(0, 200)}"
    return f"Mozilla/5.0 ({WIN}) {WEBKIT} Chrome/{v} Safari/537.36"


def chrome_android(r):
    v = f"{r.randint(120, 131)}.0.{r.randint(6000, 6800)}.{r.randint(0, 200)}"
    phone = f"Android {r.randint(10, 15)}; {r.choice(PHONES)}"
    return f"Mozilla/5.0 (Linux; {phone}) {WEBKIT} Chrome/{v} Mobile Safari/537.36"


def edge(r):
    v = f"{r.randint(120, 131)}.0.{r.randint(2000, 2900)}.{r.randint(0, 99)}"
    base = f"Mozilla/5.0 ({WIN}) {WEBKIT} Chrome/{v.split('.')[0]}.0.0.0"
    return f"{base} Safari/537.36 Edg/{v}"


def firefox(r):
    v = r.randint(115, 133)
    os_ = r.choice([WIN, "X11; Linux x86_64", "X11; Ubuntu; Linux x86_64", MAC])
    return f"Mozilla/5.0 ({os_}; rv:{v}.0) Gecko/20100101 Firefox/{v}.{r.randint(0, 3)}"


def safari_mac(r):
    v = f"{r.randint(16, 18)}.{r.randint(0, 6)}"
    webkit = "AppleWebKit/605.1.15 (KHTML, like Gecko)"
    return f"Mozilla/5.0 ({MAC}) {webkit} Version/{v} Safari/605.1.15"


def safari_ios(r):
    major, minor = r.randint(16, 18), r.randint(0, 7)
    device = r.choice(["iPhone; CPU iPhone OS", "iPad; CPU OS"])
    return (
        f"Mozilla/5.0 ({device} {major}_{minor} like Mac OS X) AppleWebKit/605.1.15 "
        f"(KHTML, like Gecko) Version/{major}.{minor} Mobile/15E{r.randint(100, 999)} "
        "Safari/604.1"
    )


def samsung(r):
    v = f"{r.randint(22, 27)}.{r.randint(0, 9)}"
    phone = f"Android {r.randint(12, 15)}; SAMSUNG {r.choice(PHONES[:2])}"
    return (
        f"Mozilla/5.0 (Linux; {phone}) {WEBKIT} SamsungBrowser/{v} "
        f"Chrome/{r.randint(110, 130)}.0.0.0 Mobile Safari/537.36"
    )


def crawler(r):
    return r.choice(
        [
            f"Mozilla/5.0 (compatible; Googlebot/2.{r.randint(0, 9)}; +http://www.google.com/bot.html)",
            f"Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) {WEBKIT} "
            f"Chrome/{r.randint(100, 131)}.0.{r.randint(1000, 9999)}.0 Mobile "
            "Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            f"Mozilla/5.0 {WEBKIT[:-1]}; compatible; bingbot/2.0; "
            f"+http://www.bing.com/bingbot.htm) Chrome/{r.randint(100, 131)}.0."
            f"{r.randint(1000, 9999)}.0 Safari/537.36",
            f"Mozilla/5.0 (compatible; AhrefsBot/7.{r.randint(0, 9)}; +http://ahrefs.com/robot/)",
            f"Mozilla/5.0 (compatible; YandexBot/3.{r.randint(0, 9)}; +http://yandex.com/bots)",
            f"Mozilla/5.0 ({WIN}) {WEBKIT} Chrome/{r.randint(50, 78)}.0.3112.113 "
            "Safari/537.36 (compatible; SemrushBot/7~bl; "
            "+http://www.semrush.com/bot.html)",
        ]
    )


def tool(r):
    return r.choice(
        [
            f"curl/8.{r.randint(0, 11)}.{r.randint(0, 9)}",
            f"python-requests/2.{r.randint(20, 32)}.{r.randint(0, 9)}",
            f"Go-http-client/{r.randint(1, 2)}.{r.randint(0, 9)}",
            f"okhttp/4.{r.randint(0, 12)}.{r.randint(0, 9)}",
        ]
    )


def legacy(r):
    return r.choice(
        [
            f"Mozilla/4.0 (compatible; MSIE {r.randint(6, 10)}.0; Windows NT "
            f"{r.choice(['5.1', '6.0', '6.1'])}; Trident/{r.randint(4, 6)}.0)",
            f"Mozilla/5.0 (Windows NT {r.choice(['6.1', '6.3', '10.0'])}; "
            f"WOW64; Trident/7.0; rv:11.0) like Gecko",
            f"Mozilla/5.0 (Windows NT 6.1; Win64; x64) {WEBKIT} "
            f"Chrome/{r.randint(40, 78)}.0.{r.randint(2000, 3900)}.{r.randint(0, 99)} "
            "Safari/537.36",
            f"Mozilla/5.0 (iPhone; CPU iPhone OS {r.randint(9, 12)}_{r.randint(0, 4)} "
            "like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 "
            f"Mobile/13G{r.randint(10, 99)} Safari/601.1",
            f"Mozilla/5.0 (Linux; U; Android 4.{r.randint(0, 4)}.{r.randint(0, 4)}; "
            f"en-us; GT-I{r.randint(9000, 9999)} Build/JZO54K) AppleWebKit/534.30 "
            "(KHTML, like Gecko) Version/4.0 Mobile Safari/534.30",
        ]
    )


# Shares roughly like a public government-style site: mostly current browsers.
MIX = [
    (chrome, 24),
    (chrome_android, 20),
    (safari_ios, 16),
    (edge, 8),
    (firefox, 6),
    (safari_mac, 5),
    (samsung, 4),
    (crawler, 10),
    (tool, 3),
    (legacy, 4),
]


def user_agents(count, seed):
    r = random.Random(seed)
    makers, weights = zip(*MIX, strict=True)
    seen = {}
    while len(seen) < count:
        ua = r.choices(makers, weights)[0](r)
        seen.setdefault(ua, None)  # distinct, so the cold pass never hits the memo
    return list(seen)


def time_pass(middleware, requests):
    start = time.perf_counter_ns()
    for request in requests:
        middleware(request)
    return (time.perf_counter_ns() - start) / len(requests) / 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.requests > classifier.get_classifier().memo.cache_info().maxsize:
        parser.error("--requests must fit LEGACY_BROWSER_MEMO_SIZE to time memo hits")

    requests = []
    for ua in user_agents(args.requests, args.seed):
        request = HttpRequest()
        request.META["HTTP_USER_AGENT"] = ua
        requests.append(request)
    response = HttpResponse()
    site_middleware = middleware.LegacyBrowserMiddleware(lambda request: response)
    memo = classifier.get_classifier().memo

    first = time_pass(site_middleware, requests)  # also warms the resolver's lazy DFA
    memo.cache_clear()
    cold = time_pass(site_middleware, requests)
    memoised = min(time_pass(site_middleware, requests) for _ in range(5))
    flagged = sum(r.legacy_browser for r in requests)

    print(f"ua-parser-rs used:      {classifier.UA_PARSER_RS}")
    print(f"distinct user agents:   {len(requests)} ({flagged} legacy)")
    print(f"cold, first pass:       {first:7.2f} us/request")
    print(f"cold, memo cleared:     {cold:7.2f} us/request   (target < 50)")
    print(f"memoised:               {memoised:7.2f} us/request   (target < 5)")


if __name__ == "__main__":
    main()
