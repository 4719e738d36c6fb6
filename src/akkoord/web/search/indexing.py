"""Filling the index: ``index_version(version)`` after an ingest or a status change.

Each fiche becomes a ``Document`` and one ``Posting`` per distinct term, whose *impact* is
the BM25F term weight: field frequencies weighted per field and normalised by field
length against fixed reference lengths, then saturated, ``tf / (K1 + tf)``. The reference
lengths are fixed (typical lengths of each field in a formation dossier) rather than
corpus averages, so a fiche's postings never depend on which other dossiers are loaded.
"""
from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from django.db import transaction

from akkoord.dossier import model as core
from akkoord.web.search import backend
from akkoord.web.search.analysis import fold, terms
from akkoord.web.search.models import Abbreviation, Document, IndexState, Term

# BM25 parameters.
K1 = 2.0
B = 0.75


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # Dutch, shown above a snippet
    weight: float
    reference_length: float  # typical number of terms in this field
    b: float = B  # length normalisation: titles are labels, long ones are not diluted much


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("code", "Code", 6.0, 1, 0.0),
    FieldSpec("title", "Onderwerp", 5.0, 4, 0.3),
    FieldSpec("current_line", core.FIELD_LABELS["current_line"], 1.5, 120),
    FieldSpec("advice", core.FIELD_LABELS["advice"], 1.5, 40),
    FieldSpec("external_changes", core.FIELD_LABELS["external_changes"], 1.0, 50),
    FieldSpec("adjustment_moment", core.FIELD_LABELS["adjustment_moment"], 0.8, 10),
    FieldSpec("partners", core.FIELD_LABELS["partners"], 1.2, 15),
    FieldSpec("policy_areas", core.FIELD_LABELS["policy_areas"], 1.0, 45),
    FieldSpec("sources", core.FIELD_LABELS["sources"], 1.0, 45),
    FieldSpec("footnotes", core.FIELD_LABELS["footnotes"], 0.5, 10),
    # Heading-structured dossiers: named sections, other tables (indicators), agenda items.
    FieldSpec("sections", "Overige paragrafen", 1.2, 120),
    FieldSpec("tables", "Tabellen", 0.8, 40),
    FieldSpec("agenda", "Raadsagenda", 1.0, 20),
    # The names of the ambitions a fiche serves, as the dossier's profile calls them.
    FieldSpec("ambitions", core.FIELD_LABELS["ambitions"], 0.4, 4, 0.3),
)
FIELD_INDEX = {spec.key: i for i, spec in enumerate(FIELDS)}
MAX_TERM_LENGTH = 60
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def field_texts(fiche: core.Fiche, vocabulary: dict[str, list[str]] | None = None) -> dict[str, str]:
    """The searchable text of every field of a fiche (original text, not analysed).
    ``vocabulary``: ambition key → the words that name it in the dossier's profile
    (``akkoord.web.dossiers.profiles.search_vocabulary``); without it the keys themselves."""
    vocabulary = vocabulary or {}
    return {
        "code": fiche.code,
        "title": fiche.title,
        "current_line": fiche.current_line,
        "advice": "\n\n".join(fiche.advice),
        "external_changes": fiche.external_changes,
        "adjustment_moment": fiche.adjustment_moment,
        "partners": "\n".join(fiche.partners),
        "policy_areas": "\n\n".join(
            " — ".join(part for part in (p.area, p.opportunity, p.risk) if part and part != "X")
            for p in fiche.policy_areas),
        "sources": "\n".join(f"{s.title} ({s.end_date})" if s.end_date else s.title for s in fiche.sources),
        "footnotes": "\n\n".join(fiche.footnotes),
        "sections": "\n\n".join(f"{s.title}\n\n{s.text}" if s.text else s.title for s in fiche.sections),
        "tables": "\n\n".join(_table_text(t) for t in fiche.tables),
        "agenda": "\n".join(f"{a.date}: {a.text}" if a.date else a.text for a in fiche.agenda),
        "ambitions": "\n".join(
            "; ".join(dict.fromkeys(vocabulary.get(key) or [key.replace("-", " ")])) for key in fiche.ambitions),
    }


def stored_field_texts(db_fiche) -> dict[str, str]:
    """``field_texts`` of a stored fiche, with its version's ambition names."""
    return field_texts(db_fiche.to_model(), version_vocabulary(db_fiche.version))


def version_vocabulary(version) -> dict[str, list[str]]:
    """The ambition vocabulary of a stored version's profile (see ``field_texts``)."""
    from akkoord.web.dossiers.profiles import ambition_vocabulary

    return ambition_vocabulary(version.core_profile())


def _table_text(table: core.Table) -> str:
    lines = [table.title, " | ".join(table.columns)]
    lines += [" | ".join(cell for cell in row if cell) for row in table.rows]
    return "\n".join(line for line in (*lines, table.note) if line)


def fiche_years(fiche: core.Fiche) -> list[str]:
    """Years in which something happens: the adjustment moment and the end dates of sources."""
    years: set[int] = set()
    texts = [fiche.adjustment_moment] + [s.end_date for s in fiche.sources]
    for text in texts:
        years.update(int(y) for y in _YEAR.findall(text or ""))
    intervals = list(fiche.adjustment_intervals) + [i for s in fiche.sources for i in s.end_intervals]
    for interval in intervals:
        try:
            first, last = int(interval.start[:4]), int(interval.end[:4])
        except (TypeError, ValueError):
            continue
        if 0 <= last - first <= 10:
            years.update(range(first, last + 1))
    return [str(y) for y in sorted(years) if 2000 <= y <= 2099]


def fiche_postings(fiche: core.Fiche, vocabulary: dict[str, list[str]] | None = None) -> dict[str, tuple[float, int]]:
    """term → (impact, field bit mask) for one fiche."""
    weighted: dict[str, float] = defaultdict(float)
    masks: dict[str, int] = defaultdict(int)
    for key, text in field_texts(fiche, vocabulary).items():
        if not text:
            continue
        spec = FIELDS[FIELD_INDEX[key]]
        field_terms = [t for t in terms(text) if len(t) <= MAX_TERM_LENGTH]
        if not field_terms:
            continue
        norm = 1 - spec.b + spec.b * len(field_terms) / spec.reference_length
        for term, count in Counter(field_terms).items():
            weighted[term] += spec.weight * count / norm
            masks[term] |= 1 << FIELD_INDEX[key]
    return {term: (tf / (K1 + tf), masks[term]) for term, tf in weighted.items()}


def _wrap(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    return "|" + "|".join(values) + "|" if values else ""


def _term_ids(texts: set[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    ordered = sorted(texts)
    for i in range(0, len(ordered), 500):
        ids.update(Term.objects.filter(text__in=ordered[i:i + 500]).values_list("text", "id"))
    missing = [t for t in ordered if t not in ids]
    if missing:
        Term.objects.bulk_create([Term(text=t) for t in missing], ignore_conflicts=True, batch_size=1000)
        for i in range(0, len(missing), 500):
            ids.update(Term.objects.filter(text__in=missing[i:i + 500]).values_list("text", "id"))
    return ids


def _index_fiches(version) -> None:
    """(Re)index every fiche of one version."""
    Document.objects.filter(version=version).delete()
    Abbreviation.objects.filter(version=version).delete()
    fiches = list(version.fiches.all())
    vocabulary = version_vocabulary(version)
    documents, per_fiche = [], []
    for db_fiche in fiches:
        fiche = db_fiche.to_model()
        documents.append(Document(
            fiche=db_fiche, version=version, dossier_id=version.dossier_id, code=db_fiche.code,
            chapter=db_fiche.chapter or fiche.chapter, ambitions=_wrap(fiche.ambitions),
            years=_wrap(fiche_years(fiche)), partners=_wrap(fold(p).strip() for p in fiche.partners)))
        per_fiche.append(fiche_postings(fiche, vocabulary))
    Document.objects.bulk_create(documents, batch_size=500)
    if not any(d.pk for d in documents):  # databases that do not return ids from bulk inserts
        by_fiche = dict(Document.objects.filter(version=version).values_list("fiche_id", "id"))
        for d in documents:
            d.pk = by_fiche[d.fiche_id]
    ids = _term_ids({t for postings in per_fiche for t in postings})
    rows = [(ids[term], document.pk, impact, mask)
            for document, postings in zip(documents, per_fiche)
            for term, (impact, mask) in postings.items()]
    backend.insert_postings(rows)
    _index_glossary(version)


def _index_glossary(version) -> None:
    try:
        from akkoord.dossier.glossary import extract_glossary
    except ImportError:  # pragma: no cover - the glossary module ships with the package
        return
    entries = extract_glossary(version.to_dossier())
    Abbreviation.objects.bulk_create([
        Abbreviation(version=version, abbreviation=e.abbreviation[:40], folded=fold(e.abbreviation)[:40],
                     expansion=e.expansion[:300])
        for e in entries if e.abbreviation and e.expansion])


def versions_to_keep(dossier) -> list:
    """The versions of a dossier that someone may see: the newest public one, the newest
    released-or-public one and the newest of all (a concept under review)."""
    from akkoord.web.dossiers.models import DossierVersion

    status = DossierVersion.Status
    versions = dossier.versions.order_by("-number")
    keep = [versions.first(),
            versions.filter(status__in=[status.RELEASED, status.PUBLIC]).first(),
            versions.filter(status=status.PUBLIC).first()]
    seen, out = set(), []
    for v in keep:
        if v is not None and v.pk not in seen:
            seen.add(v.pk)
            out.append(v)
    return out


def bump_generation() -> None:
    IndexState.objects.update_or_create(key="index", defaults={"generation": uuid.uuid4().hex})


@transaction.atomic
def index_version(version) -> None:
    """Index the fiches of ``version`` and drop the index of versions nobody can see any more.

    Called after every ingest and status change. Keeps the newest released and public
    versions of the same dossier indexed when ``version`` is a newer concept, so that
    negotiators keep their search while a concept is reviewed.
    """
    keep = versions_to_keep(version.dossier)
    keep_ids = {v.pk for v in keep}
    Document.objects.filter(dossier_id=version.dossier_id).exclude(version_id__in=keep_ids).delete()
    Abbreviation.objects.filter(version__dossier_id=version.dossier_id).exclude(version_id__in=keep_ids).delete()
    indexed = set(Document.objects.filter(version_id__in=keep_ids).values_list("version_id", flat=True).distinct())
    for v in keep:
        if v.pk == version.pk or v.pk not in indexed:
            _index_fiches(v)
    bump_generation()


@transaction.atomic
def rebuild_index() -> int:
    """Empty the index and index every visible version of every dossier again. Returns the
    number of indexed fiches."""
    from akkoord.web.dossiers.models import Dossier

    backend.clear_index()
    Abbreviation.objects.all().delete()
    Term.objects.all().delete()
    for dossier in Dossier.objects.all():
        for version in versions_to_keep(dossier):
            _index_fiches(version)
    bump_generation()
    backend.optimise()
    return Document.objects.count()
