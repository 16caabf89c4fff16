"""Coordinators (content/coordinators.yaml) and the technical groups (content/workgroups/)."""

from base.content_spec import SnippetsWithCountryContent
from content_loader.export import compact, section, translated
from content_loader.reader import Record, folder_files, read_yaml
from content_loader.spec import ContentSpec, review_date, section_page_spec, summary
from content_loader.sync import PageSpec, find_page, pk_of, sync_page

from .models import Coordinator, TechnicalGroupIndexPage, TechnicalGroupPage, WorkPlanItem


class CoordinatorsContent(SnippetsWithCountryContent):
    provides, order = "coordinators", 3
    file_name, model, lookup_field, label = "coordinators.yaml", Coordinator, "name", "Coordinators"

    def values(self, record):
        return {
            "name": record.text("name"),
            **record.translated("role"),
            **record.translated("institution", required=False),
            "country": self.country(record),
            "email": record.text("email", required=False),
        }

    @classmethod
    def exported(cls, obj):
        return {"name": obj.name, **translated(obj, "role", "institution"), "email": obj.email}


class TechnicalGroupsContent(ContentSpec):
    provides = "groups"
    requires = ("home", "documents", "coordinators", "countries")
    countries = {}  # member countries by code, once written
    order = 5

    def read(self):
        index_path = self.root / "workgroups/index.yaml"
        self.index = Record(read_yaml(index_path), index_path)
        section_page_spec(self.index, TechnicalGroupIndexPage)
        self.records = folder_files(self.root / "workgroups")
        for record in self.records.values():
            self.group_spec(record, {}, {}, {})

    def group_spec(self, record, coordinators, documents, groups):
        r = record
        fields = {**r.slugs(), **r.translated("title"), **r.translated("acronym", False)}
        fields |= r.translated("summary") | r.translated("introduction")
        fields |= r.translated("objectives", False) | r.translated("achievements", False)
        fields["contact_email"] = r.text("contact_email", required=False)
        fields["coordinators_as_of"] = r.integer(
            "coordinators_as_of", required=bool(r.get("coordinators", False))
        )
        facts = [{**f.translated("label"), **f.translated("value")} for f in r.records("facts")]
        work_plan = [
            {
                **item.translated("title"),
                **item.translated("description", False),
                "status": item.choice("status", WorkPlanItem.Status.values, required=False),
            }
            for item in r.records("work_plan")
        ]
        coordinator_keys = r.keys("coordinators", self.specs["coordinators"].records, "coordinator")
        document_keys = r.keys("documents", self.specs["documents"].records, "document")
        related_keys = r.keys("related", self.records, "group")
        terms = [
            {
                "country_id": pk_of(self.countries, t.choice("country", self.specs["countries"].codes)),
                "year": t.integer("year"),
            }
            for t in r.records("pro_tempore")
        ]
        return PageSpec(
            TechnicalGroupPage,
            fields | {"review_date": review_date(r)},
            r,
            children={
                "facts": facts,
                "work_plan": work_plan,
                "coordinators": [{"coordinator_id": pk_of(coordinators, k)} for k in coordinator_keys],
                "documents": [{"document_id": pk_of(documents, k)} for k in document_keys],
                "related_groups": [{"related_group_id": pk_of(groups, k)} for k in related_keys],
                "coordination_terms": terms,
            },
        )

    def write(self, written, report):
        index, outcome = sync_page(
            written["home"], section_page_spec(self.index, TechnicalGroupIndexPage), True
        )
        summary(report, "Technical groups index", [outcome])
        coordinators, documents = written["coordinators"], written["documents"]
        self.countries = written["countries"]
        # Groups link to each other: make sure each exists before any is filled in.
        groups = {}
        for key, record in self.records.items():
            groups[key] = find_page(index, self.group_spec(record, coordinators, documents, {}))
        pending = [key for key, page in groups.items() if page is None]
        for key in pending:
            spec = self.group_spec(self.records[key], coordinators, documents, {})
            spec.children["related_groups"] = []
            groups[key], _ = sync_page(index, spec)
        outcomes = []
        for key, record in self.records.items():
            groups[key], outcome = sync_page(index, self.group_spec(record, coordinators, documents, groups))
            outcomes.append("created" if key in pending else outcome)
        summary(report, "Technical groups", outcomes)
        return groups

    @classmethod
    def export(cls, files):
        files.yaml("workgroups/index.yaml", section(TechnicalGroupIndexPage.objects.get()))
        for group in TechnicalGroupPage.objects.live():
            files.yaml(f"workgroups/{files.name(group, group.slug_en)}.yaml", cls.exported(group, files))

    @staticmethod
    def exported(group, files):
        data = translated(group, "slug", "title", "acronym", "summary", "introduction", "objectives")
        data |= translated(group, "achievements")
        data["facts"] = [translated(fact, "label", "value") for fact in group.facts.all()]
        data["work_plan"] = [
            compact(translated(item, "title", "description") | {"status": item.status})
            for item in group.work_plan.all()
        ]
        data["coordinators"] = [files.name(row.coordinator) for row in group.coordinators.all()]
        data["coordinators_as_of"] = group.coordinators_as_of
        data["documents"] = [files.name(row.document, row.document.title_en) for row in group.documents.all()]
        data["related"] = [
            files.name(row.related_group, row.related_group.slug_en) for row in group.related_groups.all()
        ]
        data["pro_tempore"] = [
            {"country": term.country.code, "year": term.year} for term in group.coordination_terms.all()
        ]
        return compact(data | {"contact_email": group.contact_email})


CONTENT = [CoordinatorsContent, TechnicalGroupsContent]
