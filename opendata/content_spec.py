"""The open data page (content/open-data.yaml)."""

from content_loader.spec import SectionPageContent

from .models import OpenDataPage


class OpenDataContent(SectionPageContent):
    file_name, model, order = "open-data.yaml", OpenDataPage, 11


CONTENT = [OpenDataContent]
