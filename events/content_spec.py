"""The events timeline (content/events/index.yaml) and one event per file in content/events/."""

from content_loader.errors import ContentError
from content_loader.export import compact, partial_date, section, translated
from content_loader.reader import DAY, Record, folder_files, read_yaml
from content_loader.spec import ContentSpec, review_date, section_page_spec, summary
from content_loader.sync import PageSpec, pk_of, sync_page

from .choices import Kind
from .models import EventIndexPage, EventPage
from .places import country_codes


class EventsContent(ContentSpec):
    provides = "events"
    requires = ("home", "countries", "groups", "projects")
    order = 13  # after the other sections, beside the news: earlier pages keep their tree paths

    def read(self):
        index_path = self.root / "events/index.yaml"
        self.index = Record(read_yaml(index_path), index_path)
        section_page_spec(self.index, EventIndexPage)
        self.records = folder_files(self.root / "events")
        seen = {}
        for key, record in self.records.items():
            for language, slug in record.slugs().items():
                if (language, slug) in seen:
                    other = seen[language, slug]
                    raise ContentError(record.path, "slug", f"'{slug}' is also the slug of {other}")
                seen[language, slug] = key
            self.event_spec(record, {}, {}, {})

    def dates(self, record):
        start, precision = record.partial_date("start")
        end, end_precision = record.partial_date("end", required=False)
        if end is not None:
            if precision != DAY or end_precision != DAY:
                raise ContentError(record.path, "end", "needs a start and an end known to the day")
            if end < start:
                raise ContentError(record.path, "end", f"{end} is before the start, {start}")
        return {"start_date": start, "start_precision": precision, "end_date": end}

    def event_spec(self, record, countries, groups, projects):
        r = record
        country = r.text("country", required=False).upper()
        if country and country not in country_codes():
            raise ContentError(r.path, "country", f"'{country}' is not an ISO 3166-1 alpha-2 country code")
        fields = {**r.slugs(), **r.translated("title"), **r.translated("summary"), **r.translated("body")}
        fields |= r.translated("city", False) | r.translated("date_note", False)
        fields |= self.dates(r) | {
            "kind": r.choice("kind", Kind.values),
            "country": country,
            "host_country_id": pk_of(countries, country),
            "review_date": review_date(r),
        }
        group_keys = r.keys("groups", self.specs["groups"].records, "technical group")
        project_keys = r.keys("projects", self.specs["projects"].records, "cooperation project")
        links = {
            "groups": [groups[key] for key in group_keys if key in groups],
            "projects": [projects[key] for key in project_keys if key in projects],
        }
        return PageSpec(EventPage, fields, record, links=links)

    def write(self, written, report):
        index, outcome = sync_page(written["home"], section_page_spec(self.index, EventIndexPage), True)
        summary(report, "Events index", [outcome])
        countries, groups, projects = written["countries"], written["groups"], written["projects"]
        events, outcomes = {}, []
        for key, record in self.records.items():
            events[key], outcome = sync_page(index, self.event_spec(record, countries, groups, projects))
            outcomes.append(outcome)
        summary(report, "Events", outcomes)
        return events

    @classmethod
    def export(cls, files):
        files.yaml("events/index.yaml", section(EventIndexPage.objects.get()))
        for event in EventPage.objects.live():
            data = translated(event, "slug", "title") | {"kind": event.kind}
            data |= {"start": partial_date(event.start_date, event.start_precision), "end": event.end_date}
            data |= translated(event, "city") | {"country": event.country}
            data |= translated(event, "summary", "body", "date_note")
            data["groups"] = [files.name(group, group.slug_en) for group in event.groups.all()]
            data["projects"] = [files.name(project, project.slug_en) for project in event.projects.all()]
            files.yaml(f"events/{files.name(event, event.slug_en)}.yaml", compact(data))


CONTENT = [EventsContent]
