"""Responsible entities (content/entities.yaml) and the cooperation projects (content/cooperation/)."""

from base.content_spec import SnippetsWithCountryContent
from content_loader.export import compact, partial_date, section, translated
from content_loader.reader import Record, folder_files, read_yaml
from content_loader.spec import ContentSpec, review_date, section_page_spec, summary
from content_loader.sync import PageSpec, pk_of, sync_page

from .choices import Status
from .models import CooperationProjectIndexPage, CooperationProjectPage, ProjectFigure, ResponsibleEntity


class ResponsibleEntitiesContent(SnippetsWithCountryContent):
    provides, order = "entities", 4
    file_name, model, lookup_field, label = (
        "entities.yaml",
        ResponsibleEntity,
        "name_en",
        "Responsible entities",
    )

    def values(self, record):
        acronym = record.text("acronym", required=False)
        return {**record.translated("name"), "acronym": acronym, "country": self.country(record)}

    @classmethod
    def exported(cls, obj):
        return {**translated(obj, "name"), "acronym": obj.acronym}


class CooperationProjectsContent(ContentSpec):
    provides = "projects"
    requires = ("home", "groups", "entities")
    order = 6

    def read(self):
        index_path = self.root / "cooperation/index.yaml"
        self.index = Record(read_yaml(index_path), index_path)
        section_page_spec(self.index, CooperationProjectIndexPage)
        self.records = folder_files(self.root / "cooperation")
        for record in self.records.values():
            self.project_spec(record, {}, {})

    def project_spec(self, record, groups, entities):
        r = record
        start, start_precision = r.partial_date("start", required=False)
        end, end_precision = r.partial_date("planned_end", required=False)
        group_key = r.choice("group", list(self.specs["groups"].records))
        fields = {
            **r.slugs(),
            **r.translated("title"),
            **r.translated("summary"),
            **r.translated("objective"),
        }
        fields |= r.translated("body", False)
        fields |= {
            "status": r.choice("status", Status.values),
            "status_as_of": r.integer("status_as_of"),
            "group_id": pk_of(groups, group_key),
            "start_date": start,
            "start_precision": start_precision,
            "planned_end_date": end,
            "planned_end_precision": end_precision,
            "review_date": review_date(r),
        }
        milestones = []
        for m in r.records("milestones"):
            date, precision = m.partial_date("date")
            milestones.append({"date": date, "precision": precision, **m.translated("text")})
        totals = [value for value, _label in ProjectFigure.counts.field.choices]
        figures = [
            {
                "value": f.integer("value"),
                **f.translated("label"),
                "counts": f.choice("counts", totals, False),
            }
            for f in r.records("figures")
        ]
        entity_keys = r.keys("entities", self.specs["entities"].records, "responsible entity")
        return PageSpec(
            CooperationProjectPage,
            fields,
            record,
            children={"milestones": milestones, "figures": figures},
            links={"entities": [entities[k] for k in entity_keys if k in entities]},
        )

    def write(self, written, report):
        index_spec = section_page_spec(self.index, CooperationProjectIndexPage)
        index, outcome = sync_page(written["home"], index_spec, True)
        summary(report, "Cooperation projects index", [outcome])
        groups, entities = written["groups"], written["entities"]
        projects, outcomes = {}, []
        for key, record in self.records.items():
            projects[key], outcome = sync_page(index, self.project_spec(record, groups, entities))
            outcomes.append(outcome)
        summary(report, "Cooperation projects", outcomes)
        return projects

    @classmethod
    def export(cls, files):
        files.yaml("cooperation/index.yaml", section(CooperationProjectIndexPage.objects.get()))
        for project in CooperationProjectPage.objects.live().select_related("group"):
            data = translated(project, "slug", "title", "summary", "objective", "body")
            data |= {"status": project.status, "status_as_of": project.status_as_of}
            data["group"] = files.name(project.group, project.group.slug_en)
            data["start"] = partial_date(project.start_date, project.start_precision)
            data["planned_end"] = partial_date(project.planned_end_date, project.planned_end_precision)
            data["milestones"] = [
                {"date": partial_date(m.date, m.precision), **translated(m, "text")}
                for m in project.milestones.all()
            ]
            data["figures"] = [
                compact({"value": f.value, **translated(f, "label"), "counts": f.counts})
                for f in project.figures.all()
            ]
            data["entities"] = [files.name(entity) for entity in project.entities.all()]
            files.yaml(f"cooperation/{files.name(project, project.slug_en)}.yaml", compact(data))


CONTENT = [ResponsibleEntitiesContent, CooperationProjectsContent]
