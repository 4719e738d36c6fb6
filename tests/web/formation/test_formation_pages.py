"""Working at the table: positions, sharing, breakpoints, decisions, history, concurrent edits."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from formationdata import set_position
from django.test import Client
from django.urls import reverse

from akkoord.web.formation.models import Decision, Meeting, Position

pytestmark = pytest.mark.django_db


def url(world, name, **kw):
    return reverse(f"formation:{name}", kwargs={"slug": world.formation.slug, **kw})


def position_data(**overrides):
    data = {"stance": "eens", "explanation": "", "priority": "normaal", "visibility": "partij", "revision": 0}
    data.update(overrides)
    return data


def test_negotiator_records_then_shares_a_position(client: Client, world):
    client.force_login(world.users["neg_a"])
    target = url(world, "position", number=1, party="ALFA")
    response = client.post(target, position_data(explanation="Eerste versie"))
    assert response.status_code == 302
    position = Position.objects.get(point__number=1, party=world.party_a)
    assert (position.stance, position.visibility, position.revision) == ("eens", "partij", 1)
    client.force_login(world.users["neg_b"])
    assert "Eerste versie" not in client.get(url(world, "point", number=1)).content.decode()
    client.force_login(world.users["neg_a2"])  # the same delegation shares it
    assert client.post(target, position_data(explanation="Eerste versie", visibility="tafel", revision=1)).status_code == 302
    client.force_login(world.users["neg_b"])
    assert "Eerste versie" in client.get(url(world, "point", number=1)).content.decode()
    history = client.get(url(world, "history", number=1)).content.decode()
    assert "alfa1" in history and "alfa2" in history and "zichtbaarheid gewijzigd" in history


def test_second_save_from_the_same_revision_is_refused_with_both_versions(client: Client, world):
    target = url(world, "position", number=1, party="ALFA")
    first, second = Client(), Client()
    first.force_login(world.users["neg_a"])
    second.force_login(world.users["neg_a2"])
    assert first.post(target, position_data(explanation="Tekst van alfa1")).status_code == 302
    # alfa2 had opened the empty form (revision 0) before alfa1 saved.
    response = second.post(target, position_data(explanation="Tekst van alfa2", stance="oneens"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "Tekst van alfa1" in body and "Tekst van alfa2" in body and "Niet opgeslagen" in body
    assert "Tekst van alfa2</textarea>" in body  # the typed text stays in the form
    assert 'name="revision" value="1"' in body  # … now based on the saved version
    assert Position.objects.get(point__number=1, party=world.party_a).explanation == "Tekst van alfa1"
    # Saving again after seeing both versions replaces the other one deliberately.
    assert second.post(target, position_data(explanation="Tekst van alfa2", revision=1)).status_code == 302
    assert Position.objects.get(point__number=1, party=world.party_a).revision == 2


def test_breakpoints_are_limited_by_the_formateur(client: Client, world):
    world.formation.max_breakpoints = 1
    world.formation.save()
    client.force_login(world.users["neg_a"])
    assert client.post(url(world, "position", number=1, party="ALFA"),
                       position_data(priority="breekpunt")).status_code == 302
    response = client.post(url(world, "position", number=2, party="ALFA"), position_data(priority="breekpunt"))
    assert response.status_code == 200 and "hoogste aantal breekpunten" in response.content.decode()
    assert not Position.objects.filter(point__number=2).exists()


def test_form_errors_are_dutch(client: Client, world):
    client.force_login(world.users["neg_a"])
    response = client.post(url(world, "position", number=1, party="ALFA"), {"stance": "misschien", "revision": 0})
    body = response.content.decode()
    assert response.status_code == 200 and "Selecteer een geldige keuze" in body
    client.force_login(world.users["formateur"])
    response = client.post(url(world, "decision", number=1), {"status": "besloten", "text": "",
                                                             "amounts": "2027: veel", "revision": 0})
    body = response.content.decode()
    assert "Een besloten punt heeft een uitspraak" in body and "jaar: bedrag" in body


def test_formateur_records_a_decision_with_money(client: Client, world):
    client.force_login(world.users["formateur"])
    response = client.post(url(world, "decision", number=1), {
        "text": "De inkomensgrens gaat naar 130%.", "status": "besloten", "amounts": "2027: 250000\n2028: 250.000",
        "money_kind": "structureel", "deadline": "2027-01-01", "revision": 0})
    assert response.status_code == 302
    decision = Decision.objects.get(point__number=1)
    assert decision.amounts == {"2027": 250000, "2028": 250000} and decision.money_kind == "structureel"
    assert str(decision.deadline) == "2027-01-01" and decision.fiche_code == "1A" and decision.advice_index == 0
    stale = client.post(url(world, "decision", number=1), {"text": "Anders", "status": "open", "revision": 0})
    assert stale.status_code == 409 and "De inkomensgrens gaat naar 130%." in stale.content.decode()
    client.force_login(world.users["reader"])
    assert "De inkomensgrens gaat naar 130%." in client.get(url(world, "point", number=1)).content.decode()


def test_rewording_keeps_the_original_visible_and_in_history(client: Client, world):
    client.force_login(world.users["formateur"])
    response = client.post(url(world, "point_edit", number=1), {"actie": "tekst", "tekst-text": "Nieuwe formulering",
                                                                 "tekst-revision": 1})
    assert response.status_code == 302
    page = client.get(url(world, "point", number=1)).content.decode()
    assert "Nieuwe formulering" in page and "Oorspronkelijke tekst" in page and "hogere inkomensgrens" in page
    stale = client.post(url(world, "point_edit", number=1), {"actie": "tekst", "tekst-text": "Mijn versie",
                                                              "tekst-revision": 1})
    assert stale.status_code == 409 and "Mijn versie</textarea>" in stale.content.decode()
    data = json.loads(client.get(url(world, "history", number=1) + "?formaat=json").content)
    change = next(e for e in data["history"] if e["reason"] == "herformuleerd")
    assert change["user"] == "form1"
    assert {"field": "tekst", "before": "Kiest u voor een hogere inkomensgrens?", "after": "Nieuwe formulering"} \
        in change["changes"]


def test_formateur_adds_splits_and_merges_points(client: Client, world):
    client.force_login(world.users["formateur"])
    assert client.post(url(world, "point_new"), {"text": "Extra punt", "fiche_code": "1a"}).status_code == 302
    assert world.formation.points.get(number=3).fiche_code == "1A"
    assert client.post(url(world, "point_new"), {"text": "", "fiche_code": "xx"}).status_code == 200
    assert client.post(url(world, "point_edit", number=1), {"actie": "splitsen", "splits-parts": "Deel 1\nDeel 2"}
                       ).status_code == 302
    assert world.formation.points.filter(split_from__number=1).count() == 2
    assert client.post(url(world, "point_edit", number=1), {"actie": "samenvoegen", "samen-duplicate": 3}
                       ).status_code == 302
    table = client.get(url(world, "table")).content.decode()
    assert "Extra punt" not in table and "Deel 2" in table


def test_table_counts_filters_and_contention_sort(client: Client, world):
    p1, p2 = world.formation.points.order_by("number")
    for party in world.formation.parties.all():
        set_position(p1, party, "eens", visibility="tafel")
    set_position(p2, world.party_a, "eens", visibility="tafel")
    set_position(p2, world.party_b, "oneens", visibility="tafel")
    client.force_login(world.users["reader"])
    body = client.get(url(world, "table")).content.decode()
    assert "1 van 2 punten eens" in body and "1 verdeeld" in body
    sorted_body = client.get(url(world, "table") + "?sorteer=strijd").content.decode()
    assert sorted_body.index("Welke doelgroep") < sorted_body.index("hogere inkomensgrens")
    only_split = client.get(url(world, "table") + "?status=verdeeld").content.decode()
    assert "Welke doelgroep" in only_split and "hogere inkomensgrens" not in only_split
    assert "1 van 2 punten getoond" in only_split
    assert "hogere inkomensgrens" in client.get(url(world, "table") + "?ambitie=inclusief&fiche=1a").content.decode()
    assert "hogere inkomensgrens" not in client.get(url(world, "table") + "?ambitie=open").content.decode()


def test_sessions_agenda_and_summary(client: Client, world):
    client.force_login(world.users["formateur"])
    response = client.post(url(world, "meetings"), {"sessie-starts_at": "2026-04-14T19:30", "sessie-place": "Stadhuis",
                                                    "sessie-points": "2, 1"})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert [i.point.number for i in meeting.items.order_by("order")] == [2, 1]
    bad = client.post(url(world, "meetings"), {"sessie-starts_at": "gisteren", "sessie-place": "",
                                               "sessie-points": "1, 99"})
    assert bad.status_code == 200 and "Deze punten bestaan niet: 99" in bad.content.decode()
    client.force_login(world.users["support"])
    summary_url = url(world, "meeting_summary", pk=meeting.pk)
    assert client.post(summary_url, {"summary": "Punt 2 besproken.", "discussed": ["2"], "revision": 1}).status_code == 302
    page = client.get(url(world, "meeting", pk=meeting.pk)).content.decode()
    assert "Punt 2 besproken." in page and "Vertrouwelijk — formatie Formatie Lindeveen" in page
    assert meeting.items.get(point__number=2).discussed
    stale = client.post(summary_url, {"summary": "Mijn verslag", "revision": 1})
    assert stale.status_code == 409 and "Punt 2 besproken." in stale.content.decode()
    assert "Mijn verslag</textarea>" in stale.content.decode()


def test_parties_page_calculator_and_members(client: Client, world):
    client.force_login(world.users["informateur"])
    page = client.get(url(world, "parties")).content.decode()
    assert "een meerderheid is 17 zetels" in page and "ALFA + BETA" in page  # 17 seats: the only pair
    response = client.post(url(world, "parties"), {"actie": "partij", "partij-name": "Delta", "partij-abbreviation": "D",
                                                   "partij-seats": 3})
    assert response.status_code == 302 and world.formation.parties.filter(abbreviation="D").exists()
    response = client.post(url(world, "parties"), {"actie": "lid", "lid-username": "buiten1", "lid-role": "onderhandelaar"})
    assert "Kies de partij" in response.content.decode()
    response = client.post(url(world, "parties"), {"actie": "lid", "lid-username": "niemand", "lid-role": "lezer"})
    assert "geen account" in response.content.decode()
    response = client.post(url(world, "parties"), {"actie": "lid", "lid-username": "buiten1", "lid-role": "lezer"})
    assert response.status_code == 302
    client.force_login(world.users["outsider"])
    assert client.get(url(world, "table")).status_code == 200


def test_create_formation_on_the_web(client: Client, world):
    from webdata import make_user

    creator = make_user("formateur-nieuw", "formateur")
    client.force_login(creator)
    assert client.get(reverse("formation:create")).status_code == 200
    response = client.post(reverse("formation:create"), {"name": "Tweede", "dossier": world.version.dossier.pk,
                                                          "election_year": 2030, "council_seats": 33,
                                                          "role": "formateur"})
    assert response.status_code == 302
    client.force_login(world.users["neg_a"])
    assert client.get(reverse("formation:create")).status_code == 403


def test_a_closed_formation_is_read_only_until_reopened(client: Client, world):
    set_position(world.formation.points.get(number=1), world.party_a, "eens", "Vastgelegd", "partij")
    client.force_login(world.users["formateur"])
    response = client.post(url(world, "parties"), {"actie": "instelling", "instelling-phase": "afgerond",
                                                   "instelling-council_seats": 33, "instelling-max_breakpoints": 5})
    assert response.status_code == 302
    assert "Deze formatie is afgerond" in client.get(url(world, "table")).content.decode()
    assert client.post(url(world, "decision", number=1), {"status": "open", "revision": 0}).status_code == 403
    assert client.post(url(world, "point_new"), {"text": "Nog iets"}).status_code == 403
    client.force_login(world.users["neg_a"])
    own = url(world, "position", number=1, party="ALFA")
    page = client.get(own)
    assert page.status_code == 200 and "Vastgelegd" in page.content.decode() and "<textarea" not in page.content.decode()
    assert client.post(own, position_data(explanation="Te laat")).status_code == 403
    assert Position.objects.get(point__number=1, party=world.party_a).explanation == "Vastgelegd"
    client.force_login(world.users["informateur"])  # reopening
    client.post(url(world, "parties"), {"actie": "instelling", "instelling-phase": "formatie",
                                        "instelling-council_seats": 33, "instelling-max_breakpoints": 5})
    client.force_login(world.users["neg_a"])
    assert client.post(own, position_data(explanation="Heropend", revision=1)).status_code == 302


def test_negotiators_table_links_their_own_column_to_the_form(client: Client, world):
    client.force_login(world.users["neg_a"])
    body = client.get(url(world, "table")).content.decode()
    assert url(world, "position", number=1, party="ALFA") in body
    assert url(world, "position", number=1, party="BETA") not in body
    client.force_login(world.users["reader"])
    assert "/partijen/ALFA/" not in client.get(url(world, "table")).content.decode()
