"""The pure core: drafting from decisions, the open-data form, checks, money and redline."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from akkoord.agreement.build import PointRecord
from akkoord.agreement.checks import BLOCKING, INFO, WARNING, check_agreement, is_vague_wording
from akkoord.agreement.finance import euro, financial_overview
from akkoord.agreement.model import AgreementFormatError, Budget, Milestone, Smart, agreement_from_json
from akkoord.agreement.redline import redline

SCHEMA = json.loads((Path(__file__).parents[2] / "docs/schemas/agreement.schema.json").read_text())


def test_decided_points_become_afspraken_in_ambition_then_fiche_order(agreement):
    assert [(a.number, a.fiche.code, a.point.advice_index) for a in agreement.afspraken] == [
        ("1.1", "1A", 0), ("1.2", "1A", 1), ("2.1", "4A", 0)]
    assert [a.ambition for a in agreement.afspraken] == ["aantrekkelijk", "aantrekkelijk", "inclusief"]
    assert [p.point.number for p in agreement.parked] == [4]
    assert sorted(p.point.number for p in agreement.open) == [8, 10]  # open and in-bespreking
    every = [a.point.id for a in agreement.afspraken] + [p.point.id for p in agreement.parked + agreement.open]
    assert "13" not in every  # lapsed points are left out
    assert len(every) == len(set(every))


def test_afspraak_carries_its_trace(agreement):
    bike = agreement.afspraken[1]
    assert bike.decision.id == "d4" and bike.decision.status == "besloten"
    assert bike.point.advice_text == "Hoeveel geld voor fietsroutes?"
    assert [s.title for s in bike.sources] == ["Mobiliteitsvisie Veldhoven-aan-Zee 2021", "Parkeernota"]
    assert bike.sources[1].end_intervals[0].end == "2027-12-31"
    assert bike.adjustment_moment == "bij de voorjaarsnota 2027"
    assert bike.title == "Fietsroutes"  # the formateur's short wording, not the advice question


def test_decision_money_and_deadline_fill_the_smart_fields(agreement):
    poverty = agreement.afspraken[2]
    assert poverty.smart.deadline == "2027-01-01"
    assert [(b.year, b.amount, b.kind) for b in poverty.smart.budget] == [(2027, 400000, "structureel"),
                                                                          (2028, 400000, "structureel")]


def test_json_has_the_contract_keys_and_validates_against_the_schema(agreement):
    data = json.loads(json.dumps(agreement.to_dict()))
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "akkoord-agreement/1"
    item = data["afspraken"][1]
    for key in ("id", "number", "title", "text", "ambition", "ambition_label", "fiche", "point", "decision",
                "sources", "adjustment_moment", "smart"):
        assert key in item
    assert set(item["point"]) >= {"id", "text", "advice_index", "advice_text"}
    assert item["smart"]["budget"][0] == {"year": 2027, "amount": 1500000, "kind": "incidenteel"}
    assert item["smart"]["milestones"] == [{"date": "2028-06-30", "text": "Eerste route open"}]


def test_schema_refuses_what_the_monitoring_app_could_not_follow(agreement):
    data = agreement.to_dict()
    broken = copy.deepcopy(data)
    broken["afspraken"][0]["smart"]["budget"] = [{"year": 2027, "amount": 5, "kind": "soms"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
    broken = copy.deepcopy(data)
    broken["afspraken"][0]["smart"]["deadline"] = "eind 2027"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_agreement_from_json_reads_the_export_back(agreement):
    again = agreement_from_json(json.loads(json.dumps(agreement.to_dict())))
    assert again.to_dict() == agreement.to_dict()
    assert again.afspraken[1].smart.milestones[0].text == "Eerste route open"


@pytest.mark.parametrize("data", [{}, {"schema": "iets-anders"}, [], {"schema": "akkoord-agreement/1", "afspraken": [{"smart": {"budget": [{}]}}]}])
def test_agreement_from_json_refuses_other_data_in_dutch(data):
    with pytest.raises(AgreementFormatError) as info:
        agreement_from_json(data)
    assert "akkoord" in str(info.value).lower()


def test_vague_wording():
    assert is_vague_wording("We zetten in op een autoluwe binnenstad.")
    assert is_vague_wording("Wij streven naar meer groen waar mogelijk.")
    assert not is_vague_wording("We zetten in op 500 extra woningen per jaar.")  # a figure to hold it to
    assert not is_vague_wording("De inkomensgrens gaat naar het sociaal minimum.")


def test_check_flags_vague_afspraken_and_passes_smart_ones(agreement):
    findings = check_agreement(agreement)
    by = {}
    for f in findings:
        by.setdefault(f.number, set()).add(f.rule)
    assert {"vague-wording", "no-target", "no-deadline"} <= by["1.1"]
    assert not {"vague-wording", "no-target", "no-deadline", "no-baseline"} & by.get("1.2", set())
    assert "no-target" in by["2.1"] and "no-deadline" not in by["2.1"]
    assert all(f.severity in (BLOCKING, WARNING, INFO) for f in findings)


def test_check_dates(build):
    bad = build(smart={"afspraak-4": Smart("x", "3 routes", "0", "31-12-2029", "wethouder", [],
                                           [Milestone("2030-05-01", "te laat")])})
    rules = {f.rule: f for f in check_agreement(bad) if f.number == "1.2"}
    assert rules["invalid-date"].severity == BLOCKING
    late = build(smart={"afspraak-4": Smart("x", "3 routes", "0", "2029-12-31", "wethouder", [],
                                            [Milestone("2030-05-01", "te laat")])})
    assert any(f.rule == "milestone-after-deadline" for f in check_agreement(late))


def test_financial_overview_per_year_and_ambition(agreement):
    overview = financial_overview(agreement)
    assert overview.years == [2027, 2028]
    rows = {r.key: r for r in overview.rows}
    assert rows["aantrekkelijk"].per_year == {2027: 1500000}
    assert rows["aantrekkelijk"].one_off == {2027: 1500000}
    assert rows["inclusief"].structural == {2027: 400000, 2028: 400000}
    assert overview.totals.per_year == {2027: 1900000, 2028: 400000}
    assert overview.totals.total == 2300000
    assert euro(1900000) == "€ 1.900.000"


def test_redline_between_versions(build, agreement):
    points = []
    from agreement_data import records  # noqa: E402  (the same points, one reworded, one parked now)
    for record in records():
        if record.id == "11":
            record.decision_text = "De inkomensgrens gaat naar 120 procent van het sociaal minimum."
        if record.id == "3":
            record.decision_status = "geparkeerd"
        points.append(record)
    points.append(PointRecord("20", 11, "Nieuw punt", "3B", "Warmtetransitie", ["groen-duurzaam"], None, "", "",
                              "d20", "besloten", "Twee wijken van het gas af in 2030."))
    newer = build(points=points, version=2)
    diff = redline(agreement, newer)
    entries = {e["id"]: e for e in diff["entries"]}
    assert entries["afspraak-3"]["change"] == "removed"
    assert entries["afspraak-20"]["change"] == "added"
    changed = entries["afspraak-11"]
    assert changed["change"] == "changed"
    text = next(f for f in changed["fields"] if f["field"] == "text")
    assert ["-", "130"] in text["segments"] and ["+", "120"] in text["segments"]
    assert diff["old"] == 1 and diff["new"] == 2
