"""A complete fictional formation on the sample dossier, for ``akkoord demo``.

Four invented parties, an account for every role and party (password ``demo``), an agenda,
positions at all three visibility levels and some decisions. Idempotent: a second run only
resets the demo passwords.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from akkoord.web.dossiers.models import Dossier
from akkoord.web.formation import services
from akkoord.web.formation.models import AgendaItem, Decision, Formation, Meeting, Position

DEMO_PASSWORD = "demo"
FORMATION_NAME = "Lindeveen 2026"
PARTIES = [("Lindeveen Lokaal", "LL", 8), ("Groen en Sociaal", "GS", 6), ("Liberaal Lindeveen", "LIB", 5),
           ("Christelijk Lindeveen", "CL", 4)]
COUNCIL_SEATS = 33
ELECTION_YEAR = 2026
ACCOUNTS = [  # username, formation role, party abbreviation
    ("formateur", "formateur", None), ("informateur", "informateur", None),
    ("ondersteuning", "ondersteuning", None), ("lezer", "lezer", None),
    ("ll-onderhandelaar", "onderhandelaar", "LL"), ("gs-onderhandelaar", "onderhandelaar", "GS"),
    ("lib-onderhandelaar", "onderhandelaar", "LIB"), ("cl-onderhandelaar", "onderhandelaar", "CL"),
]
# (point number, party, stance, visibility, priority, explanation)
POSITIONS = [
    (1, "LL", "eens", "tafel", "normaal", "Wij steunen dit; dekking uit de algemene reserve."),
    (1, "GS", "eens", "tafel", "hoog", "Graag zelfs verder dan het advies."),
    (1, "LIB", "voorwaardelijk", "vertrouwelijk", "normaal", "Alleen als de lasten voor ondernemers niet stijgen."),
    (1, "CL", "eens", "partij", "normaal", "Intern: akkoord, maar niet als eerste toegeven."),
    (2, "LL", "eens", "tafel", "normaal", ""), (2, "GS", "eens", "tafel", "normaal", ""),
    (2, "LIB", "eens", "tafel", "normaal", ""), (2, "CL", "eens", "tafel", "normaal", ""),
    (3, "GS", "oneens", "tafel", "breekpunt", "Voor ons een breekpunt: geen verdere versobering."),
    (3, "LIB", "eens", "tafel", "normaal", "Noodzakelijk voor een sluitende begroting."),
    (3, "LL", "voorwaardelijk", "partij", "hoog", "Intern: pas instemmen als er een overgangsregeling komt."),
    (4, "CL", "oneens", "partij", "normaal", "Nog bespreken in de fractie."),
    (5, "LL", "eens", "vertrouwelijk", "normaal", "Kan als wisselgeld dienen."),
]


def prepare_formation(dossier_slug: str) -> tuple[Formation, list[dict]]:
    """The demo formation (made once) and its accounts with their passwords reset."""
    User = get_user_model()
    dossier = Dossier.objects.get(slug=dossier_slug)
    # One formation per municipality and election: find it by that key (the name may have changed).
    formation = Formation.objects.filter(municipality=dossier.municipality or dossier.slug,
                                         election_year=ELECTION_YEAR).first()
    users = {}
    for username, _role, _party in ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        # Demo only: deliberately weak, never used outside `akkoord demo`; set as a hash so that
        # the password rules every other account meets (accounts/passwords.py) do not refuse it.
        user.password = make_password(DEMO_PASSWORD)
        user.save()
        users[username] = user
    if formation is None:
        formation = _build(dossier, users)
    accounts = [{"username": u, "password": DEMO_PASSWORD, "role": r, "party": p} for u, r, p in ACCOUNTS]
    return formation, accounts


def _as(obj, user, reason: str = ""):
    obj._history_user = user
    if reason:
        obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def _build(dossier: Dossier, users: dict) -> Formation:
    formation = services.create_formation(FORMATION_NAME, dossier, PARTIES, council_seats=COUNCIL_SEATS,
                                          election_year=ELECTION_YEAR, actor="demo")
    formation.phase = Formation.Phase.FORMATION
    formation.max_breakpoints = 3
    formation.save()
    parties = {p.abbreviation: p for p in formation.parties.all()}
    for username, role, party in ACCOUNTS:
        services.add_member(formation, users[username], role, parties.get(party))
    points = {p.number: p for p in formation.points.all()}
    negotiator = {p: users[f"{p.lower()}-onderhandelaar"] for p in parties}
    for number, party, stance, visibility, priority, explanation in POSITIONS:
        if number in points:
            _as(Position(point=points[number], party=parties[party], stance=stance, visibility=visibility,
                         priority=priority, explanation=explanation), negotiator[party], "standpunt vastgelegd")
    formateur = users["formateur"]
    if 2 in points:
        _as(Decision(point=points[2], status=Decision.Status.DECIDED,
                     text="De coalitie zet de ingezette koers voort.",
                     amounts={"2027": 150000, "2028": 150000}, money_kind=Decision.MoneyKind.STRUCTURAL,
                     use_logical_moment=True), formateur, "besluit vastgelegd")
    if 1 in points:
        _as(Decision(point=points[1], status=Decision.Status.DISCUSSING, text=""), formateur, "besluit vastgelegd")
    if 3 in points:
        _as(Decision(point=points[3], status=Decision.Status.PARKED, text="Terug na de voorjaarsnota."),
            formateur, "besluit vastgelegd")
    start = timezone.make_aware(datetime(2026, 4, 14, 19, 30))
    first = _as(Meeting(formation=formation, starts_at=start, place="Stadhuis Lindeveen, kamer 2.14",
                        summary="De partijen bespraken de eerste punten van hoofdstuk 1. Punt 2 is besloten; "
                                "punt 3 is geparkeerd tot na de voorjaarsnota."), users["ondersteuning"],
                "verslag geschreven")
    for order, number in enumerate(n for n in (1, 2, 3) if n in points):
        AgendaItem.objects.create(meeting=first, point=points[number], order=order, discussed=True)
    second = _as(Meeting(formation=formation, starts_at=start + timedelta(days=7), place="Stadhuis Lindeveen"),
                 formateur, "agenda vastgesteld")
    for order, number in enumerate(n for n in (3, 4, 5, 6) if n in points):
        AgendaItem.objects.create(meeting=second, point=points[number], order=order)
    return formation
