"""Settings for a real installation (`akkoord serve`): no defaults for secrets."""
from akkoord.web.settings.base import *  # noqa: F401,F403
from akkoord.web.settings.base import SECRET_KEY, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)
