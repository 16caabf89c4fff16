"""An editor's journey in the Wagtail admin, in the browser: sign in, find a group, change its
Spanish summary, publish it, and see the change on the public Spanish page (and not the English one).

The editor is a superuser, who may publish directly. Where a review workflow applies, the same
journey ends with "Submit for moderation" instead; see publish_or_submit().
"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from workgroups.models import TechnicalGroupIndexPage, TechnicalGroupPage

pytestmark = [pytest.mark.browser, pytest.mark.commits, pytest.mark.django_db]

USERNAME = "browser-editor"
PASSWORD = "a long password for the browser journey"
GROUP = "gender"
NEW_SUMMARY = "Resumen del grupo revisado en el navegador por la editora."


@pytest.fixture(scope="session")
def editor(django_db_setup, django_db_blocker):
    """An account the live server can see: committed, so outside any test's transaction.

    On PostgreSQL the journey's publication is committed too; it is undone here at the end.
    """
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(USERNAME, "editor@example.org", PASSWORD)
        group = TechnicalGroupPage.objects.get(slug_en=GROUP)
        original = group.summary_es
    yield user
    with django_db_blocker.unblock():
        group = TechnicalGroupPage.objects.get(pk=group.pk)
        if group.summary_es != original:
            group.summary_es = original
            group.save_revision().publish()
        user.delete()


def publish_or_submit(page):
    """Open the footer's action menu and publish (or, under a workflow, submit for moderation)."""
    footer = page.locator("footer")
    publish = footer.locator('button[name="action-publish"]')
    if not publish.is_visible():
        footer.get_by_role("button", name="More actions").click()
        publish.wait_for(state="visible")
    with page.expect_navigation():
        publish.click()


def test_editor_changes_a_spanish_summary_and_sees_it_published(open_page, editor):
    group = TechnicalGroupPage.objects.get(slug_en=GROUP)
    with translation.override("es"):
        spanish_url, title_es = group.url, group.title
    with translation.override("en"):
        english_url, title_en = group.url, group.title
    browser_page = open_page(locale="en-GB")
    page = browser_page.page

    # Sign in.
    page.goto("/admin/")
    page.locator("#id_username").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator('form button[type="submit"]').click()
    assert page.url.endswith("/admin/"), page.url

    # Find the group in the page tree and open it.
    page.goto(f"/admin/pages/{TechnicalGroupIndexPage.objects.get().pk}/")
    page.get_by_role("link", name=title_en, exact=True).first.click()
    page.wait_for_url(f"**/admin/pages/{group.pk}/edit/")

    # Change the Spanish summary only, and publish.
    # wagtail-modeltranslation shows the English fields; its language bar shows the Spanish ones.
    page.locator(".locale-picker button.locale-toggle").filter(has_text="es").click()
    summary = page.locator("#id_summary_es")
    assert summary.input_value() == group.summary_es
    summary.fill(NEW_SUMMARY)
    publish_or_submit(page)
    assert page.locator(".messages .success").filter(has_text="has been published").is_visible(), (
        page.locator("main, body").first.inner_text()[:500]
    )

    # The public Spanish page shows it; the English page keeps its own summary.
    page.goto(spanish_url)
    assert page.locator("main .lead").inner_text() == NEW_SUMMARY
    assert page.locator("main h1").inner_text().startswith(title_es)
    page.goto(english_url)
    assert page.locator("main .lead").inner_text() == group.summary_en
