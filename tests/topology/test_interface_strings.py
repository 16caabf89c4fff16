"""An interface string published through app server A's admin shows on app server B within 5 s,
and through Varnish (purged by its `strings:es` key), with no restart."""

import secrets

from .site import eventually
from .visit import get

SKIP_LINK = "Skip to main content"


def test_a_string_published_on_a_shows_on_b_within_five_seconds(cluster, admin_on_a):
    for base in (cluster.url, cluster.app_url("b")):
        get(base + "/es/"), get(base + "/es/")  # stored in every layer, catalogs loaded
    assert "Saltar al contenido principal" in get(cluster.app_url("b") + "/es/").text
    pk = int(
        cluster.shell(
            "from interface_strings.models import InterfaceString; "
            f"print(InterfaceString.objects.get(source={SKIP_LINK!r}, context='').pk)"
        )
    )
    spanish = f"Ir al contenido {secrets.token_hex(3)}"
    url = f"{admin_on_a.base_url}/admin/snippets/interface_strings/interfacestring/edit/{pk}/"
    data = admin_on_a.form(admin_on_a.http.get(url, timeout=10).text, form_selector="form[method=post]")
    data.update({"spanish": [spanish], "action-publish": ["action-publish"], **admin_on_a.token()})
    response = admin_on_a.http.post(url, data=data, timeout=30, allow_redirects=False)
    assert response.status_code == 302, response.text[:1000]

    for base in (cluster.app_url("b"), cluster.url):
        assert eventually(lambda b=base: spanish in get(b + "/es/").text, seconds=5.0), base
    assert spanish not in get(cluster.app_url("b") + "/en/").text
