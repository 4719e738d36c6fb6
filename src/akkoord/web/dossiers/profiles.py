"""The profiles of stored dossiers, for the pages and apps that show or filter by ambition.

``ambition_choices`` and ``ambition_labels`` give the ambitions (keys, names, colours) of the
profiles of some versions, so that the search app names and offers the ambitions of the
dossiers it searches instead of a fixed list.
"""
from __future__ import annotations

from typing import Iterable

from akkoord.dossier.profile import Profile, default_profile


def profiles_of(version_ids: Iterable[int] | None = None) -> list[Profile]:
    """The distinct profiles of these versions (all versions when None), else the built-in one."""
    from akkoord.web.dossiers.models import DossierVersion

    rows = DossierVersion.objects.all()
    if version_ids is not None:
        rows = rows.filter(pk__in=list(version_ids))
    seen, out = set(), []
    for (data,) in rows.values_list("profile").distinct():
        profile = Profile.from_dict(data) if data else default_profile()
        key = tuple(profile.ambition_choices())
        if key not in seen:
            seen.add(key)
            out.append(profile)
    return out or [default_profile()]


def version_ambitions(version) -> list[tuple[str, str]]:
    """(key, name) of the ambitions of one dossier version's profile (the built-in profile's
    without a version), for the formation and agreement pages."""
    if version is None:
        return default_profile().ambition_choices()
    return version.core_profile().ambition_choices()


def ambition_choices(version_ids: Iterable[int] | None = None) -> list[tuple[str, str]]:
    """(key, name) of every ambition in these versions' profiles, each key once; a key that
    dossiers name differently carries all its names (``Groen / Groen en blauw``)."""
    out: dict[str, list[str]] = {}
    for profile in profiles_of(version_ids):
        for key, name in profile.ambition_choices():
            names = out.setdefault(key, [])
            if name not in names:
                names.append(name)
    return [(key, " / ".join(names)) for key, names in out.items()]


def ambition_labels(version_ids: Iterable[int] | None = None) -> dict[str, str]:
    return dict(ambition_choices(version_ids))


def search_vocabulary(version_ids: Iterable[int] | None = None) -> dict[str, list[str]]:
    """What the search may read from the profiles: each ambition key with the words that name
    it (its name and phrases), so a question naming an ambition can find its fiches."""
    out: dict[str, list[str]] = {}
    for profile in profiles_of(version_ids):
        for key, phrases in ambition_vocabulary(profile).items():
            words = out.setdefault(key, [])
            words.extend(p for p in phrases if p not in words)
    return out


def ambition_vocabulary(profile: Profile) -> dict[str, list[str]]:
    """Each ambition key of one profile with the words that name it: its name and phrases."""
    return {amb.key: list(dict.fromkeys([amb.name.lower(), *amb.phrases])) for amb in profile.ambitions}
