"""Settings for the union site.

This is the one settings module. Everything that differs between a developer's laptop, CI and
production is read from the environment here (README.md lists the variables); the defaults are
safe for development and refuse to run unsafely in production.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from unionsite.translation_labels import localized_verbose_name

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

MISSING_SECRET_MESSAGE = (
    "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG unset) needs a long random secret: "  # noqa: S105
    "export DJANGO_SECRET_KEY=... (see README.md). For development, set DJANGO_DEBUG=1."
)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"  # noqa: S105
SECRET_KEY_MISSING = not SECRET_KEY
# Without a secret in production there is no default: the WSGI/ASGI application refuses to start
# (unionsite/wsgi.py) and `check --deploy` reports it (unionsite/checks.py). Commands that sign
# nothing (check, makemigrations, migrate) still run, so tooling works before the secret is set.

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public address (https://union.kg) for canonical, alternate and OpenGraph links; without it
# they are built from the request's host, which ALLOWED_HOSTS has already checked. E-mails have no
# request: their links need it, so `check --deploy` requires it (unionsite/checks.py). In
# development they link to the server `make run` starts.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
DEVELOPMENT_SERVER_URL = "http://127.0.0.1:8000"

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes patch it first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ckeditor",
    "ckeditor_uploader",
    "easy_thumbnails",
    "treebeard",
    "reversion",
    "axes",
    "csp",
    "solo",
    "unionsite",
    "siteconfig",
    "editorial",
    "search",
    "backups",
    # The content apps (unionsite/registry.py); demo content loads in this order.
    "structure",
    "news",
    "documents",
    "faq",
    "pages",
    "events",
    # Join and write-to-us forms and their inbox: after the structure app its regions come from.
    "inbox",
]
# The benchmark, Lighthouse and load-test commands (devtools/): only for the make targets and tests.
DEV_TOOLS = env_bool("DJANGO_DEV_TOOLS")
if DEV_TOOLS:
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # First on the way out, so that every response has it: static files, redirects, early 400s.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "unionsite.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304s for every page and feed, cached or not (unionsite/pagecache.py).
    "django.middleware.http.ConditionalGetMiddleware",
    "unionsite.pagecache.UpdatePageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "unionsite.middleware.StripNulBytesMiddleware",
    # Anonymous visitors get cached pages here, once the language is known, without the work of
    # the middleware below (their headers were stored with the page).
    "unionsite.pagecache.FetchPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "unionsite.middleware.DatabaseUnavailableMiddleware",
    # Last, so that a lockout page renders in the language LocaleMiddleware chose.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "unionsite.urls"
WSGI_APPLICATION = "unionsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "unionsite.context_processors.site",
                "siteconfig.context_processors.site_settings",
                "pages.context_processors.menus",
            ],
        },
    },
]

# The default is an SQLite file under var/ (git-ignored); CI and production set DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "unionsite",
        }
    }
else:
    # Files under var/, shared by every process on the machine (gunicorn's workers, runserver, a
    # management command run beside them): an edit made in one is seen by all. Files rather than
    # the database cache: measured in docs/performance.md. Several app servers need REDIS_URL.
    CACHES = {
        "default": {
            "BACKEND": "unionsite.filecache.SharedFileCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            # Pages, their generation and the card fragments (a few KB each when compressed).
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        # Rate-limit counts must outlive a killed worker and not be culled with the pages.
        "ratelimit": {
            "BACKEND": "unionsite.filecache.SharedFileCache",
            "LOCATION": os.environ.get("DJANGO_RATELIMIT_CACHE_DIR", str(BASE_DIR / "var" / "ratelimit")),
            # Culling past MAX_ENTRIES would forget counts: one entry per address and hour.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }
# The templates' {% cache %} tags (cards and list items): the default cache, where an outage
# renders the card afresh instead of failing the page (unionsite/fragmentcache.py).
CACHES["template_fragments"] = {"BACKEND": "unionsite.fragmentcache.FragmentCache", "LOCATION": "default"}
RATELIMIT_USE_CACHE = "ratelimit" if "ratelimit" in CACHES else "default"
# Whole pages for anonymous visitors, dropped when content changes (unionsite/pagecache.py);
# 0 turns the page cache off. The cache must be shared by every process (unionsite/checks.py).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
CACHE_MIDDLEWARE_KEY_PREFIX = "pages"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kyrgyz is the default; every public URL carries its language prefix.
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bishkek"
# «2016-жылдын 28-апрели», «1,5 МБ»: our date and number formats come before Django's.
FORMAT_MODULE_PATH = ["unionsite.formats"]
USE_I18N = True
USE_TZ = True
# Every date and time a person or an import enters lies in these years (unionsite/fields.py): a
# mistyped 0001 or 9999 is refused by forms and models and, a day's margin wider for time zones,
# by the database's CHECK constraints, written from it when a date column is migrated.
VALID_DATE_RANGE = (datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))

MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
MODELTRANSLATION_LANGUAGES = ("ky", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ky", "ru"), "ky": ("ru",), "ru": ("ky",)}
# Translated fields are labelled «Аталышы (орусча)», not "title [ru]" (unionsite/translation_labels.py).
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
# The tabbed admin needs jQuery UI; the default loads it from a CDN, and the admin must work offline.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads live in MEDIA_ROOT, a folder every app server shares (deploy/), unless a bucket is named:
# then on S3-compatible object storage through django-storages (README, "Deployment").
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Signed, expiring URLs unless the bucket (or the custom domain) is public.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            # Never replace a stored file: a second upload under the same name gets a new name.
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# Uploads: Django refuses request bodies above this; per-field limits are tighter (see the apps).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DJANGO_DOCUMENT_MAX_UPLOAD_MB", "50")) * 1024 * 1024
IMAGE_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
IMAGE_MAX_PIXELS = 50_000_000

# Rich text: django-ckeditor is the client's editor; unionsite/richtext.py wraps it and sanitises.
# Images uploaded in the editor go to unionsite/editor_uploads.py, stored under this folder.
CKEDITOR_UPLOAD_PATH = "editor/"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_IMAGE_BACKEND = "pillow"
CKEDITOR_RESTRICT_BY_USER = False
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "Custom",
        "toolbar_Custom": [
            ["Format", "Bold", "Italic", "Underline", "Strike", "Subscript", "Superscript"],
            ["NumberedList", "BulletedList", "Blockquote", "JustifyLeft", "JustifyCenter"],
            ["Link", "Unlink", "Image", "Table", "HorizontalRule"],
            ["RemoveFormat", "Source"],
        ],
        "format_tags": "p;h2;h3;h4",
        "width": "100%",
        "removePlugins": "exportpdf",
        # The text is edited in a <div>, not in CKEditor's usual frame, whose start-up is an
        # inline script that the admin's Content-Security-Policy refuses (unionsite/middleware.py).
        "extraPlugins": "divarea",
        # Uploads go with XMLHttpRequest, which carries the CSRF token (static/js/editor-uploads.js).
        "filebrowserUploadMethod": "xhr",
        # No "Browse server" button: django-ckeditor's image browser runs inline scripts.
        "filebrowserBrowseUrl": "",
        # The image dialog's preview wraps a sample text around the picture: CKEditor's is "Lorem
        # ipsum…" in every language. The widget writes lazy strings in the page's language.
        "image_previewText": _("This is how the text of the page will sit beside the picture."),
    }
}
SILENCED_SYSTEM_CHECKS = [
    # ckeditor.W001: CKEditor 4 is end-of-life. The client chose django-ckeditor; the editor is
    # reachable by authenticated staff only, and every rich-text value is sanitised on the server
    # with an allow-list (unionsite/richtext.py) before it is stored, so its output is not trusted.
    "ckeditor.W001",
]

# How many AVIF/WebP encodings of resized pictures a process keeps to reuse (unionsite/renditions.py):
# the test suite sets it, a server leaves it at 0.
RENDITION_ENCODE_MEMO = int(os.environ.get("DJANGO_RENDITION_ENCODE_MEMO", "0"))

THUMBNAIL_ALIASES = {
    "": {
        "card": {"size": (480, 320), "crop": "smart"},
        "card_2x": {"size": (960, 640), "crop": "smart"},
        "gallery_thumb": {"size": (240, 160), "crop": "smart"},
        "gallery_thumb_2x": {"size": (480, 320), "crop": "smart"},
        "detail": {"size": (960, 0), "crop": False},
        "detail_2x": {"size": (1600, 0), "crop": False},
        "large": {"size": (1600, 1200), "crop": False},
        "portrait": {"size": (240, 300), "crop": "smart"},
    }
}
THUMBNAIL_BASEDIR = "renditions"
THUMBNAIL_QUALITY = 82
THUMBNAIL_PRESERVE_EXTENSIONS = ("png",)
# Pillow only: uploads are JPEG, PNG, WebP or GIF (unionsite/validators.py), never SVG, so
# easy-thumbnails' SVG reader (which needs reportlab, and warns without it) has nothing to read.
THUMBNAIL_SOURCE_GENERATORS = ("easy_thumbnails.source_generators.pil_image",)

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost")
STAFF_NOTIFICATION_EMAILS = env_list("DJANGO_STAFF_NOTIFICATION_EMAILS", "editors@localhost")

# The FAQ's "ask a question" form: questions stored per client address (django-ratelimit syntax,
# e.g. "5/h"), counted in the default cache. Behind nginx, name the header that carries the
# client's address (e.g. HTTP_X_REAL_IP); without it every visitor shares the proxy's address.
FAQ_ASK_RATE_LIMIT = os.environ.get("DJANGO_FAQ_ASK_RATE_LIMIT", "5/h")
RATELIMIT_IP_META_KEY = os.environ.get("DJANGO_RATELIMIT_IP_META_KEY") or None

# The "Join the union" and "Write to us" forms: submissions (personal data) are deleted this many
# days after they arrive, by `manage.py purge_submissions` run daily from cron (README).
INBOX_RETENTION_DAYS = int(os.environ.get("DJANGO_INBOX_RETENTION_DAYS", "365"))
# The questions members ask through the FAQ form, with the replies staff sent them (personal data:
# a name, a phone or an address), go as long after they arrived, by the same daily purge.
FAQ_QUESTION_RETENTION_DAYS = int(
    os.environ.get("DJANGO_FAQ_QUESTION_RETENTION_DAYS", str(INBOX_RETENTION_DAYS))
)
# Submissions per visitor's address across both forms (django-ratelimit's rate syntax).
INBOX_RATE_LIMIT = os.environ.get("DJANGO_INBOX_RATE_LIMIT", "5/h")

# Downloads in production are handed to nginx (X-Accel-Redirect) when this prefix is set.
DOCUMENTS_X_ACCEL_PREFIX = os.environ.get("DJANGO_DOCUMENTS_X_ACCEL_PREFIX", "")

# Security. HTTPS-only settings switch on with DJANGO_HTTPS=1, as production runs behind TLS.
HTTPS = env_bool("DJANGO_HTTPS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
# No inline scripts on public pages (JSON-LD data blocks are not scripts); styles only from
# our files, except the alignment and size attributes the sanitiser lets through in rich text.
# unionsite.middleware.SiteCSPMiddleware loosens this for the staff-only admin editor.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
# "1" while the visitor reads the low-vision version (larger text, high contrast).
LOW_VISION_COOKIE_NAME = "low_vision"
# The display mode of the version for the visually impaired (unionsite/display.py), one value.
DISPLAY_COOKIE_NAME = "display"

LOGIN_URL = "admin:login"
# Where a login lands when its `next` is missing or points at another host.
LOGIN_REDIRECT_URL = "admin:index"

# Admin login protection (django-axes): after AXES_FAILURE_LIMIT failed logins for one username
# from one address, that pair is locked out for DJANGO_AXES_COOLOFF_HOURS; the page is
# templates/axes/lockout.html, in the language of the login page. `manage.py axes_reset` unlocks.
# The axes backend must come first; it needs the request, which the admin login passes.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("DJANGO_AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("DJANGO_AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# No start-up banner on every manage.py command: a refusal (restore, import) stays one line.
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "unionsite.views.lockout_response"
# Behind nginx the visitor's address is in the header named by DJANGO_RATELIMIT_IP_META_KEY.
AXES_CLIENT_IP_CALLABLE = "unionsite.client.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's own console handler (debug only) would print every line the root prints again.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
