"""The contact page (content/contact.yaml), shown in the footer beside the privacy and legal notices."""

from content_loader.export import translated
from content_loader.spec import SectionPageContent

from .models import ContactPage


class ContactContent(SectionPageContent):
    file_name, model, order = "contact.yaml", ContactPage, 12

    def page_spec(self):
        spec = super().page_spec()
        spec.fields |= self.record.translated("details") | self.record.translated("thank_you")
        return spec

    @classmethod
    def exported(cls, page):
        return super().exported(page) | translated(page, "details", "thank_you")


CONTENT = [ContactContent]
