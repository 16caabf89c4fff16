"""Browsers that get the "your browser is out of date" notice (see classifier.py).

Keys are ua-parser browser family names, values the first major version that is
NOT legacy. The baseline is the end of 2019, about seven years back: anything
older lacks features the site's markup and styles rely on. Families missing
from the table are never legacy; remove a family to stop flagging it. Settings may replace
the table (LEGACY_BROWSER_MIN_VERSIONS) and the memo size (LEGACY_BROWSER_MEMO_SIZE).
"""

MIN_VERSIONS = {
    # No Internet Explorer above 11 exists, so 12 flags them all.
    "IE": 12,
    "IE Mobile": 12,
    # 79 is the first Chromium Edge (January 2020); EdgeHTML went from 12 to 18.
    "Edge": 79,
    # EdgeHTML on Windows 10 Mobile; Edge for Android and iOS starts at 40.
    "Edge Mobile": 19,
    "Chrome": 79,  # December 2019
    "Chrome Mobile": 79,
    # Android's updatable WebView; older ones are the "stock browser" of Android 4.4-6.
    "Chrome Mobile WebView": 79,
    "Firefox": 71,  # December 2019
    "Firefox Mobile": 71,  # also catches KaiOS (Gecko 48) and Fennec 68
    "Safari": 13,  # September 2019
    "Mobile Safari": 13,  # iOS 13
    "Opera": 66,  # January 2020, Chromium 79; also flags Presto (Opera 12 and older)
    "Opera Mobile": 55,  # late 2019; also flags Presto Opera Mobile 12
    "Samsung Internet": 10,  # 2019, Chromium 71
    # The AOSP stock browser, reported with the Android version. It was retired
    # after Android 4.4; later "Android" hits are apps hiding a modern WebView.
    "Android": 5,
    # Not listed on purpose: Opera Mini (pages rendered by Opera's servers),
    # iOS browsers other than Safari (their version says nothing about the
    # engine, which is the iOS one), UC Browser, Yandex, Vivaldi and the like.
}

# Distinct User-Agent strings whose verdict is memoised (an LRU, per process).
MEMO_SIZE = 4096

# User-Agents that say by their version alone that the browser is current: Chrome (and the
# browsers built on it, Edge and Opera among them) and Firefox 100 and later, Safari 13 and later,
# never with an Internet Explorer token. The HTTP cache in front answers these without asking
# /browser-check/ (deploy/varnish/default.vcl holds the same expression; a test keeps the two
# equal and checks that the classifier never calls one of them legacy).
CERTAINLY_CURRENT = (
    r"^(?!.*(MSIE|Trident/))"
    r"(.*(Chrome|Firefox)/[1-9][0-9]{2,}\."
    r"|.*Version/(1[3-9]|[2-9][0-9])\.[0-9.]+( Mobile/[0-9A-Za-z]+)? Safari/)"
)
