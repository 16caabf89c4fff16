"""Which translatable fields have no Spanish text, or Spanish text older than the English."""

import hashlib
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from .models import FieldTranslation

MISSING = "missing"
OUTDATED = "outdated"
STATES = {MISSING: _("No Spanish text"), OUTDATED: _("English changed after the Spanish was written")}
SNIPPETS = "snippets"


def digest(value):
    return hashlib.sha256(str(value or "").encode()).hexdigest()


def translated_fields(model):
    """The translatable text fields of `model` (none for models modeltranslation does not know)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return [name for name in options.get_field_names() if name not in ("slug", "url_path")]


def english_as_stored(instance, name):
    """The field's English text as the database stores it (a stream field's JSON, say)."""
    return type(instance)._meta.get_field(f"{name}_en").value_to_string(instance)


def record_translations(instance, author=None, when=None):
    """Remember each field's English and Spanish text, noting when the Spanish was written.

    A first sight counts as in step; afterwards a change of the Spanish marks a new translation
    (its English is kept, to show later what changed since), and a change of the English alone
    leaves the translation outdated: since when it waits, and who changed the English last.
    """
    names = translated_fields(type(instance))
    if not names or instance.pk is None:
        return
    when = when or timezone.now()
    content_type = ContentType.objects.get_for_model(instance)
    existing = {
        state.field: state
        for state in FieldTranslation.objects.filter(content_type=content_type, object_id=str(instance.pk))
    }
    for name in names:
        english, spanish = digest(getattr(instance, f"{name}_en")), digest(getattr(instance, f"{name}_es"))
        state = existing.get(name)
        if state is None:
            state = FieldTranslation(content_type=content_type, object_id=str(instance.pk), field=name)
            state.spanish_digest = spanish
            mark_in_step(state, instance, english)
        elif state.spanish_digest != spanish:
            state.spanish_digest = spanish
            mark_in_step(state, instance, english)
        elif english == state.english_digest:
            if state.waiting_since is None and state.latest_english_digest == english:
                continue
            mark_in_step(state, instance, english)  # the English went back to what was translated
        elif english != state.latest_english_digest:
            state.latest_english_digest = english
            state.english_changed_at, state.english_changed_by = when, author
            state.waiting_since = state.waiting_since or when
        else:
            continue
        state.save()


def mark_in_step(state, instance, english):
    """The Spanish now matches this English: keep it, and nothing waits."""
    state.english_digest = state.latest_english_digest = english
    state.english_text = english_as_stored(instance, state.field)
    state.waiting_since = None


@dataclass
class ReportRow:
    obj: object
    kind: str
    section: str
    fields: list = field(default_factory=list)  # [(label, state)]

    @property
    def title(self):
        return getattr(self.obj, "title_en", None) or str(self.obj)


class FieldStates:
    """Recorded translation states of one model, loaded in one query."""

    def __init__(self, model):
        records = FieldTranslation.objects.filter(content_type=ContentType.objects.get_for_model(model))
        self.by_object = {}
        for record in records:
            self.by_object.setdefault(record.object_id, {})[record.field] = record

    def problems(self, obj, names, wanted_state=None):
        """[(field name, state)] of `obj`'s fields whose Spanish is missing or outdated."""
        own = self.by_object.get(str(obj.pk), {})
        found = []
        for name in names:
            state = state_of(obj, name, own.get(name))
            if state and wanted_state in (None, "", state):
                found.append((name, state))
        return found


def state_of(obj, name, record):
    """MISSING, OUTDATED or None (nothing to do) for field `name` of `obj`, given its record."""
    english = getattr(obj, f"{name}_en")
    if not english:
        return None
    if not getattr(obj, f"{name}_es"):
        return MISSING
    if record is not None and record.english_digest != digest(english):
        return OUTDATED
    return None


def label_of(model, name):
    return capfirst(str(model._meta.get_field(name).verbose_name))


def inline_relations(model):
    """Child relations of a page type whose rows have translatable fields."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many and translated_fields(relation.related_model)
    ]


def sections(home):
    """Sections of the site for the report's filter: each top-level page, plus the snippets."""
    return [(str(page.pk), page.title) for page in home.get_children()] + [(SNIPPETS, _("Snippets"))]


def build_report(home=None, section=None, state=None):
    """One row per page or snippet with at least one field to translate."""
    rows = []
    top_pages = list(home.get_children()) if home else []
    section_titles = {str(page.pk): page.title for page in top_pages}
    section_paths = {str(page.pk): page.path for page in top_pages}
    if section in (None, "") or section != SNIPPETS:
        for model in sorted(_page_models(), key=lambda m: m._meta.verbose_name):
            pages = model.objects.exact_type(model).order_by("path")
            if section:
                pages = pages.filter(path__startswith=section_paths.get(section, "-"))
            rows += _page_rows(model, pages, state, section_paths, section_titles)
    if section in (None, "", SNIPPETS):
        for model in get_snippet_models():
            names = translated_fields(model)
            if not names:
                continue
            states = FieldStates(model)
            for obj in model.objects.all():
                found = states.problems(obj, names, state)
                if found:
                    fields = [(label_of(model, name), problem) for name, problem in found]
                    rows.append(ReportRow(obj, str(model._meta.verbose_name), str(_("Snippets")), fields))
    return rows


def _page_models():
    return [m for m in translator.get_registered_models() if issubclass(m, Page) and m is not Page]


def _page_rows(model, pages, state, section_paths, section_titles):
    names = translated_fields(model)
    states = FieldStates(model)
    relations = inline_relations(model)
    child_states = {relation.name: FieldStates(relation.related_model) for relation in relations}
    pages = pages.prefetch_related(*[relation.get_accessor_name() for relation in relations])
    rows = []
    for page in pages:
        fields = [(label_of(model, name), problem) for name, problem in states.problems(page, names, state)]
        for relation in relations:
            child_model = relation.related_model
            child_names = translated_fields(child_model)
            heading = capfirst(str(child_model._meta.verbose_name))
            for number, child in enumerate(getattr(page, relation.get_accessor_name()).all(), start=1):
                for name, problem in child_states[relation.name].problems(child, child_names, state):
                    fields.append((f"{heading} {number}: {label_of(child_model, name)}", problem))
        if fields:
            section = next((pk for pk, path in section_paths.items() if page.path.startswith(path)), None)
            kind = str(model._meta.verbose_name)
            rows.append(ReportRow(page, kind, section_titles.get(section, ""), fields))
    return rows
