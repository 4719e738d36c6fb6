"""The monitoring core: statuses, overdue, roll-up and the bulk CSV, without a database."""
from __future__ import annotations

from datetime import date

import pytest

from akkoord.monitoring import bulk, rollup
from akkoord.monitoring.status import BY_KEY, STATUSES, is_overdue, parse_status

CURRENT = {
    "A1": bulk.Current("A1", "Meer sociale huurwoningen", "gestart", None, "Eerste locaties gekozen"),
    "A2": bulk.Current("A2", "Schuldhulp zonder wachtlijst", "op-schema", 40),
    "A3": bulk.Current("A3", "Laadpalen in elke wijk", "niet-gestart", None),
}


def csv_bytes(*lines: str, delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    header = delimiter.join(("id", "titel", "status", "voortgang", "toelichting", "bewijs"))
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


def test_every_status_has_a_dutch_definition_and_the_eight_of_the_issue_exist():
    assert [s.label for s in STATUSES] == ["niet gestart", "gestart", "op schema", "vertraagd",
                                           "deels gerealiseerd", "gerealiseerd", "gewijzigd", "losgelaten"]
    assert all(len(s.definition) > 30 for s in STATUSES)
    assert parse_status("Op Schema").key == "op-schema" and parse_status("deels_gerealiseerd").key == "deels-gerealiseerd"
    assert parse_status("klaar") is None


def test_overdue_only_when_past_the_deadline_and_not_done():
    today = date(2028, 6, 1)
    assert is_overdue("op-schema", date(2028, 5, 31), today)
    assert not is_overdue("op-schema", date(2028, 6, 1), today)
    assert not is_overdue("gerealiseerd", date(2027, 1, 1), today)
    assert not is_overdue("losgelaten", date(2027, 1, 1), today)
    assert not is_overdue("vertraagd", None, today)


def test_roll_up_is_the_weighted_mean_and_leaves_out_abandoned_commitments():
    items = [(rollup.Item("a", "gerealiseerd"), "wonen", "Wonen"),
             (rollup.Item("b", "op-schema", progress=20, weight=3), "wonen", "Wonen"),
             (rollup.Item("c", "losgelaten", progress=90), "wonen", "Wonen"),
             (rollup.Item("d", "niet-gestart"), "zorg", "Zorg")]
    wonen, zorg = rollup.roll_up(items)
    assert wonen.progress == pytest.approx((1 * 100 + 3 * 20) / 4, abs=0.05)
    assert wonen.left_out == 1 and wonen.counts["losgelaten"] == 1 and wonen.total == 3
    assert zorg.progress == 0
    assert rollup.overall([wonen, zorg]) == pytest.approx((100 + 60 + 0) / 5, abs=0.05)
    assert any("Σ(gewicht × voortgang)" in line for line in rollup.formula_lines())


def test_import_plan_shows_changes_and_ignores_rows_that_change_nothing():
    plan = bulk.plan_import(csv_bytes(
        "A1,Meer sociale huurwoningen,op schema,35,Bouw begonnen,",
        "A2,Schuldhulp zonder wachtlijst,op-schema,40,,",
        "A3,Laadpalen,niet gestart,,,"), CURRENT)
    assert plan.ok and plan.unchanged == 2
    (change,) = plan.changes
    assert (change.id, change.old_status, change.new_status, change.new_progress) == ("A1", "gestart", "op-schema", 35)
    assert change.text == "Bouw begonnen"


def test_semicolons_and_a_byte_order_mark_are_read():
    data = b"\xef\xbb\xbf" + csv_bytes("A2;x;vertraagd;30;Aanbesteding mislukt;", delimiter=";")
    plan = bulk.plan_import(data, CURRENT)
    assert plan.ok and plan.changes[0].new_status == "vertraagd"


@pytest.mark.parametrize("line, fragment", [
    ("A9,?,gestart,,,", "onbekende afspraak 'A9'"),
    ("A1,?,bijna klaar,,,", "onbekende status 'bijna klaar'"),
    ("A1,?,gestart,150,,", "voortgang '150'"),
    ("A1,?,gerealiseerd,100,Klaar,", "hoort bewijs"),
    ("A1,?,losgelaten,,,", "raadsbesluit"),
    ("A1,?,gestart", "kolommen in plaats van"),
])
def test_bad_rows_are_refused_with_their_line_number(line, fragment):
    plan = bulk.plan_import(csv_bytes("A2,x,op schema,45,,", line), CURRENT)
    assert not plan.ok
    (error,) = plan.errors
    assert error.line == 3 and fragment in error.message


def test_duplicated_rows_are_refused():
    plan = bulk.plan_import(csv_bytes("A1,x,op schema,,,", "A1,x,vertraagd,,,"), CURRENT)
    assert [str(e) for e in plan.errors] == ["regel 3: afspraak A1 staat ook al op regel 2."]


def test_wrong_delimiter_and_encoding_are_refused_as_a_whole():
    tabs_as_pipes = csv_bytes("A1|x|gestart|||", delimiter="|")
    assert "kopregel" in bulk.plan_import(tabs_as_pipes, CURRENT).errors[0].message
    latin = csv_bytes("A1,Wij zetten in op één plan,gestart,,Toelichting met é,", encoding="cp1252")
    plan = bulk.plan_import(latin, CURRENT)
    assert not plan.ok and "UTF-8" in plan.errors[0].message
    assert "leeg" in bulk.plan_import(b"  \n", CURRENT).errors[0].message


def test_export_reads_back_as_no_change():
    rows = [{"id": c.id, "titel": c.title, "status": BY_KEY[c.status].label, "voortgang": c.progress,
             "toelichting": c.latest_text} for c in CURRENT.values()]
    plan = bulk.plan_import(bulk.export_rows(rows).encode("utf-8"), CURRENT)
    assert plan.ok and not plan.changes and plan.unchanged == 3
