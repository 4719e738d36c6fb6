"""The Django shell around the pure core: storage, search, pages."""
from __future__ import annotations

import os


def setup(settings_module: str = "akkoord.web.settings.dev") -> None:
    """Configure Django for a command-line entry point (keeps a DJANGO_SETTINGS_MODULE already set)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    # The database file, its journal and uploads are confidential: readable by this user only.
    os.umask(0o077)
    import django

    django.setup()
