"""A short, stable fingerprint of a field's value, equal for values that an admin form treats as equal.

Rich text goes through the admin's own editor widget (to its editing format and back), which rewrites
tags (`<strong>` as `<b>`) and adds random block keys: an editor who saves a page without touching its
body must not count as having changed it.
"""

import hashlib
import json
import re
from functools import cache

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.fields import RichTextField

BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


@cache
def _rich_text_widget(model, name):
    field = model._meta.get_field(name)
    return field.formfield().widget if isinstance(field, RichTextField) else None


def canonical(model, name, value):
    if value is None:
        value = ""  # an admin form saves an empty text as None where the loader wrote ""
    if isinstance(value, models.Model):
        return value.pk  # a foreign key stands for the row it names
    widget = _rich_text_widget(model, name) if isinstance(value, str) else None
    if widget is None:
        return value
    stored = widget.value_from_datadict({name: widget.format_value(value)}, {}, name)
    return BLOCK_KEY.sub("", stored)


def fingerprint(model, name, value):
    encoded = json.dumps(canonical(model, name, value), cls=DjangoJSONEncoder, sort_keys=True)
    return hashlib.sha256(encoded.encode()).hexdigest()[:32]
