"""Settings for 정책실명제 Registry, read from environment variables (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from projects.sheet_bounds import MAX_POSTED_FIELDS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY 환경변수를 설정하세요 (DEBUG가 꺼져 있으면 필수입니다).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")

# The organisation that keeps this register; shown in the header, footer and PDF metadata.
REGISTRY_ORGANISATION = os.environ.get("REGISTRY_ORGANISATION", "서울특별시 중구")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # pg_trgm search indexes (projects.search); harmless on SQLite
    "nested_admin",
    "reversion",  # accountability: revisions of whole sheets
    "policy_registry.apps.AxesConfig",  # accountability: login throttling (django-axes, Korean name)
    "crispy_forms",
    "django.contrib.sitemaps",
    "rest_framework",  # open data: the read-only API (/api/)
    "drf_spectacular",  # open data: the API's OpenAPI 3 schema
    "drf_spectacular_sidecar",  # open data: Swagger UI as our own static files (no CDN)
    "corsheaders",  # open data: CORS for GET on /api/ only
    "django_tasks",  # background tasks (the backport of Django 6's django.tasks)
    "django_tasks_db",  # ... queued in the database: PDFs rendered by `manage.py db_worker`
    "projects",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # accountability: static files in production
    "csp.middleware.CSPMiddleware",  # accountability: Content-Security-Policy on every response
    "corsheaders.middleware.CorsMiddleware",  # open data: other sites may read /api/ (GET only)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # accountability: last, answers locked-out logins
]

ROOT_URLCONF = "policy_registry.urls"

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
                "projects.context_processors.registry",
            ],
        },
    },
]

WSGI_APPLICATION = "policy_registry.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}

# Test databases (pytest-django) copy this template; CI makes one with a C.UTF-8 locale so
# pg_trgm sees Hangul whatever the server's template1 is (see .ci/run).
if os.environ.get("DATABASE_TEST_TEMPLATE"):
    DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["DATABASE_TEST_TEMPLATE"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A sheet's change page posts every row of the sheet in one form (nested_admin), so Django's
# default limit of 1,000 fields stopped a sheet of ~15 phases with a bare "Bad Request (400)".
# The admin bounds a sheet (projects/sheet_bounds.py: 100 phases of 20 bullets and 15 people,
# 100 outline bullets, 20 담당자); the largest sheet it accepts posts MAX_POSTED_FIELDS (24,282)
# fields, every DELETE ticked. The limit is that plus a tenth, no more: it bounds the work a
# single request can cause. (The 60-phase test sheet posts ~3,900; the body stays under
# Django's default DATA_UPLOAD_MAX_MEMORY_SIZE of 2.5 MB, ~130 kB for that sheet.)
DATA_UPLOAD_MAX_NUMBER_FIELDS = MAX_POSTED_FIELDS + MAX_POSTED_FIELDS // 10

LANGUAGE_CODE = "ko-kr"
LANGUAGES = [("ko", "한국어")]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
# Our Korean texts first: admin messages with particles right for any name, django-axes in Korean.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]

CRISPY_TEMPLATE_PACK = "krds"
CRISPY_ALLOWED_TEMPLATE_PACKS = ["krds"]


# ---------------------------------------------------------------------------------------------
# Accountability and production hardening (issue 6). Every value comes from an environment
# variable; the defaults are safe for production (secure unless DEBUG) and are listed in the
# README section "운영 배포".
# ---------------------------------------------------------------------------------------------

SECURE_BY_DEFAULT = not DEBUG

# HTTPS: redirect, HSTS and cookies only sent over HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SECURE_BY_DEFAULT)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if SECURE_BY_DEFAULT else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_BY_DEFAULT)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_BY_DEFAULT)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE_BY_DEFAULT)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE_BY_DEFAULT)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto (only then: the header
# could otherwise be forged by a client).
BEHIND_PROXY = env_bool("BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Static files served by whitenoise, compressed and with hashed names in production.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# Files of 관련 자료 (projects.models.Document), stored through Django's storage API
# (STORAGES["default"]; another backend, e.g. S3-compatible, is a settings change). MEDIA_ROOT is
# never served as such: documents are downloaded through projects/public/records.py, which checks
# publication and 공개 구분 and sends them as attachments.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"
FILE_UPLOAD_PERMISSIONS = 0o640
# The largest document file staff may upload (projects/uploads.py says so in Korean).
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_MB", "20")) * 1024 * 1024
# Uploads above this are spooled to a temporary file instead of memory (Django's default 2.5 MB).
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Content-Security-Policy (django-csp 4): no 'unsafe-inline' anywhere. Django's admin and
# nested_admin load script and style files only (tests/test_deploy.py checks every admin page).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one user name from
# one address, that pair is locked for AXES_COOLOFF_HOURS.
AUTHENTICATION_BACKENDS = [
    "policy_registry.login_throttle.LoginThrottleBackend",  # django-axes
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# The pair, not the address alone: a whole office often shares one public address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
if BEHIND_PROXY:
    AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "1"))
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Logs to stderr, where gunicorn and the process manager collect them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # LOG_LEVEL=warning or WARNING alike (gunicorn.conf.py takes it in either case too)
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO").strip().upper()},
    "loggers": {  # chatty libraries: progress steps and start-up banners are not news
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
# Renderings of sheets (the PDF), cached per sheet version (projects/rendering/cache.py). A file
# cache, so every worker process of one server shares it; the folder is set by REGISTRY_CACHE_DIR
# (default: var/cache).
CACHE_DIR = Path(os.environ.get("REGISTRY_CACHE_DIR") or BASE_DIR / "var" / "cache")
# Public pages (projects/public/caching.py) are kept per version of what they show in "pages",
# a file cache as well. REDIS_URL (redis://host:6379/0) puts both in Redis, shared by several
# app servers: each version is then rendered once for all of them.
REDIS_URL = os.environ.get("REDIS_URL", "")
PUBLIC_PAGE_CACHE = os.environ.get("PAGE_CACHE", "1") != "0"  # 0: off (benchmarks of the views)
# Each process also keeps pages and renderings it served (their keys name a version, so they
# never go stale) up to PROCESS_MEMO_MB, and which version of a sheet is published until the
# next committed write renews the register's generation, or PAGE_STATE_SECONDS at the latest
# (projects/process_memo.py).
PROCESS_MEMO_MB = int(os.environ.get("PROCESS_MEMO_MB", "64"))
PAGE_STATE_SECONDS = float(os.environ.get("PAGE_STATE_SECONDS", "5"))
# A year book (every sheet of a year in one PDF) is made for years of at most this many sheets:
# WeasyPrint lays the whole book out in memory (~1.3 GB at 300 sheets). A larger year (a national
# portal holds thousands a year) offers its list in the register and the open data instead.
YEAR_BOOK_MAX_SHEETS = int(os.environ.get("YEAR_BOOK_MAX_SHEETS", "300"))


def shared_cache(name: str, *, max_entries: int) -> dict:
    timeout = 60 * 60 * 24 * 30  # a version never changes; old ones simply age out
    if REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                "KEY_PREFIX": f"registry-{name}", "TIMEOUT": timeout}
    return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / name, "TIMEOUT": timeout,
            "OPTIONS": {"MAX_ENTRIES": max_entries}}


# Background tasks (projects/rendering/tasks.py: a sheet's PDF after each published change) are
# queued in the database and run by `manage.py db_worker` (started by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renderings": shared_cache("renderings", max_entries=5000),
    "pages": shared_cache("pages", max_entries=20000),
    # per-address counts (국민신청 limits, the API's throttle): shared by every worker of a
    # server (file cache) or of all servers (Redis), so a limit holds whichever worker answers
    "limits": shared_cache("limits", max_entries=50000),
}
RATELIMIT_USE_CACHE = "limits"

# ---------------------------------------------------------------------------------------------
# 국민신청실명제 (projects.applications): deadlines, retention, abuse limits and e-mail.
# ---------------------------------------------------------------------------------------------
# 처리기한: the number of days from receipt an application should be decided in.
APPLICATION_DUE_DAYS = int(os.environ.get("APPLICATION_DUE_DAYS", "30"))
# Contact details (name, e-mail, phone) are kept this many days after the decision, as the
# consent text says, then deleted by `manage.py purge_applicant_contacts` (the masked name stays).
APPLICATION_RETENTION_DAYS = int(os.environ.get("APPLICATION_RETENTION_DAYS", "365"))
# Submissions and status look-ups per client address (django-ratelimit rates: "5/h", "20/h").
# The counts live in the shared "limits" cache (CACHES above).
APPLICATION_RATE_LIMIT = os.environ.get("APPLICATION_RATE_LIMIT", "5/h")
APPLICATION_STATUS_RATE_LIMIT = os.environ.get("APPLICATION_STATUS_RATE_LIMIT", "20/h")
# How often `send_pending_notifications` tries one e-mail before leaving it failed for good.
APPLICATION_NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("APPLICATION_NOTIFICATION_MAX_ATTEMPTS", "10"))

# E-mail: EMAIL_URL (smtp://user:password@host:25, submission://…:587 for STARTTLS, ?ssl=1,
# ?timeout=10; console:// and memory:// too), else the SMTP variables one by one; the console
# backend when DEBUG and nothing is configured.
if os.environ.get("EMAIL_URL"):
    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured("EMAIL_URL의 형식(smtp://, submission://, console:// …)을 확인하세요.")
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
    EMAIL_PORT = _email["EMAIL_PORT"] or 25
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 10
elif DEBUG and not os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
    EMAIL_TIMEOUT = 10  # a hanging server must not hold a request: failed sends are retried
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# ---------------------------------------------------------------------------------------------
# Open data (issue 12): the read-only API under /api/ (projects/opendata/api/).
# ---------------------------------------------------------------------------------------------
# Anonymous and read-only: no authentication (so no session or CSRF), GET/HEAD/OPTIONS only,
# JSON only, throttled per client address (counted in the shared "limits" cache).
# API_ANON_RATE: e.g. "60/minute".
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
# An XLSX download holds at most this many rows (Excel's own limit is 1,048,576 a sheet; writing
# 200,000 rows takes ~15-30 s of a request): a larger choice is offered as CSV or narrower.
EXPORT_XLSX_MAX_ROWS = min(int(os.environ.get("EXPORT_XLSX_MAX_ROWS", "200000")), 1_048_575)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["projects.opendata.api.access.ReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["projects.opendata.api.access.AnonymousThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Behind the proxy the client's address is in X-Forwarded-For (only trusted then).
    "NUM_PROXIES": int(os.environ.get("PROXY_COUNT", "1")) if BEHIND_PROXY else None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{REGISTRY_ORGANISATION} 정책실명제 등록부 API",
    "DESCRIPTION": "공개된 정책실명제 중점관리 대상사업과 사업내역서를 읽는 API (읽기 전용, 로그인 없음).",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": False,
}
# CORS (django-cors-headers): any site may read the API, and only the API, and only read it.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
