"""Dates known only to the year or the month, as the Alliance's records often give them.

One style per language, from CLDR (Babel): English as the site's texts write it, day before month
("10 October 2014", "October 2014"), and Spanish ("10 de octubre de 2014", "octubre de 2014").
"""

from babel.dates import format_date, format_skeleton
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def partial_date_field(verbose_name, **options):
    """A date that may be known only to the month or the year (its precision_field says which)."""
    help_text = _("Use the 1st of the month or of January when only those are known.")
    return models.DateField(verbose_name, help_text=help_text, **options)


def precision_field(verbose_name):
    """How precisely a partial_date_field's date is known."""
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the date is known: shown as a day, a month or a year."),
    )


# The CLDR locale of each language: British English writes the day first, as the content does.
CLDR_LOCALES = {"en": "en_GB", "es": "es"}


def cldr_locale(language=None):
    language = (language or get_language() or "en").split("-")[0]
    return CLDR_LOCALES.get(language, "en_GB")


def format_day(value, language=None):
    """A full date in the language's one style: "10 October 2014", "10 de octubre de 2014"."""
    return format_date(value, "long", locale=cldr_locale(language))


def format_partial_date(value, precision, language=None):
    if value is None:
        return ""
    locale = cldr_locale(language)
    if precision == DatePrecision.YEAR:
        return format_skeleton("y", value, locale=locale)
    if precision == DatePrecision.MONTH:
        return format_skeleton("yMMMM", value, locale=locale)
    return format_date(value, "long", locale=locale)
