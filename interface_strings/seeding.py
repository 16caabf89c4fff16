"""Rows for the .po's entries: every message gets one, published with the .po's Spanish. A row a
translator has edited (it has revisions) is never overwritten: their text is the truth; one nobody
edited follows the .po, so a developer's correction there still arrives. A row whose string the code
no longer uses is kept (with its Spanish) and flagged."""

from babel.messages.pofile import read_po
from django.conf import settings
from django.db import transaction

from . import catalog
from .models import InterfaceString, string_key

LANGUAGE = "es"


def po_path():
    return settings.BASE_DIR / "locale" / LANGUAGE / "LC_MESSAGES" / "django.po"


def forms(message):
    """(singular Spanish, plural Spanish) of a Babel message."""
    if isinstance(message.string, (tuple, list)):
        strings = list(message.string)
        return strings[0], strings[-1]
    return message.string or "", ""


def seed(path=None):
    """Add a row for each new entry of the .po; the number added."""
    with open(path or po_path(), "rb") as stream:
        po_catalog = read_po(stream, locale=LANGUAGE)
    untouched = {
        row.key: row for row in InterfaceString.objects.filter(latest_revision__isnull=True, live=True)
    }
    existing = set(InterfaceString.objects.values_list("key", flat=True))
    new, seen, added, corrected = [], set(), set(), []
    for message in po_catalog:
        if not message.id:
            continue  # the header
        source, plural = (message.id[0], message.id[1]) if message.pluralizable else (message.id, "")
        key = string_key(message.context or "", source)
        seen.add(key)
        spanish, spanish_plural = forms(message)
        row = untouched.get(key)
        if row is not None and (row.spanish, row.spanish_plural) != (spanish, spanish_plural):
            row.spanish, row.spanish_plural = spanish, spanish_plural
            corrected.append(row)
        if key in existing or key in added:
            continue
        added.add(key)
        new.append(
            InterfaceString(
                key=key,
                context=message.context or "",
                source=source,
                source_plural=plural,
                spanish=spanish,
                spanish_plural=spanish_plural,
                live=True,
            )
        )
    with transaction.atomic():
        InterfaceString.objects.bulk_create(new, batch_size=500)  # no save(): keys set above
        InterfaceString.objects.bulk_update(corrected, ["spanish", "spanish_plural"], batch_size=500)
        InterfaceString.objects.filter(key__in=seen).exclude(in_code=True).update(in_code=True)
        InterfaceString.objects.exclude(key__in=seen).filter(in_code=True).update(in_code=False)
    if new or corrected:
        transaction.on_commit(catalog.bump)  # every app server rebuilds its catalog
    return len(new)


def seed_after_migrate(sender, **kwargs):
    if po_path().exists():
        seed()
