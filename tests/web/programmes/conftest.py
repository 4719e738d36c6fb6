"""A formation on a released dossier of the fictional municipality Dijkmeer, with two parties,
a member in every formation role, and a small programme per party (written for these tests)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from webdata import fiche_dict, make_user, write_dossier

PROGRAMME_A = """Dijkmeer Vooruit\n\nVerkiezingsprogramma 2026\n\f
Hoofdstuk 1. Rondkomen

Niemand hoeft zich te schamen voor geldzorgen. Wie schulden heeft, krijgt snel hulp van het
Schuldenloket zonder wachtlijst.

• De minimaregelingen gaan open voor huishoudens tot 130% van het sociaal minimum.

Hoofdstuk 2. Onze partij

Dijkmeer Vooruit werd in 1998 opgericht door vrijwilligers uit de dorpen.
"""

PROGRAMME_B = """Groen Dijkmeer\n\nVerkiezingsprogramma 2026\n\f
Wonen

Er moeten meer betaalbare woningen komen voor starters. In elk bouwproject blijft twee derde
betaalbaar, ook als dat vertraging geeft.

Armoede

• Geen verhoging van de inkomensgrens van de minimaregelingen: 120% van het sociaal minimum is genoeg.
"""


@dataclass
class World:
    formation: object
    version: object
    party_a: object
    party_b: object
    users: dict
    tmp: object


def fiches() -> list[dict]:
    return [
        fiche_dict("1A", "Schuldhulpverlening en armoedebestrijding",
                   current_line="Huishoudens met schulden krijgen hulp van het Schuldenloket. De minimaregelingen "
                                "gelden tot 120% van het sociaal minimum.",
                   advice=["Verhoog de inkomensgrens van de minimaregelingen naar 130% van het sociaal minimum.",
                           "Zet de vroegsignalering van schulden voort."]),
        fiche_dict("2A", "Woningbouw en betaalbaarheid",
                   current_line="Dijkmeer bouwt woningen voor starters en senioren; een derde is sociale huur.",
                   advice=["Houd vast aan twee derde betaalbare woningen in elk bouwproject."]),
        fiche_dict("2B", "Energietransitie en warmtenet",
                   current_line="Een warmtenet in de Oosterpolder en isolatie van huurwoningen.",
                   advice=["Neem deel in het publieke warmtebedrijf."]),
    ]


@pytest.fixture
def world(db, tmp_path):
    from akkoord.web.dossiers.services import ingest_file, set_status
    from akkoord.web.formation import services

    compiler = make_user("ambtenaar-p", "ambtenaar")
    path = write_dossier(tmp_path / "d.json", fiches(), municipality="Dijkmeer", title="Formatiedossier Dijkmeer")
    version = set_status(ingest_file(path, compiler), "vrijgegeven")
    formation = services.create_formation(
        "Formatie Dijkmeer", version.dossier, [("Dijkmeer Vooruit", "DV", 9), ("Groen Dijkmeer", "GD", 8),
                                               ("Partij Gamma", "GAM", 4)],
        council_seats=33, election_year=2026)
    a, b = formation.parties.get(abbreviation="DV"), formation.parties.get(abbreviation="GD")
    users = {
        "neg_a": make_user("dv1"), "neg_b": make_user("gd1"),
        "informateur": make_user("info-p"), "formateur": make_user("form-p"),
        "support": make_user("steun-p"), "reader": make_user("lezer-p"), "outsider": make_user("buiten-p", "onderhandelaar"),
    }
    services.add_member(formation, users["neg_a"], "onderhandelaar", a)
    services.add_member(formation, users["neg_b"], "onderhandelaar", b)
    services.add_member(formation, users["informateur"], "informateur")
    services.add_member(formation, users["formateur"], "formateur")
    services.add_member(formation, users["support"], "ondersteuning")
    services.add_member(formation, users["reader"], "lezer")
    return World(formation, version, a, b, users, tmp_path)


@pytest.fixture
def with_programmes(world):
    from akkoord.web.programmes import services

    for party, text, name in ((world.party_a, PROGRAMME_A, "dv.txt"), (world.party_b, PROGRAMME_B, "gd.txt")):
        path = world.tmp / name
        path.write_text(text, encoding="utf-8")
        services.add_programme(world.formation, party, path)
    return world


@pytest.fixture
def programme_a() -> str:
    return PROGRAMME_A
