"""The secretariat's roles: who may change what in the admin."""

from django.utils.translation import gettext_lazy as _

EDITORS = "Secretariat editors"
MODERATORS = "Secretariat moderators"
TRANSLATORS = "Translators"

# The language translators write; everything else they see read-only.
TRANSLATED_LANGUAGE = "es"
# Fields a translator may never change even in Spanish: slugs shape the URLs, which are structure.
STRUCTURAL_FIELDS = {"slug_es", "url_path_es"}

REFUSAL = _(
    "Translators can change only the Spanish text. English text, slugs and settings stay as they are."
)


def is_translator_only(user):
    """True for a translator who is not also an editor, a moderator or a superuser."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = {group.name for group in user.groups.all()}
    return TRANSLATORS in names and not names & {EDITORS, MODERATORS}


def translator_may_edit(field_name):
    return field_name.endswith(f"_{TRANSLATED_LANGUAGE}") and field_name not in STRUCTURAL_FIELDS


def works_on_translations(user):
    """Translators and moderators (and superusers) use the translators' workbench."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=[TRANSLATORS, MODERATORS]).exists()
