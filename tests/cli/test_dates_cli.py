"""`akkoord dates`: one text per line in, one JSON array per line out."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys

import pytest


def run_dates(stdin: bytes, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "akkoord", "dates", *options], input=stdin,
                          capture_output=True, timeout=120, env=env)


def output_lines(result: subprocess.CompletedProcess) -> list[list[dict]]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def test_one_array_per_input_line():
    lines = ["Eind 2026 (bij de afronding juli 2026)", "", "n.v.t. vastgesteld",
             "van 1 januari 2025 t/m 31 december 2028", "okt/nov 2026", "€ 2.026 voor DFB 2.0"]
    result = run_dates(("\n".join(lines) + "\n").encode("utf-8"), "--term-start", "2026-05-01")
    assert result.returncode == 0, result.stderr
    assert output_lines(result) == [
        [{"text": "Eind 2026", "start": "2026-10-01", "end": "2026-12-31"},
         {"text": "juli 2026", "start": "2026-07-01", "end": "2026-07-31"}],
        [],
        [],
        [{"text": "van 1 januari 2025 t/m 31 december 2028", "start": "2025-01-01", "end": "2028-12-31"}],
        [{"text": "okt/nov 2026", "start": "2026-10-01", "end": "2026-11-30"}],
        [],
    ]


def test_relative_mentions_use_the_term_start_option():
    text = "Bij de start van de nieuwe coalitie\n"
    assert output_lines(run_dates(text.encode(), "--term-start", "2030-03-15")) == [
        [{"text": "start van de nieuwe coalitie", "start": "2030-03-15", "end": "2030-06-14",
          "relative": True}]]
    assert output_lines(run_dates(text.encode(), "--year", "2022")) == [
        [{"text": "start van de nieuwe coalitie", "start": "2022-05-01", "end": "2022-07-31",
          "relative": True}]]
    year = dt.date.today().year
    assert output_lines(run_dates(text.encode())) == [
        [{"text": "start van de nieuwe coalitie", "start": f"{year}-05-01", "end": f"{year}-07-31",
          "relative": True}]]


def test_windows_line_ends_and_a_missing_last_newline():
    result = run_dates(b"Q2 2026\r\nmedio 2028")
    assert output_lines(result) == [
        [{"text": "Q2 2026", "start": "2026-04-01", "end": "2026-06-30"}],
        [{"text": "medio 2028", "start": "2028-05-01", "end": "2028-08-31"}],
    ]


def test_binary_noise_and_a_very_long_line_give_one_empty_array_each():
    rng = random.Random(3)
    noise = bytes(b for b in (rng.getrandbits(8) for _ in range(200_000)) if b != 0x0A)
    long_line = b"x1-" * 400_000  # 1.2 MB
    result = run_dates(noise + b"\n" + long_line + b"\n" + "31-12-28\n".encode())
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    lines = output_lines(result)
    assert len(lines) == 3
    assert lines[1] == []
    assert lines[2] == [{"text": "31-12-28", "start": "2028-12-31", "end": "2028-12-31"}]
    assert all(m["start"] <= m["end"] for m in lines[0])


def test_no_input_no_output():
    result = run_dates(b"")
    assert result.returncode == 0
    assert result.stdout == b""


@pytest.mark.parametrize("options, message", [
    (("--term-start", "2026-13-01"), "geen geldige datum"),
    (("--term-start", "morgen"), "geen geldige datum"),
    (("--year", "twintig"), "geen jaartal"),
    (("--year", "3050"), "ligt niet tussen 1900 en 2100"),
])
def test_bad_options_give_a_dutch_message_and_exit_2(options, message):
    result = run_dates(b"2026\n", *options)
    assert result.returncode == 2
    stderr = result.stderr.decode("utf-8")
    assert message in stderr
    assert "Traceback" not in stderr
    assert result.stdout == b""
