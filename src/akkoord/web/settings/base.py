"""Settings shared by every environment.

Configuration comes from the environment:

* ``DATABASE_URL``: any database dj-database-url understands (``postgres://…``); default a
  SQLite file ``akkoord.sqlite3`` in ``AKKOORD_DATA_DIR`` (default ``./var``).
* ``AKKOORD_SECRET_KEY`` (or ``DJANGO_SECRET_KEY``): required here; ``dev`` and ``test`` give a default.
* ``AKKOORD_ALLOWED_HOSTS``: comma-separated host names (default ``localhost,127.0.0.1``).
* ``AKKOORD_SECURE_COOKIES``: ``0`` to allow cookies over plain HTTP (default: secure).
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/akkoord/web
DATA_DIR = Path(os.environ.get("AKKOORD_DATA_DIR", "var")).resolve()


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() not in ("0", "false", "no", "nee", "off")


SECRET_KEY = os.environ.get("AKKOORD_SECRET_KEY") or os.environ.get("DJANGO_SECRET_KEY") or ""
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("AKKOORD_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
                 if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("AKKOORD_CSRF_TRUSTED_ORIGINS", "").split(",")
                        if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "akkoord.web",
    "akkoord.web.dossiers",
    "akkoord.web.search",
    "akkoord.web.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "simple_history",
    "akkoord.web.formation",
    "akkoord.web.agreement",
    "akkoord.web.programmes",
    "akkoord.web.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "akkoord.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "akkoord.web.accounts.twofactor.RequireTwoFactorMiddleware",
    "akkoord.web.security.ConfidentialCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "akkoord.web.urls"
WSGI_APPLICATION = "akkoord.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "akkoord.web.dossiers.context_processors.workbench",
                "akkoord.web.formation.context_processors.formation_nav",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'akkoord.sqlite3'}",
        # Each worker thread keeps its connection (a new PostgreSQL connection per request
        # costs more than many pages); checked before reuse.
        conn_max_age=int(os.environ.get("AKKOORD_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if "sqlite" in DATABASES["default"]["ENGINE"]:
    # Readers never wait for a writer (WAL); a writer waits for another instead of failing
    # with "database is locked", and takes its write lock when its transaction starts.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("AKKOORD_SQLITE_TIMEOUT", "30")),
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes, accounts/throttle.py): AXES_FAILURE_LIMIT wrong passwords for
# one user name from one address lock that pair out for AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "akkoord.web.accounts.throttle.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AKKOORD_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AKKOORD_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "akkoord.web.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "akkoord.web.accounts.throttle.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AKKOORD_BEHIND_PROXY = env_flag("AKKOORD_BEHIND_PROXY", False)
# Two-step sign-in (django-otp TOTP, accounts/twofactor.py) for these roles; empty: nobody.
AKKOORD_2FA_ROLES = [r.strip() for r in os.environ.get("AKKOORD_2FA_ROLES", "").split(",") if r.strip()]
OTP_TOTP_ISSUER = "Akkoord"
# Passwords set from the shell or a command meet AUTH_PASSWORD_VALIDATORS too (accounts/passwords.py).
AKKOORD_VALIDATE_EVERY_PASSWORD = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dossiers:home"
LOGOUT_REDIRECT_URL = "dossiers:home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("AKKOORD_STATIC_ROOT") or None  # only for collectstatic; WhiteNoise serves from the apps
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve static files straight from the app directories: no collectstatic step needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

# Uploads: dossiers are at most a few MB; the readers refuse more than 40 MB anyway.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
AKKOORD_MAX_UPLOAD_BYTES = 40 * 1024 * 1024
# Uploads wait here while a child process reads them (dossiers/jobs.py); removed when done
# and, after a crash, at the next start. The child's limits: AKKOORD_READ_MEMORY_MB (1024)
# and AKKOORD_READ_SECONDS (120).
AKKOORD_UPLOAD_DIR = DATA_DIR / "uploads"
AKKOORD_READ_IN_BACKGROUND = True  # a server thread runs the child; the uploader's page shows progress
AKKOORD_READ_CONCURRENCY = int(os.environ.get("AKKOORD_READ_CONCURRENCY", "2"))  # reads at once per process
# Finished reading jobs (their result page) are deleted after this many days (dossiers/jobs.py).
AKKOORD_READ_JOB_RETENTION_DAYS = float(os.environ.get("AKKOORD_READ_JOB_RETENTION_DAYS", "3"))

# Security: dossiers are confidential until published.
SECURE_COOKIES = env_flag("AKKOORD_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("AKKOORD_BEHIND_PROXY", False) else None

# One cache for every worker process: whole pages for anonymous readers (web/pagecache.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
        "TIMEOUT": 60 * 60 * 24,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
AKKOORD_PAGE_CACHE = env_flag("AKKOORD_PAGE_CACHE", True)
# Signed-in readers: pages per reading scope, kept in each worker process's memory (pagecache.py).
AKKOORD_SCOPED_PAGE_CACHE_SIZE = int(os.environ.get("AKKOORD_SCOPED_PAGE_CACHE_SIZE", "300"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}


def require_secret_key(key: str) -> str:
    if not key:
        raise ImproperlyConfigured(
            "Geen geheime sleutel: zet AKKOORD_SECRET_KEY in de omgeving (of gebruik 'akkoord demo')."
        )
    return key
