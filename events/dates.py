"""An event's dates: as the reader sees them, as <time datetime> values, and as calendar days."""

import datetime

from babel.dates import format_skeleton

from base.dates import DatePrecision, cldr_locale, format_day, format_partial_date


def machine_date(value, precision):
    """The <time datetime> value, only as precise as the date is known: 2015, 2015-10, 2015-10-03."""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def date_parts(start, precision, end=None, language=None):
    """[(separator, datetime value, text)]: one part, or two for a span of days.

    "29–30 June 2013", "29 June – 3 July 2013", "30 December 2013 – 2 January 2014", each end a
    <time> of its own; the Spanish "29–30 de junio de 2013" follows the same shape.
    """
    if start is None:
        return []
    if precision != DatePrecision.DAY or end is None or end == start:
        return [("", machine_date(start, precision), format_partial_date(start, precision, language))]
    locale = cldr_locale(language)
    if (start.year, start.month) == (end.year, end.month):
        first, separator = format_skeleton("d", start, locale=locale), "–"
    elif start.year == end.year:
        first, separator = format_skeleton("dMMMM", start, locale=locale), " – "
    else:
        first, separator = format_day(start, language), " – "
    return [("", start.isoformat(), first), (separator, end.isoformat(), format_day(end, language))]


def dates_text(start, precision, end=None, language=None):
    parts = date_parts(start, precision, end, language)
    return "".join(separator + text for separator, _value, text in parts)


def day_after(start, precision, end=None):
    """The first day after the event, as calendars want an all-day event's end (exclusive).

    A date known only to the month or the year spans that month or that year.
    """
    if end is not None:
        return end + datetime.timedelta(days=1)
    if precision == DatePrecision.YEAR:
        return datetime.date(start.year + 1, 1, 1)
    if precision == DatePrecision.MONTH:
        return datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + datetime.timedelta(days=1)
