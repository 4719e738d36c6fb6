"""Item 10: a file is read in a child process with hard limits; a bad file kills only that
process, and the parent hears one Dutch line."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest
from zipbomb import write_bomb

from akkoord.dossier.errors import DossierError, ReaderTimeout
from akkoord.dossier.isolation import Limits, read_isolated
from akkoord.dossier.readers import read_path
from akkoord.dossier.sample import SAMPLE_TEXT_PATH


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_child_reads_the_same_dossier_as_the_reader():
    isolated = read_isolated(SAMPLE_TEXT_PATH, Limits(512, 60))
    direct = read_path(SAMPLE_TEXT_PATH)
    assert isolated.reader == direct.reader
    assert [f.to_dict() for f in isolated.dossier.fiches] == [f.to_dict() for f in direct.dossier.fiches]
    assert [w.to_dict() for w in isolated.warnings] == [w.to_dict() for w in direct.warnings]


def test_pdf_progress_is_reported_page_by_page(layout_fixtures):
    seen = []
    result = read_isolated(layout_fixtures["pdf"], Limits(1024, 120), lambda *p: seen.append(p))
    assert result.reader == "pdf" and result.dossier.fiches
    assert seen, "no progress reported"
    total = seen[-1][1]
    assert total > 1 and [done for done, _, _ in seen] == list(range(total))
    assert {unit for _, _, unit in seen} == {"pagina's"}


def test_zip_bomb_kills_only_the_child(tmp_path):
    bomb = write_bomb(tmp_path / "bom.docx", 120)  # under the unpacked-size check: the limit must hold
    assert bomb.stat().st_size < 1024 * 1024
    before = _peak_mb()
    with pytest.raises(DossierError) as caught:
        read_isolated(bomb, Limits(memory_mb=400, seconds=60))
    assert "bom.docx" in str(caught.value) and "\n" not in str(caught.value)
    assert _peak_mb() - before < 100  # the parent never held the unpacked document


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    with pytest.raises(DossierError, match="uitgepakt"):
        read_path(write_bomb(tmp_path / "bom.docx", 199))


def test_wall_clock_limit_ends_a_hanging_read(tmp_path):
    fifo = tmp_path / "hangt.txt"
    os.mkfifo(fifo)  # opening it blocks forever: nobody writes
    with pytest.raises(ReaderTimeout, match="afgebroken"):
        read_isolated(fifo, Limits(memory_mb=512, seconds=1))


@pytest.fixture
def deep_json(tmp_path):
    path = tmp_path / "diep.json"
    path.write_text('{"fiches": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    return path


def test_deeply_nested_json_is_one_dutch_line(deep_json):
    with pytest.raises(DossierError, match="te diep genest"):
        read_path(deep_json)
    with pytest.raises(DossierError, match="te diep genest"):
        read_isolated(deep_json, Limits(512, 30))


def test_deeply_nested_json_on_the_command_line(deep_json):
    run = subprocess.run([sys.executable, "-m", "akkoord", "parse", str(deep_json)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and "RecursionError" not in run.stderr
    assert run.stderr.strip().count("\n") == 0 and "genest" in run.stderr


def test_bad_limits_in_the_environment_are_a_dutch_error(monkeypatch):
    monkeypatch.setenv("AKKOORD_READ_MEMORY_MB", "veel")
    with pytest.raises(DossierError, match="AKKOORD_READ_MEMORY_MB"):
        Limits.from_environment()
    assert json.dumps(Limits(1, 2).__dict__)
