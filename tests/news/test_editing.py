"""Editing news items: the lead image needs its description; the content loader is idempotent."""

import io
import shutil

import pytest
import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import querydict_from_html

from base.models import HomePage
from news.models import NewsIndexPage, NewsItemPage
from tests.pages import get_ok

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 600), "#0b4f8a").save(buffer, "PNG")
    return Image.objects.create(title="Summit", file=ImageFile(buffer, name="summit.png"))


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    return client


def item():
    return NewsItemPage.objects.get(slug_en="seventh-summit-cali")


def test_full_clean_requires_the_description_of_a_lead_image(image):
    page = item()
    page.lead_image = image
    page.lead_image_alt_en = " "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead_image_alt_en" in error.value.message_dict
    page.lead_image_alt_en = "The four Presidents on stage in Cali"
    page.full_clean()
    page.lead_image = None
    page.lead_image_alt_en = ""
    page.full_clean()


def edit(admin_client, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[item().pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update({"action-publish": "action-publish", **changes})
    return admin_client.post(url, data)


def test_the_admin_form_refuses_an_image_without_description_then_publishes_it(admin_client, client, image):
    refused = edit(admin_client, lead_image=str(image.pk), lead_image_alt_en="")
    assert refused.status_code == 200
    assert "Describe the image" in refused.content.decode()
    assert item().lead_image is None

    published = edit(
        admin_client,
        lead_image=str(image.pk),
        lead_image_alt_en="The four Presidents on stage in Cali",
        lead_image_alt_es="Los cuatro Presidentes en el escenario en Cali",
    )
    assert published.status_code == 302
    assert item().lead_image == image
    english = get_ok(client, "/en/news/seventh-summit-cali/")
    assert 'alt="The four Presidents on stage in Cali"' in english
    assert ".webp" in english
    spanish = get_ok(client, "/es/noticias/septima-cumbre-cali/")
    assert 'alt="Los cuatro Presidentes en el escenario en Cali"' in spanish


def test_news_pages_go_only_where_they_belong():
    index = NewsIndexPage.objects.get()
    assert index.get_parent().specific_class is HomePage
    assert NewsItemPage.can_exist_under(index)
    assert not NewsItemPage.can_exist_under(HomePage.objects.get())
    assert not NewsIndexPage.can_create_at(HomePage.objects.get())  # one news section
    assert index.slug_en == "news" and index.slug_es == "noticias"


def test_loading_twice_changes_nothing():
    before = (Page.objects.count(), Revision.objects.count())
    out = io.StringIO()
    call_command("load_alliance_content", stdout=out)
    assert (Page.objects.count(), Revision.objects.count()) == before
    count = NewsItemPage.objects.count()
    assert f"News items: 0 created, 0 updated, {count} unchanged" in out.getvalue()
    assert "News index: 0 created, 0 updated, 1 unchanged" in out.getvalue()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "2014-05"}, "field 'date': needs the day"),
        ({"kind": "rumour"}, "field 'kind': 'rumour' is not one of"),
        ({"groups": ["nobody"]}, "field 'groups': 'nobody' is not a known technical group"),
        ({"projects": ["nothing"]}, "field 'projects': 'nothing' is not a known cooperation project"),
        ({"countries": ["AR"]}, "field 'countries': 'AR' is not a known member country code"),
    ],
)
def test_a_malformed_item_file_is_refused_naming_file_and_field(tmp_path, change, message):
    content = tmp_path / "content"
    shutil.copytree(settings.BASE_DIR / "content", content)
    path = content / "news" / "2014-05-29-sustainable-production-approved.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) | change
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    before = (Page.objects.count(), Revision.objects.count())
    with pytest.raises(CommandError) as error:
        call_command("load_alliance_content", content_dir=content, stdout=io.StringIO())
    assert "2014-05-29-sustainable-production-approved.yaml" in str(error.value)
    assert message in str(error.value)
    assert (Page.objects.count(), Revision.objects.count()) == before
