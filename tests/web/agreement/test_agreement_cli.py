"""`akkoord agreement export SLUG --format … -o FILE`."""
from __future__ import annotations

import io
import json

import pytest
from agreement_world import DECISION_TEXT, TABLE_WORD, build_world
from docx import Document
from icalendar import Calendar

from akkoord.agreement.exports.csv_zip import agreement_from_csv_zip
from akkoord.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cworld(tmp_path):
    return build_world(tmp_path)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md", "html", "json", "csv", "ics"])
def test_every_format_is_written(cworld, tmp_path, capsys, fmt):
    out = tmp_path / f"akkoord.{fmt}"
    assert main(["agreement", "export", cworld.formation.slug, "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert "geschreven naar" in capsys.readouterr().err
    if fmt == "docx":
        assert any(DECISION_TEXT in p.text for p in Document(io.BytesIO(data)).paragraphs)
    elif fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "csv":
        assert agreement_from_csv_zip(data).afspraken[0].decision.text in (DECISION_TEXT,
                                                                          "We zetten in op meer groen in de wijken.")
    elif fmt == "ics":
        assert Calendar.from_ical(data).walk("VEVENT")
    else:
        assert DECISION_TEXT in data.decode()
    assert TABLE_WORD.encode() not in data  # the command line shows no positions


def test_json_to_standard_output(cworld, capsys):
    assert main(["agreement", "export", cworld.formation.slug, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "akkoord-agreement/1"


@pytest.mark.parametrize("args, message", [
    (["onbekend", "--format", "md"], "bestaat niet"),
    (["SLUG", "--format", "pdf"], "geef met -o een bestand op"),
    (["SLUG", "--format", "md", "--versie", "7"], "geen versie 7"),
    (["SLUG", "--format", "md", "-o", "/geen/map/akkoord.md"], "kan niet geschreven worden"),
])
def test_bad_input_is_one_dutch_line(cworld, capsys, args, message):
    args = [a.replace("SLUG", cworld.formation.slug) for a in args]
    assert main(["agreement", "export"] + args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
