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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "akkoord.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "akkoord.web.security.ConfidentialCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'akkoord.sqlite3'}",
        conn_max_age=int(os.environ.get("AKKOORD_DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
