"""The two file formats agencies and CAT tools speak: XLIFF 2.0 (read through defusedxml, which
refuses entity expansion and external entities) and gettext PO (Babel's reader and writer).

Both carry, per unit, its id, the English as exported (to tell a stale unit on import) and the
Spanish. Rich text travels as its HTML, escaped, the way the field stores it.
"""

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
SOURCE_LANGUAGE, TARGET_LANGUAGE = "en", "es"
XLIFF, PO = "xliff", "po"
PROJECT = "Pacific Alliance website"
UNIT_COUNT_HEADER = "X-Units"  # PO files have no end: the count tells a cut file


class FileRefused(Exception):
    """The file as a whole cannot be read; `errors` are (unit id or "", reason)."""

    def __init__(self, errors):
        super().__init__("; ".join(reason for _unit, reason in errors))
        self.errors = errors


def refused(reason, unit_id=""):
    return FileRefused([(unit_id, reason)])


@dataclass
class FileUnit:
    id: str
    source: str
    target: str


def _q(tag):
    return f"{{{XLIFF_NS}}}{tag}"


def write_xliff(units, stream):
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(_q("xliff"), {"version": "2.0", "srcLang": SOURCE_LANGUAGE, "trgLang": TARGET_LANGUAGE})
    file_element = ET.SubElement(root, _q("file"), {"id": "site"})
    for unit in units:
        element = ET.SubElement(file_element, _q("unit"), {"id": unit.id})
        notes = ET.SubElement(element, _q("notes"))
        ET.SubElement(notes, _q("note"), {"category": "location"}).text = unit.label
        segment = ET.SubElement(element, _q("segment"), {"state": "translated" if unit.target else "initial"})
        ET.SubElement(segment, _q("source")).text = unit.source
        if unit.target:
            ET.SubElement(segment, _q("target")).text = unit.target
    ET.indent(root)
    ET.ElementTree(root).write(stream, encoding="utf-8", xml_declaration=True)


def _text(element, unit_id):
    if element is None:
        return ""
    if len(element):
        raise refused(_("inline XLIFF elements are not supported: keep the text as exported"), unit_id)
    return element.text or ""


def read_xliff(stream):
    try:
        root = SafeET.parse(stream).getroot()
    except SafeET.ParseError as error:
        raise refused(_("truncated or not well-formed XML (%(error)s)") % {"error": error}) from error
    except DefusedXmlException as error:
        raise refused(_("entity declarations are not allowed (%(error)s)") % {"error": error}) from error
    if root.tag != _q("xliff") or root.get("version") != "2.0":
        raise refused(_("not an XLIFF 2.0 file"))
    pair = (root.get("srcLang"), root.get("trgLang"))
    if pair != (SOURCE_LANGUAGE, TARGET_LANGUAGE):
        raise refused(_wrong_pair(*pair))
    units = []
    for element in root.iter(_q("unit")):
        unit_id = element.get("id", "")
        segments = element.findall(_q("segment"))
        if len(segments) != 1:
            raise refused(_("a unit must have exactly one segment, as exported"), unit_id)
        source = _text(segments[0].find(_q("source")), unit_id)
        units.append(FileUnit(unit_id, source, _text(segments[0].find(_q("target")), unit_id)))
    return units


def _wrong_pair(source, target):
    return _("wrong language pair %(found)s, expected %(expected)s") % {
        "found": f"{source or '?'} -> {target or '?'}",
        "expected": f"{SOURCE_LANGUAGE} -> {TARGET_LANGUAGE}",
    }


def write_po_file(units, stream):
    # The header comment survives CAT tools better than extra header fields (Babel drops those).
    comment = f"# Pacific Alliance website: English to Spanish.\n# {UNIT_COUNT_HEADER}: {len(units)}"
    catalog = Catalog(locale=TARGET_LANGUAGE, header_comment=comment, project=PROJECT, fuzzy=False)
    for unit in units:
        catalog.add(unit.source, unit.target, context=unit.id, auto_comments=[unit.label])
    write_po(stream, catalog, width=0)


def read_po_file(stream):
    try:
        catalog = read_po(io.TextIOWrapper(stream, encoding="utf-8"), abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as error:
        raise refused(_("truncated or malformed PO file (%(error)s)") % {"error": error}) from error
    language = str(catalog.locale) if catalog.locale else None
    if language != TARGET_LANGUAGE:
        raise refused(_wrong_pair(SOURCE_LANGUAGE, language))
    units = [FileUnit(message.context or "", message.id, message.string) for message in catalog if message.id]
    found = re.search(rf"^# {UNIT_COUNT_HEADER}: (\d+)$", catalog.header_comment or "", re.MULTILINE)
    expected = found and found.group(1)
    if expected and expected != str(len(units)):
        counts = {"found": len(units), "expected": expected}
        raise refused(_("truncated PO file: %(found)s units of %(expected)s") % counts)
    return units
