# Varnish 7 in front of the app servers: caches what the site marks shareable (s-maxage), passes
# editors, the admin and documents, keeps serving stored pages while the backends fail (grace).
# Each stored response is indexed by the keys of what it shows (its xkey header, vmod xkey from
# Debian's varnish-modules); a change purges its keys (`PURGE` with an xkey header), and only a
# deploy, a setting or a superuser bans every page (`BAN`; caching/purge.py sends both).
#
# site.vcl (one per deployment; see site.example.vcl) declares the backends, the "app" director,
# the "banners" ACL (who may purge and ban: the app servers) and the "outage_page" subroutine.
vcl 4.1;

import std;
import directors;
import xkey;

include "site.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    if (!req.http.X-Request-ID) {
        set req.http.X-Request-ID = "varnish-" + req.xid;
    }
    if (req.restarts == 0) {
        # Only this file may say what the legacy-browser check found.
        unset req.http.X-Legacy-Browser;
        unset req.http.X-Original-URL;
    }

    if (req.method == "PURGE") {
        if (client.ip !~ banners || !req.http.xkey) {
            return (synth(405, "Not allowed"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    # Keys are the app servers' to send; a visitor's would reach no one.
    unset req.http.xkey;
    if (req.method == "BAN") {
        if (client.ip !~ banners) {
            return (synth(405, "Not allowed"));
        }
        # Every page, feed and data file of the site. Static files are named by their content, and
        # the legacy-browser verdicts depend on the User-Agent alone (they expire within an hour).
        ban("obj.http.x-url !~ ^/(static|browser-check)/");
        return (synth(200, "Banned"));
    }
    if (std.integer(req.http.Content-Length, 0) > 26214400) {
        return (synth(413, "Request body too large"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Click-tracking parameters: the same list as TRACKING_PARAMETERS in caching/shared.py.
    if (req.url ~ "^/(en|es)/.*[?&]") {
        set req.url = regsuball(req.url, "(?i)(?<=[?&])(?:utm(?:_|%5f)[^&=]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|igshid|yclid|twclid|ttclid|mc_cid|mc_eid|_ga|_gl)(?:=[^&]*)?(?:&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # Editors (a session cookie), the admin, previews and documents (their privacy checks) pass.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.url ~ "^/(en|es)/_util/") {
        return (pass);
    }
    # Every other cookie (analytics, a dismissed notice) changes nothing the site sends.
    unset req.http.Cookie;
    if (req.url ~ "^/(en|es)/") {
        unset req.http.Accept-Language;  # the prefix says the language
    }

    # Legacy browsers get a notice in their pages, so theirs are never answered from the store.
    # Most browsers say by their version that they are current (CERTAINLY_CURRENT in
    # legacy_browsers/versions.py); for the others the site says: asked once per User-Agent, kept.
    if (req.restarts == 0 && req.url !~ "^/(static|media)/") {
        if (req.http.User-Agent ~ "^(?!.*(MSIE|Trident/))(.*(Chrome|Firefox)/[1-9][0-9]{2,}\.|.*Version/(1[3-9]|[2-9][0-9])\.[0-9.]+( Mobile/[0-9A-Za-z]+)? Safari/)") {
            set req.http.X-Legacy-Browser = "no";
        } else {
            set req.http.X-Original-URL = req.url;
            set req.url = "/browser-check/";
            return (hash);
        }
    }
    if (req.http.X-Legacy-Browser == "yes") {
        return (pass);
    }

    # While a backend is healthy, an expired page is refreshed; while none is, it is served on.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # Pages carry absolute links, and plain HTTP is redirected: the scheme is part of the page.
    hash_data(req.http.X-Forwarded-Proto);
    if (req.url == "/browser-check/") {
        hash_data(req.http.User-Agent);
    }
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.retries > 0 && "" + bereq.backend == bereq.http.X-Failed-Backend) {
        set bereq.backend = app.backend();  # the director's next one
    }
    unset bereq.http.X-Failed-Backend;
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;  # for bans (the ban lurker sees only the object)
    # A page is sent once all of it has arrived: an app server that dies halfway through one is
    # then a fetch error, tried again on another (vcl_backend_error), not a page cut short in the
    # visitor's browser. Files are streamed.
    if (bereq.url !~ "^/(documents|media|static)/") {
        set beresp.do_stream = false;
    }
    if (beresp.http.X-Shared == "changed") {
        # Built while an editor published: it may predate the commit. Fetch it again while the
        # visitors asking for it keep waiting on this one fetch; the built-in rule would turn it
        # into a two-minute hit-for-miss and send each of them to the app servers.
        if (bereq.retries < 3) {
            return (retry);
        }
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);  # keep the stored copy rather than an error
    }
    set beresp.grace = 24h;
}

sub vcl_backend_error {
    # A server that died mid-request (or refuses connections): try another one, until its probe
    # has it marked sick.
    if (bereq.retries < 4 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        set bereq.http.X-Failed-Backend = beresp.backend.name;
        return (retry);
    }
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "5";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Content-Security-Policy = "default-src 'none'";
    set beresp.http.X-Content-Type-Options = "nosniff";
    call outage_page;
    return (deliver);
}

sub vcl_deliver {
    if (req.url == "/browser-check/" && req.http.X-Original-URL) {
        set req.http.X-Legacy-Browser = resp.http.X-Legacy-Browser;
        set req.url = req.http.X-Original-URL;
        unset req.http.X-Original-URL;
        return (restart);
    }
    unset resp.http.x-url;
    unset resp.http.xkey;  # what a page shows is the site's business; the keys are for purging
    unset resp.http.X-Shared;
    set resp.http.X-Request-ID = req.http.X-Request-ID;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

sub vcl_synth {
    set resp.http.X-Request-ID = req.http.X-Request-ID;
    set resp.http.Cache-Control = "no-store";
}
