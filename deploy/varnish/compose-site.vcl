# site.vcl for deploy/compose.yaml: the two app containers.


probe health {
    # Host must be one of the site's ALLOWED_HOSTS.
    .request = "GET /health/ HTTP/1.1"
               "Host: www.example.org"
               "User-Agent: varnish-probe"
               "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

backend app1 {
    .host = "app-a";
    .port = "8000";
    .probe = health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend app2 {
    .host = "app-b";
    .port = "8000";
    .probe = health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

# Who may send PURGE and BAN (the app servers; FRONTEND_CACHES on them names this Varnish).
acl banners {
    "localhost";
    "app-a"; "app-b";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

sub outage_page {
    synthetic(std.fileread("/etc/varnish/503.html"));  # a copy of templates/503.html
}
