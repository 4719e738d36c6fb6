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
    "ambitions": ("opgave", "opgaven", "ambitie", "ambities", "bijdrage aan ambities", "bijdrage aan de ambities",
                  "draagt bij aan ambities", "draagt bij aan de ambities"),
    "current_line": ("lijn die we hebben ingezet", "lijn die we ingezet hebben", "ingezette lijn",
                     "huidige lijn", "huidig beleid", "lijn hebben we ingezet"),
    "sources": ("terug te lezen in", "terug te vinden in", "na te lezen in", "vastgelegd in",
                "staat beschreven in", "is beschreven in"),
    "adjustment_moment": ("op deze lijn wil bijsturen", "wil bijsturen", "bij te sturen", "bijsturen is",
                          "logisch moment", "wil bijstellen"),
    "external_changes": ("vanuit andere overheden", "andere overheden", "koers wijzigingen",
                         "koerswijzigingen", "wijzigingen in beleid", "verwachte wijzigingen",
                         "verwachte beleidswijzigingen"),
    "partners": ("natuurlijke partners", "partners op dit onderwerp", "onze partners",
                 "partners bij dit onderwerp", "samenwerkingspartners"),
    "advice": ("adviseren de onderhandelaars", "uitspraken te doen", "uitspraak te doen over",
               "adviseren wij de onderhandelaars", "raden de onderhandelaars", "advies aan de onderhandelaars",
               "richting te geven", "richting geven aan", "een standpunt in te nemen", "keuzes voor de formatie"),
    "related": ("zie ook", "verwante onderwerpen", "verwante fiches", "samenhang met"),
    "policy_areas": ("beleidsterreinen zijn relevant", "relevante beleidsterreinen",
                     "deze beleidsterreinen", "raakvlakken met andere beleidsterreinen",
                     "raakvlakken met andere beleidsvelden", "relevante beleidsvelden"),
}

# Column headers of the policy-area table.
TABLE_HEADERS: dict[str, tuple[str, ...]] = {
    "area": ("beleidsterrein", "beleidsveld"),
    "opportunity": ("subsidie kans", "subsidiekans", "kans", "kansen"),
    "risk": ("risico", "risicos", "risico s"),
}

_NON_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")
_WIJ = re.compile(r"\bwij\b")


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
    norm = _WIJ.sub("we", norm)  # ``wij`` and ``we`` are one word to a label
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


def is_boilerplate_footnote(text: str, profile=None) -> bool:
    """Is ``text`` a footnote that every fiche repeats (the profile's boilerplate)?"""
    from akkoord.dossier.profile import default_profile

    return (profile or default_profile()).is_boilerplate(text)


# --- full label patterns for running text (PDF extraction) ---------------------------
#
# In extracted text a label may wrap over several lines (even with a blank line inside),
# carry a footnote mark glued to a word (``overheden1verwachten``) and share its last
# line with the value. These patterns match the whole label across line breaks; the
# value starts right after the match. Case-insensitive, applied to the fiche text.

_FN = r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹])?"

_WE = r"w(?:e|ij)"
# The rest of a label worded freely: up to a colon or the end of its line, and a wrapped
# second line when it starts in lower case or the first ends in a preposition or article
# (``Deze beleidsterreinen raken`` / ``aan dit onderwerp:``). A value on the label's last
# line is kept when a colon or a footnote mark (``provincie1``) ends the label. Used by the
# looser patterns, which all start at the start of a line (``(?m)``).
_REST = (r"(?:[^\n:]{0,80}\b(?:van|vanuit|in|op|de|het|en|aan|met|over|bij|voor|te|om|uit|door|tot)[ \t]*\n[ \t]*"
         r"|[^\n:]{0,80}?\n[ \t]*(?=[a-z(\[][^\n:.]{0,60}(?::|$)))?"
         # the label ends at a colon, the end of its line, or a footnote mark glued to its last word
         r"[^\n:]{0,100}?(?:(?<=[^\W\d])\d{1,2}(?=[ \t])|(?=[:\n]|$))[ \t]*:?")

# Per field the template's own wording (as the municipalities write it): the first pattern
# that matches anywhere in the fiche gives the label.
LABEL_PATTERNS: dict[str, tuple[str, ...]] = {
    "ambitions": (r"(?m)^[ \t]*(?:opgaven?|ambities?)\b[ \t]*:?",),
    "current_line": (
        r"de\s+lijn\s+die\s+" + _WE + r"\s+(?:hebben\s+ingezet|ingezet\s+hebben)(?:\s+is)?[ \t]*[.…:]*",
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
        r"vanuit\s+andere\s+overheden" + _FN + r"\s*verwachten\s+" + _WE + r"[^\n]{0,40}\n?[^\n]{0,40}"
        r"(?:beleid|wijzigingen)\s*:?",
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

# Looser wordings of other municipalities, tried when no template wording is found; they
# start at the start of a line, and the earliest match of any of them gives the label.
LOOSE_LABEL_PATTERNS: dict[str, tuple[str, ...]] = {
    "current_line": (
        r"(?m)^[ \t]*(?:de\s+)?(?:ingezette|huidige)\s+(?:lijn|koers)(?:\s+is)?[ \t]*[.…:]*",
        r"(?m)^[ \t]*deze\s+(?:lijn|koers)\s+hebben\s+" + _WE + r"\s+ingezet[ \t]*[.…:]*",
    ),
    "sources": (
        r"(?m)^[ \t]*(?:dat|dit|deze\s+lijn)\s+(?:is|staat|wordt)\s+(?:terug\s+te\s+(?:lezen|vinden)|na\s+te\s+lezen"
        r"|beschreven|vastgelegd|opgenomen|uitgewerkt)\s+(?=in\b)" + _REST,
        r"(?m)^[ \t]*(?:terug\s+te\s+(?:lezen|vinden)|na\s+te\s+lezen)\s+(?=in\b)" + _REST,
    ),
    "adjustment_moment": (
        # ``Als het college wil bijsturen, is``, ``Wil het nieuwe college deze lijn bijstellen, dan is``
        r"(?m)^[ \t]*(?:als|wanneer|wil)\s+het\s+(?:nieuwe\s+)?college\b[^.:\n]{0,60}?(?:\n[^.:\n]{0,60}?)?"
        r"\bbij\s*(?:wil\s+|te\s+)?(?:sturen|stellen)\b(?:\s+wil)?\s*,?\s*(?:dan\s+)?is\b",
    ),
    "external_changes": (
        # ``Verwachte wijzigingen vanuit Rijk en provincie``, ``Koerswijzigingen vanuit andere overheden:``
        r"(?m)^[ \t]*(?:verwachte\s+)?(?:\(?koers\)?\s*-?\s*|beleids)?wijzigingen\s+(?:in\s+(?:het\s+)?beleid\s+)?"
        r"(?=vanuit\b)" + _REST,
    ),
    "partners": (
        # ``Belangrijke partners op dit onderwerp zijn:``, ``Samenwerkingspartners:``
        r"(?m)^[ \t]*(?:onze\s+|de\s+)?(?:[^\W\d]+\s+){0,2}?[^\W\d]*partners\b"
        r"(?:\s+(?:op|bij|voor|in)\s+(?:dit|het)\s+(?:onderwerp|thema|dossier))?(?:\s+zijn\s*:?|[ \t]*:)",
    ),
    "advice": (
        # other verbs, addressees or fillers: ``Wij raden de onderhandelaars aan uitspraken te doen over:``
        r"(?m)^[ \t]*" + _WE + r"\s+(?:adviseren|raden|vragen|verzoeken)\b[^\n:]{0,60}(?:\n[^\n:]{0,60})??"
        r"\buitspra(?:ak|ken)\s+te\s+doen\s+over\s*:?",
        r"(?m)^[ \t]*advies\s+aan\s+de\s+(?:onderhandelaars|formerende\s+partijen|formateurs?|informateurs?)"
        r"\s*:?(?:[^\n:]{0,40}\bover\s*:)?",
    ),
    "policy_areas": (
        # ``Deze beleidsterreinen raken aan dit onderwerp:``, ``Raakvlakken met andere beleidsterreinen:``
        r"(?m)^[ \t]*(?:deze|relevante|andere|betrokken|raakvlakken\s+met(?:\s+andere)?)\s+beleidsterreinen\b"
        r"(?:[^\n:(]{0,60}\([^()]{0,300}\))?" + _REST,
    ),
}

# The header row of the policy-area table, alone on its line (cells may be split by ``|`` or ``;``).
TABLE_HEADER_PATTERN = (r"(?im)^[ \t|]*beleids(?:terrein|veld)(?:en)?[\s|;]+(?:\(?\s*subsidie\s*\)?\s*-?\s*)?"
                        r"kans(?:en)?[\s|;]+risico(?:['’]?s)?[ \t|;]*$")

# The closing words of the adjustment label (``… is <value> een logisch moment.``).
ADJUSTMENT_TAIL_PATTERN = r"\b[Ee]en\s+logisch\s+moment\b\s*[.;:,]?"

# ``Einddatum`` (also misspelt ``Eindatum``) in a list of sources.
END_DATE_PATTERN = r"\b(?:[Ee]ind\s?d?atum|[Gg]eldig\s+tot|[Ll]ooptijd\s+tot|[Ll]oopt\s+af\s+(?:op|in))\b\s*:?"

# The heading that starts a fiche: ``Onderwerp 1A Titel``, ``Onderwerp 1 A Titel``.
# The letter may be written in lower case (``Onderwerp 1a``); the code is upper case.
HEADING_PATTERN = r"^\s*Onderwerp\s*[:.]?\s*(\d{1,2})\s?([A-Za-z])(?![\w’'])[\s:.\-–]*(.*)$"
_HEADING = re.compile(HEADING_PATTERN)


# Layout readers (Word, PDF), where a heading stands outside the fiche table, also take the
# other Dutch words for a topic and a numbered code: ``Thema 2.3 Titel`` → ``2C`` (the chapter
# and the n-th letter, so codes keep the form ``1A``). The text reader takes the form a dossier
# uses (``Profile.topic_heading``, induced by ``heading_form``), so a numbered reference in a
# value (``Thema 1.2 en thema 3.3``) is not taken for a heading of another form.
TOPIC_WORDS: tuple[str, ...] = ("Onderwerp", "Thema", "Fiche")
_TOPIC_WORD = r"(?P<word>" + "|".join(TOPIC_WORDS) + r")"
_NUMBERED_HEADING = re.compile(r"^\s*" + _TOPIC_WORD + r"\s*[:.]?\s*(\d{1,2})\.(\d{1,2})\.?(?![\w.])"
                               r"[\s:\-–]*(.*)$")
_WORD_HEADING = re.compile(r"^\s*" + _TOPIC_WORD + r"\s*[:.]?\s*(\d{1,2})\s?([A-Za-z])(?![\w’'])[\s:.\-–]*(.*)$")
# The default form: the fiche template's ``Onderwerp 1A``.
DEFAULT_TOPIC_HEADING = "Onderwerp 1A"


def _numbered_match(text: str) -> tuple[str, str, str, bool] | None:
    """(word, code, title, numbered) of a heading in any topic form, or None."""
    cleaned = clean_inline(text)
    match = _NUMBERED_HEADING.match(cleaned)
    if match and 1 <= int(match.group(3)) <= 26:
        return match.group("word"), f"{int(match.group(2))}{chr(64 + int(match.group(3)))}", match.group(4).strip(), True
    match = _WORD_HEADING.match(cleaned)
    if match:
        return match.group("word"), f"{match.group(2)}{match.group(3).upper()}", match.group(4).strip(), False
    return None


def heading_form(text: str) -> str | None:
    """The form of a topic heading, written as an example (``Thema 1.1``, ``Onderwerp 1A``)."""
    found = _numbered_match(text)
    if found is None:
        return None
    word, _, _, numbered = found
    return f"{word} 1.1" if numbered else f"{word} 1A"


def parse_heading(text: str, numbered: bool = False, form: str | None = None) -> tuple[str, str] | None:
    """``(code, title)`` of an ``Onderwerp 1A Titel`` heading (white space folded), or None.
    ``numbered``: also ``Thema 2.3 Titel`` and the other topic words (layout readers).
    ``form``: only headings of that form (``heading_form``), e.g. a profile's ``topic_heading``."""
    if form is not None and form != DEFAULT_TOPIC_HEADING:
        found = _numbered_match(text)
        if found is None or heading_form(text) != form:
            return None
        return found[1], found[2]
    if numbered:
        found = _numbered_match(text)
        return (found[1], found[2]) if found else None
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
REFERENCE_PATTERN = (r"\b(?:zie\s+(?:ook\s+)?(?:het\s+|de\s+)?)?(?:fiche|dossier)\s+(?!over\b|in\b)([^;.)\n]+(?:\([^)]*\))?)"
                     r"|\bzie\s+(?:ook\s+)?(?:onderwerp|thema)\s+(\d{1,2}\s?[A-Z])\b")
