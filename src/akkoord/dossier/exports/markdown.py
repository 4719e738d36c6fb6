"""A readable Markdown rendering of a whole dossier: one section per fiche, every field."""
from __future__ import annotations

import re

from akkoord.dossier.model import FIELD_LABELS, Dossier, Fiche
from akkoord.dossier.profile import Profile, default_profile

# Characters that would start Markdown structure at the beginning of a line of imported text.
_LINE_START = re.compile(r"^(\s*)([#>*+\-=|]|\d+[.)])", re.MULTILINE)


def _escape(text: str) -> str:
    """Keep imported text literal: no accidental headings, lists, tables or HTML."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _cell(text: str) -> str:
    return _escape(text).replace("\n\n", "<br>").replace("\n", " ") or " "


def _paragraphs(text: str) -> list[str]:
    return [_escape(p) for p in text.split("\n\n") if p.strip()] or ["_(niet ingevuld)_"]


def _items(items: list[str]) -> list[str]:
    return [f"- {_escape(item)}" for item in items] or ["_(geen)_"]


def _table(heading: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    out = [f"### {heading}", ""]
    if not rows:
        return out + ["_(geen)_", ""]
    out += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return out + [""]


def fiche_markdown(fiche: Fiche, titles: dict[str, str] | None = None, profile: Profile | None = None) -> str:
    titles = titles or {}
    profile = profile or default_profile()
    out = [f"## {fiche.code} {_escape(fiche.title)}", ""]
    ambitions = ", ".join(profile.ambition_label(a) for a in fiche.ambitions) or "geen aangegeven"
    out += [f"**{FIELD_LABELS['ambitions']}:** {ambitions}", ""]
    out += [f"### {FIELD_LABELS['current_line']}", "", "\n\n".join(_paragraphs(fiche.current_line)), ""]
    out += _table(FIELD_LABELS["sources"], ("Document", "Einddatum"),
                  [(s.title, s.end_date or "—") for s in fiche.sources])
    for field in ("adjustment_moment", "external_changes"):
        out += [f"### {FIELD_LABELS[field]}", "", "\n\n".join(_paragraphs(getattr(fiche, field))), ""]
    for field in ("partners", "advice"):
        out += [f"### {FIELD_LABELS[field]}", "", *_items(getattr(fiche, field)), ""]
    out += _table(FIELD_LABELS["policy_areas"], ("Beleidsterrein", "(Subsidie)kans", "Risico"),
                  [(p.area, p.opportunity, p.risk) for p in fiche.policy_areas])
    for section in fiche.sections:
        out += [f"### {_escape(section.title)}", "", "\n\n".join(_paragraphs(section.text)), ""]
    for table in fiche.tables:
        columns = tuple(table.columns) or tuple("" for _ in (table.rows[0] if table.rows else [""]))
        out += _table(table.title or "Tabel", columns, [tuple(r) for r in table.rows])
        if table.note:
            out += [_escape(table.note), ""]
    if fiche.agenda:
        out += _table("Raadsagenda", ("Datum", "Onderwerp"), [(a.date, a.text) for a in fiche.agenda])
    if fiche.related:
        related = [f"- {code} {_escape(titles.get(code, ''))}".rstrip() for code in fiche.related]
        out += [f"### {FIELD_LABELS['related']}", "", *related, ""]
    if fiche.links:
        out += [f"### {FIELD_LABELS['links']}", "", *[f"- <{link}>" for link in fiche.links], ""]
    if fiche.footnotes:
        out += [f"### {FIELD_LABELS['footnotes']}", "",
                *[f"{n}. {_escape(note)}" for n, note in enumerate(fiche.footnotes, 1)], ""]
    return "\n".join(out)


def to_markdown(dossier: Dossier) -> str:
    heading = dossier.title or f"Formatiedossier {dossier.municipality}".strip()
    titles = {f.code: f.title for f in dossier.fiches}
    out = [f"# {_escape(heading)}", ""]
    if dossier.municipality:
        out += [f"Gemeente: {_escape(dossier.municipality)}", ""]
    out += ["## Inhoud", ""]
    out += [f"- {f.code} {_escape(f.title)}" for f in dossier.fiches]
    out.append("")
    for fiche in dossier.fiches:
        out += [fiche_markdown(fiche, titles, dossier.profile), ""]
    return "\n".join(out).rstrip() + "\n"
