"""Ingesting stores a new version, keeps the old one, records per fiche what changed, and audits."""
from __future__ import annotations

import copy

import pytest

from akkoord.dossier.errors import DossierError
from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion, Fiche
from akkoord.web.dossiers.services import ingest_file, set_status, version_diff
from webdata import base_fiches, fiche_dict, write_dossier

pytestmark = pytest.mark.django_db


def test_ingest_stores_fiches_in_order_with_their_data(dossier_file, compiler):
    version = ingest_file(dossier_file, compiler)
    assert version.number == 1 and version.status == DossierVersion.Status.CONCEPT
    assert version.dossier.slug == "lindeveen"
    assert version.uploaded_by == compiler
    fiches = list(version.fiches.order_by("position"))
    assert [f.code for f in fiches] == ["1A", "1B", "2A"]
    assert [f.chapter for f in fiches] == ["1", "1", "2"]
    assert fiches[1].ambitions == ["inclusief", "open"]
    model = fiches[0].to_model()
    assert model.sources[0].title == "Nota minimabeleid"
    assert model.partners[1] == "de Kredietbank Veenstreek"


def test_reingest_keeps_old_version_and_records_changes_per_fiche(tmp_path, compiler):
    first = ingest_file(write_dossier(tmp_path / "v1.json", base_fiches()), compiler)
    changed = copy.deepcopy(base_fiches())
    changed[0]["current_line"] = changed[0]["current_line"].replace("elk huishouden", "elk gezin")
    changed[0]["partners"].append("Humanitas")
    del changed[2]  # 2A removed
    changed.append(fiche_dict("3A", "Veiligheid"))
    second = ingest_file(write_dossier(tmp_path / "v2.json", changed), compiler)

    assert second.dossier_id == first.dossier_id and second.number == 2
    assert Fiche.objects.filter(version=first).count() == 3  # the old version is intact
    assert Fiche.objects.get(version=first, code="1A").data["current_line"].endswith("Tweede alinea.")
    diff = version_diff(second, first)
    assert diff["previous"] == 1
    assert diff["added"] == ["3A"] and diff["removed"] == ["2A"]
    assert diff["unchanged"] == 1  # 1B
    (change,) = diff["changed"]
    assert change["code"] == "1A"
    fields = {f["field"]: f for f in change["fields"]}
    assert set(fields) == {"current_line", "partners"}
    assert ["-", "huishouden."] in fields["current_line"]["segments"]
    assert ["+", "gezin."] in fields["current_line"]["segments"]
    assert fields["partners"]["added"] == ["Humanitas"] and fields["partners"]["removed"] == []


def test_ingest_and_status_changes_are_audited(dossier_file, compiler):
    version = ingest_file(dossier_file, compiler)
    set_status(version, "vrijgegeven", compiler)
    set_status(version, "vrijgegeven", compiler)  # no change, no event
    events = list(AuditEvent.objects.order_by("created_at", "id"))
    assert [e.action for e in events] == ["ingest", "status"]
    assert all(e.user == compiler and e.version == version for e in events)
    assert events[0].details["fiches"] == 3
    assert events[1].details == {"old": "concept", "new": "vrijgegeven"}
    assert "vrijgegeven" in events[1].description


def test_bad_file_raises_dutch_error_and_stores_nothing(tmp_path, compiler):
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    with pytest.raises(DossierError, match="leeg"):
        ingest_file(empty, compiler)
    broken = tmp_path / "kapot.json"
    broken.write_text('{"fiches": [{"title": "zonder code"}]}', encoding="utf-8")
    with pytest.raises(DossierError):
        ingest_file(broken, compiler)
    assert not Dossier.objects.exists() and not AuditEvent.objects.exists()


def test_duplicate_codes_produce_a_warning(tmp_path, compiler):
    fiches = base_fiches() + [fiche_dict("1A", "Dubbel")]
    version = ingest_file(write_dossier(tmp_path / "d.json", fiches), compiler)
    kinds = [w["kind"] for w in version.warnings]
    assert "duplicate-code" in kinds
