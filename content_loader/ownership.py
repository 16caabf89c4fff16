"""One run of the loader: which values it may write, and what people changed that it keeps.

For every item of the content files the loader remembers the fingerprint of each field it wrote
(models.LoadedItem). A field whose stored value still has that fingerprint is the loader's and takes
the file's value; any other value was written by a person (an edit, a translation, a revert, an
approved change) and is kept, as a conflict naming who changed it and when, unless the run was told
to overwrite it. An object found without a record (a database loaded before records were kept) is
the loader's only if no person has ever changed it.
"""

from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from .errors import ContentError
from .fingerprint import fingerprint
from .models import LoadedItem

OUTCOMES = ("created", "updated", "unchanged")
# The log action of a revision that replaced people's changes with the files' text (wagtail_hooks.py).
OVERWRITE_ACTION = "content_loader.overwrite"
REVISIONS_SEARCHED = 50

_current = ContextVar("content_load")


@dataclass
class Conflict:
    path: str
    key: str
    field: str
    who: str
    when: object

    def __str__(self):
        when = f" on {self.when:%Y-%m-%d %H:%M}" if self.when else ""
        return (
            f"{self.path}: {self.key}: field '{self.field}': kept, changed by {self.who}{when}"
            f" (--overwrite {self.key}:{self.field} replaces it)"
        )


@dataclass
class Load:
    root: object
    overwrite: frozenset = frozenset()
    overwrite_all: bool = False
    outcomes: Counter = field(default_factory=Counter)
    conflicts: list = field(default_factory=list)
    seen: dict = field(default_factory=dict)  # key -> the fields the files define for it

    def key_of(self, record, *parts):
        """'workgroups/tourism', 'coordinators/natalia-avila', 'documents/framework-agreement/es'."""
        try:
            relative = record.path.relative_to(self.root)
        except ValueError:
            relative = record.path
        return "/".join([relative.with_suffix("").as_posix(), *filter(None, [record.key, *parts])])

    def may_overwrite(self, key, name):
        return self.overwrite_all or key in self.overwrite or f"{key}:{name}" in self.overwrite

    def summary(self):
        counts = ", ".join(f"{self.outcomes[name]} {name}" for name in OUTCOMES)
        return f"Content: {counts}, {len(self.conflicts)} kept because edited."

    def add_conflict(self, source, key, name, obj):
        """A conflict over the object as a whole (moved, unpublished, deleted), not one field."""
        self.seen.setdefault(key, set()).add(name)
        self.conflicts.append(Conflict(str(source.path), key, name, *last_change(obj)))

    def add_deleted_conflict(self, source, key, item):
        """A page the loader made that a person has deleted since: who deleted it, from its log."""
        entry = PageLogEntry.objects.filter(page_id=item.object_id, action="wagtail.delete").first()
        who, when = (person(entry.user), entry.timestamp) if entry else ("a person", None)
        self.conflicts.append(Conflict(str(source.path), key, "deleted", who, when))

    def check_overwrite_keys(self):
        """Every --overwrite KEY or KEY:FIELD must name an item (and field) of the files."""
        for wanted in sorted(self.overwrite):
            key, _, name = wanted.partition(":")
            if key not in self.seen or (name and name not in self.seen[key]):
                what = (
                    f"'{name}' is not a field of '{key}'" if key in self.seen else f"'{key}' is not an item"
                )
                raise ContentError("--overwrite", name or None, f"{what} of the content files")


@contextmanager
def begin(load):
    token = _current.set(load)
    try:
        yield load
    finally:
        _current.reset(token)


def current():
    """The run under way; a run that overwrites nothing when the loader is called without one."""
    load = _current.get(None)
    return load if load is not None else Load(root=None)


def record_of(key):
    return LoadedItem.objects.filter(key=key).first()


def stored_object(item, model):
    """The object a record names, or None when a person has deleted it."""
    if item is None:
        return None
    return model.objects.filter(pk=item.object_id).first()


def fingerprints(obj, values):
    return {name: fingerprint(type(obj), name, value) for name, value in values.items()}


def remember(key, obj, fingerprints, item=None):
    item = item or LoadedItem(key=key)
    item.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    item.object_id, item.fields = str(obj.pk), fingerprints
    item.save()


def changed_by_person(obj):
    return log_registry.get_logs_for_instance(obj).filter(user__isnull=False).exists()


def settle(load, source, key, obj, item, now, wanted, read, locked=False):
    """(write, overwritten): the fields of `wanted` to write, {name: value}, and those of them that
    replace a person's change.

    `now` and `wanted` map each field to its stored and its file value; `read(obj, name)` reads a
    field from an object or from one of its revisions, to find who changed a field that is kept.
    `locked`: the object is a person's for now (a draft waiting): only overwrites are written.
    """
    model, stored = type(obj), dict(item.fields) if item else {}
    load.seen[key] = set(wanted)
    unowned = None  # for a field without a record: nobody ever changed the object (asked once)
    write, overwritten, prints = {}, set(), {}
    for name, value in wanted.items():
        new, present = fingerprint(model, name, value), fingerprint(model, name, now[name])
        if new == present:
            prints[name] = new
            continue
        if name not in stored and unowned is None:
            unowned = not changed_by_person(obj)
        ours = (stored[name] == present if name in stored else unowned) and not locked
        if ours or load.may_overwrite(key, name):
            write[name], prints[name] = value, new
            overwritten |= set() if ours else {name}
        else:
            if name in stored:
                prints[name] = stored[name]
            who, when = who_changed(obj, name, present, read)
            load.conflicts.append(Conflict(str(source.path), key, name, who, when))
    remember(key, obj, prints, item)
    return write, overwritten


def who_changed(obj, name, present, read):
    """(who, when) of the newest run of revisions that hold the field's present value."""
    found = None
    revisions = getattr(obj, "revisions", None)
    if revisions is not None:
        for revision in revisions.order_by("-created_at", "-id")[:REVISIONS_SEARCHED]:
            if fingerprint(type(obj), name, read(revision.as_object(), name)) != present:
                break
            found = revision
    if found is not None and found.user is not None:
        return person(found.user), found.created_at
    return last_change(obj)


def last_change(obj):
    """(who, when) of the newest change a person made to the object, from its history."""
    entry = log_registry.get_logs_for_instance(obj).filter(user__isnull=False).order_by("-timestamp").first()
    return (person(entry.user), entry.timestamp) if entry else ("a person", None)


def person(user):
    return user.get_full_name() or user.get_username() if user else "a deleted user"


def log_overwrite(obj, revision, key, names):
    """The history entry saying that the load replaced people's changes, and which fields."""
    log_registry.log(
        obj,
        OVERWRITE_ACTION,
        revision=revision,
        content_changed=True,
        data={"key": key, "fields": sorted(names)},
    )
