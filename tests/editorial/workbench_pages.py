"""Reading the translators' workbench as a browser shows it."""

from django.urls import reverse
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

QUEUE = "/admin/translations/"


def changes_url(obj, view="translation_changes"):
    meta = type(obj)._meta
    return reverse(view, args=[meta.app_label, meta.model_name, obj.pk])


def queue_rows(client, **filters):
    soup = WagtailTestUtils.get_soup(client.get(QUEUE, filters).content)
    rows = {}
    for row in soup.select("tr[data-item]"):
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        rows[row["data-item"]] = cells
    return rows
