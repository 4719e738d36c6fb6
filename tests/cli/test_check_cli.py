"""`akkoord check` and `akkoord export [--publish]` on dossiers written for these tests."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest

from akkoord.cli import main

PUBLIC = "https://raad.voorbeeldstad.nl/Document/View/8f1c"
SAFELINK = ("https://eur01.safelinks.protection.outlook.com/?url=" + quote(PUBLIC, safe="")
            + "&data=05%7C02%7Cj.devries%40voorbeeldstad.nl%7C1&sdata=x%3D&reserved=0")


def fiche(code: str, **changes) -> dict:
    data = {
        "code": code, "title": f"Onderwerp {code}", "ambitions": ["inclusief"],
        "current_line": "We voeren het beleid uit.",
        "sources": [{"title": "Nota 2024", "end_date": "2028"}],
        "adjustment_moment": "Voorjaarsnota 2027.", "external_changes": "Het Rijk herziet de regeling.",
        "partners": ["Voedselbank"], "advice": ["Kiest u voor uitbreiding?"],
        "policy_areas": [{"area": "Zorg", "opportunity": "X", "risk": ""}],
        "links": ["https://www.rijksoverheid.nl/onderwerpen/armoede"], "footnotes": [], "related": [],
    }
    data.update(changes)
    return data


def write_dossier(path: Path, *fiches: dict) -> Path:
    path.write_text(json.dumps({"municipality": "Voorbeeldstad", "title": "Testdossier", "fiches": list(fiches)},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def problem_dossier(tmp_path) -> Path:
    return write_dossier(
        tmp_path / "dossier.json",
        fiche("1A", sources=[{"title": "Woonvisie", "end_date": "xx"}], links=[SAFELINK]),
        fiche("1B", ambitions=[]),
        fiche("2A"),
    )


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class TestCheck:
    def test_clean_dossier_exits_zero(self, tmp_path, capsys):
        path = write_dossier(tmp_path / "schoon.json", fiche("1A"), fiche("1B", related=["1A"]))
        code, out, err = run(capsys, "check", str(path), "--today", "2026-04-01")
        assert code == 0
        assert out.strip() == "Geen bevindingen."
        assert "JSON-lezer: 2 fiches" in err

    def test_findings_grouped_per_fiche_with_summary_and_exit_one(self, problem_dossier, capsys):
        code, out, _ = run(capsys, "check", str(problem_dossier), "--today", "2026-04-01")
        assert code == 1
        lines = out.splitlines()
        heading_1a = lines.index("Fiche 1A Onderwerp 1A")
        heading_1b = lines.index("Fiche 1B Onderwerp 1B")
        block_1a = lines[heading_1a + 1:heading_1b]
        assert any(line.split()[0] == "blokkerend" and "Terug te lezen in:" in line and "'xx'" in line
                   for line in block_1a)
        assert any(line.split()[0] == "waarschuwing" and "Links:" in line and PUBLIC in line for line in block_1a)
        assert any(line.split()[0] == "waarschuwing" and "Opgave:" in line for line in lines[heading_1b + 1:])
        assert "Fiche 2A" not in out
        assert lines[-1] == "4 bevindingen in 2 fiches: 2 blokkerend, 2 waarschuwingen, 0 ter informatie."

    def test_json_output(self, problem_dossier, capsys):
        code, out, _ = run(capsys, "check", str(problem_dossier), "--json", "--today", "2026-04-01", "--quiet")
        assert code == 1
        findings = json.loads(out)
        assert {tuple(sorted(f)) for f in findings} == {
            ("fiche", "field", "message", "rule", "severity", "suggestion", "value")}
        by_rule = {f["rule"]: f for f in findings}
        assert by_rule["placeholder-end-date"] == {**by_rule["placeholder-end-date"], "fiche": "1A",
                                                   "field": "sources", "severity": "blokkerend", "value": "xx"}
        assert by_rule["safe-link"]["suggestion"] == PUBLIC
        assert by_rule["no-ambition"]["fiche"] == "1B"

    def test_warnings_only_exit_zero(self, tmp_path, capsys):
        path = write_dossier(tmp_path / "w.json", fiche("1A", ambitions=[]))
        code, out, _ = run(capsys, "check", str(path), "--today", "2026-04-01")
        assert code == 0 and "waarschuwing" in out

    def test_today_decides_passed_end_dates(self, tmp_path, capsys):
        path = write_dossier(tmp_path / "d.json", fiche("1A"))
        assert run(capsys, "check", str(path), "--today", "2029-01-01")[1].count("verstreken") == 1
        assert "verstreken" not in run(capsys, "check", str(path), "--today", "2028-12-31")[1]

    @pytest.mark.parametrize("content,fragment", [
        ('{"fiches": [', "geen geldige JSON"),
        ('{"fiches": [{"title": "zonder code"}]}', "heeft geen code"),
        ('{"fiches": [{"code": "1A", "links": "https://x.nl"}]}', "'links' moet een lijst"),
        ('{"name": "iets anders"}', "geen dossier-export"),
    ])
    def test_unreadable_input_exits_two_with_a_dutch_line(self, tmp_path, capsys, content, fragment):
        path = tmp_path / "kapot.json"
        path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "check", str(path))
        assert code == 2 and out == ""
        assert fragment in err and "Traceback" not in err and len(err.strip().splitlines()) == 1

    def test_missing_file_and_bad_date(self, tmp_path, problem_dossier, capsys):
        code, _, err = run(capsys, "check", str(tmp_path / "bestaat-niet.json"))
        assert code == 2 and "bestaat niet" in err
        code, _, err = run(capsys, "check", str(problem_dossier), "--today", "1-4-2026")
        assert code == 2 and "JJJJ-MM-DD" in err


class TestExport:
    def test_plain_export_keeps_everything(self, problem_dossier, capsys):
        code, out, _ = run(capsys, "export", str(problem_dossier))
        assert code == 0
        data = json.loads(out)
        assert data["fiches"][0]["links"] == [SAFELINK]
        assert data["fiches"][0]["sources"][0]["end_date"] == "xx"

    def test_publish_cleans_and_lists_changes(self, problem_dossier, capsys):
        code, out, err = run(capsys, "export", str(problem_dossier), "--publish")
        assert code == 0
        data = json.loads(out)
        assert data["fiches"][0]["links"] == [PUBLIC]
        assert data["fiches"][0]["sources"][0]["end_date"] == ""
        assert "Publicatieversie: 2 wijzigingen." in err
        assert "fiche 1A, Links: link van Microsoft Safe Links uitgepakt" in err
        assert "fiche 1A, Terug te lezen in: tijdelijke einddatum 'xx'" in err

    def test_publish_exits_one_when_blocking_findings_remain(self, tmp_path, capsys):
        path = write_dossier(tmp_path / "d.json", fiche("1A", sources=[{"title": "Visie", "end_date": "3050"}]))
        out_file = tmp_path / "publicatie.json"
        code, out, err = run(capsys, "export", str(path), "--publish", "-o", str(out_file))
        assert code == 1 and out == ""
        assert json.loads(out_file.read_text(encoding="utf-8"))["fiches"][0]["sources"][0]["end_date"] == "3050"
        assert "Nog niet klaar voor publicatie: 1 blokkerende bevinding" in err
        assert "fiche 1A, Terug te lezen in:" in err

    def test_publish_markdown(self, problem_dossier, tmp_path, capsys):
        out_file = tmp_path / "publicatie.md"
        code, _, _ = run(capsys, "export", str(problem_dossier), "--publish", "--format", "markdown",
                         "-o", str(out_file))
        text = out_file.read_text(encoding="utf-8")
        assert code == 0
        assert PUBLIC in text and "safelinks" not in text and "j.devries" not in text
