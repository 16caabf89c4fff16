"""People's changes made as people make them: posts of the Wagtail admin's own forms."""

from django.urls import reverse

from tests.editorial.admin_forms import form_data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit(client, page, action, **changes):
    data = form_data(client.get(edit_url(page)))
    data.update(changes)
    data[action] = action
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def publish(client, page, **changes):
    return post_edit(client, page, "action-publish", **changes)


def translate_and_approve(translator_client, moderator_client, page, **changes):
    """A translator's Spanish text goes to review; a moderator approves (and so publishes) it."""
    post_edit(translator_client, page, "action-submit", **changes)
    page.refresh_from_db()
    task = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task.pk])
    response = moderator_client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)


def revert_to(client, page, revision):
    """Publish an earlier revision again, through the admin's revert form."""
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
    data = form_data(client.get(url))
    data["action-publish"] = "action-publish"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
