"""The contact page through Varnish: never shared, so each visitor's form carries its own token,
and a message sent through the cache tier is stored."""

import re

import requests

from .visit import BROWSER

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def visit(cluster):
    session = requests.Session()
    session.headers["User-Agent"] = BROWSER
    response = session.get(f"{cluster.url}/en/contact/", timeout=10)
    assert response.status_code == 200
    return session, response


def test_each_visitor_gets_a_form_of_their_own_through_the_cache(cluster):
    (_first, one), (_second, two) = visit(cluster), visit(cluster)
    for response in (one, two):
        assert response.headers["X-Cache"] != "hit"
        assert "private" in response.headers["Cache-Control"]
    assert one.cookies["csrftoken"] != two.cookies["csrftoken"]
    assert TOKEN.search(one.text).group(1) != TOKEN.search(two.text).group(1)


def test_a_message_sent_through_varnish_is_stored(cluster):
    session, page = visit(cluster)
    fields = {
        "csrfmiddlewaretoken": TOKEN.search(page.text).group(1),
        "name": "Topology test",
        "email": "visitor@example.org",
        "topic": "website",
        "message": "Sent through the cache tier to app server A or B.",
        "website": "",
    }
    response = session.post(
        f"{cluster.url}/en/contact/?form=contact", data=fields, allow_redirects=False, timeout=30
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/en/contact/?sent=1")
    stored = cluster.shell(
        "from contact.models import ContactMessage; "
        "print(ContactMessage.objects.filter(name='Topology test').count())"
    )
    assert stored == "1"
