"""A formation with decisions to draft an agreement from: parties, every role, positions of
every visibility with marker words, decided, parked and open points."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from webdata import base_fiches, make_user, write_dossier

PARTY_SECRET = "Partijgeheimwoordzeta"  # ALFA on point 1, visibility partij
CONFIDENTIAL = "Vertrouwelijkwoordeta"  # BETA on point 1, vertrouwelijk
TABLE_WORD = "Tafelgedeeldwoordtheta"  # BETA on point 1, tafel (shared with the table)
DECISION_TEXT = "De inkomensgrens gaat naar 130 procent van het sociaal minimum."

ROLES = ("neg_a", "neg_b", "informateur", "formateur", "support", "reader")
DRAFTERS = ("neg_a", "neg_b", "informateur", "formateur", "support")
WRITERS = ("formateur", "support")


@dataclass
class World:
    formation: object
    users: dict
    points: list


def build_world(tmp_path) -> World:
    from akkoord.web.dossiers.services import ingest_file, set_status
    from akkoord.web.formation import services
    from akkoord.web.formation.models import Decision, Position

    compiler = make_user("ambtenaar-akk", "ambtenaar")
    version = set_status(ingest_file(write_dossier(tmp_path / "d.json", base_fiches()), compiler), "vrijgegeven")
    formation = services.create_formation(
        "Formatie Lindeveen", version.dossier, [("Partij Alfa", "ALFA", 9), ("Partij Beta", "BETA", 8)],
        council_seats=33, election_year=2026)
    a, b = formation.parties.get(abbreviation="ALFA"), formation.parties.get(abbreviation="BETA")
    users = {"neg_a": make_user("akk-alfa"), "neg_b": make_user("akk-beta"), "informateur": make_user("akk-info"),
             "formateur": make_user("akk-form"), "support": make_user("akk-steun"), "reader": make_user("akk-lezer"),
             "norole": make_user("akk-buiten", "onderhandelaar")}
    services.add_member(formation, users["neg_a"], "onderhandelaar", a)
    services.add_member(formation, users["neg_b"], "onderhandelaar", b)
    services.add_member(formation, users["informateur"], "informateur")
    services.add_member(formation, users["formateur"], "formateur")
    services.add_member(formation, users["support"], "ondersteuning")
    services.add_member(formation, users["reader"], "lezer")
    from akkoord.web.formation.models import Point

    last = formation.points.order_by("-number").first()
    Point.objects.create(formation=formation, number=(last.number if last else 0) + 1, text="Meer groen in de wijken")
    points = list(formation.points.order_by("number"))
    p1, p2, p3 = points[0], points[1], points[-1]
    Position.objects.create(point=p1, party=a, stance="oneens", explanation=PARTY_SECRET, visibility="partij")
    Position.objects.create(point=p1, party=b, stance="eens", explanation=TABLE_WORD, visibility="tafel")
    Position.objects.create(point=p2, party=b, stance="voorwaardelijk", explanation=CONFIDENTIAL, visibility="vertrouwelijk")
    Decision.objects.create(point=p1, status="besloten", text=DECISION_TEXT, amounts={"2027": 400000, "2028": 400000},
                            money_kind="structureel", deadline=date(2027, 1, 1))
    Decision.objects.create(point=p2, status="geparkeerd", text="Na de evaluatie.")
    Decision.objects.create(point=p3, status="besloten", text="We zetten in op meer groen in de wijken.")
    return World(formation, users, points)
