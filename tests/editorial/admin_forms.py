"""Read an admin form as a browser would submit it (disabled inputs are not submitted)."""

from wagtail.test.utils.form_data import querydict_from_html
from wagtail.test.utils.wagtail_tests import WagtailTestUtils


def form_data(response, form_id="page-edit-form"):
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id=form_id)
    soup = WagtailTestUtils.get_soup(html)
    for element in soup.select(f"#{form_id} [disabled]"):
        data.pop(element.get("name"), None)
    return data
