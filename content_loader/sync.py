"""Create or update one page or snippet so that it matches its content file, and nothing more."""

from dataclasses import dataclass, field


@dataclass
class PageSpec:
    """What a page should hold: its own fields, its inline children and its many-to-many links."""

    model: type
    fields: dict
    children: dict = field(default_factory=dict)  # relation name -> [dict of child fields]
    links: dict = field(default_factory=dict)  # many-to-many name -> [objects]

    @property
    def slug(self):
        return self.fields["slug_en"]


def _snapshot(page, spec):
    fields = {name: getattr(page, name) for name in spec.fields}
    children = {
        relation: [
            {name: getattr(child, name) for name in _child_fields(rows)}
            for child in getattr(page, relation).all()
        ]
        for relation, rows in spec.children.items()
    }
    links = {name: sorted(obj.pk for obj in getattr(page, name).all()) for name in spec.links}
    return fields, children, links


def _child_fields(rows):
    return sorted({name for row in rows for name in row})


def _desired(spec):
    children = {
        relation: [{name: row.get(name) for name in _child_fields(rows)} for row in rows]
        for relation, rows in spec.children.items()
    }
    links = {name: sorted(obj.pk for obj in objects) for name, objects in spec.links.items()}
    return spec.fields, children, links


def _apply(page, spec):
    for name, value in spec.fields.items():
        setattr(page, name, value)
    # The untranslated originals follow English, the default language.
    page.title, page.slug = spec.fields["title_en"], spec.fields["slug_en"]
    for relation, rows in spec.children.items():
        child_model = getattr(page, relation).model
        # An explicit order: rows without one come back in any order on PostgreSQL.
        setattr(page, relation, [child_model(sort_order=order, **row) for order, row in enumerate(rows)])
    for name, objects in spec.links.items():
        setattr(page, name, objects)


def sync_page(parent, spec, show_in_menus=False):
    """Return (page, "created" | "updated" | "unchanged"); changes are published as a revision."""
    page = spec.model.objects.child_of(parent).filter(slug_en=spec.slug).first()
    if page is None:
        page = spec.model(show_in_menus=show_in_menus)
        _apply(page, spec)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, "created"
    if _snapshot(page, spec) == _desired(spec) and page.live:
        return page, "unchanged"
    _apply(page, spec)
    page.save_revision().publish()
    return page, "updated"


def sync_object(model, lookup, values):
    """Create or update a snippet found by `lookup`; return (object, outcome)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), "created"
    if all(getattr(obj, name) == value for name, value in values.items()):
        return obj, "unchanged"
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj, "updated"


def pk_of(objects, key):
    """The primary key of objects[key]; None while checking, before anything is written."""
    return getattr(objects.get(key), "pk", None)
