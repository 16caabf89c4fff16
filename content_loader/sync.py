"""Create or update one page or snippet so that it matches its content file, and nothing more:
fields that people changed since the last load are kept (ownership.py)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import RevisionMixin

from . import ownership
from .fingerprint import fingerprint
from .models import LoadedItem


@dataclass
class PageSpec:
    """What a page should hold: its own fields, its inline children and its many-to-many links."""

    model: type
    fields: dict
    source: object  # the Record it was read from, which names the item
    children: dict = field(default_factory=dict)  # relation name -> [dict of child fields]
    links: dict = field(default_factory=dict)  # many-to-many name -> [objects]
    item: str = ""  # what tells apart several pages made from one record

    def __post_init__(self):
        # A page the files link to may be gone: deleted by a person and kept deleted (sync_page).
        self.links = {name: [obj for obj in objs if obj is not None] for name, objs in self.links.items()}

    @property
    def slug(self):
        return self.fields["slug_en"]

    def wanted(self):
        """Every value the file defines, by field name; children as rows, links as sorted keys."""
        rows = {
            relation: [{name: row.get(name) for name in _columns(rows)} for row in rows]
            for relation, rows in self.children.items()
        }
        links = {name: sorted(obj.pk for obj in objects) for name, objects in self.links.items()}
        return {**self.fields, **rows, **links}

    def read(self, page, name):
        """A field as `wanted` gives it, from a page or from one of its revisions."""
        if name in self.children:
            columns = _columns(self.children[name])
            return [{column: getattr(row, column) for column in columns} for row in getattr(page, name).all()]
        if name in self.links:
            return sorted(obj.pk for obj in getattr(page, name).all())
        return getattr(page, name)


def _columns(rows):
    return sorted({name for row in rows for name in row})


def _apply(page, spec, values):
    for name, value in values.items():
        if name in spec.children:
            child_model = getattr(page, name).model
            # An explicit order: rows without one come back in any order on PostgreSQL.
            setattr(page, name, [child_model(sort_order=order, **row) for order, row in enumerate(value)])
        elif name in spec.links:
            setattr(page, name, spec.links[name])
        else:
            setattr(page, name, value)
    # The untranslated originals follow English, the default language.
    page.title, page.slug = page.title_en, page.slug_en


def find_page(parent, spec, item=None):
    """The page made from the spec's item before, wherever it is now, or its namesake under `parent`."""
    item = item or ownership.record_of(ownership.current().key_of(spec.source, spec.item))
    page = ownership.stored_object(item, spec.model)
    return page or spec.model.objects.child_of(parent).filter(slug_en=spec.slug).first()


def sync_page(parent, spec, show_in_menus=False):
    """Return (page, "created" | "updated" | "unchanged"); changes are published as a revision.

    A page that people unpublished, or that has a draft waiting, is left as it is; a page they
    moved stays where they put it; a page they deleted stays deleted (None is returned). Each is
    reported as a conflict; --overwrite KEY:live republishes, KEY:parent moves the page back
    under its section, KEY:deleted makes it again.
    """
    load = ownership.current()
    key = load.key_of(spec.source, spec.item)
    if parent is None:
        return None, "unchanged"  # its section was deleted by a person (reported there)
    item = ownership.record_of(key)
    page = find_page(parent, spec, item)
    if page is None and item is not None and parent.depth > 1:  # made by a load, deleted by a person
        load.seen.setdefault(key, set()).add("deleted")
        if not load.may_overwrite(key, "deleted"):
            load.add_deleted_conflict(spec.source, key, item)
            return None, "unchanged"
    wanted = spec.wanted()
    if page is None:
        page = spec.model(show_in_menus=show_in_menus)
        _apply(page, spec, wanted)
        parent.add_child(instance=page)
        page.save_revision().publish()
        ownership.remember(key, page, ownership.fingerprints(page, wanted), item)
        load.seen[key] = load.seen.get(key, set()) | set(wanted) | {"live", "parent"}
        return page, "created"
    moved_back = page.get_parent().pk != parent.pk and load.may_overwrite(key, "parent")
    if moved_back:
        page.move(parent, pos="last-child")  # logged in the page's history as a move
        page.refresh_from_db()
    elif page.get_parent().pk != parent.pk:
        load.add_conflict(spec.source, key, "parent", page)
    latest = page.get_latest_revision_as_object()
    now = {name: spec.read(latest, name) for name in wanted}
    republish = not page.live and load.may_overwrite(key, "live")
    locked = page.has_unpublished_changes or not (page.live or republish)
    write, overwritten = ownership.settle(load, spec.source, key, page, item, now, wanted, spec.read, locked)
    load.seen[key] |= {"live", "parent"}
    if not page.live and not republish:
        load.add_conflict(spec.source, key, "live", page)
    if not (write or republish):
        return page, "updated" if moved_back else "unchanged"
    _apply(page, spec, write)
    revision = page.save_revision()
    if overwritten or republish:
        ownership.log_overwrite(page, revision, key, overwritten | ({"live"} if republish else set()))
    revision.publish()
    return page, "updated"


def sync_object(model, lookup, values, source, *item):
    """Create or update a snippet found by its record or by `lookup`; return (object, outcome)."""
    load = ownership.current()
    key = load.key_of(source, *item)
    record = ownership.record_of(key)
    obj = ownership.stored_object(record, model) or model.objects.filter(**lookup).first()
    wanted = {**lookup, **values}
    if obj is None:
        obj = model.objects.create(**wanted)
        ownership.remember(key, obj, ownership.fingerprints(obj, wanted), record)
        load.seen[key] = set(wanted)
        return obj, "created"
    now = {name: getattr(obj, name) for name in wanted}
    write, overwritten = ownership.settle(load, source, key, obj, record, now, wanted, getattr)
    if not write:
        return obj, "unchanged"
    for name, value in write.items():
        setattr(obj, name, value)
    obj.save()
    if overwritten and isinstance(obj, RevisionMixin):
        ownership.log_overwrite(obj, obj.save_revision(), key, overwritten)
    elif overwritten:
        ownership.log_overwrite(obj, None, key, overwritten)
    return obj, "updated"


def remove_unless_changed(obj, source):
    """Delete an object whose item left the files, unless a person has changed it (then only with
    --overwrite KEY:deleted) or made it."""
    record = LoadedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).first()
    if record is None:
        return False  # made in the admin: not the files' to remove
    load = ownership.current()
    load.seen.setdefault(record.key, set()).add("deleted")
    values = {name: getattr(obj, name) for name in record.fields}
    changed = any(
        fingerprint(type(obj), name, value) != record.fields[name] for name, value in values.items()
    )
    if changed and not load.may_overwrite(record.key, "deleted"):
        load.add_conflict(source, record.key, "deleted", obj)
        return False
    obj.delete()
    record.delete()
    return True


def pk_of(objects, key):
    """The primary key of objects[key]; None while checking, before anything is written."""
    return getattr(objects.get(key), "pk", None)
