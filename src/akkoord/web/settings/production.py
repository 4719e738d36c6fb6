"""Settings for a real installation (`akkoord serve`): no defaults for secrets."""
import os

from akkoord.web.settings.base import *  # noqa: F401,F403
from akkoord.web.settings.base import SECRET_KEY, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)

# Confidential dossiers (BIO): two-step sign-in for every role that reads them, unless
# AKKOORD_2FA_ROLES says otherwise (set it empty to switch it off).
AKKOORD_2FA_ROLES = [r.strip() for r in os.environ.get("AKKOORD_2FA_ROLES", "ambtenaar,onderhandelaar,formateur")
                     .split(",") if r.strip()]
