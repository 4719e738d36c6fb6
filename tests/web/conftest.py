"""Django tests of the workbench: settings, users in each role, small dossier files."""
from __future__ import annotations

from pathlib import Path

import pytest
from webdata import base_fiches, make_user, write_dossier


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Every test starts without cached pages (pagecache.py) or login lock-outs."""
    from django.core.cache import cache

    from akkoord.web import pagecache

    cache.clear()
    pagecache.clear_scoped()
    yield


@pytest.fixture
def dossier_file(tmp_path: Path) -> Path:
    return write_dossier(tmp_path / "dossier.json", base_fiches())


@pytest.fixture
def compiler(db):
    return make_user("ambtenaar1", "ambtenaar")


@pytest.fixture
def negotiator(db):
    return make_user("onderhandelaar1", "onderhandelaar")


@pytest.fixture
def formateur(db):
    return make_user("formateur1", "formateur")


@pytest.fixture
def outsider(db):
    return make_user("buitenstaander")


@pytest.fixture
def concept_version(db, dossier_file, compiler):
    from akkoord.web.dossiers.services import ingest_file

    return ingest_file(dossier_file, compiler)


@pytest.fixture
def released_version(concept_version, compiler):
    from akkoord.web.dossiers.services import set_status

    return set_status(concept_version, "vrijgegeven", compiler)


@pytest.fixture
def public_version(released_version, compiler):
    """The publication copy of the released version (the only way a version becomes public)."""
    from akkoord.web.dossiers.services import publish

    return publish(released_version, compiler)
