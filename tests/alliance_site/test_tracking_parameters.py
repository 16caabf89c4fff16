"""Click-tracking parameters are dropped from page requests; everything else is kept as it was."""

import pytest

from alliance_site.page_cache import without_tracking


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
