"""Countries by their ISO 3166-1 alpha-2 code, named in the reader's language from CLDR (Babel)."""

from functools import cache

from babel import Locale
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Two-letter CLDR territories that are not countries: groupings, private use, unknown.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def _territories(language):
    return Locale.parse(language).territories


@cache
def country_codes():
    return frozenset(
        code for code in _territories("en") if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    )


def country_name(code, language=None):
    """ "Mexico" in English, "México" in Spanish; "" for no code."""
    if not code:
        return ""
    language = (language or get_language() or "en").split("-")[0]
    return _territories(language).get(code, code)


def validate_country_code(value):
    if value not in country_codes():
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166-1 alpha-2 country code, such as CL or MX."),
            params={"value": value},
        )
