"""What the site knows of one member country, computed from the data, never typed twice.

Its responsible entities by project, its coordinators and their groups, the pro tempore
coordinations it held; events and news are added by their own apps' relations.
"""

from django.db.models import Prefetch
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from base.language import sort_key
from base.models import MemberCountry
from base.pages import visible_to_everyone
from caching import dependencies
from cooperation.models import CooperationProjectPage, ResponsibleEntity
from workgroups.models import CoordinationTerm, GroupCoordinator, TechnicalGroupPage


def projects_with_entities(country):
    """Live projects in which the country takes part, each with `country_entities`: its institutions."""
    entities = ResponsibleEntity.objects.filter(country=country)
    projects = visible_to_everyone(CooperationProjectPage.objects.live()).filter(entities__country=country)
    return (
        projects.distinct()
        .order_by("title")
        .prefetch_related(Prefetch("entities", queryset=entities, to_attr="country_entities"))
    )


def coordinators(country):
    """(coordinator, group) for each coordinator of the country, in the order of the groups."""
    # Coordinators are rows of the groups' pages: a group's publish may add or remove one here.
    dependencies.listed(TechnicalGroupPage)
    rows = GroupCoordinator.objects.filter(coordinator__country=country, page__live=True)
    return [
        (row.coordinator, row.page)
        for row in rows.select_related("coordinator", "page").order_by("page__path")
    ]


def coordinations(country):
    """The pro tempore coordinations the country held, oldest first."""
    dependencies.listed(TechnicalGroupPage)
    terms = CoordinationTerm.objects.filter(country=country, page__live=True).select_related("page")
    return list(terms.order_by("year", "page__path"))


def other_members(country):
    """The three other members' names as a list in words: "Colombia, Mexico and Peru"."""
    names = sorted((member.name for member in MemberCountry.objects.exclude(pk=country.pk)), key=sort_key)
    return get_text_list(names, _("and"))
