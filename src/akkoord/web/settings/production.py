"""Settings for a real installation (`akkoord serve`): no defaults for secrets; HTTPS enforced.

With secure cookies on (the default) every plain-HTTP request is redirected to HTTPS and
browsers are told to keep to HTTPS (HSTS). Behind a reverse proxy that terminates TLS, set
``AKKOORD_BEHIND_PROXY=1`` so that Django trusts its ``X-Forwarded-Proto`` header.
``manage.py check --deploy`` is clean with these settings.
"""
import os

from akkoord.web.settings.base import *  # noqa: F401,F403
from akkoord.web.settings.base import SECRET_KEY, SECURE_COOKIES, env_flag, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)

# Confidential dossiers (BIO): two-step sign-in for every role that reads them, unless
# AKKOORD_2FA_ROLES says otherwise (set it empty to switch it off).
AKKOORD_2FA_ROLES = [r.strip() for r in os.environ.get("AKKOORD_2FA_ROLES", "ambtenaar,onderhandelaar,formateur")
                     .split(",") if r.strip()]
if SECURE_COOKIES:
    SECURE_SSL_REDIRECT = env_flag("AKKOORD_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("AKKOORD_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("AKKOORD_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("AKKOORD_HSTS_PRELOAD", True)
