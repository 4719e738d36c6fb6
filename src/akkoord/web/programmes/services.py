"""Storing, linking and reading the programmes of a formation.

``add_programme`` splits a file with the pure core (``akkoord.programmes``) in a child process
with limits on memory and time (``akkoord.programmes.isolation``), refuses bad input
with a Dutch message (``ProgrammeError``) before anything is stored, and stores the programme,
its passages and links in one transaction. ``relink`` scores every passage of the formation
again; corrections by hand (``Link.origin`` ``toegevoegd``/``verwijderd``) are kept.
``confirm_suggestion`` turns a suggestion into the party's position through the formation's
own ``save_with_revision`` (history, revision, visibility ``partij`` by default).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from akkoord.programmes.errors import ProgrammeError
from akkoord.programmes.link import Linker
from akkoord.programmes.split import Passage as CorePassage
from akkoord.dossier.isolation import Limits
from akkoord.programmes.isolation import split_isolated
from akkoord.programmes.stance import suggest_stance
from akkoord.web.formation import services as formation_services
from akkoord.web.formation.models import Formation, Party, Position
from akkoord.web.programmes.models import Link, Passage, PointLink, Programme, Suggestion

MAX_UPLOAD_BYTES = 30 * 1024 * 1024
STANCE_LABELS = {"eens": "eens", "oneens": "oneens", "voorwaardelijk": "voorwaardelijk"}


def find_party(formation: Formation, name: str) -> Party:
    """A party of the formation by abbreviation or name (case-insensitive)."""
    party = (formation.parties.filter(abbreviation__iexact=name).first()
             or formation.parties.filter(name__iexact=name).first())
    if party is None:
        known = ", ".join(formation.parties.values_list("abbreviation", flat=True)) or "geen"
        raise ProgrammeError(f"partij {name!r} hoort niet bij formatie {formation.name} (partijen: {known}).")
    return party


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def add_programme(formation: Formation, party: Party, path: Path, file_name: str = "", user=None) -> Programme:
    """Split, store and link one programme. ProgrammeError (nothing stored) for bad input."""
    path = Path(path)
    file_name = file_name or path.name
    if party.formation_id != formation.pk:
        raise ProgrammeError(f"partij {party.abbreviation} hoort niet bij formatie {formation.name}.")
    if not path.exists() or path.stat().st_size == 0:
        raise ProgrammeError(f"{file_name}: het bestand is leeg.")
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise ProgrammeError(f"{file_name}: te groot voor een programma (meer dan {MAX_UPLOAD_BYTES // 2**20} MB).")
    sha = file_hash(path)
    same = formation.programmes.filter(sha256=sha).select_related("party").first()
    if same is not None:
        raise ProgrammeError(f"{file_name}: dit bestand is al toegevoegd als programma van {same.party.abbreviation}.")
    if formation.programmes.filter(party=party).exists():
        raise ProgrammeError(f"{party.abbreviation} heeft al een programma in deze formatie; "
                             "verwijder dat eerst om een nieuw toe te voegen.")
    # Read in a child process with limits on memory and time (akkoord.dossier.isolation).
    split = split_isolated(path, Limits.from_environment(), name=file_name)
    with transaction.atomic():
        programme = Programme.objects.create(formation=formation, party=party, file_name=file_name[:255],
                                             sha256=sha, form=split.form, pages=split.pages,
                                             characters=split.characters, uploaded_by=user)
        Passage.objects.bulk_create([
            Passage(programme=programme, index=p.index, text=p.text, page=p.page, heading=p.heading[:500],
                    chapter=p.chapter[:500], kind=p.kind, language=p.language) for p in split.passages])
        relink(formation)
    return programme


@transaction.atomic
def delete_programme(programme: Programme) -> None:
    """Remove a programme with its passages, links and suggestions; positions confirmed from
    its suggestions are the party's own and stay."""
    formation = programme.formation
    programme.delete()
    relink(formation)


def linker_for(formation: Formation) -> Linker | None:
    if formation.version is None:
        return None
    return Linker(formation.version.to_dossier())


def _core(p: Passage) -> CorePassage:
    return CorePassage(p.index, p.text, p.page, p.heading, p.chapter, p.kind, p.language)


@transaction.atomic
def relink(formation: Formation) -> int:
    """Link every passage of the formation again; returns the number of links. Corrections by
    hand are kept, suggestions recomputed (confirmed ones stay confirmed)."""
    linker = linker_for(formation)
    passages = list(Passage.objects.filter(programme__formation=formation).select_related("programme"))
    Link.objects.filter(passage__programme__formation=formation, origin=Link.Origin.AUTO).delete()
    PointLink.objects.filter(passage__programme__formation=formation).delete()
    if linker is None or not passages:
        return 0
    manual = defaultdict(dict)
    for link in Link.objects.filter(passage__programme__formation=formation):
        manual[link.passage_id][link.fiche_code] = link.origin
    points = {}
    for point in formation_services.active_points(formation).exclude(fiche_code=""):
        points.setdefault((point.fiche_code, point.advice_index), point)
    advice_texts = {(p.fiche_code, p.advice_index): p.current_advice_text or p.advice_text for p in points.values()}
    cores = [_core(p) for p in passages]
    links, point_links = [], []
    for passage, found in zip(passages, linker.link(cores)):
        codes = set()
        for evidence in found.fiches:
            codes.add(evidence.code)
            if evidence.code in manual[passage.pk]:
                continue  # added or removed by hand: the hand wins
            links.append(Link(passage=passage, fiche_code=evidence.code, fiche_title=evidence.title[:500],
                              score=round(evidence.score, 3), reasons=evidence.reasons))
        for evidence in found.points:
            if manual[passage.pk].get(evidence.code) == Link.Origin.REMOVED:
                continue
            point = points.get((evidence.code, evidence.index))
            if point is None:
                continue
            stance, cues = suggest_stance(passage.text, advice_texts.get((evidence.code, evidence.index), ""))
            point_links.append(PointLink(passage=passage, point=point, score=round(evidence.score, 3),
                                         reasons=evidence.reasons, stance=stance, cues=cues))
    Link.objects.bulk_create(links)
    PointLink.objects.bulk_create(point_links)
    _suggest(formation)
    return len(links)


def _suggest(formation: Formation) -> None:
    """One suggestion per programme and point, from the strongest passages' stances."""
    by_key = defaultdict(list)
    for pl in PointLink.objects.filter(passage__programme__formation=formation).select_related("passage"):
        by_key[(pl.passage.programme_id, pl.point_id)].append(pl)
    existing = {(s.programme_id, s.point_id): s for s in Suggestion.objects.filter(programme__formation=formation)}
    for key, suggestion in existing.items():
        if key not in by_key and suggestion.confirmed_at is None:
            suggestion.delete()
    for (programme_id, point_id), pls in by_key.items():
        weight = defaultdict(float)
        for pl in pls:
            weight[pl.stance] += pl.score
        stance = max(weight.items(), key=lambda kv: kv[1])[0]
        suggestion = existing.get((programme_id, point_id))
        if suggestion is None:
            suggestion = Suggestion.objects.create(programme_id=programme_id, point_id=point_id, stance=stance)
        elif suggestion.confirmed_at is None and suggestion.stance != stance:
            suggestion.stance = stance
            suggestion.save(update_fields=["stance"])
        suggestion.passages.set([pl.passage for pl in sorted(pls, key=lambda pl: -pl.score)])


def correct_link(passage: Passage, fiche_code: str, keep: bool, user=None, fiche_title: str = "") -> Link:
    """Add (``keep``) or remove a link by hand; kept across re-runs."""
    origin = Link.Origin.ADDED if keep else Link.Origin.REMOVED
    link, _ = Link.objects.update_or_create(
        passage=passage, fiche_code=fiche_code,
        defaults={"origin": origin, "corrected_by": user, **({"fiche_title": fiche_title} if fiche_title else {})})
    if not keep:
        PointLink.objects.filter(passage=passage, point__fiche_code=fiche_code).delete()
    return link


def confirm_suggestion(suggestion: Suggestion, user, stance: str | None = None, explanation: str = "") -> Position:
    """The delegation takes the suggestion as its position (visibility ``partij`` for a new one;
    an existing position keeps its visibility). Goes through the formation's own
    ``save_with_revision`` so the position has its history and revision."""
    party = suggestion.programme.party
    point = suggestion.point
    stance = stance or suggestion.stance
    if stance not in STANCE_LABELS:
        raise ProgrammeError(f"onbekend standpunt {stance!r}.")
    pages = sorted({p.page for p in suggestion.passages.all()})
    note = explanation.strip() or (f"Volgens het verkiezingsprogramma (p. {', '.join(map(str, pages))}).")
    with transaction.atomic():
        current = Position.objects.select_for_update().filter(point=point, party=party).first()
        target = current or Position(point=point, party=party, visibility=Position.Visibility.PARTY)
        target.stance = stance
        target.explanation = note if not (current and current.explanation) else current.explanation
        formation_services.save_with_revision(target, current.revision if current else None,
                                              "bevestigd uit suggestie van het verkiezingsprogramma")
        suggestion.confirmed_at = timezone.now()
        suggestion.confirmed_by = user
        suggestion.save(update_fields=["confirmed_at", "confirmed_by"])
    return target


# ------------------------------------------------------------------------------ reading


def fiche_titles(formation: Formation) -> list[tuple[str, str]]:
    if formation.version is None:
        return []
    return list(formation.version.fiches.order_by("position").values_list("code", "title"))


def effective_links(formation: Formation):
    """Links that count (automatic and added by hand, not the removed ones)."""
    return Link.objects.filter(passage__programme__formation=formation).exclude(origin=Link.Origin.REMOVED)


def links_json(formation: Formation) -> list[dict]:
    """``[{"party", "passage", "page", "fiches": [{"code", "title", "score"}], "points": [...]}, …]``."""
    links = defaultdict(list)
    for link in effective_links(formation).order_by("-score"):
        links[link.passage_id].append({"code": link.fiche_code, "title": link.fiche_title,
                                       "score": round(link.score, 2), "reasons": link.reasons,
                                       "origin": link.origin})
    points = defaultdict(list)
    for pl in PointLink.objects.filter(passage__programme__formation=formation).select_related("point"):
        points[pl.passage_id].append({"number": pl.point.number, "label": pl.point.advice_label,
                                      "fiche": pl.point.fiche_code, "score": round(pl.score, 2),
                                      "reasons": pl.reasons, "suggested_stance": pl.stance})
    out = []
    for p in Passage.objects.filter(programme__formation=formation).select_related("programme__party") \
            .order_by("programme__party__name", "index"):
        out.append({"party": p.programme.party.abbreviation, "passage": p.text, "page": p.page,
                    "heading": p.heading, "kind": p.kind, "language": p.language,
                    "fiches": links[p.pk], "points": points[p.pk]})
    return out


def coverage(programme: Programme, titles: list[tuple[str, str]]) -> tuple[list, list]:
    """(covered fiches with passage counts, fiches the programme is silent on)."""
    counts = defaultdict(int)
    for link in Link.objects.filter(passage__programme=programme).exclude(origin=Link.Origin.REMOVED):
        counts[link.fiche_code] += 1
    covered = [(code, title, counts[code]) for code, title in titles if counts[code]]
    silent = [(code, title) for code, title in titles if not counts[code]]
    return covered, silent


def compare(formation: Formation, combination: list[Party]) -> dict:
    """How close the programmes of ``combination`` are: per point the suggested stances."""
    programmes = {p.party_id: p for p in formation.programmes.filter(party__in=combination)}
    same, conflict, single = [], [], []
    stances = defaultdict(dict)
    for s in Suggestion.objects.filter(programme__in=programmes.values()).select_related("point", "programme__party"):
        stances[s.point][s.programme.party.abbreviation] = s.stance
    for point, by_party in sorted(stances.items(), key=lambda kv: kv[0].number):
        values = set(by_party.values())
        if len(by_party) == 1:
            single.append((point, by_party))
        elif len(values) == 1:
            same.append((point, by_party))
        elif "eens" in values and "oneens" in values:
            conflict.append((point, by_party))
        else:
            same.append((point, by_party))
    fiche_parties = defaultdict(set)
    for link in effective_links(formation).filter(passage__programme__in=programmes.values()) \
            .select_related("passage__programme__party"):
        fiche_parties[link.fiche_code].add(link.passage.programme.party.abbreviation)
    only_one = sorted((code, next(iter(parties))) for code, parties in fiche_parties.items() if len(parties) == 1)
    compared = len(same) + len(conflict)
    total = len(same) + len(conflict) + len(single)
    shares = {key: round(100 * len(value) / total) if total else 0
              for key, value in (("same", same), ("conflict", conflict), ("single", single))}
    return {"shares": shares, "total": total,"same": same, "conflict": conflict, "single": single, "only_one": only_one,
            "agreement": round(100 * len(same) / compared) if compared else None,
            "with_programme": len(programmes)}
