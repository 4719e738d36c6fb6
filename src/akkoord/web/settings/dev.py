"""Development and demo: a fixed development key unless one is given, plain-HTTP cookies."""
import os

from akkoord.web.settings.base import *  # noqa: F401,F403
from akkoord.web.settings.base import SECRET_KEY, env_flag

SECRET_KEY = SECRET_KEY or "akkoord-dev-only-not-secret-7f3c9a1e5b"
DEBUG = env_flag("AKKOORD_DEBUG", False)
SESSION_COOKIE_SECURE = env_flag("AKKOORD_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("AKKOORD_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
                 if h.strip()]
