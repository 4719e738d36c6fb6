"""Bad and unusual input through the command line: decoded and parsed, or refused with a
clear one-line Dutch message and a non-zero exit, never a traceback."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "waterbeek-mini.txt"


def run_parse(path: Path, *extra: str, module: bool = True) -> subprocess.CompletedProcess:
    if module:
        cmd = [sys.executable, "-m", "akkoord", "parse", str(path), *extra]
    else:
        cmd = [str(Path(sys.executable).parent / "akkoord"), "parse", str(path), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def assert_refused(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0]


def codes(proc: subprocess.CompletedProcess) -> list[str]:
    assert proc.returncode == 0, proc.stderr
    return [f["code"] for f in json.loads(proc.stdout)["fiches"]]


@pytest.fixture(scope="module")
def reference() -> dict:
    proc = run_parse(MINI, "--quiet")
    return json.loads(proc.stdout)


def test_both_entry_points_work(tmp_path):
    assert codes(run_parse(MINI, "--quiet")) == ["1A", "1B"]
    if shutil.which("akkoord", path=str(Path(sys.executable).parent)):
        assert codes(run_parse(MINI, "--quiet", module=False)) == ["1A", "1B"]


def test_cp1252_file_is_decoded_like_utf8(tmp_path, reference):
    path = tmp_path / "cp1252.txt"
    text = MINI.read_text(encoding="utf-8").replace("\uf0b7", "\u2022")  # cp1252 has no private-use glyphs
    path.write_bytes(text.encode("cp1252"))
    data = json.loads(run_parse(path, "--quiet").stdout)
    assert data["fiches"][0]["partners"] == reference["fiches"][0]["partners"]
    assert data["fiches"][1]["policy_areas"] == reference["fiches"][1]["policy_areas"]
    # bullets (• in Windows-1252) become the same paragraphs as the private-use glyphs
    assert data["fiches"][0]["current_line"] == reference["fiches"][0]["current_line"]
    assert [f["title"] for f in data["fiches"]] == [f["title"] for f in reference["fiches"]]


def test_byte_order_marks_are_handled(tmp_path, reference):
    text = MINI.read_text(encoding="utf-8")
    for name, data in (("utf8-bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
                       ("utf16.txt", text.encode("utf-16"))):
        path = tmp_path / name
        path.write_bytes(data)
        parsed = json.loads(run_parse(path, "--quiet").stdout)
        assert parsed["fiches"] == reference["fiches"], name


def test_windows_line_endings(tmp_path, reference):
    path = tmp_path / "crlf.txt"
    path.write_bytes(MINI.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert json.loads(run_parse(path, "--quiet").stdout)["fiches"] == reference["fiches"]


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    assert_refused(run_parse(path), "leeg")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "spaties.txt"
    path.write_bytes(b"  \n\n \t\n")
    assert_refused(run_parse(path), "leeg")


def test_binary_file(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 40)
    assert_refused(run_parse(path), "binair")


def test_invalid_utf8_noise(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "ruis.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(20_000)))
    assert_refused(run_parse(path), "ruis.txt")


def test_random_prose_is_not_a_dossier(tmp_path):
    path = tmp_path / "verhaal.txt"
    path.write_text("Het regende die dag in de stad en iedereen bleef binnen.\n" * 200, encoding="utf-8")
    assert_refused(run_parse(path), "geen formatiedossier", "Onderwerp")


def test_fifty_megabytes_is_refused_cleanly(tmp_path):
    path = tmp_path / "groot.txt"
    with path.open("wb") as handle:
        block = b"Onderwerp 1A Iets\n" + b"tekst " * 170_000 + b"\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
    assert_refused(run_parse(path), "te groot")


def test_missing_file():
    assert_refused(run_parse(Path("/nonexistent/dossier.txt")), "bestaat niet")


def test_one_damaged_fiche_named_others_parsed(tmp_path):
    proc = run_parse(MINI)
    assert codes(proc) == ["1A", "1B"]
    assert "2A" in proc.stderr and "onleesbaar" in proc.stderr


def test_unplaced_text_reported_on_stderr(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace(
        "\nOpgave\nAantrekkelijk Waterbeek X",
        "\nEen losse zin die bij geen enkel veld hoort.\n\nOpgave\nAantrekkelijk Waterbeek X")
    path = tmp_path / "los.txt"
    path.write_text(text, encoding="utf-8")
    proc = run_parse(path)
    assert codes(proc) == ["1A", "1B"]
    assert "kon niet worden geplaatst" in proc.stderr
