"""The fiche template: its labels and how to recognise them, shared by every reader.

Labels are matched on normalised text (lower case, accents and footnote digits gone,
white space folded) by key phrases, so that small wording changes between
municipalities (``bij te sturen`` for ``bijsturen``, ``partners`` without ``natuurlijke``)
still match. A reader that sees a label in a cell or on a line asks ``match_label``.
"""
from __future__ import annotations

import re
import unicodedata

from akkoord.dossier.textclean import clean_inline

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


# --- full label patterns for running text (PDF extraction) ---------------------------
#
# In extracted text a label may wrap over several lines (even with a blank line inside),
# carry a footnote mark glued to a word (``overheden1verwachten``) and share its last
# line with the value. These patterns match the whole label across line breaks; the
# value starts right after the match. Case-insensitive, applied to the fiche text.

_FN = r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])?"

LABEL_PATTERNS: dict[str, tuple[str, ...]] = {
    "ambitions": (r"(?m)^[ \t]*(?:opgaven?|ambities?)\b[ \t]*:?",),
    "current_line": (
        r"de\s+lijn\s+die\s+we\s+(?:hebben\s+ingezet|ingezet\s+hebben)(?:\s+is)?[ \t]*[.…:]*",
        r"de\s+ingezette\s+lijn(?:\s+is)?[ \t]*[.…:]*",
    ),
    "sources": (
        r"(?:dat|dit)\s+is\s+(?:terug\s+te\s+(?:lezen|vinden)|na\s+te\s+lezen)\s+in\s*:?",
        r"terug\s+te\s+(?:lezen|vinden)\s+in\s*:",
    ),
    "adjustment_moment": (
        r"als\s+het\s+nieuwe\s+college\s+(?:op\s+)?deze\s+lijn\s+(?:wil\s+bijsturen|bij\s+wil\s+sturen"
        r"|wil\s+bij\s+sturen|bijsturen\s+wil)\s*,?\s+is\b",
    ),
    "external_changes": (
        r"vanuit\s+andere\s+overheden" + _FN + r"\s*verwachten\s+we\s+(?:de\s+)?volgende\s+\(?koers\)?\s*"
        r"-?wijzigingen(?:\s+in\s+(?:het\s+)?beleid)?\s*:?",
        r"vanuit\s+andere\s+overheden" + _FN + r"\s*verwachten\s+we[^\n]{0,40}\n?[^\n]{0,40}beleid\s*:?",
    ),
    "partners": (
        r"onze\s+(?:natuurlijke\s+)?partners\s+(?:op|bij|voor|in)\s+dit\s+(?:onderwerp|thema)\s+zijn\s*:?",
        r"(?:onze\s+)?natuurlijke\s+partners\s*(?:zijn)?\s*:",
    ),
    "advice": (
        r"wij\s+adviseren\s+(?:de\s+)?onderhandelaars\s+(?:om\s+)?(?:een\s+)?uitspra(?:ak|ken)\s+te\s+doen\s+over\s*:?",
    ),
    "policy_areas": (
        r"deze\s+beleidsterreinen\s+zijn\s+relevant(?:\s*\([^()]{0,300}\))?\s*:?",
    ),
}

# The header row of the policy-area table, alone on its line.
TABLE_HEADER_PATTERN = (r"(?im)^[ \t]*beleids(?:terrein|veld)(?:en)?\s+\(?\s*subsidie\s*\)?\s*-?\s*kans(?:en)?"
                        r"\s+risico(?:['’]?s)?[ \t]*$")

# The closing words of the adjustment label (``… is <value> een logisch moment.``).
ADJUSTMENT_TAIL_PATTERN = r"\b[Ee]en\s+logisch\s+moment\b\s*[.;:,]?"

# ``Einddatum`` (also misspelt ``Eindatum``) in a list of sources.
END_DATE_PATTERN = r"\b[Ee]ind\s?d?atum\b\s*:?"

# The heading that starts a fiche: ``Onderwerp 1A Titel``, ``Onderwerp 1 A Titel``.
# The letter may be written in lower case (``Onderwerp 1a``); the code is upper case.
HEADING_PATTERN = r"^\s*Onderwerp\s*[:.]?\s*(\d{1,2})\s?([A-Za-z])(?![\w’'])[\s:.\-–]*(.*)$"
_HEADING = re.compile(HEADING_PATTERN)


def parse_heading(text: str) -> tuple[str, str] | None:
    """``(code, title)`` of an ``Onderwerp 1A Titel`` heading (white space folded), or None."""
    if "nderwerp" not in text:
        return None  # the common case, cheaply
    match = _HEADING.match(clean_inline(text))
    if not match:
        return None
    return f"{match.group(1)}{match.group(2).upper()}", match.group(3).strip()


# The code alone at the start of the line after a lone ``Onderwerp``.
CODE_LINE_PATTERN = r"^\s*(\d{1,2})\s?([A-Z])(?![\w’'])\s*[:.\-–]?\s*(.*)$"

# Phrases by which a fiche names other fiches.
REFERENCE_LIST_PATTERN = (r"(?:koppelingen?|samenhang|relatie|verband)\s+met\s+(?:de\s+|het\s+)?"
                          r"(?:dossiers?|fiches?|onderwerpen)\s*:\s*([^\n]+(?:\n(?!\s*\n)[^\n]+)*)")
# A line (paragraph) that opens a list of related fiches: ``Koppelingen met dossiers: A, B``.
REFERENCE_LINE_PATTERN = (r"^\s*(?:koppelingen?|samenhang|relaties?|verband|verwante)\s+(?:met\s+)?(?:de\s+|het\s+)?"
                          r"(?:andere\s+)?(?:dossiers?|fiches?|onderwerpen)\s*:\s*(.*)$")
REFERENCE_PATTERN = r"\b(?:zie\s+(?:ook\s+)?(?:het\s+|de\s+)?)?(?:fiche|dossier)\s+(?!over\b|in\b)([^;.)\n]+(?:\([^)]*\))?)"
