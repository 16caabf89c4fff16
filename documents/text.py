"""The text inside an uploaded document, for the site search: PDF (pypdf), Office Open XML and
OpenDocument (their XML parts, read with the standard library).

Bounded in size and work: at most MAX_PAGES pages of a PDF, MAX_PART_BYTES of any XML part, and
MAX_CHARS characters in all. A damaged or unreadable file yields no text; it never fails a save.
"""

import io
import logging
import re
import zipfile
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

MAX_CHARS = 100_000
MAX_PAGES = 200
MAX_PART_BYTES = 5 * 1024 * 1024
# The XML parts that hold a document's words, by file type.
PARTS = {
    "docx": re.compile(r"word/(document|footnotes|endnotes)\.xml$"),
    "xlsx": re.compile(r"xl/sharedStrings\.xml$"),
    "pptx": re.compile(r"ppt/slides/slide\d+\.xml$"),
    "odt": re.compile(r"content\.xml$"),
    "ods": re.compile(r"content\.xml$"),
    "odp": re.compile(r"content\.xml$"),
}
# Elements that end a paragraph, a cell or a line: their text is kept apart from the next one's.
BREAKS = {"p", "tc", "c", "br", "h", "table-cell", "line-break", "tab"}


def extract_text(data, extension):
    """The readable text of a file's bytes, single-spaced, at most MAX_CHARS characters ("" if none)."""
    extension = (extension or "").lower().lstrip(".")
    try:
        if extension == "pdf":
            text = _pdf_text(data)
        elif extension in PARTS:
            text = _zipped_xml_text(data, PARTS[extension])
        else:
            return ""  # older binary formats (doc, xls, ppt): no text is read from them
    except Exception:
        logger.info("No text could be read from a %s document.", extension)
        return ""
    return " ".join(text.split())[:MAX_CHARS]


def _pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    texts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = page.extract_text() or ""
        texts.append(text)
        length += len(text)
        if length >= MAX_CHARS:
            break
    return "\n".join(texts)


def _zipped_xml_text(data, parts):
    texts, length = [], 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in sorted(archive.infolist(), key=lambda info: _natural(info.filename)):
            if not parts.search(info.filename) or info.file_size > MAX_PART_BYTES:
                continue
            with archive.open(info) as part:
                text = _xml_text(part.read(MAX_PART_BYTES + 1)[:MAX_PART_BYTES])
            texts.append(text)
            length += len(text)
            if length >= MAX_CHARS:
                break
    return "\n".join(texts)


def _xml_text(xml):
    pieces = []
    _walk(ElementTree.fromstring(xml), pieces)  # noqa: S314 - bounded in size; expat refuses entity bombs
    return "".join(pieces)


def _walk(element, pieces):
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces)
        pieces.append(child.tail or "")
    if element.tag.rsplit("}", 1)[-1] in BREAKS:
        pieces.append(" ")


def document_text(document, limit):
    """(hash, text) of a document's file: the hash Wagtail keeps (SHA-1), and the text read from it."""
    import hashlib

    with document.open_file() as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        return "", ""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest(), extract_text(data, document.file_extension)


def _natural(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
