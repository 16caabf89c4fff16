"""How the databases mark the matching words of an excerpt.

Private-use characters that no text contains; the excerpt is escaped as HTML and only then are
they turned into <mark> elements.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

MARK_START, MARK_END = "\ue000", "\ue001"


def marked(excerpt):
    """Safe HTML of a database's excerpt, its matches in <mark>."""
    html = str(escape(excerpt or ""))
    return mark_safe(html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308 - escaped first
