"""Menus and footer name only pages an anonymous visitor may open, in both languages."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es"]


def top_level_pages():
    home = Site.objects.get(is_default_site=True).root_page
    children = list(home.get_children().live())
    footer = next(page for page in children if not page.show_in_menus)
    menu = next(page for page in children if page.show_in_menus)
    return home, footer, menu


def url_in(language, page):
    with translation.override(language):
        return page.get_url()


def region(html, tag):
    """The site header or footer, where the menus are."""
    return re.search(rf'<{tag} class="site-{tag}.*?</{tag}>', html, re.S).group(0)


def links(client, language, home):
    html = client.get(url_in(language, home)).content.decode()
    return region(html, "header") + region(html, "footer")


@pytest.mark.parametrize("language", LANGUAGES)
def test_restricted_pages_are_left_out_of_the_menus(client, language, committed):
    home, footer, menu = top_level_pages()
    before = links(client, language, home)  # the navigation is now cached for this content version
    assert f'href="{url_in(language, footer)}"' in before
    assert f'href="{url_in(language, menu)}"' in before

    with committed():
        PageViewRestriction.objects.create(page=footer, restriction_type="password", password="secret")
        PageViewRestriction.objects.create(page=menu, restriction_type="login")
    after = links(client, language, home)
    assert f'href="{url_in(language, footer)}"' not in after
    assert f'href="{url_in(language, menu)}"' not in after
    assert footer.title not in region(client.get(url_in(language, home)).content.decode(), "footer")
    # Every other top-level page is still listed.
    for page in home.get_children().live().public():
        assert f'href="{url_in(language, page)}"' in after

    with committed():
        PageViewRestriction.objects.filter(page=footer).delete()
    assert f'href="{url_in(language, footer)}"' in links(client, language, home)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_editor_visit_does_not_put_restricted_pages_in_the_shared_navigation(client, language, committed):
    home, footer, _menu = top_level_pages()
    with committed():
        PageViewRestriction.objects.create(page=footer, restriction_type="login")
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "a long test password")
    client.force_login(editor)
    links(client, language, home)  # an editor may open it, but builds the navigation first
    client.logout()
    assert f'href="{url_in(language, footer)}"' not in links(client, language, home)
