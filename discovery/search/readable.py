"""What a visitor reads of a page, in one language: the text that the site search indexes.

Worked out from the models, so a new page type (news, events) is covered without a line here: a
page's own searched fields (`search_fields`), its inline rows (every child relation: key facts,
lines of action, milestones, figures...), the snippets it shows (coordinators, responsible
entities: a snippet reached from the page or from one of its rows) and their text fields. A
translated field is read in the visitor's language only; e-mail addresses, links, slugs and coded
choices are not text a visitor reads.
"""

import html
import re

from django.db import models
from modelcluster.models import get_all_child_relations
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

TAG = re.compile(r"<[^>]*>")
NOT_READ = (models.EmailField, models.URLField, models.SlugField)


def plain_text(rich_text):
    """Rich text (HTML) as the words a reader sees."""
    return " ".join(html.unescape(TAG.sub(" ", rich_text or "")).split())


def translated_fields(model):
    try:
        return translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return ()


def localized(model, name, language):
    """The column that holds field `name` in `language` (the field itself if it is not translated)."""
    return build_localized_fieldname(name, language) if name in translated_fields(model) else name


def value(obj, name, language):
    return plain_text(str(getattr(obj, localized(type(obj), name, language)) or ""))


def text_fields(model):
    """The names of the model's text fields that a visitor reads (translated ones by their base name)."""
    names = []
    for field in model._meta.concrete_fields:
        if isinstance(field, (TranslationField, *NOT_READ)) or field.choices or field.primary_key:
            continue
        if isinstance(field, models.CharField | models.TextField):
            names.append(field.name)
    return names


def snippet_links(model):
    """The model's foreign keys and many-to-many fields that lead to a snippet."""
    snippets = tuple(get_snippet_models())
    return [
        field
        for field in model._meta.get_fields()
        if (field.many_to_one or field.many_to_many) and field.concrete and field.related_model in snippets
    ]


def linked_snippets(obj):
    found = []
    for field in snippet_links(type(obj)):
        if field.many_to_many:
            found.extend(getattr(obj, field.name).all())
        elif (target := getattr(obj, field.name)) is not None:
            found.append(target)
    return found


def object_text(obj, language, names=None):
    """The texts of `obj`'s fields (`names`, or every text field), in `language`, without empties."""
    texts = [value(obj, name, language) for name in (names or text_fields(type(obj)))]
    return [text for text in texts if text]


def page_text(page, language, own_fields):
    """Every text a visitor reads on `page` (its specific instance), besides its title."""
    texts = object_text(page, language, own_fields) if own_fields else []
    shown = list(linked_snippets(page))
    for relation in get_all_child_relations(type(page)):
        for child in getattr(page, relation.get_accessor_name()).all():
            texts += object_text(child, language)
            shown += linked_snippets(child)
    for snippet in shown:
        texts += object_text(snippet, language)
    return "\n".join(texts)


def pages_showing(obj):
    """The ids of the pages that show snippet `obj`, from their own fields or from their rows."""
    from wagtail.models import get_page_models

    model, ids = type(obj), set()
    for page_model in get_page_models():
        if page_model is Page or page_model._meta.abstract:
            continue
        lookups = [field.name for field in snippet_links(page_model) if field.related_model is model]
        for relation in get_all_child_relations(page_model):
            for field in snippet_links(relation.related_model):
                if field.related_model is model:
                    lookups.append(f"{relation.field.related_query_name()}__{field.name}")
        for lookup in lookups:
            ids.update(page_model.objects.filter(**{lookup: obj}).values_list("pk", flat=True))
    return ids


def searched_fields(model):
    """The base names of the model's full-text search fields, title first, without the per-language copies."""
    from django.conf import settings
    from wagtail.search import index

    names = []
    suffixes = tuple(f"_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)
    for field in model.get_search_fields():
        own = isinstance(field, index.SearchField) and not field.field_name.endswith(suffixes)
        if own and field.field_name not in names:
            names.append(field.field_name)
    return names
