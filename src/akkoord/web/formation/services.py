"""Changing a formation: every write goes through here (views and commands stay thin).

Rows edited by several people are saved with ``save_with_revision``: the save names the
revision the editor started from, and is refused (``StaleEdit``) when someone else saved in
between, so that nobody overwrites another's text unseen.
"""
from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import F, Max
from django.utils.text import slugify

from akkoord.formation.advice import advice_items, match_items
from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion
from akkoord.web.formation.models import Formation, Membership, Party, Point, Position

log = logging.getLogger(__name__)
RELEASED = (DossierVersion.Status.RELEASED, DossierVersion.Status.PUBLIC)

# Which global role group goes with a formation role (gives read access to released dossiers).
ROLE_GROUPS = {
    Membership.Role.NEGOTIATOR: "onderhandelaar",
    Membership.Role.INFORMATEUR: "informateur",
    Membership.Role.FORMATEUR: "formateur",
    Membership.Role.SUPPORT: "ambtelijke ondersteuning",
    Membership.Role.READER: "lezer",
}


class FormationError(ValueError):
    """Bad input for a formation; the message is Dutch and fit to show."""


class StaleEdit(Exception):
    """Someone else saved the row after the editor loaded it."""

    def __init__(self, current):
        super().__init__("verouderde revisie")
        self.current = current


def audit(user, action: str, description: str, formation: Formation | None = None, actor: str = "",
          **details) -> AuditEvent:
    if formation is not None:
        details.setdefault("formation", formation.slug)
    return AuditEvent.objects.create(
        user=user if user is not None and getattr(user, "is_authenticated", False) else None,
        username=(getattr(user, "username", "") or actor or "")[:150],
        action=action,
        dossier=formation.dossier if formation is not None else None,
        description=description,
        details=details,
    )


# ------------------------------------------------------------------------------- formations


def released_version(dossier: Dossier) -> DossierVersion | None:
    return dossier.versions.filter(status__in=RELEASED).order_by("-number").first()


def formation_slug(name: str) -> str:
    base = slugify(name)[:70].strip("-") or "formatie"
    slug, n = base, 2
    while Formation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def parse_party(spec: str) -> tuple[str, str, int]:
    """``"Naam:AFK:zetels"`` → (name, abbreviation, seats)."""
    parts = spec.rsplit(":", 2)
    if len(parts) != 3 or not parts[0].strip() or not parts[1].strip():
        raise FormationError(f"partij '{spec}': schrijf als \"Naam:AFK:zetels\".")
    name, abbreviation, seats = (p.strip() for p in parts)
    if not seats.isdigit() or int(seats) < 1:
        raise FormationError(f"partij '{spec}': het aantal zetels moet een positief geheel getal zijn.")
    return name, abbreviation, int(seats)


@transaction.atomic
def create_formation(name: str, dossier: Dossier, parties: list[tuple[str, str, int]] = (), *,
                     council_seats: int | None = None, election_year: int | None = None,
                     municipality: str = "", creator=None, creator_role: str = "", actor: str = "",
                     version: DossierVersion | None = None) -> Formation:
    """A formation on the newest released version of ``dossier``, with a point for every advice item."""
    name = (name or "").strip()
    if not name:
        raise FormationError("geef de formatie een naam.")
    version = version or released_version(dossier)
    if version is None or version.status not in RELEASED:
        raise FormationError(f"het dossier '{dossier.slug}' heeft geen vrijgegeven versie; "
                             "een formatie werkt alleen met een vrijgegeven of openbare versie.")
    abbreviations = [p[1].lower() for p in parties]
    if len(set(abbreviations)) != len(abbreviations):
        raise FormationError("twee partijen hebben dezelfde afkorting.")
    seats_total = sum(p[2] for p in parties)
    council_seats = council_seats or seats_total
    if not council_seats:
        raise FormationError("geef het aantal zetels in de raad op (of de partijen met hun zetels).")
    if seats_total > council_seats:
        raise FormationError(f"de partijen hebben samen {seats_total} zetels, meer dan de raad ({council_seats}).")
    municipality = municipality or dossier.municipality or dossier.slug
    year = election_year or version.created_at.year
    if Formation.objects.filter(municipality=municipality, election_year=year).exists():
        raise FormationError(f"er is al een formatie voor {municipality} na de verkiezingen van {year}.")
    formation = Formation.objects.create(
        slug=formation_slug(name), name=name, municipality=municipality, election_year=year,
        council_seats=council_seats, dossier=dossier, version=version,
        dossier_slug=dossier.slug, version_number=version.number)
    for party_name, abbreviation, seats in parties:
        Party.objects.create(formation=formation, name=party_name, abbreviation=abbreviation, seats=seats)
    create_points(formation, version)
    if creator is not None and creator_role:
        add_member(formation, creator, creator_role)
    audit(creator, AuditEvent.Action.FORMATION, f"formatie '{name}' aangemaakt op {version}", formation,
          actor=actor, version=version.number)
    return formation


def create_points(formation: Formation, version: DossierVersion) -> int:
    """A point for every advice item of every fiche of ``version``, in dossier order."""
    number = (formation.points.aggregate(n=Max("number"))["n"] or 0)
    created = 0
    for fiche in version.fiches.order_by("position"):
        for item in advice_items(fiche.data):
            number += 1
            Point.objects.create(
                formation=formation, number=number, fiche_code=item.code, fiche_title=item.title,
                ambitions=list(item.ambitions), advice_index=item.index, advice_text=item.text,
                current_advice_text=item.text, advice_version=version.number,
                logical_moment=item.adjustment_moment, text=item.text, original_text=item.text)
            created += 1
    return created


@transaction.atomic
def follow_version(formation: Formation, version: DossierVersion) -> dict:
    """Link the formation's points to a newer released version of its dossier.

    Each point keeps its own text; it learns how the newer version words its advice item
    (same fiche code, item matched by text similarity), or that the item is gone. Advice
    items without a point become new points.
    """
    stats = {"changed": 0, "removed": 0, "added": 0}
    fiches = {f.code: f for f in version.fiches.order_by("position")}
    points = list(formation.points.exclude(fiche_code="").exclude(advice_index=None).filter(advice_removed=False))
    # Per fiche, the advice items the points refer to; split parts share their item.
    by_code: dict[str, dict[int, tuple[str, list[Point]]]] = {}
    for point in points:
        items = by_code.setdefault(point.fiche_code, {})
        items.setdefault(point.advice_index, (point.current_advice_text or point.advice_text, []))[1].append(point)
    matched_new: dict[str, set[int]] = {}
    for code, items in by_code.items():
        fiche = fiches.get(code)
        new_items = advice_items(fiche.data) if fiche else []
        mapping = match_items([(index, text) for index, (text, _) in items.items()],
                              [(i.index, i.text) for i in new_items])
        new_by_index = {i.index: i for i in new_items}
        matched_new[code] = set(mapping.values())
        for index, (_text, group) in items.items():
            item = new_by_index.get(mapping.get(index, -1))
            for point in group:
                before = (point.current_advice_text, point.advice_removed, point.advice_index)
                if item is None:
                    point.advice_removed = True
                else:
                    point.current_advice_text = item.text
                    point.advice_index = item.index
                    point.logical_moment = item.adjustment_moment or point.logical_moment
                point.advice_version = version.number
                if (point.current_advice_text, point.advice_removed, point.advice_index) != before:
                    stats["removed" if point.advice_removed else "changed"] += 1
                    point._change_reason = f"adviestekst gevolgd naar versie {version.number}"
                    point.save()
                else:
                    Point.objects.filter(pk=point.pk).update(advice_version=version.number)
    number = formation.points.aggregate(n=Max("number"))["n"] or 0
    for code, fiche in fiches.items():
        for item in advice_items(fiche.data):
            if item.index in matched_new.get(code, set()):
                continue
            number += 1
            Point.objects.create(
                formation=formation, number=number, fiche_code=item.code, fiche_title=item.title,
                ambitions=list(item.ambitions), advice_index=item.index, advice_text=item.text,
                current_advice_text=item.text, advice_version=version.number,
                logical_moment=item.adjustment_moment, text=item.text, original_text=item.text)
            stats["added"] += 1
    Formation.objects.filter(pk=formation.pk).update(version=version, version_number=version.number)
    return stats


def add_party(formation: Formation, name: str, abbreviation: str, seats: int) -> Party:
    if formation.parties.filter(abbreviation__iexact=abbreviation).exists():
        raise FormationError(f"er is al een partij met de afkorting {abbreviation}.")
    taken = sum(formation.parties.values_list("seats", flat=True))
    if taken + seats > formation.council_seats:
        raise FormationError(f"de partijen hebben dan samen {taken + seats} zetels, "
                             f"meer dan de raad ({formation.council_seats}).")
    return Party.objects.create(formation=formation, name=name, abbreviation=abbreviation, seats=seats)


def add_member(formation: Formation, user, role: str, party: Party | None = None) -> Membership:
    from django.contrib.auth.models import Group

    if role == Membership.Role.NEGOTIATOR and party is None:
        raise FormationError("een onderhandelaar hoort bij een partij.")
    if role != Membership.Role.NEGOTIATOR:
        party = None
    if party is not None and party.formation_id != formation.pk:
        raise FormationError("deze partij hoort niet bij deze formatie.")
    membership, _ = Membership.objects.update_or_create(formation=formation, user=user,
                                                        defaults={"role": role, "party": party})
    group = Group.objects.filter(name=ROLE_GROUPS[role]).first()
    if group is not None:
        user.groups.add(group)
    user.__dict__.pop("_akkoord_memberships", None)
    return membership


# ------------------------------------------------------------------------- optimistic locks


def save_with_revision(instance, expected_revision: int | None, reason: str = ""):
    """Save ``instance`` if its row still has ``expected_revision``; raise ``StaleEdit`` otherwise.

    The conditional UPDATE takes the row's write lock first, so of two simultaneous saves from
    the same revision exactly one wins, on SQLite and PostgreSQL alike.
    """
    model = type(instance)
    with transaction.atomic():
        if instance.pk is None:
            instance.revision = 1
            if reason:
                instance._change_reason = reason
            instance.save()
            return instance
        claimed = model.objects.filter(pk=instance.pk, revision=expected_revision).update(revision=F("revision") + 1)
        if not claimed:
            raise StaleEdit(model.objects.get(pk=instance.pk))
        instance.revision = expected_revision + 1
        if reason:
            instance._change_reason = reason
        instance.save()
    return instance


# ------------------------------------------------------------------------------------ points


def next_number(formation: Formation) -> int:
    return (formation.points.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def add_point(formation: Formation, text: str, fiche_code: str = "", fiche_title: str = "") -> Point:
    text = text.strip()
    if not text:
        raise FormationError("een punt heeft een tekst.")
    point = Point(formation=formation, number=next_number(formation), fiche_code=fiche_code,
                  fiche_title=fiche_title, text=text, original_text=text)
    point._change_reason = "punt toegevoegd"
    point.save()
    return point


@transaction.atomic
def merge_points(keep: Point, duplicate: Point) -> Point:
    """``duplicate`` is folded into ``keep``: it leaves the table, its history stays."""
    if keep.pk == duplicate.pk or keep.formation_id != duplicate.formation_id:
        raise FormationError("een punt kan alleen met een ander punt van dezelfde formatie samengaan.")
    if duplicate.merged_into_id:
        raise FormationError(f"punt {duplicate.number} is al samengevoegd.")
    if keep.merged_into_id:
        raise FormationError(f"punt {keep.number} is zelf samengevoegd met een ander punt.")
    duplicate.merged_into = keep
    duplicate._change_reason = f"samengevoegd met punt {keep.number}"
    duplicate.revision += 1
    duplicate.save()
    return keep


@transaction.atomic
def split_point(point: Point, texts: list[str]) -> list[Point]:
    """New points for each part, linked to ``point`` and its advice item; ``point`` keeps its text."""
    texts = [t.strip() for t in texts if t.strip()]
    if len(texts) < 1:
        raise FormationError("geef minstens één nieuw deelpunt.")
    parts = []
    for text in texts:
        part = Point(formation=point.formation, number=next_number(point.formation), fiche_code=point.fiche_code,
                     fiche_title=point.fiche_title, ambitions=point.ambitions, advice_index=point.advice_index,
                     advice_text=point.advice_text, current_advice_text=point.current_advice_text,
                     advice_version=point.advice_version, logical_moment=point.logical_moment,
                     text=text, original_text=text, split_from=point)
        part._change_reason = f"afgesplitst van punt {point.number}"
        part.save()
        parts.append(part)
    return parts


def active_points(formation: Formation):
    return formation.points.filter(merged_into__isnull=True)


# ---------------------------------------------------------------------------------- positions


def breakpoint_count(party: Party, exclude_point: Point | None = None) -> int:
    qs = Position.objects.filter(party=party, priority=Position.Priority.BREAKPOINT)
    if exclude_point is not None:
        qs = qs.exclude(point=exclude_point)
    return qs.count()
