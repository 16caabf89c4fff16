"""The text inside an uploaded document, for the site search: PDF (pypdf), Office Open XML and
OpenDocument (their XML parts, read with the standard library), and the older binary Office
formats (.doc, .xls, .ppt), which LibreOffice turns into their OpenDocument counterparts first.

Bounded in size and work: at most MAX_PAGES pages of a PDF, MAX_PART_BYTES of any XML part, and
MAX_CHARS characters in all. A damaged or unreadable file yields no text; it never fails a save.
"""

import io
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path
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
# The older binary formats, and the OpenDocument format LibreOffice converts each of them to.
CONVERTED = {"doc": "odt", "xls": "ods", "ppt": "odp"}
CONVERSION_SECONDS = 60
OFFICE = "soffice"  # LibreOffice (Debian: libreoffice-writer-nogui, -calc-nogui, -impress-nogui)
# Elements that end a paragraph, a cell or a line: their text is kept apart from the next one's.
BREAKS = {"p", "tc", "c", "si", "br", "h", "table-cell", "line-break", "tab"}


def extract_text(data, extension):
    """The readable text of a file's bytes, single-spaced, at most MAX_CHARS characters ("" if none)."""
    extension = (extension or "").lower().lstrip(".")
    try:
        if extension == "pdf":
            text = _pdf_text(data)
        elif extension in PARTS:
            text = _zipped_xml_text(data, PARTS[extension])
        elif extension in CONVERTED:
            text = _zipped_xml_text(_converted(data, extension), PARTS[CONVERTED[extension]])
        else:
            return ""
    except Exception as error:
        logger.info("No text could be read from a %s document: %r", extension, error)
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


def _converted(data, extension):
    """The file converted by LibreOffice (headless, a profile of its own, killed if it hangs)."""
    target = CONVERTED[extension]
    with tempfile.TemporaryDirectory(prefix="alliance-document-") as folder:
        source = Path(folder, f"document.{extension}")
        source.write_bytes(data)
        profile = Path(folder, "profile").as_uri()
        # Without LibreOffice, Popen raises FileNotFoundError: no text (can_read tells beforehand).
        command = [OFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", target, "--outdir", folder, str(source)]
        # A session of its own, so that a timeout also stops the processes LibreOffice starts.
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            process.wait(CONVERSION_SECONDS)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        return Path(folder, f"document.{target}").read_bytes()


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


def can_read(extension):
    """Whether this machine has what reading a file of this type takes."""
    return extension.lower().lstrip(".") not in CONVERTED or shutil.which(OFFICE) is not None


def document_text(document, limit):
    """(hash, text) of a document's file: the hash Wagtail keeps (SHA-1), and the text read from it."""
    import hashlib

    if not can_read(document.file_extension):
        return "", ""  # unread: rebuild_search_index reads it once LibreOffice is installed
    with document.open_file() as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        return "", ""
    return hashlib.sha1(data, usedforsecurity=False).hexdigest(), extract_text(data, document.file_extension)


def _natural(name):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
