"""The fiche template: its labels and how to recognise them, shared by every reader.

Labels are matched on normalised text (lower case, accents and footnote digits gone,
white space folded) by key phrases, so that small wording changes between
municipalities (``bij te sturen`` for ``bijsturen``, ``partners`` without ``natuurlijke``)
still match. A reader that sees a label in a cell or on a line asks ``match_label``.
"""
from __future__ import annotations

import re
import unicodedata

# Field → key phrases (normalised). A label matches a field when it contains one of them.
LABEL_PHRASES: dict[str, tuple[str, ...]] = {
    "title": ("onderwerp",),
    "ambitions": ("opgave", "opgaven", "ambitie", "ambities"),
    "current_line": ("lijn die we hebben ingezet", "lijn die we ingezet hebben", "ingezette lijn",
                     "huidige lijn", "huidig beleid"),
    "sources": ("terug te lezen in", "terug te vinden in", "na te lezen in", "vastgelegd in"),
    "adjustment_moment": ("op deze lijn wil bijsturen", "wil bijsturen", "bij te sturen", "bijsturen is",
                          "logisch moment"),
    "external_changes": ("vanuit andere overheden", "andere overheden", "koers wijzigingen",
                         "koerswijzigingen", "wijzigingen in beleid"),
    "partners": ("natuurlijke partners", "partners op dit onderwerp", "onze partners"),
    "advice": ("adviseren de onderhandelaars", "uitspraken te doen", "uitspraak te doen over",
               "adviseren wij de onderhandelaars"),
    "policy_areas": ("beleidsterreinen zijn relevant", "relevante beleidsterreinen",
                     "deze beleidsterreinen"),
}

# Column headers of the policy-area table.
TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "area": ("beleidsterrein", "beleidsveld"),
    "opportunity": ("subsidie kans", "subsidiekans", "kans", "kansen"),
    "risk": ("risico", "risicos", "risico s"),
}

# The five ambition keys and the words that name them (municipality name left out).
AMBITION_PHRASES: dict[str, tuple[str, ...]] = {
    "aantrekkelijk": ("aantrekkelijk",),
    "open": ("open",),
    "groen-duurzaam": ("groen en duurzaam", "groen duurzaam", "duurzaam"),
    "inclusief": ("inclusief",),
    "randvoorwaarden": ("randvoorwaarden",),
}

# Footnotes that every fiche repeats; they are boilerplate, not content.
BOILERPLATE_FOOTNOTES: tuple[str, ...] = ("zoals het rijk provincie europa en euregio",)

_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")


def normalise_label(text: str) -> str:
    """Lower case, no accents, no digits (footnote marks), punctuation and space folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _DIGITS.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def match_label(text: str) -> str | None:
    """The field whose label ``text`` is, or None. ``title`` only when the text starts with it."""
    norm = normalise_label(text)
    if not norm:
        return None
    for field, phrases in LABEL_PHRASES.items():
        for phrase in phrases:
            if field in ("title", "ambitions"):
                if norm == phrase or norm.startswith(phrase + " "):
                    return field
            elif phrase in norm:
                return field
    return None


def match_table_header(text: str) -> str | None:
    """The policy-table column (``area``, ``opportunity``, ``risk``) a header cell names."""
    norm = normalise_label(text)
    for column, phrases in TABLE_HEADERS.items():
        if norm in phrases:
            return column
    return None


def is_boilerplate_footnote(text: str) -> bool:
    norm = normalise_label(text)
    return any(phrase in norm for phrase in BOILERPLATE_FOOTNOTES)
