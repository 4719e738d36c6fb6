"""Session fixtures: the sample dossier as Word and PDF files, built at test time.

See ``tests/fixtures_build.py`` for what the files contain and why.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from pathlib import Path

import fixtures_build
import pytest

from akkoord.dossier.sample import SAMPLE_GOLD_DIR, load_sample_gold


@pytest.fixture(scope="session")
def sample_gold():
    return load_sample_gold()


@pytest.fixture(scope="session")
def layout_fixtures(tmp_path_factory) -> dict[str, Path]:
    if fixtures_build.soffice() is None:
        pytest.fail("LibreOffice (soffice) is needed to render the PDF fixtures: "
                    "apt-get install libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("layout-fixtures")
    docx_path, raw_pdf, pdf = fixtures_build.build_fixtures(load_sample_gold(), out)
    return {"docx": docx_path, "pdf": pdf, "raw_pdf": raw_pdf, "dir": out}


@pytest.fixture(scope="session")
def scorer(shared_dir):
    """The shared scorer as a module (standard library only)."""
    path = shared_dir / "tools" / "score_dossier.py"
    spec = importlib.util.spec_from_file_location("score_dossier", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def score_against_sample(scorer, tmp_path_factory):
    """Field scores and ``overall`` of a dossier against the sample's gold, as the shared scorer
    prints them for the JSON export."""

    def score(dossier) -> dict[str, float]:
        from akkoord.dossier.exports.json_export import to_json

        path = tmp_path_factory.mktemp("score") / "export.json"
        path.write_text(to_json(dossier), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert scorer.main([str(path), str(SAMPLE_GOLD_DIR), "--json"]) == 0
        result = json.loads(out.getvalue())
        return {**result["fields"], "overall": result["overall"]}

    return score
