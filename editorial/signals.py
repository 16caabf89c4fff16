"""The translation status follows the change feed (caching.changes): what visitors can see changed.

The feed speaks once the transaction has committed, and only of published content: a draft saved
in the admin changes nothing a translator must follow until it is published. By then the revision
that carried the change is stored, so the status knows who wrote the English, and when. A page
also records its inline rows (key facts, milestones...), which the feed does not name on their own.
"""

from django.db import transaction
from wagtail.models import Page, RevisionMixin

from caching.changes import DELETED, content_changed

from .translation_status import inline_relations, record_translations, translated_fields


def connect():
    content_changed.connect(translations_changed, dispatch_uid="editorial_record_translations")


def translations_changed(sender, change, **kwargs):
    with transaction.atomic():  # one commit for the whole change (a content load names hundreds)
        for instance, what in change.objects:
            if what != DELETED and instance.pk is not None:
                record_object(instance)


def record_object(instance):
    if isinstance(instance, Page):
        page = Page.objects.filter(pk=instance.pk).first()
        if page is not None:
            record_page(page.specific)
    elif translated_fields(type(instance)):
        stored = type(instance).objects.filter(pk=instance.pk).first()
        if stored is not None:
            record_translations(stored, author=author_of(stored))


def record_page(page):
    author = author_of(page)
    record_translations(page, author=author)
    for relation in inline_relations(type(page)):
        for row in getattr(page, relation.get_accessor_name()).all():
            record_translations(row, author=author)


def author_of(instance):
    """Who wrote what is stored: the author of the live (or else the latest) revision."""
    if not isinstance(instance, RevisionMixin):
        return None
    revision = getattr(instance, "live_revision", None) or instance.latest_revision
    return revision.user if revision else None
