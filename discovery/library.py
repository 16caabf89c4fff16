"""The document library's GET filters: by group, type, year, language and whether an official text
is linked, each state its own URL.

A value that is not one of the choices becomes a form error and that filter is ignored; the
valid filters still apply.
"""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from base.language import sort_key
from base.pages import visible_to_everyone
from documents.listing import available_in, public_documents
from documents.models import LegalDocument
from workgroups.models import GroupDocument, TechnicalGroupPage


class DocumentFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Technical group"), required=False)
    kind = forms.ChoiceField(label=_("Type of document"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Available in"), required=False)
    official = forms.ChoiceField(
        label=_("Official text"),
        required=False,
        choices=[("", _("With or without")), ("yes", _("Linked here"))],
    )

    def __init__(self, data, documents):
        super().__init__(data)
        self.groups = {group.slug: group for group in groups_with_documents(documents)}
        self.fields["group"].choices = [("", _("All groups"))] + [
            (slug, group.title) for slug, group in self.groups.items()
        ]
        self.fields["kind"].choices = [("", _("All types")), *LegalDocument.Kind.choices]
        years = documents.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in years]
        self.fields["language"].choices = [("", _("Any language")), *settings.LANGUAGES]

    def filter(self, documents):
        """`documents` narrowed by every filter whose value is valid."""
        self.is_valid()
        values = getattr(self, "cleaned_data", {})
        if group := self.groups.get(values.get("group")):
            linked = GroupDocument.objects.filter(page=group).values("document_id")
            documents = documents.filter(Q(pk__in=linked) | Q(spanish_version__in=linked))
        if kind := values.get("kind"):
            documents = documents.filter(kind=kind)
        if year := values.get("year"):
            documents = documents.filter(year=year)
        if language := values.get("language"):
            documents = available_in(documents, language)
        if values.get("official"):
            documents = documents.exclude(official_url="")
        return documents


def groups_with_documents(documents):
    """Live groups that list at least one of `documents`, in the reader's alphabetical order."""
    groups = visible_to_everyone(TechnicalGroupPage.objects.live()).filter(
        Q(documents__document__in=documents) | Q(documents__document__spanish_version__in=documents)
    )
    return sorted(groups.distinct(), key=lambda group: sort_key(group.title))


def groups_by_document(documents):
    """{document pk: [live groups that list it]} for a page of documents, in one query."""
    by_pk = {document.pk: document.pk for document in documents}
    by_pk |= {
        document.spanish_version_id: document.pk for document in documents if document.spanish_version_id
    }
    links = GroupDocument.objects.filter(document__in=list(by_pk), page__live=True).select_related("page")
    groups = {document.pk: [] for document in documents}
    for link in links.order_by("page__path"):
        listed = groups[by_pk[link.document_id]]
        if link.page not in listed:
            listed.append(link.page)
    return groups


def library_documents(data):
    """(filter form, every matching document in alphabetical order of its title in the reader's language)."""
    documents = public_documents()
    form = DocumentFilterForm(data, documents)
    matching = form.filter(documents).select_related("spanish_version")
    return form, sorted(matching, key=lambda document: sort_key(document.title))
