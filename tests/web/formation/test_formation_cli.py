"""`akkoord formation create|export|import` and the demo formation."""
from __future__ import annotations

import json

import pytest
from webdata import base_fiches, write_dossier

from akkoord.cli import main
from akkoord.web.formation.models import Formation

pytestmark = pytest.mark.django_db(transaction=True)


def released(tmp_path) -> None:
    path = write_dossier(tmp_path / "d.json", base_fiches())
    assert main(["ingest", str(path), "--dossier", "lindeveen", "--status", "vrijgegeven", "--quiet"]) == 0


def test_create_prints_the_slug(tmp_path, capsys):
    released(tmp_path)
    capsys.readouterr()
    assert main(["formation", "create", "Formatie Lindeveen", "--dossier", "lindeveen",
                 "--partij", "Partij Alfa:ALFA:9", "--partij", "Beta:B:8", "--zetels", "33"]) == 0
    slug = capsys.readouterr().out.strip()
    formation = Formation.objects.get(slug=slug)
    assert formation.council_seats == 33 and formation.version.number == 1
    assert sorted(formation.parties.values_list("abbreviation", "seats")) == [("ALFA", 9), ("B", 8)]
    assert formation.points.count() == 2


@pytest.mark.parametrize("args, message", [
    (["--dossier", "onbekend", "--partij", "A:A:3"], "bestaat niet"),
    (["--dossier", "lindeveen", "--partij", "A:A:nul"], "zetels"),
    (["--dossier", "lindeveen", "--partij", "Alleen een naam"], "Naam:AFK:zetels"),
    (["--dossier", "lindeveen", "--partij", "A:A:30", "--zetels", "20"], "meer dan de raad"),
])
def test_bad_input_is_one_dutch_line(tmp_path, capsys, args, message):
    released(tmp_path)
    capsys.readouterr()
    assert main(["formation", "create", "X"] + args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not Formation.objects.exists()


def test_create_refuses_a_concept_only_dossier(tmp_path, capsys):
    path = write_dossier(tmp_path / "d.json", base_fiches())
    assert main(["ingest", str(path), "--dossier", "lindeveen", "--quiet"]) == 0
    assert main(["formation", "create", "X", "--dossier", "lindeveen", "--partij", "A:A:3"]) == 2
    assert "geen vrijgegeven versie" in capsys.readouterr().err


def test_export_then_import_into_an_empty_database_restores_everything(tmp_path, capsys):
    from akkoord.web.formation.demo import prepare_formation

    released(tmp_path)
    formation, _ = prepare_formation("lindeveen")
    capsys.readouterr()
    out = tmp_path / "formatie.json"
    assert main(["formation", "export", formation.slug, "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"parties", "points", "positions", "decisions", "history"} <= set(data)
    assert data["parties"][0] == {"name": "Lindeveen Lokaal", "abbreviation": "LL", "seats": 8}
    point = data["points"][0]
    assert (point["id"], point["fiche"], point["advice_item"]) == (1, "1A", 1)
    assert {p["visibility"] for p in data["positions"]} <= {"partij", "vertrouwelijk", "tafel"}
    assert any(h["model"] == "position" and h["user"] == "ll-onderhandelaar" for h in data["history"])

    # Remove the formation with all its history, then restore it.
    from akkoord.web.formation import models

    Formation.objects.all().delete()
    for model in ("Point", "Position", "Decision", "Meeting"):
        getattr(models, model).history.all().delete()
    assert main(["formation", "import", str(out)]) == 0
    again = tmp_path / "again.json"
    assert main(["formation", "export", formation.slug, "-o", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8")) == data
    assert main(["formation", "import", str(out)]) == 2  # not twice
    assert "bestaat al" in capsys.readouterr().err

    # Without its dossier and its people (another database): the records stand on their own.
    data = json.loads(out.read_text(encoding="utf-8"))
    data["formation"].update(slug="elders", municipality="Elders", dossier="bestaat-niet")
    for member in data["members"]:
        member["username"] = "elders-" + member["username"]
    for record in data["history"]:
        record["user"] = "elders-" + record["user"] if record["user"] else None
    elsewhere = tmp_path / "elders.json"
    elsewhere.write_text(json.dumps(data), encoding="utf-8")
    assert main(["formation", "import", str(elsewhere)]) == 0
    restored = Formation.objects.get(slug="elders")
    assert restored.dossier is None and restored.dossier_slug == "bestaat-niet"
    assert restored.points.count() == len(data["points"])
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(username="elders-ll-onderhandelaar")
    assert not person.has_usable_password()
    assert restored.members.get(user=person).party.abbreviation == "LL"
    from akkoord.web.formation.models import Position

    assert Position.history.filter(point__formation=restored, history_user=person).exists()


def test_import_of_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{niet json", encoding="utf-8")
    assert main(["formation", "import", str(bad)]) == 2
    bad.write_text('{"format": "iets anders"}', encoding="utf-8")
    assert main(["formation", "import", str(bad)]) == 2
    assert main(["formation", "import", str(tmp_path / "weg.json")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "geen formatie-export" in err and "bestaat niet" in err


def test_demo_json_lists_the_formation_and_an_account_per_role_and_party(tmp_path, capsys, monkeypatch):
    import akkoord.cli.demo as demo

    monkeypatch.setattr(demo, "sample_path", lambda: write_dossier(tmp_path / "s.json", base_fiches()))
    monkeypatch.setattr(demo, "migrate", lambda: None)
    monkeypatch.setattr(demo, "setup_django", lambda _settings: None)
    monkeypatch.setattr(demo, "demo_database_url", lambda: __import__("os").environ.get("DATABASE_URL", ""))
    assert main(["demo", "--no-serve", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    formation = Formation.objects.get(slug=data["formation"])
    roles = {a["role"] for a in data["accounts"]}
    assert {"formateur", "informateur", "ondersteuning", "lezer", "onderhandelaar"} <= roles
    assert {a["party"] for a in data["accounts"] if a["role"] == "onderhandelaar"} == set(
        formation.parties.values_list("abbreviation", flat=True))
    from django.contrib.auth import authenticate

    assert all(authenticate(username=a["username"], password=a["password"]) for a in data["accounts"])
    assert {p.visibility for p in formation.points.get(number=1).positions.all()} >= {"tafel", "vertrouwelijk"}
    from akkoord.web.formation.models import Position

    assert set(Position.objects.values_list("visibility", flat=True)) == {"partij", "vertrouwelijk", "tafel"}
    assert formation.meetings.count() == 2 and formation.points.filter(decision__isnull=False).count() >= 2
    # The adopted agreement of the previous term, followed through the term (issue 12).
    from akkoord.web.monitoring.models import Programme

    programme = Programme.objects.get(slug=data["monitor"])
    assert programme.published and programme.commitments.count() >= 20


def test_demo_accounts_are_made_under_the_password_rules(tmp_path, settings):
    from django.contrib.auth import authenticate

    from akkoord.web.formation.demo import prepare_formation

    settings.AKKOORD_VALIDATE_EVERY_PASSWORD = True
    released(tmp_path)
    _, accounts = prepare_formation("lindeveen")
    assert all(authenticate(username=a["username"], password=a["password"]) for a in accounts)
