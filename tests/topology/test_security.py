"""What a client sends cannot choose the address that sign-in lockouts count (run last: it locks)."""

import secrets

import requests

from .visit import BROWSER


def test_spoofed_forwarded_for_headers_do_not_escape_the_lockout(cluster):
    login = f"{cluster.url}/admin/login/"
    statuses = []
    try:
        for number in range(20):
            session = requests.Session()
            session.headers.update({"User-Agent": BROWSER, "X-Forwarded-For": f"198.51.100.{number + 1}"})
            token = session.get(login, timeout=10).cookies["csrftoken"]
            for _ in range(2):
                response = session.post(
                    login,
                    data={
                        "csrfmiddlewaretoken": token,
                        "username": f"guess-{number}",
                        "password": secrets.token_hex(6),
                    },
                    timeout=30,
                )
                statuses.append(response.status_code)
    finally:
        cluster.manage("axes_reset")
    # Varnish appends the real peer and the app trusts only that one proxy: the fifth guess locks.
    assert statuses[:4] == [200] * 4
    assert set(statuses[5:]) == {429}
