#!/usr/bin/env bash
# Create .venv and install Akkoord with the tested versions (constraints.txt).
# Usage: scripts/bootstrap.sh [EXTRAS]   e.g. scripts/bootstrap.sh dev
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "==> Virtuele omgeving aanmaken in .venv"
    "$python" -m venv .venv
fi
target="."
[ -n "$extras" ] && target=".[$extras]"
stamp=".venv/.installed-${extras:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
    echo "==> Akkoord en afhankelijkheden installeren (${extras:-basis})"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -c constraints.txt -e "$target"
    touch "$stamp"
fi
