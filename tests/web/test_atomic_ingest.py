"""Item 12: a version is stored and indexed, or neither; SQLite takes concurrent ingests."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from webdata import base_fiches, fiche_dict, write_dossier

from akkoord.dossier.errors import DossierError
from akkoord.web.dossiers.models import AuditEvent, DossierVersion
from akkoord.web.search.models import Document


def _broken_index(version):
    raise RuntimeError("index down")


@pytest.mark.django_db
@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_failing_index_stores_nothing(monkeypatch, dossier_file, compiler, interruption):
    from akkoord.web.dossiers import services
    from akkoord.web.search import indexing

    def broken(version):
        raise interruption("weg")

    monkeypatch.setattr(indexing, "index_version", broken)
    with pytest.raises((DossierError, KeyboardInterrupt)):
        services.ingest_file(dossier_file, compiler)
    assert not DossierVersion.objects.exists()
    assert not AuditEvent.objects.filter(action="ingest").exists()


@pytest.mark.django_db
def test_every_stored_version_is_searchable(dossier_file, compiler):
    from akkoord.web.dossiers.services import ingest_file

    version = ingest_file(dossier_file, compiler)
    assert Document.objects.filter(version=version).count() == version.fiches.count() == 3


@pytest.mark.django_db
def test_failing_index_leaves_the_status_as_it_was(monkeypatch, concept_version, compiler):
    from akkoord.web.dossiers import services
    from akkoord.web.search import indexing

    monkeypatch.setattr(indexing, "index_version", _broken_index)
    with pytest.raises(DossierError):
        services.set_status(concept_version, "vrijgegeven", compiler)
    assert concept_version.status == "concept"
    concept_version.refresh_from_db()
    assert concept_version.status == "concept"
    assert not AuditEvent.objects.filter(action="status").exists()


@pytest.mark.django_db
def test_failing_index_publishes_nothing(monkeypatch, released_version, compiler):
    from akkoord.web.dossiers import services
    from akkoord.web.search import indexing

    monkeypatch.setattr(indexing, "index_version", _broken_index)
    with pytest.raises(DossierError):
        services.publish(released_version, compiler)
    assert not DossierVersion.objects.filter(status="openbaar").exists()
    assert not AuditEvent.objects.filter(action="publish").exists()


def _cli(args, data_dir):
    env = dict(os.environ, AKKOORD_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="akkoord.web.settings.dev")
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "akkoord", *args], capture_output=True, text=True, env=env,
                          timeout=180)


def test_concurrent_ingests_on_sqlite_all_succeed_in_wal_mode(tmp_path):
    data = tmp_path / "var"
    first = write_dossier(tmp_path / "d0.json", base_fiches())
    assert _cli(["ingest", str(first), "--migrate", "--quiet"], data).returncode == 0
    files = []
    for n in range(1, 5):
        fiches = base_fiches() + [fiche_dict(f"{n + 2}A", f"Onderwerp {n}", current_line="Tekst " * 400)]
        files.append(write_dossier(tmp_path / f"d{n}.json", fiches, municipality=f"Gemeente{n}"))
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda f: _cli(["ingest", str(f), "--quiet"], data), files))
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "locked" not in run.stderr
    with sqlite3.connect(data / "akkoord.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = db.execute("SELECT COUNT(*) FROM dossiers_dossierversion").fetchone()[0]
        indexed = db.execute("SELECT COUNT(DISTINCT version_id) FROM search_document").fetchone()[0]
    assert versions == indexed == 5
