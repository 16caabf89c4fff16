"""Editing an exported file the way an agency's tool would, through the same libraries."""

import io

import defusedxml.ElementTree as SafeET
from babel.messages.pofile import read_po, write_po

XLIFF = "{urn:oasis:names:tc:xliff:document:2.0}"


def xliff_units(data):
    root = SafeET.fromstring(data)
    return root, {unit.get("id"): unit for unit in root.iter(f"{XLIFF}unit")}


def set_xliff_target(data, unit_id, text):
    """`data` with the target of `unit_id` replaced (added if the unit had none)."""
    import xml.etree.ElementTree as ET

    ET.register_namespace("", XLIFF[1:-1])
    root, units = xliff_units(data)
    segment = units[unit_id].find(f"{XLIFF}segment")
    target = segment.find(f"{XLIFF}target")
    if target is None:
        target = ET.SubElement(segment, f"{XLIFF}target")
    target.text = text
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def set_po_target(data, unit_id, text):
    catalog = read_po(io.BytesIO(data))
    message = next(message for message in catalog if message.context == unit_id)
    message.string = text
    stream = io.BytesIO()
    write_po(stream, catalog, width=0)
    return stream.getvalue()
