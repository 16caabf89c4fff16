"""Every translatable text of the site as a unit: a stable id, the English now, the Spanish now
(pages, their rows, snippets, documents, then the interface strings).

Ids name the object and field and never change while the object exists:
`page:12:title`, `page:12:facts:40:label` (a row of a page), `snippet:observers.observerstate:3:name`,
`document:7:title`, `string:<key>` (interface_strings.models.string_key). A page's or draft-able
snippet's (or string's) units come from its latest revision: the text last written, published or not.
"""

from dataclasses import dataclass

from django.utils.html import strip_tags
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import translator
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.models import get_snippet_models

from editorial.translation_status import FieldStates, translated_fields
from interface_strings.models import InterfaceString

from . import rules


@dataclass
class Unit:
    id: str
    owner: object  # the page, snippet or document the unit belongs to (its latest revision)
    row: object  # the object holding the field: the owner, or one of its rows
    field: str  # the translated field's name, without language
    pending: bool = False  # no Spanish, or Spanish older than the English

    @property
    def source(self):
        return getattr(self.row, f"{self.field}_en") or ""

    @property
    def target(self):
        return getattr(self.row, f"{self.field}_es") or ""

    @property
    def model_field(self):
        return self.row._meta.get_field(f"{self.field}_es")

    @property
    def is_rich_text(self):
        return isinstance(self.model_field, RichTextField)

    def allowed_tags(self):
        return rules.allowed_tags(self.model_field) if self.is_rich_text else set()

    @property
    def label(self):
        owner = getattr(self.owner, "title_en", None) or getattr(self.owner, "name_en", None)
        owner = owner or str(self.owner)
        return f"{strip_tags(owner)}: {self.model_field.verbose_name}"


class StringUnit(Unit):
    """An interface string (`string:<key>`, `string:<key>:plural`): its markup is the English's."""

    model_field = None
    is_rich_text = False

    def allowed_tags(self):
        return rules.tags_in(self.source)

    @property
    def label(self):
        context = f" ({self.row.context})" if self.row.context else ""
        return f"{self.row._meta.verbose_name}{context}"


def _string_units():
    units = []
    for string in InterfaceString.objects.order_by("source", "context"):
        row = _latest(string) if string.latest_revision_id else string
        units.append(StringUnit(f"string:{string.key}", row, row, "text", not row.spanish))
        if row.source_plural:
            plural_id = f"string:{string.key}:plural"
            units.append(StringUnit(plural_id, row, row, "plural", not row.spanish_plural))
    return units


def _units_of(owner, prefix, states, names=None):
    names = translated_fields(type(owner)) if names is None else names
    problems = {name for name, _state in states.problems(owner, names)} if states else set()
    units = [Unit(f"{prefix}:{name}", owner, owner, name, name in problems) for name in names]
    for relation in get_all_child_relations(type(owner)):
        row_names = translated_fields(relation.related_model)
        if not row_names:
            continue
        row_states = FieldStates(relation.related_model)
        accessor = relation.get_accessor_name()
        for row in getattr(owner, accessor).all():
            pending = {name for name, _state in row_states.problems(row, row_names)}
            units += [
                Unit(f"{prefix}:{accessor}:{row.pk}:{name}", owner, row, name, name in pending)
                for name in row_names
            ]
    return units


def _latest(obj):
    return obj.get_latest_revision_as_object() if isinstance(obj, DraftStateMixin) else obj


def page_models():
    return [m for m in translator.get_registered_models() if issubclass(m, Page) and m is not Page]


def snippet_models():
    return [m for m in get_snippet_models() if translated_fields(m)]


def collect():
    """Every unit with English text, in a stable order: pages by tree, snippets, documents."""
    units = []
    for model in page_models():
        states = FieldStates(model)
        for page in model.objects.exact_type(model).order_by("path"):
            units += _units_of(_latest(page), f"page:{page.pk}", states)
    for model in snippet_models():
        states = FieldStates(model)
        for snippet in model.objects.order_by("pk"):
            units += _units_of(_latest(snippet), f"snippet:{model._meta.label_lower}:{snippet.pk}", states)
    documents = get_document_model()
    if translated_fields(documents):
        states = FieldStates(documents)
        for document in documents.objects.order_by("pk"):
            units += _units_of(document, f"document:{document.pk}", states)
    units += _string_units()
    return [unit for unit in units if unit.source]
