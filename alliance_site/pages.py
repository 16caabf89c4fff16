"""The abstract page every page type of the site builds on."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from editorial.forms import TranslatorAwarePageForm

from .content_version import has_view_restrictions


class BasePage(Page):
    """Bilingual behaviour shared by every page type: translator-safe admin form, previews in each
    language, and admin search on the titles of both languages."""

    base_form_class = TranslatorAwarePageForm

    search_fields = Page.search_fields + [
        index.SearchField("title_en"),
        index.SearchField("title_es"),
        index.AutocompleteField("title_en"),
        index.AutocompleteField("title_es"),
    ]

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def get_view_restrictions(self):
        # Skip Wagtail's two queries per page view while no page has a view restriction.
        if not has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve_preview(self, request, mode_name):
        # Render inside the language, so templates and translated fields follow the chosen mode.
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response
