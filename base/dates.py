"""Dates known only to the year or the month, as the Alliance's records often give them."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


# Django's localised formats for each precision ("4 December 2011", "December 2011", "2011").
FORMATS = {
    DatePrecision.DAY: "DATE_FORMAT",
    DatePrecision.MONTH: "YEAR_MONTH_FORMAT",
    DatePrecision.YEAR: "Y",
}


def format_partial_date(value, precision):
    if value is None:
        return ""
    return date_format(value, FORMATS.get(precision, "DATE_FORMAT"))
