"""What every document form shares: the annex table, labels and dates in Dutch."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from akkoord.agreement.model import Afspraak, Agreement

CONFIDENTIAL_MARK = "CONCEPT – VERTROUWELIJK"
ANNEX_TITLE = "Bijlage: herkomst van de afspraken"
ANNEX_HEADERS = ("Afspraak", "Beslispunt", "Fiche", "Adviespunt", "Bronnen (einddatum)")
PARKED_TITLE = "Geparkeerde punten"
OPEN_TITLE = "Openstaande punten"
TOC_TITLE = "Inhoud"

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(value: str) -> str:
    """``2027-03-01`` → ``1 maart 2027``; anything else unchanged."""
    try:
        d = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class AnnexRow:
    afspraak: str  # "2.3 Titel"
    afspraak_id: str
    point: str  # "Punt 12: tekst"
    fiche_code: str
    fiche_title: str
    advice: str  # "2. tekst of the advice item"
    sources: list[tuple[str, str]]  # (title, end date as the fiche words it)

    @property
    def source_lines(self) -> list[str]:
        return [f"{title} (einddatum {end})" if end else title for title, end in self.sources]


def point_label(afspraak: Afspraak) -> str:
    number = afspraak.point.number
    return f"Punt {number}" if number is not None else "Punt"


def annex_rows(agreement: Agreement) -> list[AnnexRow]:
    """One row per afspraak, with every source of its fiche and the source's end date."""
    rows: list[AnnexRow] = []
    for afspraak in agreement.afspraken:
        advice = ""
        if afspraak.point.advice_label:
            advice = f"{afspraak.point.advice_label}. {afspraak.point.advice_text}".strip()
        base = dict(afspraak=f"{afspraak.number} {afspraak.title}", afspraak_id=afspraak.id,
                    point=f"{point_label(afspraak)}: {afspraak.point.text}",
                    fiche_code=afspraak.fiche.code, fiche_title=afspraak.fiche.title, advice=advice)
        rows.append(AnnexRow(**base, sources=[(s.title, s.end_date) for s in afspraak.sources]))
    return rows


def anchor(afspraak: Afspraak) -> str:
    return "a-" + afspraak.number.replace(".", "-")


def document_title(agreement: Agreement) -> str:
    return agreement.title or f"Coalitieakkoord {agreement.municipality}".strip()


def status_line(agreement: Agreement) -> str:
    if agreement.is_draft:
        return f"Concept, versie {agreement.version}"
    adopted = f" op {dutch_date(agreement.adopted_on)}" if agreement.adopted_on else ""
    return f"Vastgesteld{adopted} (versie {agreement.version})"
