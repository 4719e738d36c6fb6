"""Open data and the annual progress report (voortgangsrapportage) as DOCX and PDF."""
from __future__ import annotations

import io
from datetime import date

from django.template.loader import render_to_string
from django.utils import timezone

from akkoord.monitoring import rollup
from akkoord.monitoring.status import BY_KEY, OVERDUE_DEFINITION, STATUSES, is_overdue
from akkoord.web.monitoring import services
from akkoord.web.monitoring.models import Programme, Update

SCHEMA = "akkoord-monitoring/1"


def open_data(programme: Programme) -> dict:
    """Everything a published dashboard shows, as JSON (JSON Schema: docs/schemas/monitoring.schema.json)."""
    today = timezone.localdate()
    updates: dict[int, list] = {}
    for u in (Update.objects.filter(commitment__programme=programme).order_by("commitment_id", "-day", "-created_at")):
        updates.setdefault(u.commitment_id, []).append({
            "datum": u.day.isoformat(), "soort": u.kind, "status": u.status, "vorige_status": u.old_status,
            "voortgang": u.progress, "toelichting": u.text, "bewijs": u.evidence,
            "raadsbesluit": ({"titel": u.decision_title, "url": u.decision_url} if u.decision_title else None),
            "tekst_voor": u.old_text or None, "tekst_na": u.new_text or None,
        })
    commitments = []
    for c in programme.commitments.prefetch_related("milestones").order_by("position"):
        commitments.append({
            "id": c.key, "nummer": c.number, "titel": c.title, "tekst": c.text,
            "ambitie": {"key": c.ambition, "label": c.ambition_label},
            "fiche": {"code": c.fiche_code, "titel": c.fiche_title}, "herkomst": c.trace,
            "portefeuillehouder": c.portfolio_holder, "deadline": c.deadline.isoformat() if c.deadline else None,
            "doel": c.target, "nulmeting": c.baseline, "budget": c.budget, "gewicht": float(c.weight),
            "status": c.status, "voortgang": c.progress, "te_laat": is_overdue(c.status, c.deadline, today),
            "bronnen": c.sources, "logisch_moment": c.adjustment_moment,
            "mijlpalen": [{"datum": m.day.isoformat() if m.day else None, "tekst": m.text,
                           "gehaald_op": m.done_on.isoformat() if m.done_on else None} for m in c.milestones.all()],
            "updates": updates.get(c.pk, []),
        })
    return {
        "schema": SCHEMA, "titel": programme.title, "gemeente": programme.municipality,
        "periode": [programme.term_start, programme.term_end],
        "vastgesteld_op": programme.adopted_on.isoformat() if programme.adopted_on else None,
        "statussen": [{"key": s.key, "label": s.label, "definitie": s.definition} for s in STATUSES],
        "te_laat_definitie": OVERDUE_DEFINITION, "voortgangsformule": rollup.formula_lines(),
        "afspraken": commitments,
    }


def _report_data(programme: Programme, year: int) -> dict:
    data = services.dashboard(programme)
    start, end = date(year, 1, 1), date(year, 12, 31)
    year_updates: dict[int, list[Update]] = {}
    for u in (Update.objects.filter(commitment__programme=programme, day__range=(start, end))
              .exclude(kind=Update.Kind.ADOPTED).order_by("day", "created_at")):
        year_updates.setdefault(u.commitment_id, []).append(u)
    sections = []
    for group in data.by_ambition:
        keys = {i.key for i in group.items}
        members = [c for c in data.commitments if c.key in keys]
        for c in members:
            c.year_updates = year_updates.get(c.pk, [])
            c.status_label_text = BY_KEY[c.status].label if c.status in BY_KEY else c.status
        sections.append({"group": group, "commitments": members})
    return {"programme": programme, "year": year, "data": data, "sections": sections,
            "formula": rollup.formula_lines(), "statuses": STATUSES, "made_on": timezone.localdate()}


def progress_pdf(programme: Programme, year: int) -> bytes:
    from weasyprint import HTML

    html = render_to_string("monitoring/report.html", _report_data(programme, year))
    return HTML(string=html, base_url=None).write_pdf()


def progress_docx(programme: Programme, year: int) -> bytes:
    from docx import Document
    from docx.shared import Pt

    ctx = _report_data(programme, year)
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(f"Voortgangsrapportage {year}", level=0)
    document.add_paragraph(f"{programme.title}{', gemeente ' + programme.municipality if programme.municipality else ''}."
                           f" Stand op {ctx['made_on']:%d-%m-%Y}.")
    document.add_heading("Samenvatting", level=1)
    overall = ctx["data"].overall
    document.add_paragraph(f"Voortgang van het hele akkoord: {'—' if overall is None else f'{overall:.0f}%'}; "
                           f"{len(ctx['data'].overdue)} afspraken zijn te laat.")
    table = document.add_table(rows=1, cols=len(STATUSES) + 2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = "Opgave"
    for i, status in enumerate(STATUSES, start=1):
        header[i].text = status.label
    header[-1].text = "Voortgang"
    for section in ctx["sections"]:
        group = section["group"]
        cells = table.add_row().cells
        cells[0].text = group.label
        for i, status in enumerate(STATUSES, start=1):
            cells[i].text = str(group.counts.get(status.key, 0))
        cells[-1].text = "—" if group.progress is None else f"{group.progress:.0f}%"
    for line in ctx["formula"]:
        document.add_paragraph(line, style="List Bullet")
    for section in ctx["sections"]:
        document.add_heading(section["group"].label, level=1)
        for c in section["commitments"]:
            document.add_heading(f"{c.number} {c.title}".strip(), level=2)
            facts = [f"Status: {c.status_label_text}"]
            if c.progress is not None:
                facts.append(f"voortgang {c.progress}%")
            if c.deadline:
                facts.append(f"deadline {c.deadline:%d-%m-%Y}" + (" (te laat)" if c.overdue else ""))
            if c.portfolio_holder:
                facts.append(f"portefeuillehouder {c.portfolio_holder}")
            document.add_paragraph("; ".join(facts) + ".")
            if c.year_updates:
                for u in c.year_updates:
                    document.add_paragraph(f"{u.day:%d-%m-%Y} ({u.status_label}): {u.text}", style="List Bullet")
            else:
                document.add_paragraph(f"Geen updates in {ctx['year']}.")
    document.add_heading("Statussen", level=1)
    for status in STATUSES:
        document.add_paragraph(f"{status.label}: {status.definition}", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


OPEN_DATA_README = """Open data van de uitvoering van een coalitieakkoord (Akkoord)

afspraken.csv  een regel per afspraak: id, nummer, titel, ambitie, fiche, portefeuillehouder,
               deadline (JJJJ-MM-DD), status, voortgang (0-100 of leeg), te_laat (ja/nee),
               laatste_update, toelichting (van de nieuwste update), bewijs. Hetzelfde formaat
               leest 'akkoord monitor import' weer in.
updates.csv    een regel per update: afspraak (id), datum, soort (vastgesteld, voortgang,
               koerswijziging), vorige_status, status, voortgang, toelichting, bewijs (links,
               gescheiden door spaties), raadsbesluit, raadsbesluit_url.
mijlpalen.csv  een regel per mijlpaal: afspraak (id), datum, mijlpaal, gehaald_op.
De statussen en hun betekenis, en de formule van de voortgang, staan in open-data.json
(schema: akkoord-monitoring/1).
"""


def open_data_zip(programme: Programme) -> bytes:
    """The open data as CSV per entity (afspraken, updates, mijlpalen), zipped with a README."""
    import csv
    import zipfile

    def table(header: list[str], rows) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()

    data = open_data(programme)
    updates = [[a["id"], u["datum"], u["soort"], u["vorige_status"], u["status"],
                "" if u["voortgang"] is None else u["voortgang"], u["toelichting"],
                " ".join(e["url"] for e in u["bewijs"]), (u["raadsbesluit"] or {}).get("titel", ""),
                (u["raadsbesluit"] or {}).get("url", "")]
               for a in data["afspraken"] for u in a["updates"]]
    milestones = [[a["id"], m["datum"] or "", m["tekst"], m["gehaald_op"] or ""]
                  for a in data["afspraken"] for m in a["mijlpalen"]]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LEESMIJ.txt", OPEN_DATA_README)
        archive.writestr("afspraken.csv", services.export_csv(programme))
        archive.writestr("updates.csv", table(["afspraak", "datum", "soort", "vorige_status", "status", "voortgang",
                                               "toelichting", "bewijs", "raadsbesluit", "raadsbesluit_url"], updates))
        archive.writestr("mijlpalen.csv", table(["afspraak", "datum", "mijlpaal", "gehaald_op"], milestones))
    return buffer.getvalue()
