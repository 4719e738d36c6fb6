"""The agreement as one HTML page: for the browser, and the source of the PDF (WeasyPrint).

``render_body`` gives the document's content (used by the workbench page too);
``render_document`` wraps it in a complete page with the print style: A4, running header and
footer with page numbers, a table of contents with page numbers, a confidentiality mark on
every page while the agreement is a draft, and headings kept with what follows them.
All text is escaped here.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from akkoord.agreement.finance import euro, financial_overview
from akkoord.agreement.model import Afspraak, Agreement, PendingPoint, Section
from akkoord.agreement.exports.common import (
    ANNEX_HEADERS, ANNEX_TITLE, CONFIDENTIAL_MARK, OPEN_TITLE, PARKED_TITLE, TOC_TITLE, anchor, annex_rows,
    document_title, dutch_date, point_label, status_line,
)

Link = Callable[[str], str] | None

# Colours are written out rather than CSS custom properties: WeasyPrint resolves a var() again
# for every element that uses it. Ink #1b1f24, accent #1f3a5f, muted #555d66, rules #c9d1da,
# soft background #f2f5f8.
CSS = """
html { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1f24; line-height: 1.5; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; font-size: 1rem; overflow-wrap: break-word; }
h1, h2, h3 { color: #1f3a5f; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #1f3a5f; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .35rem; }
h3 .nr { margin-right: .55em; }
p { margin: 0 0 .6rem; }
a { color: #1f3a5f; }
.cover .municipality { text-transform: uppercase; letter-spacing: .08em; color: #555d66; font-size: .9rem; margin: 0 0 .5rem; }
.cover .subtitle { font-size: 1.1rem; color: #555d66; }
.cover .status { margin-top: 1.5rem; font-weight: bold; }
.mark { color: #8a1c1c; font-weight: bold; letter-spacing: .06em; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: .2rem 0; }
.toc li.sub { padding-left: 1.5rem; font-size: .92rem; }
.afspraak { margin-bottom: 1.1rem; }
p.smart, td.lines { white-space: pre-line; }
p.smart { margin: .4rem 0 .5rem; padding: .4rem .75rem; background: #f2f5f8; border-left: 3px solid #1f3a5f;
  font-size: .9rem; line-height: 1.55; }
.trace { font-size: .82rem; color: #555d66; margin: 0; }
.empty { font-style: italic; color: #555d66; }
@media screen { .table-wrap { overflow-x: auto; } }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border: 1px solid #c9d1da; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #f2f5f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid #1f3a5f; }
.pending li { margin-bottom: .35rem; }
.running { display: none; }
@media print {
  /* Margin boxes with a fixed width: WeasyPrint then skips measuring their content on every page. */
  @page { size: A4; margin: 24mm 20mm 22mm 24mm;
    @top-left { content: string(doctitle); width: 65%; font-size: 8pt; color: #555d66; font-family: "Liberation Sans", sans-serif; }
    @top-right { content: string(mark); width: 35%; text-align: right; font-size: 8pt; color: #8a1c1c; font-weight: bold; font-family: "Liberation Sans", sans-serif; }
    @bottom-left { content: string(municipality); width: 65%; font-size: 8pt; color: #555d66; font-family: "Liberation Sans", sans-serif; }
    @bottom-right { content: "Pagina " counter(page) " van " counter(pages); width: 35%; text-align: right; font-size: 8pt; color: #555d66; font-family: "Liberation Sans", sans-serif; }
  }
  @page :first { @top-left { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .running { display: block; height: 0; overflow: hidden; }
  .running-title { string-set: doctitle content(); }
  .running-municipality { string-set: municipality content(); }
  .running-mark { string-set: mark content(); }
  .cover { break-after: page; padding-top: 70mm; }
  .cover h1 { font-size: 26pt; }
  .cover .mark { margin-top: 12mm; font-size: 11pt; }
  .toc { break-after: page; }
  .toc a { text-decoration: none; color: #1b1f24; }
  .toc a::after { content: leader(".") " " target-counter(attr(href), page); }
  h2.chapter-title, section.annex h2 { break-before: page; }
  .afspraak { break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .watermark { position: fixed; top: 110mm; left: 0; width: 100%; text-align: center; transform: rotate(-35deg);
    font-size: 64pt; font-weight: bold; color: rgba(138, 28, 28, .07); z-index: -1; }
  section.annex table { font-size: 7.5pt; line-height: 1.3; table-layout: fixed; }
  section.annex th, section.annex td { padding: .2rem .35rem; }
  /* The sources column is wide enough for "title (einddatum …)" on one line. */
  section.annex th:nth-child(1) { width: 19%; } section.annex th:nth-child(2) { width: 19%; }
  section.annex th:nth-child(3) { width: 14%; } section.annex th:nth-child(4) { width: 16%; }
  section.annex th:nth-child(5) { width: 32%; }
}
@media screen { .watermark { display: none; } }
"""


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in (text or "").replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def _section(section: Section) -> str:
    body = _paragraphs(section.text) or '<p class="empty">(nog geen tekst)</p>'
    return f'<section class="free" id="s-{escape(section.key)}"><h2>{escape(section.title)}</h2>{body}</section>'


def _smart(afspraak: Afspraak) -> str:
    smart = afspraak.smart
    # Related fields share a line (what is measured, when and by whom, money, milestones): one
    # paragraph of at most five lines keeps the document compact and WeasyPrint fast.
    lines: list[list[tuple[str, str]]] = []
    if smart.what and smart.what.strip() != afspraak.text.strip():
        lines.append([("Wat", smart.what)])
    lines.append([(k, v) for k, v in (("Meetbaar doel", smart.target), ("Nulmeting", smart.baseline)) if v])
    lines.append([(k, v) for k, v in (("Uiterlijk", dutch_date(smart.deadline)),
                                      ("Portefeuillehouder", smart.portfolio_holder)) if v])
    if smart.budget:
        lines.append([("Budget", "; ".join(f"{b.year}: {euro(b.amount)} ({b.kind})" for b in smart.budget))])
    if smart.milestones:
        lines.append([("Mijlpalen", "; ".join(f"{dutch_date(m.date)}: {m.text}" for m in smart.milestones))])
    lines = [line for line in lines if line]
    if not lines:
        return ""
    # Plain "label: value" text, one line per group, lines ended by a newline under
    # ``white-space: pre-line``: WeasyPrint makes an inline box (with generated content) of every
    # <br> and splits a line into more text boxes at every bold label; both made the PDF of a
    # long agreement seconds slower (see ADR 0010).
    return '<p class="smart">' + escape("\n".join(" · ".join(f"{k}: {v}" for k, v in line) for line in lines)) + "</p>"


def _fiche(code: str, title: str, fiche_url: Link, plain: bool = False) -> str:
    label = escape(f"{code} {title}".strip() if plain else f"fiche {code}" + (f" ({title})" if title else ""))
    return f'<a href="{escape(fiche_url(code))}">{label}</a>' if fiche_url and code else label


def _trace(afspraak: Afspraak, fiche_url: Link) -> str:
    parts = [f"besluit over {escape(point_label(afspraak).lower())}"]
    if afspraak.fiche.code:
        parts.append(_fiche(afspraak.fiche.code, "", fiche_url))
    if afspraak.point.advice_label:
        parts.append(f"adviespunt {escape(afspraak.point.advice_label)}")
    if afspraak.adjustment_moment:
        parts.append(f"logisch moment om bij te sturen: {escape(afspraak.adjustment_moment)}")
    return f'<p class="trace">Herkomst: {" · ".join(parts)}</p>'


def _afspraak(afspraak: Afspraak, fiche_url: Link) -> str:
    return (f'<article class="afspraak" id="{anchor(afspraak)}">'
            f'<h3><span class="nr">{escape(afspraak.number)}</span> {escape(afspraak.title)}</h3>'
            f"{_paragraphs(afspraak.text)}{_smart(afspraak)}{_trace(afspraak, fiche_url)}</article>")


def _pending(title: str, ident: str, items: list[PendingPoint], fiche_url: Link, empty: str) -> str:
    if not items:
        body = f'<p class="empty">{empty}</p>'
    else:
        lis = []
        for item in items:
            number = f"Punt {item.point.number}" if item.point.number is not None else "Punt"
            where = f" ({_fiche(item.fiche.code, item.fiche.title, fiche_url)})" if item.fiche.code else ""
            lis.append(f"<li><strong>{number}</strong>{where}: {escape(item.point.text)}"
                       f"{' — ' + escape(item.decision.text) if item.decision.text else ''}</li>")
        body = f'<ul class="pending">{"".join(lis)}</ul>'
    return f'<section id="{ident}"><h2>{title}</h2>{body}</section>'


def _finance(agreement: Agreement) -> str:
    overview = financial_overview(agreement)
    if overview.is_empty:
        return ('<section id="financien"><h2>Financieel overzicht</h2>'
                '<p class="empty">Aan de afspraken is (nog) geen geld verbonden.</p></section>')
    head = "".join(f'<th class="num" scope="col">{y}</th>' for y in overview.years)
    rows = []
    for row in overview.rows + [overview.totals]:
        cells = "".join(f'<td class="num">{escape(euro(row.per_year.get(y, 0)))}</td>' for y in overview.years)
        cls = ' class="total"' if row is overview.totals else ""
        rows.append(f"<tr{cls}><td>{escape(row.label)}</td>{cells}</tr>")
    return ('<section id="financien"><h2>Financieel overzicht</h2><div class="table-wrap"><table>'
            f'<caption class="running">Bedragen per jaar en per opgave</caption>'
            f'<thead><tr><th scope="col">Opgave</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div></section>")


def _keep_date(source_line: str) -> str:
    """"(einddatum 31-12-2027)" is not broken over two lines."""
    return source_line.replace("(einddatum ", "(einddatum\u00a0")


def _annex(agreement: Agreement, fiche_url: Link) -> str:
    rows = annex_rows(agreement)
    if not rows:
        body = '<p class="empty">Er zijn nog geen afspraken.</p>'
    else:
        head = "".join(f'<th scope="col">{h}</th>' for h in ANNEX_HEADERS)
        trs = []
        for r in rows:
            number = r.afspraak.split(" ", 1)[0]
            trs.append(
                f'<tr><td><a href="#a-{escape(number.replace(".", "-"))}">{escape(r.afspraak)}</a></td>'
                f"<td>{escape(r.point)}</td><td>{_fiche(r.fiche_code, r.fiche_title, fiche_url, True) if r.fiche_code else ''}</td>"
                f'<td>{escape(r.advice)}</td><td class="lines">{escape(chr(10).join(_keep_date(x) for x in r.source_lines))}</td></tr>')
        body = f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{"".join(trs)}</tbody></table></div>'
    return f'<section class="annex" id="bijlage"><h2>{ANNEX_TITLE}</h2>{body}</section>'


def toc_entries(agreement: Agreement) -> list[tuple[int, str, str]]:
    """(level, anchor, label) of the table of contents."""
    entries: list[tuple[int, str, str]] = []
    for s in agreement.sections_at("voor"):
        entries.append((1, f"s-{s.key}", s.title))
    for i, (ambition, _items) in enumerate(agreement.chapters(), start=1):
        entries.append((1, f"h-{ambition.key or 'overig'}", f"{i}. {ambition.label}"))
    for s in agreement.sections_at("na"):
        entries.append((1, f"s-{s.key}", s.title))
    entries.append((1, "geparkeerd", PARKED_TITLE))
    entries.append((1, "open", OPEN_TITLE))
    entries.append((1, "financien", "Financieel overzicht"))
    entries.append((1, "bijlage", ANNEX_TITLE))
    return entries


def render_body(agreement: Agreement, *, fiche_url: Link = None, cover: bool = True, main: str = "main") -> str:
    """The document's content; ``main`` is the element around the chapters (``div`` when the
    page around it has its own ``main``)."""
    title = document_title(agreement)
    out = []
    out.append('<div class="running" aria-hidden="true">'
               f'<span class="running-title">{escape(title)}</span>'
               f'<span class="running-municipality">Gemeente {escape(agreement.municipality)}</span>'
               f'<span class="running-mark">{CONFIDENTIAL_MARK if agreement.is_draft else ""}</span></div>')
    if agreement.is_draft:
        out.append('<div class="watermark" aria-hidden="true">CONCEPT</div>')
    if cover:
        out.append('<header class="cover">'
                   f'<p class="municipality">Gemeente {escape(agreement.municipality)}</p>'
                   f"<h1>{escape(title)}</h1>"
                   f'<p class="subtitle">{escape(agreement.formation_name)}</p>'
                   f'<p class="status">{escape(status_line(agreement))}</p>'
                   + (f'<p class="mark">{CONFIDENTIAL_MARK}</p>' if agreement.is_draft else "")
                   + "</header>")
    toc = "".join(f'<li><a href="#{escape(a)}">{escape(label)}</a></li>' for _lvl, a, label in toc_entries(agreement))
    out.append(f'<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">{TOC_TITLE}</h2><ol>{toc}</ol></nav>')
    out.append(f"<{main}>")
    out.extend(_section(s) for s in agreement.sections_at("voor"))
    chapters = agreement.chapters()
    if not chapters:
        out.append('<section id="afspraken"><h2>Afspraken</h2>'
                   '<p class="empty">Er zijn nog geen besluiten genomen; dit akkoord bevat nog geen afspraken.</p></section>')
    for i, (ambition, items) in enumerate(chapters, start=1):
        out.append(f'<section class="chapter" id="h-{escape(ambition.key or "overig")}">'
                   f'<h2 class="chapter-title">{i}. {escape(ambition.label)}</h2>'
                   + "".join(_afspraak(a, fiche_url) for a in items) + "</section>")
    out.extend(_section(s) for s in agreement.sections_at("na"))
    out.append(_pending(PARKED_TITLE, "geparkeerd", agreement.parked, fiche_url, "Er zijn geen geparkeerde punten."))
    out.append(_pending(OPEN_TITLE, "open", agreement.open, fiche_url, "Er staan geen punten meer open."))
    out.append(_finance(agreement))
    out.append(_annex(agreement, fiche_url))
    out.append(f"</{main}>")
    return "".join(out)


def render_document(agreement: Agreement, *, fiche_url: Link = None) -> str:
    title = document_title(agreement)
    return ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body>{render_body(agreement, fiche_url=fiche_url)}</body></html>")


def write_html(agreement: Agreement, *, fiche_url: Link = None) -> bytes:
    return render_document(agreement, fiche_url=fiche_url).encode("utf-8")
