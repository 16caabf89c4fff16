"""Write the site's translatable texts to a file for an agency."""

from . import formats, units

CONTENT_TYPES = {formats.XLIFF: "application/xliff+xml", formats.PO: "text/x-gettext-translation"}
EXTENSIONS = {formats.XLIFF: "xlf", formats.PO: "po"}


def export(stream, file_format=formats.XLIFF, only_pending=False):
    """Write every unit (or those waiting for translation) to the binary `stream`; their number."""
    selected = [unit for unit in units.collect() if unit.pending or not only_pending]
    writer = formats.write_po_file if file_format == formats.PO else formats.write_xliff
    writer(selected, stream)
    return len(selected)
