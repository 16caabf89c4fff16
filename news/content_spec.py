"""The news section (content/news/index.yaml) and its items (content/news/<key>.yaml, one each)."""

from content_loader.errors import ContentError
from content_loader.export import compact, section, translated
from content_loader.reader import DAY, Record, folder_files, read_yaml
from content_loader.spec import ContentSpec, section_page_spec, summary
from content_loader.sync import PageSpec, sync_page

from .choices import Kind
from .models import NewsIndexPage, NewsItemPage


class NewsContent(ContentSpec):
    provides = "news"
    requires = ("home", "countries", "groups", "projects")
    order = 12

    def read(self):
        index_path = self.root / "news/index.yaml"
        self.index = Record(read_yaml(index_path), index_path)
        section_page_spec(self.index, NewsIndexPage)
        self.records = folder_files(self.root / "news")
        for record in self.records.values():
            self.item_spec(record, {}, {}, {})

    def item_spec(self, record, groups, projects, countries):
        r = record
        date, precision = r.partial_date("date")
        if precision != DAY:
            raise ContentError(r.path, "date", "needs the day (the 1st when only the month is known)")
        fields = {**r.slugs(), **r.translated("title"), **r.translated("summary"), **r.translated("body")}
        fields |= {"kind": r.choice("kind", Kind.values), "date": date}
        group_keys = r.keys("groups", self.specs["groups"].records, "technical group")
        project_keys = r.keys("projects", self.specs["projects"].records, "cooperation project")
        codes = r.keys("countries", self.specs["countries"].codes, "member country code")
        return PageSpec(
            NewsItemPage,
            fields,
            record,
            links={
                "groups": [groups[key] for key in group_keys if key in groups],
                "projects": [projects[key] for key in project_keys if key in projects],
                "countries": [countries[code] for code in codes if code in countries],
            },
        )

    def write(self, written, report):
        index, outcome = sync_page(written["home"], section_page_spec(self.index, NewsIndexPage), True)
        summary(report, "News index", [outcome])
        groups, countries, projects = written["groups"], written["countries"], written["projects"]
        outcomes = [
            sync_page(index, self.item_spec(record, groups, projects, countries))[1]
            for record in self.records.values()
        ]
        summary(report, "News items", outcomes)
        return index

    @classmethod
    def export(cls, files):
        files.yaml("news/index.yaml", section(NewsIndexPage.objects.get()))
        for item in NewsItemPage.objects.live():
            data = translated(item, "slug", "title") | {"kind": item.kind, "date": item.date}
            data |= translated(item, "summary", "body")
            data["groups"] = [files.name(group, group.slug_en) for group in item.groups.all()]
            data["projects"] = [files.name(project, project.slug_en) for project in item.projects.all()]
            data["countries"] = sorted(country.code for country in item.countries.all())
            files.yaml(f"news/{files.name(item, f'{item.date}-{item.slug_en}')}.yaml", compact(data))


CONTENT = [NewsContent]
