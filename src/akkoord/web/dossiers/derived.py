"""Per-version data the pages derive from the fiches, computed once and stored.

The glossary, the partner index, the timeline items and the quality findings are pure
functions of a version's fiches (which never change after ingest) and of the code that
computes them. They are computed at ingest (``store``) and kept in ``DerivedData``; a page
reads them back (``load``) instead of recomputing them per request. A row made by other
code (another ``FINGERPRINT``: the package version and ``FORMAT``) or missing (versions stored before this existed) is
computed when first read. Findings also depend on the day (an end date can expire), so they
are recomputed when the stored ones are from another day.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from datetime import date

import akkoord
from akkoord.dossier import model as core
from akkoord.dossier.glossary import GlossaryEntry, extract_glossary
from akkoord.dossier.partners import PartnerEntry, partner_index
from akkoord.web.dossiers import timeline as tl

# Which code made a stored row. Raise FORMAT when the stored data changes meaning or when the
# glossary, partner, timeline or check rules change what they derive; rows of another
# fingerprint are recomputed when read (or all at once by ``akkoord reindex``).
FORMAT = 3
FINGERPRINT = f"{akkoord.__version__}/{FORMAT}"


@dataclass
class Derived:
    glossary: list[GlossaryEntry]
    partners: list[PartnerEntry]
    timeline: list[tl.FicheItems]
    dates_available: bool


# ------------------------------------------------------------------------- computing

def compute(dossier: core.Dossier) -> dict:
    """The derived data of a dossier, as JSON-compatible values."""
    glossary = extract_glossary(dossier, include_undefined=True)
    partners = partner_index(dossier, {e.abbreviation: e.expansion for e in glossary if e.expansion})
    items, dates_available = tl.collect_items(dossier)
    return {
        "glossary": [asdict(e) for e in glossary],
        "partners": [{"name": e.name, "variants": list(e.variants), "fiches": list(e.fiches),
                      "mentions": [list(m) for m in e.mentions]} for e in partners],
        "timeline": [f.to_dict() for f in items],
        "dates_available": dates_available,
    }


def compute_findings(dossier: core.Dossier, today: date) -> list[dict] | None:
    """The quality checker's findings as dicts; None while the checker does not exist."""
    try:
        from akkoord.dossier.checks import check_dossier
    except ImportError:
        return None
    return [f.to_dict() for f in check_dossier(dossier, today)]


def store(version, dossier: core.Dossier | None = None):
    """Compute and keep the derived data of ``version`` (``dossier``: its fiches, if at hand)."""
    from akkoord.web.dossiers.models import DerivedData

    dossier = dossier if dossier is not None else version.to_dossier()
    today = date.today()
    findings = compute_findings(dossier, today)
    row, _ = DerivedData.objects.update_or_create(version=version, defaults={
        "fingerprint": FINGERPRINT, "data": compute(dossier),
        "findings_day": today if findings is not None else None, "findings": findings or []})
    return row


def _row(version, dossier_factory):
    from akkoord.web.dossiers.models import DerivedData

    row = DerivedData.objects.filter(version_id=version.pk).first()
    if row is None or row.fingerprint != FINGERPRINT:
        row = store(version, dossier_factory())
    return row


# ------------------------------------------------------------------------- reading

# A version's derived data never changes: each process keeps the last few it decoded.
_LOADED: "OrderedDict[tuple, Derived]" = OrderedDict()
_LOADED_SIZE = 32
_LOADED_LOCK = threading.Lock()


def load(version, dossier_factory=None) -> Derived:
    """The derived data of ``version``, computed now if missing or made by other code.
    ``dossier_factory``: returns the version's core dossier (when the caller has it)."""
    from akkoord.web.dossiers.models import DerivedData

    stored = DerivedData.objects.filter(version_id=version.pk).values_list("fingerprint", flat=True).first()
    key = (version.pk, version.created_at, stored)
    if stored == FINGERPRINT:
        with _LOADED_LOCK:
            if key in _LOADED:
                _LOADED.move_to_end(key)
                return _LOADED[key]
    row = _row(version, dossier_factory or version.to_dossier)
    derived = _decode(row.data)
    with _LOADED_LOCK:
        _LOADED[(version.pk, version.created_at, row.fingerprint)] = derived
        while len(_LOADED) > _LOADED_SIZE:
            _LOADED.popitem(last=False)
    return derived


def _decode(data: dict) -> Derived:
    return Derived(
        glossary=[GlossaryEntry(**e) for e in data["glossary"]],
        partners=[PartnerEntry(e["name"], list(e["variants"]), list(e["fiches"]),
                               [tuple(m) for m in e["mentions"]]) for e in data["partners"]],
        timeline=[tl.FicheItems.from_dict(f) for f in data["timeline"]],
        dates_available=bool(data["dates_available"]),
    )


def findings(version, dossier_factory=None) -> list | None:
    """The quality findings of ``version`` (``Finding`` objects) as of today; None while the
    checker does not exist."""
    try:
        from akkoord.dossier.checks import Finding
    except ImportError:
        return None
    from akkoord.web.dossiers.models import DerivedData

    factory = dossier_factory or version.to_dossier
    row = _row(version, factory)
    today = date.today()
    if row.findings_day != today:
        values = compute_findings(factory(), today) or []
        DerivedData.objects.filter(pk=row.pk).update(findings=values, findings_day=today)
        row.findings, row.findings_day = values, today
    return [Finding(**f) for f in row.findings]
