"""The agreement as Markdown: headings per ambition, numbered afspraken, the annex table."""
from __future__ import annotations

from akkoord.agreement.finance import euro, financial_overview
from akkoord.agreement.model import Agreement, PendingPoint
from akkoord.agreement.exports.common import (
    ANNEX_HEADERS, ANNEX_TITLE, CONFIDENTIAL_MARK, OPEN_TITLE, PARKED_TITLE, annex_rows, document_title,
    dutch_date, point_label, status_line,
)


def _esc(text: str) -> str:
    """Markdown renderers pass raw HTML through: keep angle brackets as text."""
    return (text or "").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    return _esc(" ".join((text or "").split())).replace("|", "\\|")


def _table(headers, rows) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_cell(str(c)) for c in row) + " |" for row in rows]
    return out


def _pending(title: str, items: list[PendingPoint], empty: str) -> list[str]:
    out = [f"## {title}", ""]
    if not items:
        return out + [f"*{empty}*", ""]
    for item in items:
        where = f" (fiche {item.fiche.code})" if item.fiche.code else ""
        extra = f" — {_cell(item.decision.text)}" if item.decision.text else ""
        out.append(f"- **Punt {item.point.number}**{where}: {_cell(item.point.text)}{extra}")
    return out + [""]


def to_markdown(agreement: Agreement) -> str:
    out = [f"# {_cell(document_title(agreement))}", "", _cell(f"Gemeente {agreement.municipality} · {agreement.formation_name}"),
           "", f"*{status_line(agreement)}*", ""]
    if agreement.is_draft:
        out += [f"> **{CONFIDENTIAL_MARK}**", ""]
    for section in agreement.sections_at("voor"):
        out += [f"## {_cell(section.title)}", "", _esc(section.text.strip()), ""]
    chapters = agreement.chapters()
    if not chapters:
        out += ["## Afspraken", "", "*Er zijn nog geen besluiten genomen; dit akkoord bevat nog geen afspraken.*", ""]
    for i, (ambition, items) in enumerate(chapters, start=1):
        out += [f"## {i}. {ambition.label}", ""]
        for a in items:
            out += [f"### {a.number} {_cell(a.title)}", "", _esc(a.text.strip()), ""]
            s = a.smart
            facts = []
            if s.target:
                facts.append(f"- **Meetbaar doel:** {_cell(s.target)}")
            if s.baseline:
                facts.append(f"- **Nulmeting:** {_cell(s.baseline)}")
            if s.deadline:
                facts.append(f"- **Uiterlijk:** {dutch_date(s.deadline)}")
            if s.portfolio_holder:
                facts.append(f"- **Portefeuillehouder:** {_cell(s.portfolio_holder)}")
            for b in s.budget:
                facts.append(f"- **Budget {b.year}:** {euro(b.amount)} ({b.kind})")
            for m in s.milestones:
                facts.append(f"- **Mijlpaal {dutch_date(m.date)}:** {_cell(m.text)}")
            if facts:
                out += facts + [""]
            trace = [f"besluit over {point_label(a).lower()}"]
            if a.fiche.code:
                trace.append(f"fiche {a.fiche.code}")
            if a.point.advice_label:
                trace.append(f"adviespunt {a.point.advice_label}")
            if a.adjustment_moment:
                trace.append(f"logisch moment: {_cell(a.adjustment_moment)}")
            out += [f"*Herkomst: {' · '.join(trace)}*", ""]
    for section in agreement.sections_at("na"):
        out += [f"## {_cell(section.title)}", "", _esc(section.text.strip()), ""]
    out += _pending(PARKED_TITLE, agreement.parked, "Er zijn geen geparkeerde punten.")
    out += _pending(OPEN_TITLE, agreement.open, "Er staan geen punten meer open.")
    overview = financial_overview(agreement)
    out += ["## Financieel overzicht", ""]
    if overview.is_empty:
        out += ["*Aan de afspraken is (nog) geen geld verbonden.*", ""]
    else:
        rows = [[r.label] + [euro(r.per_year.get(y, 0)) for y in overview.years] for r in overview.rows + [overview.totals]]
        out += _table(["Opgave"] + [str(y) for y in overview.years], rows) + [""]
    out += [f"## {ANNEX_TITLE}", ""]
    rows = annex_rows(agreement)
    if rows:
        out += _table(ANNEX_HEADERS, [[r.afspraak, r.point, f"{r.fiche_code} {r.fiche_title}".strip(), r.advice,
                                        "; ".join(r.source_lines)] for r in rows])
    else:
        out.append("*Er zijn nog geen afspraken.*")
    return "\n".join(out).rstrip() + "\n"
