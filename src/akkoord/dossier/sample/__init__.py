"""The bundled sample dossier: the fictional municipality of Lindeveen, formation dossier 2026.

``lindeveen-2026.txt`` is the dossier as text extracted from its PDF, with the kinds of damage
a real extraction shows (interleaved label and value columns, tables fallen apart, URL dumps,
page footers, footnote marks glued to words). ``gold/<CODE>.json`` is the reference annotation
of each fiche, following ``shared/spec/dossier-format.md``. The municipality, its
organisations and its documents are invented; the national laws and programmes it mentions
are real.
"""
from __future__ import annotations

import json
from pathlib import Path

from akkoord.dossier.model import Dossier, Fiche
from akkoord.dossier.profile import Profile

SAMPLE_DIR = Path(__file__).resolve().parent
SAMPLE_TEXT_PATH = SAMPLE_DIR / "lindeveen-2026.txt"
SAMPLE_GOLD_DIR = SAMPLE_DIR / "gold"
# The sample's profile: its own ambitions and boilerplate footnote (what a reader induces from it).
SAMPLE_PROFILE_PATH = SAMPLE_DIR / "profile.json"

SAMPLE_MUNICIPALITY = "Lindeveen"
SAMPLE_TITLE = "Formatiedossier Lindeveen 2026"


def _code_key(code: str) -> tuple[int, str]:
    return int(code[:-1]), code[-1]


def load_sample_gold() -> Dossier:
    """The sample dossier as its reference annotation describes it, fiches in code order."""
    fiches = []
    for path in SAMPLE_GOLD_DIR.glob("*.json"):
        fiches.append(Fiche.from_dict(json.loads(path.read_text(encoding="utf-8"))))
    fiches.sort(key=lambda fiche: _code_key(fiche.code))
    return Dossier(municipality=SAMPLE_MUNICIPALITY, title=SAMPLE_TITLE, fiches=fiches, profile=sample_profile())


def sample_profile() -> Profile:
    return Profile.from_dict(json.loads(SAMPLE_PROFILE_PATH.read_text(encoding="utf-8")))
