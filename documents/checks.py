"""A production check: the words inside the older Office formats need LibreOffice to be read."""

from django.core import checks

from . import text


@checks.register(checks.Tags.compatibility, deploy=True)
def check_office_converter(app_configs, **kwargs):
    if not all(text.can_read(extension) for extension in text.CONVERTED):
        return [
            checks.Warning(
                "LibreOffice is not installed: the search would not find the words inside uploaded "
                ".doc, .xls and .ppt documents.",
                hint="Install libreoffice-writer-nogui, libreoffice-calc-nogui and libreoffice-impress-nogui "
                "(make document-deps), then run 'manage.py rebuild_search_index'.",
                id="documents.W001",
            )
        ]
    return []
