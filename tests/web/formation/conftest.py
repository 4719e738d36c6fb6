"""A formation on a released dossier: two parties with a negotiator each (A has two), and one
person in every other formation role, plus an outsider."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from webdata import base_fiches, make_user, write_dossier


@dataclass
class World:
    formation: object
    version: object
    party_a: object
    party_b: object
    users: dict


@pytest.fixture
def world(db, tmp_path):
    from akkoord.web.dossiers.services import ingest_file, set_status
    from akkoord.web.formation import services

    compiler = make_user("ambtenaar-f", "ambtenaar")
    version = set_status(ingest_file(write_dossier(tmp_path / "d.json", base_fiches()), compiler), "vrijgegeven")
    formation = services.create_formation(
        "Formatie Lindeveen", version.dossier, [("Partij Alfa", "ALFA", 9), ("Partij Beta", "BETA", 8),
                                              ("Partij Gamma", "GAM", 4)],
        council_seats=33, election_year=2026)
    a, b = formation.parties.get(abbreviation="ALFA"), formation.parties.get(abbreviation="BETA")
    users = {
        "neg_a": make_user("alfa1"), "neg_a2": make_user("alfa2"), "neg_b": make_user("beta1"),
        "informateur": make_user("info1"), "formateur": make_user("form1"),
        "support": make_user("steun1"), "reader": make_user("lezer1"), "outsider": make_user("buiten1", "onderhandelaar"),
    }
    services.add_member(formation, users["neg_a"], "onderhandelaar", a)
    services.add_member(formation, users["neg_a2"], "onderhandelaar", a)
    services.add_member(formation, users["neg_b"], "onderhandelaar", b)
    services.add_member(formation, users["informateur"], "informateur")
    services.add_member(formation, users["formateur"], "formateur")
    services.add_member(formation, users["support"], "ondersteuning")
    services.add_member(formation, users["reader"], "lezer")
    return World(formation, version, a, b, users)
