"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .observability import init_sentry, logging_config, parse_admins
from .security import (  # noqa: F401  (settings)
    ADMIN_CONTENT_SECURITY_POLICY,
    ADMIN_PATH_PREFIXES,
    ADMIN_PERMISSIONS_POLICY,
    ADMIN_SIGNED_OUT_CONTENT_SECURITY_POLICY,
    ADMIN_SIGNED_OUT_PATH_PREFIXES,
    AXES_CLIENT_IP_CALLABLE,
    AXES_COOLOFF_TIME,
    AXES_FAILURE_LIMIT,
    AXES_LOCKOUT_CALLABLE,
    AXES_LOCKOUT_PARAMETERS,
    AXES_RESET_ON_SUCCESS,
    AXES_VERBOSE,
    CROSS_ORIGIN_RESOURCE_POLICY,
    LOGIN_SLOWDOWN_AFTER,
    LOGIN_SLOWDOWN_SECONDS,
    PERMISSIONS_POLICY,
    PUBLIC_CONTENT_SECURITY_POLICY,
    SECURE_CROSS_ORIGIN_OPENER_POLICY,
    SECURE_REFERRER_POLICY,
    TRUSTED_PROXY_COUNT,
    WAGTAILIMAGES_EXTENSIONS,
    WAGTAILIMAGES_IMAGE_FORM_BASE,
    WAGTAILIMAGES_MAX_IMAGE_PIXELS,
    WAGTAILIMAGES_MAX_UPLOAD_SIZE,
    WRITE_METHOD_PATH_PREFIXES,
    X_FRAME_OPTIONS,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it patches.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    # The project's apps, from the foundation up (the layers of the import contract, pyproject.toml).
    *("caching", "security", "legacy_browsers", "backups", "editorial", "documents", "base"),
    *("workgroups", "cooperation", "observers", "contact", "news", "events", "countries"),
    *("discovery", "opendata", "content_loader", "interface_strings", "translation_exchange"),
    *("wagtail.contrib.forms", "wagtail.contrib.redirects", "wagtail.contrib.settings", "wagtail.embeds"),
    *("wagtail.sites", "wagtail.users", "wagtail.snippets", "wagtail.documents", "wagtail.images"),
    *("wagtail.search", "wagtail.admin", "wagtail", "modelcluster", "taggit"),
    "django_tasks_db",  # Wagtail's background tasks, when production runs them in a worker
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "caching.content_version.ContentVersionMiddleware",
    "interface_strings.catalog.InterfaceStringsMiddleware",  # before any language is activated
    "log_request_id.middleware.RequestIDMiddleware",  # every log line names its request
    # Before caching.shared, which decides from it (and only there) whether a page may be shared.
    "legacy_browsers.middleware.LegacyBrowserMiddleware",
    # Outside the rest, so that what it decides covers every header the other middleware add.
    "caching.shared.SharedResponseMiddleware",
    "caching.shared.PageCompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "security.headers.SecurityHeadersMiddleware",
    "security.request_guard.RequestGuardMiddleware",
    "security.outage.OutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "base.language.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

AUTHENTICATION_BACKENDS = [
    "security.login_protection.LoginProtectionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "alliance_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "alliance_site.wsgi.application"

# SQLite at the repository root is the embedded default; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),  # seconds a connection is reused
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How long the HTTP caches in front may keep a shared response (its s-maxage; 0: share nothing).
# A change purges what it touched sooner (see caching.shared and caching.purge).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 24 * 3600))

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "alliance"),
            "OPTIONS": {
                # With Redis down, pages are still served (from the database, more slowly): one
                # short attempt, then none for a few seconds, and one line in the log.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.5,
                "REDIS_CLIENT_CLASS": "caching.redis_circuit.CircuitBreakingRedis",
            },
        }
    }
else:
    # The embedded default: files on this machine, shared by every process on it (the server's
    # workers, publish_scheduled from cron, load_alliance_content), so that a change made by one
    # is seen by all. Production needs Redis (a system check says so).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# The HTTP caches in front (Varnish), purged once a change commits: FRONTEND_CACHES is a
# comma-separated list of each one's address, e.g. http://10.0.0.5:6081 (see caching/purge.py).
FRONTEND_CACHES = [location for location in os.environ.get("FRONTEND_CACHES", "").split(",") if location]
# How often each app server retries the purges a cache did not confirm (caching.PendingPurge).
PURGE_RETRY_SECONDS = float(os.environ.get("PURGE_RETRY_SECONDS", "5"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the default (and the fallback for empty Spanish fields).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [Path(os.environ.get("INTERFACE_STRINGS_DIR", BASE_DIR / "var/strings")), BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads: an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (every app server sees the
# same files), otherwise the local disk under MEDIA_ROOT. Either way the site serves images itself
# under MEDIA_URL (base/media.py) and documents through /documents/.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config

    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # None: Amazon S3 itself
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    # Unset: boto3's own chain (instance role, ~/.aws) finds the credentials.
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_DEFAULT_ACL = None  # objects stay private (the bucket's policy); only the site reads them
    AWS_QUERYSTRING_AUTH = True  # a URL the storage signs itself expires (pages link to MEDIA_URL)
    AWS_S3_FILE_OVERWRITE = False  # two uploads of "report.pdf" stay two files, as on disk
    AWS_S3_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger files are spooled to disk while served
    # A bucket that does not answer fails a request (or /health/) in seconds, not minutes.
    AWS_S3_CLIENT_CONFIG = Config(connect_timeout=3, read_timeout=20, retries={"max_attempts": 2})
    STORAGES["default"] = {"BACKEND": "base.media.SiteServedS3Storage"}

WAGTAIL_SITE_NAME = "Pacific Alliance"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.LegalDocument"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.LegalDocumentForm"
MAX_DOCUMENT_SIZE = int(os.environ.get("MAX_DOCUMENT_SIZE", 20 * 1024 * 1024))
# Documents go through Wagtail's serve view (collection privacy), with X-Content-Type-Options: nosniff
# and a "default-src 'none'" policy; PDFs open in the browser, other types download under their name.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_I18N_ENABLED = False  # languages come from modeltranslation, not Wagtail locales
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Mail: review notifications to moderators, password resets, error reports to ADMINS. Development
# prints mails to the console; production always sends them over SMTP (settings/production.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "false").lower() == "true"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "webmaster@localhost"
SERVER_EMAIL = os.environ.get("SERVER_EMAIL") or DEFAULT_FROM_EMAIL
# Where the contact form's messages go: the secretariat's addresses, separated by commas.
CONTACT_EMAILS = os.environ.get("CONTACT_EMAIL", "secretariat@localhost").split(",")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Who gets a mail for every server error: "Ana Pérez <ana@example.org>, ops@example.org".
ADMINS = parse_admins(os.environ.get("ADMINS", ""))

# Logs: standard output, one line per record (JSON with LOG_FORMAT=json), each with its request id:
# the proxy's X-Request-ID when it sends one, a new one otherwise, sent back in the response.
LOGGING = logging_config(os.environ.get("LOG_FORMAT", "text"), os.environ.get("LOG_LEVEL", "INFO"))
LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
REQUEST_ID_RESPONSE_HEADER = "X-Request-ID"

# Error reports and traces to Sentry, only when SENTRY_DSN is set.
SENTRY_ENABLED = init_sentry(os.environ)
