"""The published data sets: which rows each holds and the stable shape of one record.

Every record is built in the active language (the caller activates the requested one). The
fields and their order are part of the documented format (version 1): add fields at the end if
needed, never rename or remove one without a new version.
"""

from django.db.models import Prefetch

from caching import dependencies
from cooperation.models import CooperationProjectPage, ResponsibleEntity
from observers.models import ObserverState
from workgroups.models import TechnicalGroupPage

from .dated import DATED_RESOURCES
from .records import LIST_SEPARATOR, Resource, absolute_url, partial_date, timestamp

# Technical groups


def group_rows():
    return dependencies.listed(TechnicalGroupPage.objects.live()).public().order_by("pk")


def group_context(groups, request):
    projects = (
        dependencies.listed(CooperationProjectPage.objects.live())
        .public()
        .filter(group__in=groups)
        .order_by("pk")
        .values_list("group_id", "pk")
    )
    by_group = {}
    for group_id, project_id in projects:
        by_group.setdefault(group_id, []).append(project_id)
    return {"request": request, "projects": by_group}


def group_record(group, context):
    return {
        "id": group.pk,
        "slug": group.slug,
        "title": group.title,
        "acronym": group.acronym,
        "summary": group.summary,
        "url": absolute_url(group, context["request"]),
        "contact_email": group.contact_email,
        "projects": context["projects"].get(group.pk, []),
        "last_published_at": timestamp(group.last_published_at),
    }


def group_flat(record):
    return record | {"projects": LIST_SEPARATOR.join(str(pk) for pk in record["projects"])}


# Cooperation projects


def project_rows():
    entities = ResponsibleEntity.objects.select_related("country").order_by("country__code", "name")
    return (
        dependencies.listed(CooperationProjectPage.objects.live())
        .public()
        .select_related("group")
        .prefetch_related(Prefetch("entities", queryset=entities))
        .order_by("pk")
    )


def project_record(project, context):
    request = context["request"]
    group = project.group if project.group_id and project.group.live else None
    entities = list(project.entities.all())
    return {
        "id": project.pk,
        "slug": project.slug,
        "title": project.title,
        "summary": project.summary,
        "objective": project.objective,
        "url": absolute_url(project, request),
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "group": {"id": group.pk, "title": group.title, "url": absolute_url(group, request)}
        if group
        else None,
        "countries": sorted({entity.country.code for entity in entities if entity.country}),
        "entities": [
            {
                "name": entity.name,
                "acronym": entity.acronym,
                "country": entity.country.code if entity.country else None,
            }
            for entity in entities
        ],
        "start": partial_date(project.start_date, project.start_precision),
        "planned_end": partial_date(project.planned_end_date, project.planned_end_precision),
        "last_published_at": timestamp(project.last_published_at),
    }


def project_flat(record):
    group = record["group"] or {}
    entities = [
        f"{entity['name']} ({entity['acronym']})" if entity["acronym"] else entity["name"]
        for entity in record["entities"]
    ]
    return record | {
        "group_id": group.get("id"),
        "group_title": group.get("title"),
        "countries": LIST_SEPARATOR.join(record["countries"]),
        "entities": LIST_SEPARATOR.join(entities),
    }


# Observer states


def observer_rows():
    return dependencies.listed(ObserverState.objects.order_by("iso_code"))


def observer_record(observer, context):
    return {
        "iso_code": observer.iso_code,
        "name": observer.name,
        "continent": observer.continent,
        "continent_label": str(observer.get_continent_display()),
        "year_admitted": observer.year_admitted,
        "sources": observer.sources.split(),
    }


def observer_flat(record):
    return record | {"sources": " ".join(record["sources"])}


RESOURCES = {
    resource.name: resource
    for resource in (
        Resource(
            "groups",
            (
                "id",
                "slug",
                "title",
                "acronym",
                "summary",
                "url",
                "contact_email",
                "projects",
                "last_published_at",
            ),
            group_rows,
            group_record,
            group_flat,
            group_context,
        ),
        Resource(
            "projects",
            (
                "id",
                "slug",
                "title",
                "summary",
                "objective",
                "url",
                "status",
                "status_label",
                "group_id",
                "group_title",
                "countries",
                "entities",
                "start",
                "planned_end",
                "last_published_at",
            ),
            project_rows,
            project_record,
            project_flat,
        ),
        Resource(
            "observers",
            ("iso_code", "name", "continent", "continent_label", "year_admitted", "sources"),
            observer_rows,
            observer_record,
            observer_flat,
        ),
        *DATED_RESOURCES,
    )
}
