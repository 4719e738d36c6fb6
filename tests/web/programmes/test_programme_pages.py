"""Programmes in a formation: upload, bad input, links, corrections, suggestions, positions."""
from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from akkoord.programmes.errors import ProgrammeError
from akkoord.web import access
from akkoord.web.formation.models import Position
from akkoord.web.programmes import services
from akkoord.web.programmes.models import Link, Passage, Programme, Suggestion

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _passage(world, start):
    return Passage.objects.get(programme__formation=world.formation, text__startswith=start)


def test_links_json_has_the_issue_keys_and_right_fiches(with_programmes):
    rows = services.links_json(with_programmes.formation)
    by_start = {r["passage"][:30]: r for r in rows}
    row = next(r for r in rows if r["passage"].startswith("De minimaregelingen gaan open"))
    assert {"party", "passage", "page", "fiches", "points"} <= set(row)
    assert row["party"] == "DV" and row["page"] == 2
    assert row["fiches"][0]["code"] == "1A" and {"code", "title", "score"} <= set(row["fiches"][0])
    assert row["points"] and row["points"][0]["label"] == "1A.1"
    history = next(r for r in rows if r["passage"].startswith("Dijkmeer Vooruit werd"))
    assert history["fiches"] == []
    assert len(by_start) == len(rows)


def test_bad_input_is_refused_in_dutch_and_nothing_stored(world, tmp_path, programme_a):
    empty = tmp_path / "leeg.txt"
    empty.write_text("")
    with pytest.raises(ProgrammeError, match="leeg"):
        services.add_programme(world.formation, world.party_a, empty)
    english = tmp_path / "en.txt"
    english.write_text("Our programme\n\nWe want more affordable homes for the young people of our town, and we "
                       "will invest in the care for the elderly.\n")
    with pytest.raises(ProgrammeError, match="Engels"):
        services.add_programme(world.formation, world.party_a, english)
    with pytest.raises(ProgrammeError, match="hoort niet bij"):
        services.find_party(world.formation, "XYZ")
    good = tmp_path / "dv.txt"
    good.write_text(programme_a)
    services.add_programme(world.formation, world.party_a, good)
    with pytest.raises(ProgrammeError, match="al toegevoegd"):
        services.add_programme(world.formation, world.party_b, good)
    assert Programme.objects.count() == 1
    assert Passage.objects.filter(programme__party=world.party_b).count() == 0


def test_manual_corrections_survive_a_rerun(with_programmes):
    world = with_programmes
    history = _passage(world, "Dijkmeer Vooruit werd")
    money = _passage(world, "De minimaregelingen gaan open")
    services.correct_link(history, "2A", True, world.users["support"], "Woningbouw en betaalbaarheid")
    services.correct_link(money, "1A", False, world.users["support"])
    services.relink(world.formation)
    assert Link.objects.filter(passage=history, fiche_code="2A", origin="toegevoegd").exists()
    assert not services.effective_links(world.formation).filter(passage=money, fiche_code="1A").exists()
    assert not any(f["code"] == "1A" for r in services.links_json(world.formation)
                   if r["passage"] == money.text for f in r["fiches"])


def test_confirming_a_suggestion_makes_a_party_only_position(with_programmes):
    world = with_programmes
    suggestion = Suggestion.objects.get(programme__party=world.party_b, point__fiche_code="1A", point__advice_index=0)
    assert suggestion.stance == "oneens"  # "Geen verhoging van de inkomensgrens"
    assert not Position.objects.exists()  # a suggestion is never a position by itself
    url = reverse("programmes:confirm", kwargs={"slug": world.formation.slug, "pk": suggestion.pk})
    assert _client(world.users["neg_a"]).post(url).status_code == 404  # not GD's delegation
    assert not Position.objects.exists()
    response = _client(world.users["neg_b"]).post(url)
    assert response.status_code == 302
    position = Position.objects.get(party=world.party_b, point=suggestion.point)
    assert (position.stance, position.visibility) == ("oneens", "partij")
    assert position.history.exists()
    assert not access.visible_positions(world.users["neg_a"], world.formation).filter(pk=position.pk).exists()
    assert not access.visible_positions(world.users["informateur"], world.formation).filter(pk=position.pk).exists()


def test_upload_page_and_side_by_side_fiche_page(world, programme_a):
    client = _client(world.users["support"])
    url = reverse("programmes:index", kwargs={"slug": world.formation.slug})
    upload = SimpleUploadedFile("dv.txt", programme_a.encode(), content_type="text/plain")
    response = client.post(url, {"party": "DV", "file": upload})
    assert response.status_code == 302
    page = client.get(reverse("programmes:fiche", kwargs={"slug": world.formation.slug, "code": "1A"}))
    text = page.content.decode()
    assert "De minimaregelingen gaan open" in text and "p. 2" in text
    assert "Dijkmeer Vooruit werd" not in text
    party = client.get(reverse("programmes:party", kwargs={"slug": world.formation.slug, "party": "DV"})).content.decode()
    assert "zwijgt" in party and "2B Energietransitie en warmtenet" in party
    bad = client.post(url, {"party": "DV", "file": SimpleUploadedFile("leeg.txt", b"", content_type="text/plain")})
    assert bad.status_code == 200 and Programme.objects.count() == 1


def test_combinations_page_explains_its_method(with_programmes):
    world = with_programmes
    page = _client(world.users["informateur"]).get(
        reverse("programmes:combinations", kwargs={"slug": world.formation.slug})).content.decode()
    assert "Methode" in page and "DV + GD" in page


def test_cli_add_and_links(with_programmes, tmp_path, capsys):
    from akkoord.cli import main

    world = with_programmes
    assert main(["programme", "links", world.formation.slug, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and rows[0]["party"] in ("DV", "GD")
    other = tmp_path / "gam.txt"
    other.write_text("Gamma\n\nWij willen een warmtenet in publieke handen en het warmtebedrijf steunen.\n")
    assert main(["programme", "add", world.formation.slug, "GAM", str(other)]) == 0
    assert "toegevoegd" in capsys.readouterr().out
    assert main(["programme", "add", world.formation.slug, "XYZ", str(other)]) != 0
    err = capsys.readouterr().err
    assert "hoort niet bij" in err and "Traceback" not in err


def test_deleting_a_programme_keeps_confirmed_positions(with_programmes):
    world = with_programmes
    suggestion = Suggestion.objects.filter(programme__party=world.party_b).first()
    services.confirm_suggestion(suggestion, world.users["neg_b"])
    services.delete_programme(Programme.objects.get(party=world.party_b))
    assert not Passage.objects.filter(programme__party=world.party_b).exists()
    assert Position.objects.filter(party=world.party_b).count() == 1


def test_comparison_finds_the_conflict_on_the_income_limit(with_programmes):
    world = with_programmes
    result = services.compare(world.formation, [world.party_a, world.party_b])
    conflicts = {(point.fiche_code, point.advice_index): stances for point, stances in result["conflict"]}
    assert conflicts[("1A", 0)] == {"DV": "eens", "GD": "oneens"}
    assert result["agreement"] is not None and result["agreement"] < 100
    assert ("2A", "GD") in result["only_one"]  # only GD writes about housing
    page = _client(world.users["reader"]).get(
        reverse("programmes:combinations", kwargs={"slug": world.formation.slug})).content.decode()
    assert "1 botsing" in page
