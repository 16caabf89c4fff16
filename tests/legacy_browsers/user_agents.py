"""User-Agent strings of real browsers, crawlers and junk, each with whether it gets the legacy notice."""

from legacy_browsers.classifier import MAX_USER_AGENT_LENGTH

CHROME_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{} Safari/537.36"
)

# (id, User-Agent, expected legacy)
USER_AGENTS = [
    # Internet Explorer: every version is legacy.
    ("ie6", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1)", True),
    (
        "ie7",
        "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.0; SLCC1; .NET CLR 2.0.50727)",
        True,
    ),
    (
        "ie8",
        "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0; .NET CLR 3.5.30729)",
        True,
    ),
    (
        "ie9",
        "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; WOW64; Trident/5.0)",
        True,
    ),
    ("ie10", "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.2; Trident/6.0)", True),
    (
        "ie11",
        "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko",
        True,
    ),
    (
        "ie11-compat-view",
        "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C)",
        True,
    ),
    (
        "ie-mobile-11",
        "Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; "
        "Touch; rv:11.0; IEMobile/11.0; NOKIA; Lumia 635) like iPhone OS 7_0_3 Mac OS "
        "X AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537",
        True,
    ),
    # Edge: EdgeHTML is legacy, Chromium Edge is not.
    (
        "edge18",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763",
        True,
    ),
    (
        "edge131",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
        False,
    ),
    # Chrome, desktop and Android.
    ("chrome49", CHROME_UA.format("49.0.2623.112"), True),
    ("chrome78", CHROME_UA.format("78.0.3904.108"), True),
    ("chrome79", CHROME_UA.format("79.0.3945.88"), False),
    ("chrome131", CHROME_UA.format("131.0.0.0"), False),
    (
        "chrome-android-61",
        "Mozilla/5.0 (Linux; Android 6.0; Nexus 5 Build/MRA58N) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/61.0.3163.98 Mobile Safari/537.36",
        True,
    ),
    (
        "chrome-android-131",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Mobile Safari/537.36",
        False,
    ),
    # Firefox, desktop and Android.
    (
        "firefox52",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0",
        True,
    ),
    (
        "firefox133",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        False,
    ),
    (
        "firefox-android-54",
        "Mozilla/5.0 (Android 7.0; Mobile; rv:54.0) Gecko/54.0 Firefox/54.0",
        True,
    ),
    (
        "firefox-android-133",
        "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
        False,
    ),
    # Safari on macOS and iOS.
    (
        "safari9-mac",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_6) AppleWebKit/601.7.7 (KHTML, "
        "like Gecko) Version/9.1.2 Safari/601.7.7",
        True,
    ),
    (
        "safari18-mac",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/18.1 Safari/605.1.15",
        False,
    ),
    (
        "safari-ios9",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 9_3_5 like Mac OS X) AppleWebKit/601.1.46 "
        "(KHTML, like Gecko) Version/9.0 Mobile/13G36 Safari/601.1",
        True,
    ),
    (
        "safari-ios17",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        False,
    ),
    (
        "safari-ipados18",
        "Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        False,
    ),
    # Android stock browser, old and modern WebView.
    (
        "android4-stock",
        "Mozilla/5.0 (Linux; U; Android 4.1.2; en-us; GT-I9100 Build/JZO54K) "
        "AppleWebKit/534.30 (KHTML, like Gecko) Version/4.0 Mobile Safari/534.30",
        True,
    ),
    (
        "android44-webview30",
        "Mozilla/5.0 (Linux; Android 4.4.2; SM-T530 Build/KOT49H) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Version/4.0 Chrome/30.0.0.0 Safari/537.36",
        True,
    ),
    (
        "android14-webview131",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36",
        False,
    ),
    # Samsung Internet.
    (
        "samsung4",
        "Mozilla/5.0 (Linux; Android 5.0.2; SAMSUNG SM-G925F Build/LRX22G) "
        "AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 "
        "Chrome/44.0.2403.133 Mobile Safari/537.36",
        True,
    ),
    (
        "samsung26",
        "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, "
        "like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
        False,
    ),
    # Opera: Presto, old Chromium and current.
    (
        "opera12-presto",
        "Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18",
        True,
    ),
    (
        "opera40",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/53.0.2785.116 Safari/537.36 OPR/40.0.2308.81",
        True,
    ),
    (
        "opera115",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
        False,
    ),
    # Families outside the table are never legacy.
    (
        "opera-mini",
        "Opera/9.80 (Android; Opera Mini/7.5.33361/31.1448; U; en) Presto/2.8.119 Version/11.1010",
        False,
    ),
    (
        "chrome-ios-76",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 12_4 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) CriOS/76.0.3809.81 Mobile/15E148 Safari/605.1",
        False,
    ),
    # Crawlers, including those that pose as old browsers.
    (
        "googlebot",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        False,
    ),
    (
        "googlebot-smartphone-chrome41",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; "
        "Googlebot/2.1; +http://www.google.com/bot.html)",
        False,
    ),
    (
        "bingbot",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        False,
    ),
    (
        "crawler-as-ie6",
        "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1; SV1; Googlebot)",
        False,
    ),
    (
        "crawler-as-ie9",
        "Mozilla/5.0 (compatible; MSIE 9.0; Windows NT 6.1; Trident/5.0; +http://www.example.com/crawler)",
        False,
    ),
    (
        "semrush-as-chrome60",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/60.0.3112.113 Safari/537.36 (compatible; SemrushBot/7~bl; "
        "+http://www.semrush.com/bot.html)",
        False,
    ),
    # Tools and junk.
    ("curl", "curl/8.5.0", False),
    ("python-requests", "python-requests/2.31.0", False),
    ("empty", "", False),
    ("whitespace", "   ", False),
    ("junk-10kb", "Mozilla/4.0 (compatible; MSIE 6.0; " + "x" * 10_240, False),
    ("one-over-limit", "MSIE 6.0;" + "x" * MAX_USER_AGENT_LENGTH, False),
    # Non-UTF-8 bytes reach Django decoded as Latin-1 (PEP 3333).
    ("binary", b"\xff\xfe\x00\x81MSIE 6.0\xc3\x28".decode("latin-1"), False),
    ("lone-surrogates", "Mozilla/4.0 (compatible; MSIE 6.0; \udcff\udcfe)", False),
    (
        "control-characters",
        "Mozilla/4.0 (compatible; MSIE 6.0;\x00\x1b[31m Windows NT 5.1)",
        False,
    ),
    (
        "crlf",
        "Mozilla/5.0 (Windows NT 6.1; rv:52.0)\r\nX-Injected: 1 Firefox/52.0",
        False,
    ),
]
