"""The open data page documents every data set, with working links and a real record of each."""

import html as html_module
import json
import re

import pytest

from opendata.documentation import DATA_SETS
from opendata.resources import RESOURCES
from tests.pages import get_ok

pytestmark = pytest.mark.django_db

PAGES = {"en": "/en/open-data/", "es": "/es/datos-abiertos/"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_links_to_every_data_set_in_its_language_and_the_links_work(client, language):
    html = get_ok(client, PAGES[language])
    for name in RESOURCES:
        for fmt in ("json", "csv"):
            url = f"http://testserver/{language}/api/v1/{name}.{fmt}"
            assert f'<a href="{url}">' in html
            assert client.get(url).status_code == 200
    assert f'<a href="http://testserver/{language}/api/v1/projects.atom">' in html
    assert f'href="http://testserver/api/v1/projects.json?lang={language}"' in html


def test_every_field_of_every_data_set_is_documented():
    for name, resource in RESOURCES.items():
        documented = [field for field, _kind, _meaning in DATA_SETS[name]["fields"]]
        columns = [column for column in resource.columns if column not in ("group_id", "group_title")]
        if name == "projects":
            columns.insert(columns.index("countries"), "group")
        assert documented == columns, name


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_example_records_are_real_records_of_the_data(client, language):
    html = get_ok(client, PAGES[language])
    examples = [
        json.loads(html_module.unescape(example))
        for example in re.findall(r'<pre class="data-example"[^>]*><code>(.*?)</code></pre>', html, re.S)
    ]
    assert len(examples) == len(RESOURCES)
    for name, example in zip(RESOURCES, examples, strict=True):
        body = json.loads(client.get(f"/{language}/api/v1/{name}.json").content)
        assert example == body["results"][0]
    assert {"en": "Fields of each record", "es": "Campos de cada registro"}[language] in html
