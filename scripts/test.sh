#!/usr/bin/env bash
# Install everything the tests need and run the full suite twice: on SQLite, then on a
# throw-away PostgreSQL server. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-packages.sh
scripts/bootstrap.sh dev
export PYTHONDONTWRITEBYTECODE=1

echo "==> Testsuite op SQLite"
.venv/bin/python -m pytest "$@"

echo "==> Testsuite op PostgreSQL"
trap 'scripts/postgres.sh stop' EXIT
DATABASE_URL=$(scripts/postgres.sh start) .venv/bin/python -m pytest "$@"
