"""Random hostile requests: malformed paths, query strings, headers and methods, reproducible from a seed."""

import io
import random
import string
from urllib.parse import quote, unquote_to_bytes

from django.test.client import FakePayload

PAGE = {200}
REDIRECT_OR_MISSING = {301, 302, 400, 404}
CATEGORIES = {
    # name: (share of the requests, statuses that are a right answer)
    "page": (2, PAGE),
    "odd path": (8, PAGE | REDIRECT_OR_MISSING),  # some land on a real page
    "path traversal": (5, REDIRECT_OR_MISSING),
    "percent-encoding": (6, PAGE | REDIRECT_OR_MISSING),  # a bad escape in a query is ignored
    "language prefix": (4, {301, 302, 404}),
    "query string": (5, {200, 400}),
    "filter type": (3, PAGE),
    "header": (18, {200, 302}),
    "host": (10, {400}),
    "method": (39, {405}),
}
METHODS = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "MKCOL", "FOO"]


class Generator:
    def __init__(self, seed, pages, documents):
        self.rng = random.Random(seed)
        self.pages, self.documents = pages, documents
        self.listings = [url for url in pages if "cooperation" in url or "cooperacion" in url]
        self.listings += [url for url in pages if "observ" in url]

    def choice(self, items):
        return self.rng.choice(items)

    def junk(self, low, high, alphabet=string.printable):
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(low, high)))

    def raw_bytes(self, low, high):
        return bytes(self.rng.randrange(256) for _ in range(self.rng.randint(low, high)))

    def segment(self):
        kind = self.rng.randrange(9)
        if kind == 0:
            return quote(self.choice(["ñandú", "日本語", "Ωmega", "🙂", "café", "Ａ"]).encode())
        if kind == 1:
            return "a" * self.rng.randint(256, 6000)
        if kind == 2:
            return quote(self.raw_bytes(1, 12), safe="")  # bytes that are not UTF-8
        if kind == 3:
            return self.choice(["", ".", "..", "...", "%2e", "%2E%2e", "~", "%2F", "%5C", ";", "@", ":"])
        if kind == 4:
            return quote(self.junk(1, 40), safe="")
        if kind == 5:
            return self.junk(1, 30, string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@")
        if kind == 6:
            return "/".join(["x"] * self.rng.randint(20, 300))
        if kind == 7:
            return self.choice(["index.php", "wp-admin", ".env", ".git/config", "cgi-bin", "web.config"])
        return self.choice(["technical-groups", "grupos-tecnicos", "cooperation", "observer-states"])

    def odd_path(self):
        prefix = self.choice(["/en/", "/es/", "/", "//", "/en//", "/static/", "/documents/", "/admin/../"])
        path = prefix + "/".join(self.segment() for _ in range(self.rng.randint(1, 4)))
        return "GET", path + self.choice(["", "/"]), "", {}

    def path_traversal(self):
        dots = self.choice(["..", "%2e%2e", "%2E%2E", "..%2f", "%2e%2e%2f", "....//", "..\\", "%c0%ae%c0%ae"])
        target = self.choice(
            [
                "etc/passwd",
                "alliance_site/settings/base.py",
                "manage.py",
                "db.sqlite3",
                ".env",
                "windows/win.ini",
            ]
        )
        prefix = self.choice(["/en/", "/es/", "/static/", "/static/css/", "/documents/", "/media/", "/"])
        return "GET", prefix + (dots + "/") * self.rng.randint(1, 12) + target, "", {}

    def percent_encoding(self):
        bad = self.choice(["%", "%%", "%g1", "%1", "%zz", "%u0041", "%c3%28", "%ff%fe", "%ed%a0%80", "%00"])
        page = self.choice(self.pages)
        where = self.rng.randrange(3)
        if where == 0:
            return "GET", page + bad, "", {}
        if where == 1:
            return "GET", page.rstrip("/") + bad + "/", "", {}
        return "GET", page, self.choice(["status=", "q=", "country=", "%", "="]) + bad, {}

    def language_prefix(self):
        prefix = self.choice(
            ["fr", "pt", "pt-br", "de-DE", "zh-hant", "xx", "EN-us", "es-419", "en_GB", "iw"]
        )
        rest = self.choice(["", "technical-groups/", "grupos-tecnicos/cooperacion/", "x/y/z/"])
        return "GET", f"/{prefix}/{rest}", "", {}

    def query_string(self):
        page = self.choice(self.listings + self.pages)
        kind = self.rng.randrange(5)
        if kind == 0:  # far more fields than Django parses
            query = "&".join(f"f{n}={n}" for n in range(self.rng.randint(1001, 3000)))
        elif kind == 1:  # one huge value
            query = "status=" + "x" * self.rng.randint(10_000, 100_000)
        elif kind == 2:
            query = self.choice(["&&&==&=", "a=%%%", "=", "&", "status", "status=1&status=2&status=3", ";;;"])
        elif kind == 3:
            query = self.raw_bytes(1, 200).decode("latin-1").replace("#", "")
        else:
            query = "&".join(f"{self.junk(0, 8)}={self.junk(0, 20)}" for _ in range(self.rng.randint(1, 50)))
        return "GET", page, quote(query, safe="=&%;") if kind == 3 else query, {}

    def filter_type(self):
        page = self.choice(self.listings)
        value = self.choice(
            [
                "-1",
                "0",
                "1e309",
                "NaN",
                "[]",
                "{}",
                "null",
                "true",
                "' OR 1=1 --",
                '"><script>',
                "%00",
                "9" * 50,
            ]
            + [self.junk(1, 40)]
        )
        name = self.choice(["status", "country", "continent", "page", "status[]", "country__in"])
        return "GET", page, f"{name}={quote(value)}", {}

    def header(self):
        # Mostly "/" (where the language is chosen), else a page (session, user bar).
        page = self.choice([self.choice(self.pages), "/", "/"])
        kind = self.rng.randrange(3)
        if kind == 0:
            value = self.choice(
                [
                    "es;q=1.0.0",
                    "*",
                    ",,,,",
                    "en;q=-1",
                    "es;q=garbage",
                    "zh-Hant-TW-x-private-1234",
                    ";;;",
                    "q=1",
                ]
                + ["es-" * self.rng.randint(100, 5000), self.raw_bytes(1, 300).decode("latin-1")]
            )
            return "GET", page, "", {"HTTP_ACCEPT_LANGUAGE": value}
        if kind == 1:
            value = self.choice(
                [
                    "",
                    "Mozilla/5.0 (compatible; MSIE 6.0; Windows NT 5.1)",
                    "() { :; }; echo vulnerable",
                    "x" * 20_000,
                ]
                + [self.raw_bytes(1, 500).decode("latin-1"), "Mozilla/5.0 " + self.junk(0, 300)]
            )
            return "GET", page, "", {"HTTP_USER_AGENT": value}
        value = self.choice(
            [
                "sessionid=" + self.junk(8, 64),
                'sessionid="\\000\\000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
                "sessionid=" + "a" * 40 + "%00",
                "csrftoken=" + self.junk(0, 200) + "; django_language=" + self.junk(0, 30),
                "django_language=" + self.choice(["xx", "es" * 500, "'", "\\000"]),
                "=;=;=;;;",
                "a" * 10_000 + "=b",
                self.raw_bytes(1, 300).decode("latin-1"),
            ]
        )
        return "GET", page, "", {"HTTP_COOKIE": value}

    def host(self):
        host = self.choice(
            [
                "evil.example",
                "testserver:abc",
                "[::1",
                "testserver/../x",
                "",
                "a" * 300,
                "127.0.0.1:8000@evil",
            ]
        )
        return "GET", self.choice(self.pages), "", {"HTTP_HOST": host}

    def method(self):
        return self.choice(METHODS), self.choice(self.pages + self.documents + ["/health/", "/"]), "", {}

    def page(self):
        return self.choice(["GET", "HEAD"]), self.choice(self.pages), "", {}

    def requests(self, count):
        names = list(CATEGORIES)
        weights = [CATEGORIES[name][0] for name in names]
        for _ in range(count):
            name = self.rng.choices(names, weights)[0]
            yield name, *getattr(self, name.replace(" ", "_").replace("-", "_"))()


def environ(method, raw_path, query, headers):
    """What a WSGI server makes of the request line and headers (PATH_INFO is percent-decoded)."""
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(raw_path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "testserver",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": FakePayload(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multiprocess": True,
        "wsgi.multithread": False,
        "wsgi.run_once": False,
        **headers,
    }
