"""The translators' queue: every page and snippet whose English changed after its Spanish was
written, field by field, with what changed word by word, oldest first."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from .models import FieldTranslation
from .translation_status import OUTDATED, SNIPPETS, inline_relations, label_of, state_of
from .word_diff import visible_text, word_diff


@dataclass
class FieldChange:
    record: FieldTranslation
    holder: object  # the page or snippet itself, or one of a page's inline rows
    label: str

    @property
    def name(self):
        return self.record.field

    @property
    def model_field(self):
        return type(self.holder)._meta.get_field(self.name)

    @property
    def english_then(self):
        if self.record.english_text is None:
            return None  # recorded before the English was kept
        return visible_text(self.model_field, self.record.english_text)

    @property
    def english_now(self):
        return visible_text(self.model_field, getattr(self.holder, f"{self.name}_en"))

    @property
    def diff(self):
        return word_diff(self.english_then or "", self.english_now)

    @property
    def spanish(self):
        return getattr(self.holder, f"{self.name}_es")


@dataclass
class QueueItem:
    obj: object
    changes: list = field(default_factory=list)
    section: str = ""

    @property
    def kind(self):
        return capfirst(str(type(self.obj)._meta.verbose_name))

    @property
    def title(self):
        return getattr(self.obj, "title_en", None) or str(self.obj)

    @property
    def waiting_since(self):
        return min(change.record.waiting_since for change in self.changes)

    @property
    def changed_by(self):
        # Rows from before the change's author was recorded have none (the template says so).
        records = [change.record for change in self.changes]
        latest = max(records, key=lambda record: record.english_changed_at or record.waiting_since)
        return latest.english_changed_by

    @property
    def words_changed(self):
        return sum(change.diff.changed for change in self.changes)

    @property
    def in_review(self):
        """A page whose correction (or another change) waits for the moderators."""
        return isinstance(self.obj, Page) and self.obj.workflow_in_progress

    @property
    def own_changes(self):
        return [change for change in self.changes if change.holder == self.obj]


def owner_of(holder):
    """The page or snippet a translator opens for `holder`: itself, or the page of an inline row."""
    if isinstance(holder, Page):
        return holder
    for model_field in type(holder)._meta.concrete_fields:
        if isinstance(model_field, ParentalKey) and issubclass(model_field.related_model, Page):
            return getattr(holder, model_field.name).specific
    return holder


def row_label(holder, owner, name):
    if holder is owner:
        return label_of(type(holder), name)
    relation = next(rel for rel in inline_relations(type(owner)) if rel.related_model is type(holder))
    position = [row.pk for row in getattr(owner, relation.get_accessor_name()).all()].index(holder.pk) + 1
    heading = capfirst(str(type(holder)._meta.verbose_name))
    return f"{heading} {position}: {label_of(type(holder), name)}"


def collect(records):
    """The queue items of these records whose Spanish is outdated now, oldest first."""
    by_model = {}
    for record in records:
        by_model.setdefault(record.content_type_id, []).append(record)
    items = {}
    for content_type_id, model_records in by_model.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        holders = model.objects.in_bulk([int(r.object_id) for r in model_records if r.object_id.isdigit()])
        for record in model_records:
            holder = holders.get(int(record.object_id)) if record.object_id.isdigit() else None
            if holder is None or state_of(holder, record.field, record) != OUTDATED:
                continue
            owner = owner_of(holder)
            if not isinstance(owner, (Page, *get_snippet_models())):
                continue  # documents' titles are translated in their own form
            item = items.setdefault((type(owner), owner.pk), QueueItem(owner))
            item.changes.append(FieldChange(record, holder, row_label(holder, owner, record.field)))
    return sorted(items.values(), key=lambda item: item.waiting_since)


def waiting_records():
    return FieldTranslation.objects.filter(waiting_since__isnull=False).select_related("english_changed_by")


def build_queue(home=None, section=None, kind=None):
    """What waits for translation, oldest first, narrowed to a section and a type."""
    top_pages = list(home.get_children()) if home else []
    items = collect(waiting_records())
    for item in items:
        item.section = section_of(item.obj, top_pages)
    if section:
        items = [item for item in items if item.section[0] == section]
    if kind:
        items = [item for item in items if type(item.obj)._meta.label_lower == kind]
    return items


def section_of(obj, top_pages):
    """(key, title) of the section an item lies in: a top-level page, or the snippets."""
    if not isinstance(obj, Page):
        return (SNIPPETS, str(_("Snippets")))
    for page in top_pages:
        if obj.path.startswith(page.path):
            return (str(page.pk), page.title)
    return ("", "")


def item_of(obj):
    """The queue item of one page or snippet (with its inline rows), or None if nothing waits."""
    records = waiting_records().filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )
    for relation in inline_relations(type(obj)) if isinstance(obj, Page) else []:
        rows = getattr(obj, relation.get_accessor_name()).values_list("pk", flat=True)
        records |= waiting_records().filter(
            content_type=ContentType.objects.get_for_model(relation.related_model),
            object_id__in=[str(pk) for pk in rows],
        )
    found = collect(records)
    return found[0] if found else None
