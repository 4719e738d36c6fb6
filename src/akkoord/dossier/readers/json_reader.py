"""Reader for a dossier exported as JSON (``akkoord parse --format json``), so that an
export can be checked, published or exported again without the original document.

Accepts the export form (an object with ``fiches``), a single fiche (an object with
``code``, as in the reference annotations) or a list of fiches.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from akkoord.dossier.errors import DossierError
from akkoord.dossier.readers.files import MAX_TEXT_BYTES, read_bytes
from akkoord.dossier.model import Dossier, Fiche, ReadResult, ReaderWarning, code_problem
from akkoord.dossier.profile import PALETTE, Ambition, Profile, default_profile, term_from_title


_STRING_FIELDS = ("code", "title", "current_line", "adjustment_moment", "external_changes")
_STRING_LIST_FIELDS = ("ambitions", "partners", "advice", "links", "footnotes", "related")
_OBJECT_LIST_FIELDS = ("sources", "policy_areas", "adjustment_intervals")


def _check_fiche(data: Any, position: int, name: str) -> None:
    where = f"{name}: fiche {position}"
    if not isinstance(data, dict):
        raise DossierError(f"{where} is geen object.")
    problem = code_problem(data.get("code"))
    if problem:
        raise DossierError(f"{where} {problem}.")
    where = f"{name}: fiche {data['code']}"
    for key in _STRING_FIELDS:
        if key in data and not isinstance(data[key], str):
            raise DossierError(f"{where}: veld '{key}' moet tekst zijn.")
    for key in _STRING_LIST_FIELDS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(i, str) for i in data[key])):
            raise DossierError(f"{where}: veld '{key}' moet een lijst van teksten zijn.")
    for key in _OBJECT_LIST_FIELDS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(i, dict) for i in data[key])):
            raise DossierError(f"{where}: veld '{key}' moet een lijst van objecten zijn.")
    for source in data.get("sources", []):
        for key in ("title", "end_date"):
            if key in source and not isinstance(source[key], str):
                raise DossierError(f"{where}: een bron heeft een '{key}' die geen tekst is.")
        for interval in source.get("end_intervals", []) or []:
            _check_interval(interval, where)
    for area in data.get("policy_areas", []):
        if any(key in area and not isinstance(area[key], str) for key in ("area", "opportunity", "risk")):
            raise DossierError(f"{where}: een beleidsterrein heeft een veld dat geen tekst is.")
    for interval in data.get("adjustment_intervals", []):
        _check_interval(interval, where)


def _check_interval(interval: Any, where: str) -> None:
    if not (isinstance(interval, dict) and all(isinstance(interval.get(k), str) for k in ("text", "start", "end"))):
        raise DossierError(f"{where}: een datuminterval mist 'text', 'start' of 'end'.")


def parse_json_dossier(text: str, name: str = "invoer") -> ReadResult:
    """Read a dossier from JSON text. Raises DossierError for anything else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DossierError(f"{name}: geen geldige JSON (fout op regel {exc.lineno}, kolom {exc.colno}).") from None
    except RecursionError:
        raise DossierError(f"{name}: de JSON is te diep genest; geen dossier-export.") from None
    warnings: list[ReaderWarning] = []
    if isinstance(data, dict) and "fiches" in data:
        fiches = data["fiches"]
        if not isinstance(fiches, list):
            raise DossierError(f"{name}: 'fiches' moet een lijst zijn.")
        for key in ("municipality", "title"):
            if key in data and not isinstance(data[key], str):
                raise DossierError(f"{name}: veld '{key}' moet tekst zijn.")
        municipality, title = data.get("municipality", ""), data.get("title", "")
    elif isinstance(data, dict) and "code" in data:
        fiches, municipality, title = [data], "", ""
    elif isinstance(data, list):
        fiches, municipality, title = data, "", ""
    else:
        raise DossierError(f"{name}: JSON zonder fiches; geen dossier-export.")
    for position, fiche in enumerate(fiches, start=1):
        _check_fiche(fiche, position, name)
    dossier = Dossier(municipality=municipality, title=title, fiches=[Fiche.from_dict(f) for f in fiches])
    dossier.profile = _profile(data, dossier)
    if not dossier.fiches:
        warnings.append(ReaderWarning("Het bestand bevat geen fiches.", kind="empty-dossier"))
    return ReadResult(dossier=dossier, reader="json", warnings=warnings)


def _profile(data, dossier: Dossier) -> Profile:
    """The export's own profile, or one made from the ambition keys its fiches use (the
    built-in template's names where it knows the key)."""
    if isinstance(data, dict) and isinstance(data.get("profile"), dict):
        profile = Profile.from_dict(data["profile"])
    else:
        profile = default_profile()
        used = [k for f in dossier.fiches for k in f.ambitions]
        if used and not set(used) <= set(profile.ambition_keys):
            profile.name, profile.ambitions = "", []
        for key in dict.fromkeys(used):
            if key not in profile.ambition_keys:
                profile.ambitions.append(Ambition(key=key, name=key.replace("-", " ").capitalize(),
                                                  colour=PALETTE[len(profile.ambitions) % len(PALETTE)]))
    profile.municipality = profile.municipality or dossier.municipality
    profile.term = profile.term or term_from_title(dossier.title)
    return profile


def read_json(path: str | Path) -> ReadResult:
    path = Path(path)
    raw = read_bytes(path, MAX_TEXT_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DossierError(f"{path.name}: JSON-bestand is geen geldige UTF-8-tekst.") from None
    return parse_json_dossier(text, path.name)
