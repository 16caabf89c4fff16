"""Click-tracking parameters are dropped from page requests; everything else is kept as it was."""

import pytest

from caching.shared import without_tracking


@pytest.mark.parametrize(
    ("query", "kept"),
    [
        ("", ""),
        ("q=beca", "q=beca"),
        ("utm_source=a&q=beca&fbclid=b", "q=beca"),
        ("status=concluded&UTM_MEDIUM=email&page=2", "status=concluded&page=2"),
        ("utm%5Fsource=a&gclid&msclkid=", ""),
        ("q=utm_source%3Dx&utmost=1", "q=utm_source%3Dx&utmost=1"),
        ("country=cl&country=pe&_ga=2.1", "country=cl&country=pe"),
        ("&&q=%FF&", "q=%FF"),
    ],
)
def test_without_tracking(query, kept):
    assert without_tracking(query) == kept


def test_varnish_strips_the_same_parameters_as_the_site():
    """deploy/varnish/default.vcl keeps its own copy of the list (VCL cannot import it)."""
    import re
    from pathlib import Path

    from django.conf import settings

    from caching.shared import TRACKING_PARAMETERS, TRACKING_PREFIXES

    vcl = Path(settings.BASE_DIR, "deploy", "varnish", "default.vcl").read_text()
    alternation = re.search(r"\(\?<=\[\?&\]\)\(\?:(.*?)\)\(\?:=", vcl).group(1)
    # "utm(?:_|%5f)[^&=]*" is the prefix utm_, its underscore also percent-encoded.
    alternatives = alternation.replace("(?:_|%5f)", "_").split("|")
    prefixes = {name.removesuffix("[^&=]*") for name in alternatives if name.endswith("[^&=]*")}
    names = {name for name in alternatives if not name.endswith("[^&=]*")}
    assert names == TRACKING_PARAMETERS
    assert prefixes == set(TRACKING_PREFIXES)
