#!/usr/bin/env bash
# Install Akkoord and start the workbench on the bundled sample dossier (SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/akkoord demo "$@"
