"""Wagtail's follow-up work after a publish (its search and reference indexes) is done by the
cluster's task worker (`manage.py db_worker`), not in the editor's request, and it is done."""

import secrets

from .site import eventually, page_id

PROJECT = "/en/cooperation-projects/sports-diplomacy/"
TASKS = """
from django_tasks_db.models import DBTaskResult
print(sorted(set(DBTaskResult.objects.exclude(status="SUCCESSFUL").values_list("status", flat=True))))
"""


def test_the_admin_search_finds_a_published_title_once_the_worker_has_indexed_it(cluster, admin_on_a):
    mark = secrets.token_hex(4)
    titles = {"title_en": f"Sports Diplomacy {mark}", "title_es": f"Diplomacia Deportiva {mark}"}
    admin_on_a.edit_page(page_id(cluster, PROJECT), **titles)

    def found_in_the_admin_search():
        response = admin_on_a.http.get(f"{admin_on_a.base_url}/admin/pages/search/", params={"q": mark})
        return response.status_code == 200 and titles["title_en"] in response.text

    assert eventually(found_in_the_admin_search, seconds=60, interval=0.5)
    # Every task queued so far, the content load's included, has run and none failed.
    assert eventually(lambda: cluster.shell(TASKS) == "[]", seconds=60, interval=1)
