"""The events in content/events/: all loaded, linked, idempotent, and bad files refused."""

import io
import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from events.models import EventIndexPage, EventPage, upcoming_and_recent
from tests.events.helpers import add_event, today_plus

pytestmark = pytest.mark.django_db

CONTENT = settings.BASE_DIR / "content"
EVENT_FILES = sorted(path for path in (CONTENT / "events").glob("*.yaml") if path.stem != "index")


def load(content_dir=CONTENT):
    out = io.StringIO()
    call_command("load_alliance_content", content_dir=content_dir, stdout=out)
    return out.getvalue()


def test_every_event_file_is_a_live_event_under_the_timeline():
    index = EventIndexPage.objects.get()
    assert (index.slug_en, index.slug_es) == ("events", "eventos")
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert len(EVENT_FILES) >= 20
    assert EventPage.objects.child_of(index).live().count() == len(EVENT_FILES)


def test_events_are_linked_to_the_groups_and_projects_their_files_name():
    for path in EVENT_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        event = EventPage.objects.get(slug_en=data["slug"]["en"])
        groups = {
            yaml.safe_load((CONTENT / "workgroups" / f"{k}.yaml").read_text())["slug"]["en"]
            for k in data.get("groups", [])
        }
        projects = {
            yaml.safe_load((CONTENT / "cooperation" / f"{k}.yaml").read_text())["slug"]["en"]
            for k in data.get("projects", [])
        }
        assert {g.slug_en for g in event.groups.all()} == groups, path.name
        assert {p.slug_en for p in event.projects.all()} == projects, path.name
        assert groups or projects, f"{path.name} links to no group or project"


def test_loading_twice_changes_nothing():
    output = load()
    assert "Events index: 0 created, 0 updated, 1 unchanged" in output
    assert f"Events: 0 created, 0 updated, {len(EVENT_FILES)} unchanged" in output


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_changed_event_file_updates_its_page(content_copy):
    rewrite(content_copy / "events" / "vii-summit-cali.yaml", lambda d: d.update(end="2013-05-24"))
    output = load(content_copy)
    assert f"Events: 0 created, 1 updated, {len(EVENT_FILES) - 1} unchanged" in output
    assert EventPage.objects.get(slug_en="vii-summit-cali").end_date.isoformat() == "2013-05-24"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(end="2013-05-01"), "field 'end': 2013-05-01 is before the start"),
        (lambda d: d.update(start="2013-05", end="2013-05-30"), "field 'end': needs a start and an end"),
        (lambda d: d.update(country="XX"), "field 'country': 'XX' is not an ISO"),
        (lambda d: d.update(kind="party"), "field 'kind': 'party' is not one of"),
        (lambda d: d.update(groups=["no-such-group"]), "'no-such-group' is not a known technical group"),
        (lambda d: d.update(projects=["no-such-project"]), "not a known cooperation project"),
        (lambda d: d["summary"].pop("es"), "field 'summary.es': is required"),
        (lambda d: d.update(slug={"en": "viii-summit-cartagena", "es": "otra"}), "is also the slug of"),
    ],
)
def test_a_malformed_event_file_is_refused_and_nothing_changes(content_copy, change, message):
    rewrite(content_copy / "events" / "vii-summit-cali.yaml", change)
    before = EventPage.objects.get(slug_en="vii-summit-cali").end_date
    with pytest.raises(CommandError, match=message):
        load(content_copy)
    assert EventPage.objects.get(slug_en="vii-summit-cali").end_date == before


def test_upcoming_and_recent_for_the_home_page(django_assert_max_num_queries):
    later = add_event("in-two-months", today_plus(60))
    soon = add_event("next-week", today_plus(7))
    upcoming_and_recent()  # warm: whether any page has a view restriction is remembered
    with django_assert_max_num_queries(2):
        upcoming, recent = upcoming_and_recent(limit=3)
    assert upcoming == [soon, later]
    assert [e.slug_en for e in recent] == [
        "sports-diplomacy-futsal-iquitos",
        "youth-volunteer-programme-second-call",
        "innovation-group-sixth-meeting-punta-arenas",
    ]
    assert upcoming_and_recent(limit=1).upcoming == [soon]
