"""News items are found by the site search, under their own kind, in the visitor's language."""

import pytest
from django.utils import translation

from news.models import NewsItemPage
from tests.pages import get_ok

pytestmark = [pytest.mark.django_db, pytest.mark.engine]
SEARCH = {"en": "/en/search/", "es": "/es/buscar/"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_news_item_is_found_by_a_word_of_its_body_and_narrowed_to_news(client, language):
    item = NewsItemPage.objects.get(slug_en__contains="bertelsmann")
    with translation.override(language):
        url = item.get_url()
    everything = get_ok(client, f"{SEARCH[language]}?q=Bertelsmann")
    assert f'href="{url}"' in everything
    only_news = get_ok(client, f"{SEARCH[language]}?q=Bertelsmann&kind=news")
    assert f'href="{url}"' in only_news
    assert {"en": "News", "es": "Noticias"}[language] in only_news
    assert get_ok(client, f"{SEARCH[language]}?q=Bertelsmann&kind=observer").count(f'href="{url}"') == 0
