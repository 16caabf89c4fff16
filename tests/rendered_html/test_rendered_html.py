"""Every page of the loaded site renders the same HTML as the saved copy (see snapshot.py for
what is ignored and how to regenerate the copy after a legitimate change)."""

import os

import pytest
from django.core.cache import cache

from tests.rendered_html import snapshot

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def fresh_cache():
    yield
    cache.clear()  # the fragments kept while publishing times were fixed go with the rollback


def test_every_page_renders_the_saved_html(fresh_cache):
    rendered = snapshot.render_all()
    if os.environ.get("HTML_SNAPSHOT_WRITE"):
        snapshot.save(rendered)
    saved = snapshot.load()
    missing = sorted(set(saved) - set(rendered))
    added = sorted(set(rendered) - set(saved))
    changed = [
        url for url in sorted(set(saved) & set(rendered)) if snapshot.describe(rendered[url]) != saved[url]
    ]
    report = [snapshot.first_difference(url, rendered[url], saved[url]) for url in changed[:3]]
    assert not (missing or added or changed), (
        f"{len(changed)} pages changed ({', '.join(changed[:20])}), missing: {missing}, new: {added}\n\n"
        + "\n\n".join(report)
        + "\n\nIf content/ or a template changed on purpose, regenerate: "
        "HTML_SNAPSHOT_WRITE=1 .venv/bin/pytest -p no:cacheprovider tests/rendered_html/"
    )
    assert len(rendered) > 100  # the whole site in both languages, not an empty tree
