"""Nothing stale anywhere once a change commits; nothing of an editor's stored; drafts stay private."""

import secrets
import threading
import time

from .site import eventually, page_id
from .visit import get

PROJECT = {
    "en": "/en/cooperation-projects/sports-diplomacy/",
    "es": "/es/proyectos-de-cooperacion/diplomacia-deportiva/",
}
# Where a project's title shows besides its page: its listing, the feed and the open data.
ELSEWHERE = {
    "en": ["/en/cooperation-projects/", "/en/api/v1/projects.atom", "/en/api/v1/projects.json"],
    "es": ["/es/proyectos-de-cooperacion/", "/es/api/v1/projects.atom", "/es/api/v1/projects.json"],
}
HOME = {"en": "/en/", "es": "/es/"}


def fronts(cluster):
    """Varnish, and app server B directly (A is where the editor works)."""
    return [cluster.url, cluster.app_url("b")]


def test_a_publish_through_a_is_seen_through_varnish_and_b_within_a_second(cluster, admin_on_a):
    urls = [url for language in ("en", "es") for url in (PROJECT[language], *ELSEWHERE[language])]
    for base in fronts(cluster):
        for url in urls:
            get(base + url), get(base + url)  # stored in every layer
    assert get(cluster.url + PROJECT["es"]).headers["X-Cache"] == "hit"

    mark = secrets.token_hex(4)
    titles = {"en": f"Sports Diplomacy {mark}", "es": f"Diplomacia Deportiva {mark}"}
    admin_on_a.edit_page(page_id(cluster, PROJECT["en"]), title_en=titles["en"], title_es=titles["es"])

    stale = []
    for base in fronts(cluster):
        for language in ("en", "es"):
            for url in (PROJECT[language], *ELSEWHERE[language]):
                if not eventually(lambda u=base + url, t=titles[language]: t in get(u).text, seconds=1.0):
                    stale.append(base + url)
    assert stale == []
    # ...and then stored again: the crowd keeps being answered by Varnish.
    assert get(cluster.url + PROJECT["es"]).headers["X-Cache"] == "hit"


def test_publish_scheduled_in_a_third_process_reaches_the_menus_everywhere(cluster):
    for base in fronts(cluster):
        for url in HOME.values():
            get(base + url), get(base + url)
    mark = secrets.token_hex(4)
    titles = {"en": f"Observer states {mark}", "es": f"Estados observadores {mark}"}
    # An editor schedules the change: a draft, which changes nothing that visitors see...
    cluster.shell(
        "from django.utils import timezone; from observers.models import ObserverStatesPage; "
        "page = ObserverStatesPage.objects.get(); "
        f"page.title_en, page.title_es = {titles['en']!r}, {titles['es']!r}; "
        "page.save_revision(approved_go_live_at=timezone.now()); print('saved')",
    )
    for base in fronts(cluster):
        for language, url in HOME.items():
            response = get(base + url)
            assert titles[language] not in response.text
    assert get(cluster.url + HOME["en"]).headers["X-Cache"] == "hit"  # the draft banned nothing

    # ...until cron's publish_scheduled publishes it.
    cluster.manage("publish_scheduled")
    for base in fronts(cluster):
        for language, url in HOME.items():
            assert eventually(lambda u=base + url, t=titles[language]: t in get(u).text, seconds=1.0), (
                base + url
            )


def test_a_crowd_reading_a_page_sees_no_stale_copy_after_each_publish(cluster, admin_on_a):
    page, url = page_id(cluster, PROJECT["en"]), cluster.url + PROJECT["en"]
    seen, stop = [], threading.Event()

    def read():
        while not stop.is_set():
            started = time.monotonic()
            seen.append((started, get(url).text))

    readers = [threading.Thread(target=read) for _ in range(6)]
    for reader in readers:
        reader.start()
    published = []  # (title, when the editor began, when their publish had returned)
    try:
        for _ in range(3):
            time.sleep(0.7)
            title, began = f"Sports Diplomacy {secrets.token_hex(4)}", time.monotonic()
            admin_on_a.edit_page(page, title_en=title)
            published.append((title, began, time.monotonic()))
        time.sleep(0.7)
    finally:
        stop.set()
        for reader in readers:
            reader.join(15)

    assert len(seen) > 100
    for number, (title, _began, committed) in enumerate(published):
        until = published[number + 1][1] if number + 1 < len(published) else float("inf")
        # Readers that started after this publish returned, and before the next one began.
        after = [text for started, text in seen if committed < started < until]
        assert after, title
        assert all(title in text for text in after), title


def test_an_editor_sees_drafts_and_nothing_of_theirs_is_stored(cluster, admin_on_a):
    page = page_id(cluster, PROJECT["en"])
    draft = f"Draft only {secrets.token_hex(4)}"
    admin_on_a.edit_page(page, publish=False, title_en=draft)

    as_editor = admin_on_a.http.get(f"{cluster.url}/admin/pages/{page}/view_draft/", timeout=10)
    assert as_editor.status_code == 200 and draft in as_editor.text
    assert "private" in as_editor.headers["Cache-Control"] or "no-cache" in as_editor.headers["Cache-Control"]
    own_page = admin_on_a.http.get(cluster.url + PROJECT["en"], timeout=10)
    assert own_page.headers["X-Cache"] == "pass" and "private" in own_page.headers["Cache-Control"]

    for base in fronts(cluster):
        anonymous = get(f"{base}/admin/pages/{page}/view_draft/")
        assert anonymous.status_code == 302 and draft not in anonymous.text
        for language in ("en", "es"):
            assert draft not in get(base + PROJECT[language]).text
