"""Tests: fast password hashing, plain-HTTP cookies; the database as in base (DATABASE_URL or SQLite)."""
from akkoord.web.settings.base import *  # noqa: F401,F403

SECRET_KEY = "akkoord-test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AKKOORD_READ_IN_BACKGROUND = False  # uploads are read (in a child process) within the request
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "akkoord-tests"}}
AKKOORD_VALIDATE_EVERY_PASSWORD = False  # test users may have short passwords; tests/web/test_login_security.py checks it

# The public PDF is rendered once and kept (dossiers/publication.py): in tests, outside the repository.
import tempfile as _tempfile  # noqa: E402

AKKOORD_PUBLICATION_DIR = _tempfile.mkdtemp(prefix="akkoord-test-publicaties-")

# SQLite tests use a database file, as production does, not Django's shared in-memory database:
# background threads (upload jobs) then wait for the write lock (WAL, busy timeout) instead of
# failing with "database table is locked", which shared-cache memory databases raise at once.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    import os as _os

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": _os.path.join(_tempfile.mkdtemp(prefix="akkoord-test-db-"), "test.sqlite3")}
