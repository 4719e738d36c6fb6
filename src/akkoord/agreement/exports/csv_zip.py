"""Open data as CSV, one file per entity, zipped with a README of the fields; and back.

``to_csv_zip(agreement)`` writes the zip; ``agreement_from_csv_zip(data)`` reads it back into
the same agreement (``to_dict`` of both is equal). Files are UTF-8 with a header row, comma
separated; lists of date intervals are JSON text in their column.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from akkoord.agreement.model import (
    Afspraak, Agreement, AgreementFormatError, Ambition, Budget, DecisionRef, FicheRef, Interval, Milestone,
    PendingPoint, PointRef, Section, Smart, SourceRef,
)

# file → (columns with their Dutch description)
FILES: dict[str, list[tuple[str, str]]] = {
    "akkoord.csv": [
        ("schema", "versie van het formaat (akkoord-agreement/1)"), ("municipality", "gemeente"),
        ("formation_slug", "korte naam van de formatie"), ("formation_name", "naam van de formatie"),
        ("title", "titel van het akkoord"), ("version", "versienummer"),
        ("status", "concept of vastgesteld"), ("adopted_on", "datum van vaststelling (JJJJ-MM-DD)")],
    "opgaven.csv": [("key", "sleutel van de opgave"), ("label", "naam van de opgave"), ("order", "volgorde")],
    "secties.csv": [("key", "sleutel"), ("title", "titel"), ("text", "tekst"),
                    ("placement", "voor of na de afspraken"), ("order", "volgorde")],
    "afspraken.csv": [
        ("id", "vaste sleutel van de afspraak"), ("number", "nummer zoals in het akkoord (2.3)"),
        ("title", "titel"), ("text", "tekst van de afspraak"), ("ambition", "sleutel van de opgave"),
        ("ambition_label", "naam van de opgave"), ("fiche_code", "code van de fiche"),
        ("point_id", "sleutel van het beslispunt (zie punten.csv)"), ("adjustment_moment", "logisch moment om bij te sturen"),
        ("adjustment_intervals", "dat moment als datumintervallen (JSON)"), ("what", "wat (SMART)"),
        ("target", "meetbaar doel"), ("baseline", "nulmeting"), ("deadline", "uiterlijk (JJJJ-MM-DD)"),
        ("portfolio_holder", "portefeuillehouder")],
    "budget.csv": [("afspraak_id", "afspraak"), ("year", "begrotingsjaar"), ("amount", "bedrag in euro"),
                   ("kind", "structureel of incidenteel")],
    "mijlpalen.csv": [("afspraak_id", "afspraak"), ("date", "datum (JJJJ-MM-DD)"), ("text", "mijlpaal")],
    "punten.csv": [
        ("id", "sleutel van het beslispunt"), ("number", "nummer aan tafel"), ("text", "tekst van het punt"),
        ("fiche_code", "fiche"), ("ambition", "opgave"), ("advice_index", "adviespunt (0 = eerste)"),
        ("advice_text", "tekst van het adviespunt"), ("decision_id", "sleutel van het besluit"),
        ("decision_status", "besloten, geparkeerd, open of in-bespreking"), ("decision_text", "uitspraak"),
        ("list", "afspraak, geparkeerd of open")],
    "fiches.csv": [("code", "code van de fiche"), ("title", "onderwerp")],
    "bronnen.csv": [("fiche_code", "fiche"), ("title", "brondocument"), ("end_date", "einddatum zoals in de fiche"),
                    ("end_intervals", "einddatum als datumintervallen (JSON)")],
    "partners.csv": [("fiche_code", "fiche"), ("partner", "natuurlijke partner")],
    "beleidsterreinen.csv": [("fiche_code", "fiche"), ("area", "beleidsterrein"), ("opportunity", "(subsidie)kans"),
                             ("risk", "risico")],
    "standpunten.csv": [("afspraak_id", "afspraak"), ("party", "partij"), ("stance", "standpunt"),
                        ("explanation", "toelichting (alleen aan tafel gedeelde standpunten)")],
}


def readme() -> str:
    lines = ["# Coalitieakkoord als open data", "",
             "Elk bestand is UTF-8, kommagescheiden, met een kopregel. Sleutels verbinden de bestanden:",
             "een afspraak verwijst naar haar beslispunt (point_id) en fiche (fiche_code); bronnen,",
             "partners en beleidsterreinen horen bij een fiche. Hetzelfde akkoord staat als JSON in het",
             "formaat akkoord-agreement/1.", ""]
    for name, columns in FILES.items():
        lines += [f"## {name}", ""] + [f"- `{col}`: {desc}" for col, desc in columns] + [""]
    return "\n".join(lines)


def _intervals(items: list[Interval]) -> str:
    return json.dumps([i.to_dict() for i in items], ensure_ascii=False) if items else ""


def _rows(agreement: Agreement) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FILES}
    rows["akkoord.csv"].append({"schema": "akkoord-agreement/1", "municipality": agreement.municipality,
                                "formation_slug": agreement.formation_slug, "formation_name": agreement.formation_name,
                                "title": agreement.title, "version": agreement.version, "status": agreement.status,
                                "adopted_on": agreement.adopted_on})
    for i, a in enumerate(agreement.ambitions):
        rows["opgaven.csv"].append({"key": a.key, "label": a.label, "order": i})
    for i, s in enumerate(agreement.sections):
        rows["secties.csv"].append({"key": s.key, "title": s.title, "text": s.text, "placement": s.placement, "order": i})
    fiches: dict[str, tuple[FicheRef, list[SourceRef]]] = {}

    def fiche(ref: FicheRef, sources: list[SourceRef] | None) -> None:
        if not ref.code:
            return
        if ref.code not in fiches or (sources and not fiches[ref.code][1]):
            fiches[ref.code] = (ref, list(sources or []))

    def point(ref: PointRef, f: FicheRef, d: DecisionRef, ambition: str, kind: str) -> None:
        rows["punten.csv"].append({"id": ref.id, "number": "" if ref.number is None else ref.number, "text": ref.text,
                                   "fiche_code": f.code, "ambition": ambition,
                                   "advice_index": "" if ref.advice_index is None else ref.advice_index,
                                   "advice_text": ref.advice_text, "decision_id": d.id, "decision_status": d.status,
                                   "decision_text": d.text, "list": kind})

    for a in agreement.afspraken:
        s = a.smart
        rows["afspraken.csv"].append({
            "id": a.id, "number": a.number, "title": a.title, "text": a.text, "ambition": a.ambition,
            "ambition_label": a.ambition_label, "fiche_code": a.fiche.code, "point_id": a.point.id,
            "adjustment_moment": a.adjustment_moment, "adjustment_intervals": _intervals(a.adjustment_intervals),
            "what": s.what, "target": s.target, "baseline": s.baseline, "deadline": s.deadline,
            "portfolio_holder": s.portfolio_holder})
        rows["budget.csv"] += [{"afspraak_id": a.id, "year": b.year, "amount": b.amount, "kind": b.kind} for b in s.budget]
        rows["mijlpalen.csv"] += [{"afspraak_id": a.id, "date": m.date, "text": m.text} for m in s.milestones]
        rows["standpunten.csv"] += [{"afspraak_id": a.id, "party": p.get("party", ""), "stance": p.get("stance", ""),
                                     "explanation": p.get("explanation", "")} for p in a.positions]
        point(a.point, a.fiche, a.decision, a.ambition, "afspraak")
        fiche(a.fiche, a.sources)
    for kind, items in (("geparkeerd", agreement.parked), ("open", agreement.open)):
        for p in items:
            point(p.point, p.fiche, p.decision, p.ambition, kind)
            fiche(p.fiche, None)
    for code, (ref, sources) in fiches.items():
        rows["fiches.csv"].append({"code": code, "title": ref.title})
        rows["bronnen.csv"] += [{"fiche_code": code, "title": s.title, "end_date": s.end_date,
                                 "end_intervals": _intervals(s.end_intervals)} for s in sources]
        rows["partners.csv"] += [{"fiche_code": code, "partner": p} for p in ref.partners]
        rows["beleidsterreinen.csv"] += [{"fiche_code": code, **p} for p in ref.policy_areas]
    return rows


def to_csv_zip(agreement: Agreement) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", readme())
        for name, rows in _rows(agreement).items():
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=[c for c, _ in FILES[name]], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr(name, text.getvalue())
    return buffer.getvalue()


def _read(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    try:
        text = archive.read(name).decode("utf-8-sig")
    except KeyError:
        if name == "standpunten.csv":
            return []
        raise AgreementFormatError(f"Het bestand {name} ontbreekt in het zip-bestand.") from None
    return list(csv.DictReader(io.StringIO(text)))


def _interval_list(text: str) -> list[Interval]:
    return [Interval.from_dict(i) for i in json.loads(text)] if text else []


def agreement_from_csv_zip(data: bytes) -> Agreement:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise AgreementFormatError("Dit is geen zip-bestand met CSV-bestanden van een coalitieakkoord.") from None
    try:
        with archive:
            head = _read(archive, "akkoord.csv")
            if not head:
                raise AgreementFormatError("akkoord.csv is leeg.")
            h = head[0]
            fiches = {r["code"]: r["title"] for r in _read(archive, "fiches.csv")}
            sources: dict[str, list[SourceRef]] = {}
            for r in _read(archive, "bronnen.csv"):
                sources.setdefault(r["fiche_code"], []).append(
                    SourceRef(r["title"], r["end_date"], _interval_list(r["end_intervals"])))
            partners: dict[str, list[str]] = {}
            for r in _read(archive, "partners.csv"):
                partners.setdefault(r["fiche_code"], []).append(r["partner"])
            areas: dict[str, list[dict[str, str]]] = {}
            for r in _read(archive, "beleidsterreinen.csv"):
                areas.setdefault(r["fiche_code"], []).append(
                    {"area": r["area"], "opportunity": r["opportunity"], "risk": r["risk"]})

            def fiche_ref(code: str) -> FicheRef:
                return FicheRef(code, fiches.get(code, ""), partners.get(code, []), areas.get(code, [])) if code else FicheRef()

            points = {r["id"]: r for r in _read(archive, "punten.csv")}

            def point_ref(r: dict[str, str]) -> PointRef:
                return PointRef(r["id"], r["text"], int(r["advice_index"]) if r["advice_index"] else None,
                                r["advice_text"], int(r["number"]) if r["number"] else None)

            def decision_ref(r: dict[str, str]) -> DecisionRef:
                return DecisionRef(r["decision_id"], r["decision_status"], r["decision_text"])

            budgets: dict[str, list[Budget]] = {}
            for r in _read(archive, "budget.csv"):
                budgets.setdefault(r["afspraak_id"], []).append(Budget(int(r["year"]), int(r["amount"]), r["kind"]))
            milestones: dict[str, list[Milestone]] = {}
            for r in _read(archive, "mijlpalen.csv"):
                milestones.setdefault(r["afspraak_id"], []).append(Milestone(r["date"], r["text"]))
            positions: dict[str, list[dict[str, str]]] = {}
            for r in _read(archive, "standpunten.csv"):
                positions.setdefault(r["afspraak_id"], []).append(
                    {"party": r["party"], "stance": r["stance"], "explanation": r["explanation"]})
            afspraken = []
            for r in _read(archive, "afspraken.csv"):
                p = points.get(r["point_id"])
                if p is None:
                    raise AgreementFormatError(f"Afspraak {r['number']} verwijst naar een onbekend beslispunt.")
                afspraken.append(Afspraak(
                    id=r["id"], number=r["number"], title=r["title"], text=r["text"], ambition=r["ambition"],
                    ambition_label=r["ambition_label"], fiche=fiche_ref(r["fiche_code"]), point=point_ref(p),
                    decision=decision_ref(p), sources=list(sources.get(r["fiche_code"], [])),
                    adjustment_moment=r["adjustment_moment"],
                    adjustment_intervals=_interval_list(r["adjustment_intervals"]),
                    smart=Smart(r["what"], r["target"], r["baseline"], r["deadline"], r["portfolio_holder"],
                                budgets.get(r["id"], []), milestones.get(r["id"], [])),
                    positions=positions.get(r["id"], [])))
            pending = {"geparkeerd": [], "open": []}
            for r in points.values():
                if r["list"] in pending:
                    pending[r["list"]].append(PendingPoint(point_ref(r), fiche_ref(r["fiche_code"]), decision_ref(r),
                                                           r["ambition"]))
            return Agreement(
                municipality=h["municipality"], formation_slug=h["formation_slug"], formation_name=h["formation_name"],
                title=h["title"], version=int(h["version"] or 1), status=h["status"], adopted_on=h["adopted_on"],
                sections=[Section(r["key"], r["title"], r["text"], r["placement"])
                          for r in sorted(_read(archive, "secties.csv"), key=lambda r: int(r["order"] or 0))],
                ambitions=[Ambition(r["key"], r["label"])
                           for r in sorted(_read(archive, "opgaven.csv"), key=lambda r: int(r["order"] or 0))],
                afspraken=afspraken, parked=pending["geparkeerd"], open=pending["open"])
    except (KeyError, ValueError) as exc:
        if isinstance(exc, AgreementFormatError):
            raise
        raise AgreementFormatError(f"De CSV-bestanden zijn onvolledig of beschadigd ({exc}).") from exc
