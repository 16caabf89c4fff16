"""Apply an agency's file: every unit or none, as new revisions under the translator's rules.

The file is read and every unit checked before anything is written; any refusal (named with the
file, the unit and the reason) stops the import with nothing written. Then, in one transaction,
each page or draft-able snippet gets one new revision holding the Spanish (and enters its review
workflow when it has one and is not already in it); other snippets and documents are saved, as the
admin saves them. Only `<field>_es` of translatable text is ever written: no English, no slug, no
structure (units exist for nothing else).
"""

import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, WorkflowMixin

from editorial.roles import translator_may_edit

from . import formats, rules, units

MAX_BYTES = 50 * 1024 * 1024


class ImportRefused(Exception):
    def __init__(self, messages):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass
class ImportResult:
    applied: list = field(default_factory=list)  # unit ids
    saved: list = field(default_factory=list)  # the pages, snippets and documents changed


def format_of(name, head):
    if name.lower().endswith((".po", ".pot")):
        return formats.PO
    if name.lower().endswith((".xlf", ".xliff", ".xml")) or head.lstrip().startswith(b"<"):
        return formats.XLIFF
    return formats.PO


def read(name, stream, size):
    if size > MAX_BYTES:
        raise ImportRefused([_("%(file)s: larger than 50 MB") % {"file": name}])
    data = stream.read()
    reader = formats.read_po_file if format_of(name, data[:64]) == formats.PO else formats.read_xliff
    try:
        return reader(io.BytesIO(data))
    except formats.FileRefused as refused:
        messages = [_message(name, unit_id, reason) for unit_id, reason in refused.errors]
        raise ImportRefused(messages) from refused


def _message(name, unit_id, reason):
    return f"{name}: {unit_id}: {reason}" if unit_id else f"{name}: {reason}"


def check(name, file_units, force_stale=False):
    """The units to apply, [(unit, Spanish)], or ImportRefused listing every problem."""
    known = {unit.id: unit for unit in units.collect()}
    problems, conflicts, changes, seen = [], [], [], set()
    for file_unit in file_units:
        unit = known.get(file_unit.id)
        if file_unit.id in seen:
            problems.append(_message(name, file_unit.id, _("the unit appears twice")))
            continue
        seen.add(file_unit.id)
        if unit is None or not translator_may_edit(f"{unit.field}_es"):
            problems.append(_message(name, file_unit.id, _("no such unit on the site")))
            continue
        target = file_unit.target
        if not target.strip() or target == unit.target:
            continue  # left untranslated, or unchanged: nothing to write
        if file_unit.source.strip() != unit.source.strip() and not force_stale:
            conflict = _("the English changed since the export (conflict)")
            conflicts.append(_message(name, file_unit.id, conflict))
        for problem in (rules.markup_problem(unit, target), rules.placeholder_problem(unit.source, target)):
            if problem:
                problems.append(_message(name, file_unit.id, problem))
        changes.append((unit, target))
    if conflicts:
        conflicts.append(_("%(file)s: use --force-stale to apply the conflicting units too") % {"file": name})
    if problems or conflicts:
        raise ImportRefused(problems + conflicts)
    return changes


def import_file(name, stream, size, user=None, force_stale=False):
    changes = check(name, read(name, stream, size), force_stale)
    result = ImportResult()
    with transaction.atomic():
        owners = {}
        for unit, target in changes:
            setattr(unit.row, f"{unit.field}_es", target)
            owners.setdefault(id(unit.owner), (unit.owner, set()))[1].add(unit.row)
            result.applied.append(unit.id)
        for owner, rows in owners.values():
            _save(owner, rows, user)
            result.saved.append(owner)
    return result


def _save(owner, rows, user):
    if isinstance(owner, DraftStateMixin):
        owner.save_revision(user=user, log_action=True)
        workflow = owner.get_workflow() if isinstance(owner, WorkflowMixin) else None
        if workflow is not None and not owner.workflow_in_progress:
            workflow.start(owner, user)
        return
    for row in rows - {owner}:
        row.save()
    owner.save()
