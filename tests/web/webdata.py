"""Test data for the workbench tests: invented fiches, dossier files, users per role."""
from __future__ import annotations

import json
from pathlib import Path


def fiche_dict(code: str, title: str, **fields) -> dict:
    """A fiche in export form, with every field present."""
    data = {
        "code": code, "title": title, "ambitions": [], "current_line": "", "sources": [],
        "adjustment_moment": "", "external_changes": "", "partners": [], "advice": [],
        "policy_areas": [], "links": [], "footnotes": [], "related": [],
    }
    data.update(fields)
    return data


def base_fiches() -> list[dict]:
    """Three fiches of an invented municipality, enough for every page."""
    return [
        fiche_dict(
            "1A", "Bestaanszekerheid", ambitions=["inclusief"],
            current_line="We werken met de Duurzame Financiële Basis (DFB) voor elk huishouden.\n\nTweede alinea.",
            sources=[{"title": "Nota minimabeleid", "end_date": "31-12-2027"},
                     {"title": "Verordening kwijtschelding", "end_date": "Geen einddatum"}],
            adjustment_moment="De herijking van het minimabeleid in 2028",
            external_changes="Het Rijk verhoogt het eigen risico per 1 januari 2027.\n\nOnzekerheid over de WMO.",
            partners=["Voedselbank", "de Kredietbank Veenstreek", "Stichting Leergeld (regio)"],
            advice=["Kiest u voor een hogere inkomensgrens?", "Welke doelgroep gaat voor?"],
            related=["2A"],
        ),
        fiche_dict(
            "1B", "Jeugdhulp", ambitions=["inclusief", "open"],
            current_line="Lichte hulp dichtbij; de DFB geldt ook hier.",
            partners=["voedselbank", "Kredietbank Veenstreek B.V."],
            related=["1A"],
        ),
        fiche_dict(
            "2A", "Wonen", ambitions=["aantrekkelijk"],
            current_line="Bouwen voor starters.",
            sources=[{"title": "Woonvisie", "end_date": "2029"}],
            links=["https://example.org/woonvisie", "javascript:alert(1)"],
        ),
    ]


def write_dossier(path: Path, fiches: list[dict], municipality: str = "Lindeveen",
                  title: str = "Formatiedossier Lindeveen") -> Path:
    path.write_text(json.dumps({"municipality": municipality, "title": title, "fiches": fiches}),
                    encoding="utf-8")
    return path


def make_user(username: str, role: str | None = None, password: str = "geheim-wachtwoord-123"):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from akkoord.web.roles import ensure_roles

    ensure_roles()
    user = get_user_model().objects.create_user(username=username, password=password)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


