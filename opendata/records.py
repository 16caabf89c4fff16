"""The shape every data set shares: its columns, rows and records, and how values are written."""

from collections.abc import Callable
from dataclasses import dataclass

from base.dates import DatePrecision

LIST_SEPARATOR = "; "


def request_only(objects, request):
    return {"request": request}


@dataclass(frozen=True)
class Resource:
    name: str
    columns: tuple  # the CSV header, in order
    rows: Callable  # () -> the queryset, in a stable order
    record: Callable  # (object, context) -> the JSON record
    flat: Callable  # (record) -> the CSV row: lists joined, nested objects as columns
    context: Callable = request_only  # (one page of objects, request) -> context for record()


def partial_date(value, precision):
    """ISO 8601 with the precision the records give: "2017", "2015-05" or "2015-05-04"."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def timestamp(value):
    return value.isoformat(timespec="seconds") if value else None


def absolute_url(page, request):
    return request.build_absolute_uri(page.get_url(request))
