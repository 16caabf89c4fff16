"""What a unit's Spanish may hold: the markup its field allows and the English's placeholders."""

import re
from collections import Counter

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from wagtail.rich_text import features

# Python's %-style and str.format placeholders, as interface strings write them.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# Wagtail stores these in every rich text field whatever its features: paragraphs and line breaks.
ALWAYS_ALLOWED = {"p", "br"}


def allowed_tags(rich_text_field):
    """The HTML elements a rich text field stores: its editor features'."""
    names = rich_text_field.features or features.get_default_features()
    tags = set(ALWAYS_ALLOWED)
    for name in names:
        rule = features.get_converter_rule("contentstate", name) or {}
        # The rule's keys are the element selectors it reads: "h2", "a[linktype="page"]", "li"...
        tags.update(selector.split("[")[0] for selector in rule.get("from_database_format", {}))
    return tags


def tags_in(text):
    return {element.name for element in BeautifulSoup(text, "html.parser").find_all(True)}


def markup_problem(unit, target):
    refused = sorted(tags_in(target) - unit.allowed_tags())
    if refused:
        tags = ", ".join(f"<{tag}>" for tag in refused)
        return _("markup this field does not allow: %(tags)s") % {"tags": tags}
    return None


def placeholder_problem(source, target):
    expected, found = Counter(PLACEHOLDER.findall(source)), Counter(PLACEHOLDER.findall(target))
    if expected == found:
        return None
    dropped, added = sorted((expected - found).elements()), sorted((found - expected).elements())
    parts = []
    if dropped:
        parts.append(_("placeholder dropped: %(names)s") % {"names": " ".join(dropped)})
    if added:
        parts.append(_("placeholder added: %(names)s") % {"names": " ".join(added)})
    return "; ".join(parts)
