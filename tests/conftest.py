"""Fixtures every test module may use: where the shared material and the sample live."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared material not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def shared_dossier_path(shared_dir: Path) -> Path:
    return next((shared_dir / "dossiers").glob("*.txt"))


@pytest.fixture(scope="session")
def shared_gold_dir(shared_dir: Path) -> Path:
    return shared_dir / "gold" / "enschede-2026"


@pytest.fixture(scope="session")
def shared_schema(shared_dir: Path) -> dict:
    import json

    return json.loads((shared_dir / "spec" / "dossier.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def schema() -> dict:
    """The project's versioned copy of the shared schema (``spec/dossier.schema.json``):
    profile-defined ambition keys, optional profile, sections and agenda items."""
    import json

    root = Path(__file__).resolve().parent.parent
    return json.loads((root / "spec" / "dossier.schema.json").read_text(encoding="utf-8"))
