#!/usr/bin/env bash
# Install everything the tests need and run the full suite: once on SQLite, then the
# database-backed tests again on a throw-away PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh
scripts/bootstrap.sh dev
export PYTHONDONTWRITEBYTECODE=1

echo "==> Testsuite op SQLite"
.venv/bin/python -m pytest "$@"

echo "==> Databasetests op PostgreSQL"
trap 'scripts/postgres.sh stop' EXIT
DATABASE_URL=$(scripts/postgres.sh start) .venv/bin/python -m pytest tests/web -m "not browser" "$@"
