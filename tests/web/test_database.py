"""The suite runs on the database DATABASE_URL names (the PostgreSQL run must not quietly use SQLite)."""
import os

from django.db import connection


def test_database_url_is_honoured():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
