"""The text reader on real and sample dossiers: scored by the shared scorer, valid export.

The shared Enschede dossier is read from ../shared at run time (never copied into the
repository); the sample dossier of a fictional municipality is a second, independent test
of generality.
"""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from akkoord.dossier.exports.json_export import to_json
from akkoord.dossier.readers.text import read_text_file
from akkoord.dossier.sample import SAMPLE_GOLD_DIR, SAMPLE_TEXT_PATH


def _score(shared_dir, export_path, gold_dir) -> dict:
    scorer = shared_dir / "tools" / "score_dossier.py"
    out = subprocess.run([sys.executable, str(scorer), str(export_path), str(gold_dir), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def shared_result(shared_dossier_path):
    return read_text_file(shared_dossier_path)


def test_shared_dossier_scores_above_the_bar(shared_result, shared_dir, shared_gold_dir, tmp_path):
    export = tmp_path / "export.json"
    export.write_text(to_json(shared_result.dossier), encoding="utf-8")
    result = _score(shared_dir, export, shared_gold_dir)
    assert result["overall"] >= 0.95, result
    low = {field: score for field, score in result["fields"].items() if score < 0.90}
    assert not low, f"fields below 0.90: {low}"
    assert not result["spurious"]


def test_shared_dossier_export_validates_against_the_schema(shared_result, schema):
    data = json.loads(to_json(shared_result.dossier))
    jsonschema.validate(data, schema)
    assert len(data["fiches"]) == 30
    assert data["municipality"] == "Enschede"


def test_shared_dossier_reads_without_damaged_fiches(shared_result):
    kinds = {w.kind for w in shared_result.warnings}
    assert "damaged-fiche" not in kinds
    assert all(w.message for w in shared_result.warnings)


def test_sample_dossier_scores_above_the_bar(shared_dir, tmp_path):
    result = read_text_file(SAMPLE_TEXT_PATH)
    export = tmp_path / "sample.json"
    export.write_text(to_json(result.dossier), encoding="utf-8")
    scored = _score(shared_dir, export, SAMPLE_GOLD_DIR)
    assert scored["overall"] >= 0.95, scored
    assert result.dossier.municipality == "Lindeveen"
