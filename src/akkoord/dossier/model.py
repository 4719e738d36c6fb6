"""The dossier model: what every reader fills and everything after it reads.

Mirrors ``shared/spec/dossier.schema.json``. ``to_dict`` produces the export form (the
schema's required fields, plus optional extra fields such as normalised intervals);
``from_dict`` reads it back. No Django, no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# The ambitions (their keys, names and colours) are not fixed here: each dossier has its own,
# kept in its profile (``akkoord.dossier.profile``).

CODE_PATTERN = re.compile(r"^[0-9]{1,10}[A-Z]$")


def code_problem(code: object) -> str | None:
    """Why a fiche code is unusable (None when it is fine). Codes end up in addresses, file
    names and the search index, so only the contract's form is accepted: digits plus one
    capital letter (``1A``, ``12C``)."""
    if not isinstance(code, str) or not code:
        return "heeft geen code"
    if not CODE_PATTERN.fullmatch(code):
        shown = code if len(code) <= 20 else code[:20] + "…"
        shown = "".join(c if c.isprintable() else "?" for c in shown)
        return f"heeft een ongeldige code '{shown}' (verwacht: cijfers en één hoofdletter, zoals 1A)"
    return None

# The text fields of a fiche, in template order (Dutch display names).
TEXT_FIELDS: dict[str, str] = {
    "current_line": "De lijn die we hebben ingezet",
    "adjustment_moment": "Logisch moment om bij te sturen",
    "external_changes": "Verwachte wijzigingen vanuit andere overheden",
}

# Every field of a fiche with its Dutch display name, in template order.
FIELD_LABELS: dict[str, str] = {
    "code": "Code",
    "title": "Onderwerp",
    "ambitions": "Opgave",
    "current_line": TEXT_FIELDS["current_line"],
    "sources": "Terug te lezen in",
    "adjustment_moment": TEXT_FIELDS["adjustment_moment"],
    "external_changes": TEXT_FIELDS["external_changes"],
    "partners": "Natuurlijke partners",
    "advice": "Advies aan de onderhandelaars",
    "policy_areas": "Relevante beleidsterreinen",
    "links": "Links",
    "footnotes": "Voetnoten",
    "related": "Verwante fiches",
}


@dataclass
class Interval:
    """A normalised time mention: inclusive ISO dates, and the words it came from."""

    text: str
    start: str
    end: str
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.relative:
            out["relative"] = True
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Interval":
        return cls(data["text"], data["start"], data["end"], bool(data.get("relative", False)))


@dataclass
class Source:
    title: str
    end_date: str = ""
    # Normalised intervals of end_date (filled by akkoord.dossier.dates, exported as an extra field).
    end_intervals: list[Interval] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "end_date": self.end_date,
                "end_intervals": [i.to_dict() for i in self.end_intervals]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Source":
        return cls(data.get("title", ""), data.get("end_date", ""),
                   [Interval.from_dict(i) for i in data.get("end_intervals", [])])


@dataclass
class PolicyArea:
    area: str
    opportunity: str = ""
    risk: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"area": self.area, "opportunity": self.opportunity, "risk": self.risk}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PolicyArea":
        return cls(data.get("area", ""), data.get("opportunity", ""), data.get("risk", ""))


@dataclass
class Section:
    """A named section of a heading-structured dossier that maps to no field, kept as written."""

    title: str
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Section":
        return cls(data.get("title", ""), data.get("text", ""))


@dataclass
class AgendaItem:
    """A row of an agenda table (council dates): ``date`` ISO (``2026-03-30``) or the year as
    written when only the year is known (``2027``); ``text`` the subject."""

    date: str
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AgendaItem":
        return cls(data.get("date", ""), data.get("text", ""))


@dataclass
class Table:
    """A table that maps to no field (an indicator table), cells as written."""

    title: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "columns": list(self.columns),
                               "rows": [list(r) for r in self.rows]}
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Table":
        return cls(data.get("title", ""), list(data.get("columns", [])),
                   [list(r) for r in data.get("rows", [])], data.get("note", ""))


@dataclass
class Fiche:
    code: str
    title: str
    ambitions: list[str] = field(default_factory=list)
    current_line: str = ""
    sources: list[Source] = field(default_factory=list)
    adjustment_moment: str = ""
    external_changes: str = ""
    partners: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    policy_areas: list[PolicyArea] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    # Normalised intervals of adjustment_moment (extra export field).
    adjustment_intervals: list[Interval] = field(default_factory=list)
    # Heading-structured dossiers: sections that map to no field, agenda rows, other tables
    # (exported only when present, so fiche dossiers export as before).
    sections: list[Section] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def chapter(self) -> str:
        """The chapter number of the code (``"1"`` for ``1A``)."""
        return self.code[:-1]

    def to_dict(self) -> dict[str, Any]:
        out = self._fields()
        if self.sections:
            out["sections"] = [s.to_dict() for s in self.sections]
        if self.agenda:
            out["agenda"] = [a.to_dict() for a in self.agenda]
        if self.tables:
            out["tables"] = [t.to_dict() for t in self.tables]
        return out

    def _fields(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "ambitions": list(self.ambitions),
            "current_line": self.current_line,
            "sources": [s.to_dict() for s in self.sources],
            "adjustment_moment": self.adjustment_moment,
            "adjustment_intervals": [i.to_dict() for i in self.adjustment_intervals],
            "external_changes": self.external_changes,
            "partners": list(self.partners),
            "advice": list(self.advice),
            "policy_areas": [p.to_dict() for p in self.policy_areas],
            "links": list(self.links),
            "footnotes": list(self.footnotes),
            "related": list(self.related),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Fiche":
        return cls(
            code=data["code"],
            title=data.get("title", ""),
            ambitions=list(data.get("ambitions", [])),
            current_line=data.get("current_line", ""),
            sources=[Source.from_dict(s) for s in data.get("sources", [])],
            adjustment_moment=data.get("adjustment_moment", ""),
            external_changes=data.get("external_changes", ""),
            partners=list(data.get("partners", [])),
            advice=list(data.get("advice", [])),
            policy_areas=[PolicyArea.from_dict(p) for p in data.get("policy_areas", [])],
            links=list(data.get("links", [])),
            footnotes=list(data.get("footnotes", [])),
            related=list(data.get("related", [])),
            adjustment_intervals=[Interval.from_dict(i) for i in data.get("adjustment_intervals", [])],
            sections=[Section.from_dict(s) for s in data.get("sections", [])],
            agenda=[AgendaItem.from_dict(a) for a in data.get("agenda", [])],
            tables=[Table.from_dict(t) for t in data.get("tables", [])],
        )


@dataclass
class Dossier:
    municipality: str
    fiches: list[Fiche] = field(default_factory=list)
    title: str = ""
    # The dossier's profile (akkoord.dossier.profile.Profile): ambitions, term, labels,
    # boilerplate. None: the built-in fiche template's.
    profile: Any = None

    def fiche(self, code: str) -> Fiche | None:
        return next((f for f in self.fiches if f.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"municipality": self.municipality, "title": self.title}
        if self.profile is not None:
            out["profile"] = self.profile.to_dict()
        out["fiches"] = [f.to_dict() for f in self.fiches]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Dossier":
        profile = None
        if isinstance(data.get("profile"), dict):
            from akkoord.dossier.profile import Profile

            profile = Profile.from_dict(data["profile"])
        return cls(municipality=data.get("municipality", ""), title=data.get("title", ""),
                   fiches=[Fiche.from_dict(f) for f in data.get("fiches", [])], profile=profile)


@dataclass
class ReaderWarning:
    """Something a reader could not place or had to guess. ``message`` is Dutch."""

    message: str
    fiche: str | None = None  # fiche code, or None for the dossier as a whole
    line: int | None = None  # 1-based line of the input text where it was found
    kind: str = "warning"  # short English key: "unplaced-text", "damaged-fiche", …
    text: str = ""  # the text concerned, when there is any
    page: int | None = None  # 1-based page of a PDF where it was found

    def __str__(self) -> str:
        where = f"fiche {self.fiche}" if self.fiche else "dossier"
        if self.page is not None:
            where += f", pagina {self.page}"
        if self.line is not None:
            where += f", regel {self.line}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"message": self.message, "fiche": self.fiche, "line": self.line, "page": self.page,
                "kind": self.kind, "text": self.text}


@dataclass
class ReadResult:
    """What a reader returns: the dossier, every warning, and which reader made it."""

    dossier: Dossier
    reader: str  # "text", "pdf" or "docx"
    warnings: list[ReaderWarning] = field(default_factory=list)
