"""Creating a formation: points from every advice item, parties, roles, one per election."""
from __future__ import annotations

import pytest
from webdata import base_fiches, make_user, write_dossier

from akkoord.web import access
from akkoord.web.formation import services
from akkoord.web.formation.models import Point

pytestmark = pytest.mark.django_db


def test_every_advice_item_becomes_a_traceable_point(world):
    points = list(world.formation.points.order_by("number"))
    assert [(p.fiche_code, p.advice_index, p.text) for p in points] == [
        ("1A", 0, "Kiest u voor een hogere inkomensgrens?"), ("1A", 1, "Welke doelgroep gaat voor?")]
    assert points[0].advice_label == "1A.1"
    assert points[0].logical_moment.startswith("De herijking")


def test_formation_needs_a_released_version(db, tmp_path):
    from akkoord.web.dossiers.services import ingest_file

    concept = ingest_file(write_dossier(tmp_path / "d.json", base_fiches()), make_user("a", "ambtenaar"))
    with pytest.raises(services.FormationError, match="geen vrijgegeven versie"):
        services.create_formation("X", concept.dossier, [("A", "A", 5)])


def test_one_formation_per_municipality_and_election(world):
    with pytest.raises(services.FormationError, match="al een formatie"):
        services.create_formation("Nog een", world.version.dossier, [("A", "A", 5)], election_year=2026)


def test_parties_cannot_exceed_the_council(world):
    with pytest.raises(services.FormationError, match="meer dan de raad"):
        services.add_party(world.formation, "Delta", "D", 13)


def test_roles_in_the_formation(world):
    f, u = world.formation, world.users
    assert access.formation_role(u["neg_a"], f) == "onderhandelaar"
    assert access.formation_party(u["neg_a"], f) == world.party_a
    assert access.formation_role(u["outsider"], f) is None
    assert access.can_edit_points(u["formateur"], f) and not access.can_edit_points(u["informateur"], f)
    assert access.can_manage_formation(u["informateur"], f)
    assert not access.can_manage_formation(u["neg_a"], f)
    assert access.can_write_summary(u["support"], f) and not access.can_write_summary(u["reader"], f)
    # Membership gives the global group too (reading the released dossier).
    assert u["support"].groups.filter(name="ambtelijke ondersteuning").exists()
    assert access.can_read_released(u["reader"])


def test_newer_release_keeps_points_and_marks_changed_advice(world, tmp_path):
    from akkoord.web.dossiers.services import ingest_file, set_status

    fiches = base_fiches()
    fiches[0]["advice"] = ["Nieuw: wie betaalt?", "Kiest u voor een hogere inkomensgrens van 130%?"]
    newer = ingest_file(write_dossier(tmp_path / "d2.json", fiches), None, slug=world.version.dossier.slug)
    point1 = world.formation.points.get(number=1)
    point1.text = "Herformuleerd door de formateur"
    point1.save()
    services.split_point(point1, ["Deelpunt over de grens"])  # point 3, same advice item
    set_status(newer, "vrijgegeven")
    points = {p.number: p for p in world.formation.points.all()}
    assert points[1].advice_changed and points[1].current_advice_text.endswith("130%?")
    assert points[1].advice_label == "1A.2"  # the item moved to second place
    assert points[1].text == "Herformuleerd door de formateur"  # the point keeps its own wording
    assert points[3].advice_changed and not points[3].advice_removed and points[3].advice_label == "1A.2"
    assert points[2].advice_changed and points[2].advice_removed  # "Welke doelgroep" is gone
    assert points[4].text == "Nieuw: wie betaalt?" and points[4].advice_version == 2
    assert points[4].advice_label == "1A.1"
    assert len(points) == 4
    world.formation.refresh_from_db()
    assert world.formation.version_number == 2


def test_withdrawing_a_version_keeps_the_points(world):
    from django.db.models import ProtectedError

    from akkoord.web.dossiers.services import set_status

    set_status(world.version, "concept")
    assert world.formation.points.count() == 2
    with pytest.raises(ProtectedError):
        world.version.delete()
    assert Point.objects.filter(formation=world.formation).count() == 2


def test_merge_and_split_keep_the_trace(world):
    p1, p2 = world.formation.points.order_by("number")
    services.merge_points(p1, p2)
    assert list(services.active_points(world.formation)) == [p1]
    parts = services.split_point(p1, ["Deel een", "Deel twee"])
    assert [(p.split_from_id, p.fiche_code, p.advice_index) for p in parts] == [(p1.pk, "1A", 0)] * 2
    with pytest.raises(services.FormationError):
        services.merge_points(p1, p2)
