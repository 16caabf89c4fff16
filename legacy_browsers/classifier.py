"""Spot browsers too old for the site, so that base.html can show an upgrade notice.

Each distinct User-Agent is classified once and the answer memoised. A browser
is legacy when it is old Internet Explorer (a cheap regex, no parsing) or when
ua-parser names a family listed in the version table (versions.py) with a
major version below the minimum. Crawlers, junk and anything unusual are never
legacy: a missed notice costs nothing, a wrong one annoys a real visitor.
"""

import functools
import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from ua_parser import Domain, load_lazy_builtins

from . import versions

try:  # The Rust resolver (ua-parser-rs) parses ~40x faster than pure Python.
    from ua_parser.regex import Resolver

    UA_PARSER_RS = True
except ImportError:  # ua-parser installed without its [regex] extra
    from ua_parser import BestAvailableResolver as Resolver

    UA_PARSER_RS = False

# Real User-Agents stay well below this; longer ones are junk or attacks, and
# are neither parsed nor memoised.
MAX_USER_AGENT_LENGTH = 512

# IE 2-10 say "MSIE n."; IE 11 dropped that token but keeps "Trident/7.".
_OLD_IE = re.compile(r"MSIE (?:[2-9]|10)\.|Trident/7\.")

# A deployment may replace the table or the memo size in its settings (tests do).
_SETTINGS = {"LEGACY_BROWSER_MIN_VERSIONS", "LEGACY_BROWSER_MEMO_SIZE"}


@functools.cache
def _resolver():
    # Built once per process (~0.2 s): it does not depend on any setting.
    return Resolver(load_lazy_builtins())


class _Classifier:
    """The settings in force plus a bounded LRU memo of their verdicts."""

    def __init__(self):
        self.min_versions = dict(getattr(settings, "LEGACY_BROWSER_MIN_VERSIONS", versions.MIN_VERSIONS))
        # The regex shortcut is only right while the table calls every IE legacy.
        self.all_ie_legacy = self.min_versions.get("IE", 0) > 11
        self.resolve = _resolver()
        # lru_cache is bounded, thread-safe and implemented in C.
        size = getattr(settings, "LEGACY_BROWSER_MEMO_SIZE", versions.MEMO_SIZE)
        self.memo = functools.lru_cache(maxsize=size)(self.classify)

    def classify(self, ua):
        # Browsers send printable ASCII; binary, control characters or lone
        # surrogates (which ua-parser-rs cannot even encode) mean junk.
        if not (ua.isascii() and ua.isprintable()):
            return False
        if self.all_ie_legacy and _OLD_IE.search(ua):
            return not self.is_crawler(ua, "")
        agent = self.resolve(ua, Domain.USER_AGENT).user_agent
        if agent is None or agent.family not in self.min_versions:
            return False
        if not (agent.major and agent.major.isdigit()):
            return False
        if int(agent.major) >= self.min_versions[agent.family]:
            return False
        return not self.is_crawler(ua, agent.family)

    def is_crawler(self, ua, family):
        # Crawlers often claim to be an old browser. The device parse costs as
        # much as the browser one, so it is only paid for would-be legacy hits.
        if "bot" in family.lower():
            return True
        device = self.resolve(ua, Domain.DEVICE).device
        return device is not None and device.family == "Spider"


_classifier = None


def get_classifier():
    """The classifier for the current settings, built on first use."""
    global _classifier
    if _classifier is None:
        _classifier = _Classifier()
    return _classifier


@receiver(setting_changed)
def _settings_changed(*, setting, **kwargs):
    # Lets override_settings (and anything else that fires the signal) take effect.
    global _classifier
    if setting in _SETTINGS:
        _classifier = None


def is_legacy_browser(user_agent):
    """True if this User-Agent header belongs to a browser too old for the site."""
    if type(user_agent) is not str or not user_agent or len(user_agent) > MAX_USER_AGENT_LENGTH:
        return False
    return get_classifier().memo(user_agent)
