"""Raati's settings: one module, every deployment difference read from the environment.

The variables are listed in README.md. Unset, they give the zero-set-up demo (SQLite,
eager Celery, local-memory cache) except for SECRET_KEY, which must be set whenever
DEBUG is off.
"""

from __future__ import annotations

import hashlib
import tempfile
from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.lib.database import database_settings
from portal.lib.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent

# --- Core -----------------------------------------------------------------------------

DEBUG = envbool("DEBUG", False)

# Only ever acceptable on a developer's machine: refused below when DEBUG is off.
DEMO_SECRET_KEY = "raati-demo-only-do-not-use-in-production-4f1b2c9d7e"
SECRET_KEY = envstr("SECRET_KEY", DEMO_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEMO_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set, so Raati would run with the public demo key. "
        "With DEBUG off, set SECRET_KEY to a long random value, for example the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`; "
        "for local development set DEBUG=1 instead (`make demo` does)."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "simple_history",
    "portal",
    "portal.oparl",
    "councils",
    "strategy",
    "forums",
]

MIDDLEWARE = [
    # Outermost, so that every response gets Permissions-Policy; staff pages never cached.
    "portal.middleware.PrivacyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous GETs: 304s and the shared page cache, before the session or any view.
    "portal.public_cache.PublicCacheMiddleware",
    # Django's two, minus Vary: Cookie / Accept-Language on anonymous, addressed pages.
    "portal.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view or form: NUL characters and broken UTF-8 get a 400, not a 500.
    "portal.middleware.CleanInputMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records the signed-in user on every historical record (the audit trail).
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes must be last: it turns a lockout raised by its backend into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
            # {% csrf_token %} also writes the one-time form token (portal/once.py).
            "builtins": ["portal.templatetags.once"],
        },
    },
]

# Django's form templates, the smallest of them written in Python (portal/lib/form_renderer.py).
FORM_RENDERER = "portal.lib.form_renderer.QuickRenderer"

# --- Database ---------------------------------------------------------------------------

DATABASE_URL = envstr("DATABASE_URL")
DATABASES = {
    "default": database_settings(
        DATABASE_URL,
        default_file=BASE_DIR / "raati.sqlite3",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        prepared=envbool("DB_PREPARED_STATEMENTS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# One installation (and database) per folder: the demo and each test database apart.
_machine_key = hashlib.sha256(f"{BASE_DIR}|{DATABASE_URL}".encode()).hexdigest()[:12]

# --- Cache, Celery ----------------------------------------------------------------------

REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": envstr("CACHE_KEY_PREFIX", "raati"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {"default": _redis, "publication": _redis}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # The publication generation (councils/publication.py) must be one number for
        # every process (gunicorn's workers, Celery's), or a process would go on
        # serving pages another one's publication made stale: a file on this machine.
        "publication": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": envstr(
                "PUBLICATION_CACHE_DIR",
                str(Path(tempfile.gettempdir()) / f"raati-publication-{_machine_key}"),
            ),
        },
    }

# Anonymous pages (portal/public_cache.py): how long the page cache keeps one (0: off),
# and how long a browser, the reverse proxy or a CDN may hold it before asking again.
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", 600)
PUBLIC_MAX_AGE = envint("PUBLIC_MAX_AGE", 30)
PUBLIC_STALE_WHILE_REVALIDATE = envint("PUBLIC_STALE_WHILE_REVALIDATE", 60)

# Celery reads the CELERY_* names below (see portal/celery.py). Without Redis every task
# runs eagerly in the web process, so the demo needs no broker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Helsinki"
CELERY_TASK_DEFAULT_QUEUE = "raati"
# Reliability: a task is acknowledged only after it has run, so a worker killed
# mid-task leaves it on the queue for another worker; one task is reserved at a time.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis re-delivers an unacknowledged task after the visibility timeout; every time
# limit stays well below it so that a running task is never handed out twice.
CELERY_BROKER_VISIBILITY_TIMEOUT = envint("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT}
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TIME_LIMIT", 300)
if not CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < CELERY_BROKER_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "Celery time limits must satisfy soft < hard < visibility timeout "
        f"({CELERY_TASK_SOFT_TIME_LIMIT} < {CELERY_TASK_TIME_LIMIT} "
        f"< {CELERY_BROKER_VISIBILITY_TIMEOUT})."
    )
# Recycle worker processes so that a leak in a renderer cannot grow without bound.
CELERY_WORKER_MAX_TASKS_PER_CHILD = envint("CELERY_MAX_TASKS_PER_CHILD", 100)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = envint("CELERY_MAX_MEMORY_PER_CHILD_KB", 512_000)
# Publishing must not hang a clerk's request when Redis is away: fail fast instead.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Beat: documents that never reached the broker (Redis was down) are queued again.
CELERY_BEAT_SCHEDULE = {
    "requeue-stale-documents": {
        "task": "councils.tasks.requeue_stale_documents",
        "schedule": 300.0,
    },
    # Personal data leaves the public copies when the appeal period ends.
    "redact-expired-documents": {
        "task": "councils.tasks.redact_expired_documents",
        "schedule": 3600.0,
    },
    # One-time form tokens (portal/once.py) are kept two days.
    "forget-form-submissions": {
        "task": "portal.tasks.forget_form_submissions",
        "schedule": 86400.0,
    },
    # The open-data dump for researchers, every night.
    "write-open-data-dump": {
        "task": "portal.oparl.tasks.write_dump",
        "schedule": crontab(hour=3, minute=15),
    },
    # E-mail alerts: yesterday's news every morning (CELERY_TIMEZONE is Helsinki time).
    "send-daily-digests": {
        "task": "portal.tasks.send_daily_digests",
        "schedule": crontab(hour=6, minute=0),
    },
    # Associations' registrations: unconfirmed ones and old rejections are removed.
    "expire-registrations": {
        "task": "forums.tasks.expire_registrations",
        "schedule": crontab(hour=3, minute=30),
    },
    # Commenters' and supporters' personal data, on its schedule after the matter closed.
    "remove-participants-personal-data": {
        "task": "forums.tasks.remove_personal_data",
        "schedule": crontab(hour=3, minute=45),
    },
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}

# --- Auth -----------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "portal:login"
# Each role lands where its work is (councils/staff/home.py).
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "portal:home"

# django-axes: lock a username from one address after repeated failures, for a while.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Internationalisation -------------------------------------------------------------

LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
# Finnish base forms and compound parts in search, when libvoikko is installed.
SEARCH_VOIKKO = envbool("SEARCH_VOIKKO", True)
# load_demo renders the demo's PDFs (a minute or two); the test suite turns it off.
DEMO_DOCUMENTS = envbool("DEMO_DOCUMENTS", True)

# --- Initiatives (forums/initiatives.py) ------------------------------------------------

# A council member's initiative is answered within this many months of its arrival: the
# council's rules of procedure set it (the seed documents do not state it; six months is
# the common rule of Finnish councils' rules of procedure).
COUNCIL_INITIATIVE_ANSWER_MONTHS = envint("COUNCIL_INITIATIVE_ANSWER_MONTHS", 6)
# How initiators and supporters are identified (forums/identity.py): "demo" (they state
# their eligibility themselves) or "suomifi" (strong identification; needs the SUOMIFI_*
# settings and a SAML integration, see the adapter).
INITIATIVE_IDENTITY = envstr("INITIATIVE_IDENTITY", "demo")
SUOMIFI_ENTITY_ID = envstr("SUOMIFI_ENTITY_ID")
SUOMIFI_METADATA_URL = envstr("SUOMIFI_METADATA_URL")
SUOMIFI_CERTIFICATE = envstr("SUOMIFI_CERTIFICATE")
SUOMIFI_PRIVATE_KEY = envstr("SUOMIFI_PRIVATE_KEY")

# --- Static and uploaded files ----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Attachments: PDF only, at most this many megabytes each.
ATTACHMENT_MAX_MB = envint("ATTACHMENT_MAX_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
# Behind nginx (deploy/nginx.conf): protected files are sent by nginx from this internal
# location after Django's permission check (X-Accel-Redirect), not streamed by gunicorn.
SENDFILE_X_ACCEL = envbool("SENDFILE_X_ACCEL", False)
SENDFILE_PREFIX = envstr("SENDFILE_PREFIX", "/_protected/")
# Hashed names need `collectstatic` first: on in production, off in the demo and the
# tests, which serve files straight from static/.
STATIC_MANIFEST = envbool("STATIC_MANIFEST", not DEBUG)
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# --- E-mail ---------------------------------------------------------------------------

# The demo (DEBUG on) writes every e-mail to a file under sent-mail/ instead of sending it.
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
EMAIL_FILE_PATH = Path(envstr("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail")))
# The site's public address: links in e-mails (alerts) are absolute and start with it.
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Raati <raati@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where residents' accessibility feedback is forwarded; empty means stored only.
ACCESSIBILITY_FEEDBACK_EMAIL = envstr("ACCESSIBILITY_FEEDBACK_EMAIL")

# --- Security ---------------------------------------------------------------------------

SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers and the compose file's health check speak plain HTTP to /health/.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
if envbool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# The token reaches htmx through hx-headers on <body>, so no script needs the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# --- Open data (portal/oparl/) ---------------------------------------------------------

# Requests per client address: per minute to the API, per hour to the bulk files (0: no limit).
OPARL_RATE_LIMIT = envint("OPARL_RATE_LIMIT", 600)
OPARL_BULK_RATE_LIMIT = envint("OPARL_BULK_RATE_LIMIT", 60)
# How many proxies in front of Raati append to X-Forwarded-For (0: use the peer address).
OPARL_TRUSTED_PROXIES = envint("OPARL_TRUSTED_PROXIES", 0)
# Where the nightly full dump (JSON Lines, gzip) is written.
OPARL_DUMP_DIR = Path(envstr("OPARL_DUMP_DIR", str(MEDIA_ROOT / "avoin-data")))

# --- Logging ----------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes logs every sign-in at INFO; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}
