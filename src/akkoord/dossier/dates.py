"""Dutch time expressions in a dossier, normalised to intervals.

``find_dates(text)`` returns every time mention in ``text``, in order, as
:class:`~akkoord.dossier.model.Interval` objects with inclusive ISO dates.
``annotate_dossier(dossier)`` fills ``Source.end_intervals`` and
``Fiche.adjustment_intervals`` from the raw text fields. Pure core: no I/O, no Django.

How it works: URL-like runs are blanked out, the text is cut into tokens (runs of letters
and digits, and single other characters) by one regular expression, and a small
hand-written parser tries the grammar below at each token that can start an expression.
Every rule looks a bounded number of tokens ahead, so the scan is linear in the text.
No date library fits: the conventions below are this product's own (``dateparser`` reads
single dates, not Dutch periods such as ``najaar 2026`` or ``Q3/Q4 2027``).

Conventions (the issue's, plus the decisions taken for open cases):

* ``2026``: 1 Jan – 31 Dec. A bare number is a year only when it has four digits and
  lies in 1900–2100 (``3050`` is no year).
* ``Q2 2026`` (also ``K2``, ``2e kwartaal 2026``, ``tweede kwartaal van 2026``): the quarter;
  ``Q3/Q4 2027``: 1 Jul – 31 Dec. A modifier before a quarter (``eind Q1 2027``) is not
  part of the mention: the mention is the quarter.
* ``eerste/tweede helft 2026`` (``1e helft``, ``H1 2026``): the half year.
* ``30-mrt-26``, ``2-jun-2026`` (a day, a month name or abbreviation and a year in one token,
  as agenda tables write them; a two-digit year is 20YY): that day. ``n.t.b. 2027`` (the year
  known, the day not): the year.
* ``begin``/``start``/``aanvang`` of a year: Q1; ``eind``/``einde``/``ultimo``, also
  ``uiterlijk eind``: Q4; ``medio``/``halverwege``/``midden``: 1 May – 31 Aug. An
  optional ``van`` / ``van het`` may follow the modifier (``midden van 2027``).
* seasons: ``voorjaar``/``lente`` 1 Mar – 31 May, ``zomer`` 1 Jun – 31 Aug,
  ``najaar``/``herfst`` 1 Sep – 30 Nov, with or without ``van``/``het`` before the year.
  ``winter`` is not read: it spans two years and Dutch usage differs on which.
* months, full or abbreviated, with or without a full stop (``febr. 2027``); month ranges
  with one year (``okt/nov 2026``, ``januari t/m maart 2027``): first day of the first to
  the last day of the last. ``12/2026`` and ``12-2026``: that month.
* dates ``31-12-2027``, ``4-2-2025``, ``31/12/2027``, ``31.12.2027``, ``2027-12-31``,
  ``31-12-28`` (two-digit year = 20xx, only with ``-`` or ``/``), ``25 oktober 2021``,
  ``1 jan 2027``: that day. A day or month out of range (``31-02-2027``), a three-digit year
  (``31-12-207``) or any other run of numbers glued by ``- / . , :`` that is not one of these
  shapes (``1.200.000``, ``2.0``, ``2026.1``, ``19:00``, ``22/26``) yields no mention at all,
  not even for a year-like part of it. A day and month without a year (``8 juli``) is no
  mention: the year is unknown.
* ranges ``2026/2027``, ``2026/ 2027``, ``2026-2027``, ``2026/27``, ``2022 tot 2032``,
  ``2026 t/m 2028``, ``eind 2026 / begin 2027``, ``van 1 januari 2025 t/m 31 december 2028``,
  ``tussen 2026 en 2028``: one interval from the start of the first to the end of the last.
  A leading ``van``/``tussen`` is part of the mention only when a range follows. When the
  second part ends before the first starts the two are not joined.
* prepositions that anchor an expression without changing the period it names --
  ``in``, ``per``, ``vanaf``, ``na``, ``tot``, ``voor``, ``uiterlijk`` (other than
  ``uiterlijk eind``), ``sinds`` -- are not part of the mention, and the interval is the
  period they anchor to: ``vanaf 2027`` and ``na 2026`` give the year 2027 and 2026,
  ``per 1 januari 2027`` and ``uiterlijk 1 juli 2027`` that day, ``tot einde 2026`` Q4 2026.
  For a negotiator's timeline that period is when something falls due. Leading articles
  (``het voorjaar van 2026``) are not part of the mention either; ``en verder`` / ``e.v.``
  after a year are left out.
* not a mention: placeholders (``n.v.t.``, ``nvt``, ``geen``, ``Geen einddatum``, ``xx``,
  ``Ntb``, ``?``, ``-``); amounts (``€ 2026``, ``2026 euro``, ``2026,-``, ``2026 mln``);
  counts (``2026 woningen``, ``2000 sociale huurwoningen``, ``ruim 2026 …``, ``2026%``); version, article and other
  numbers (``DFB 2.0``, ``versie 2026``, ``artikel 2026``, ``nr. 2026``,
  ``postbus 2026``); numbers inside codes and URLs. A count word after a year does not count
  when a time preposition comes before it (``in 2026 woningen bouwen`` names 2026) or
  when it closes a range (``tussen 2030 en 2035 woningen opleveren``).
* law names: the year in a law's name is when the law was made, not a moment anything
  falls due, so it is no mention: a year right after a law word (``Wmo 2015``,
  ``Omgevingswet 2024``, ``Jeugdwet 2015``, any word ending in ``wet``, the acronyms in
  ``LAW_WORDS``), or after such a word followed by up to four words (``Wet
  maatschappelijke ondersteuning 2015``, ``Participatiewet in balans 2027``) unless a time
  preposition stands right before the year (``de wet gaat in 2027 in`` names 2027). Document titles with a year
  (``programmabegroting 2027``, ``Zomernota 2025``) are mentions: they name the period.
* expressions relative to the coalition term resolve against ``term_start`` (a four-year
  term) and carry ``relative=True``:
  ``start``/``begin``/``aanvang van de (nieuwe) coalitie``/``het (nieuwe) college``/
  ``de collegeperiode`` (also ``raadsperiode``, ``coalitieperiode``, ``bestuursperiode``):
  the first three months of the term;
  ``halverwege``/``midden``/``medio`` ``de collegeperiode``: the six months around the
  midpoint (term start + 21 months to + 27 months − 1 day);
  ``eind``/``einde``/``afloop van de collegeperiode``: the last three months;
  ``eerste``/``tweede helft van de collegeperiode``: the first/last two years;
  ``de nieuwe``/``komende``/``deze collegeperiode`` (a period word, not ``coalitie``):
  the whole term; ``de vorige collegeperiode``: the four years before it.
  ``term_start`` defaults to 1 May of the current year in :func:`find_dates`;
  :func:`annotate_dossier` uses 1 May of the first year in the dossier's title
  (``Formatiedossier 2026`` → 2026-05-01), else of the current year.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from akkoord.dossier.model import Dossier, Interval

# --- vocabulary -------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
SEASONS: dict[str, tuple[int, int]] = {
    "voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11),
}
# Modifier of a year → (first month, last month).
YEAR_MODIFIERS: dict[str, tuple[int, int]] = {
    "begin": (1, 3), "start": (1, 3), "aanvang": (1, 3),
    "eind": (10, 12), "einde": (10, 12), "ultimo": (10, 12),
    "medio": (5, 8), "halverwege": (5, 8), "midden": (5, 8),
}
QUARTER_TOKENS: dict[str, int] = {f"{p}{n}": n for p in "qk" for n in range(1, 5)}
HALF_TOKENS: dict[str, int] = {"h1": 1, "h2": 2}
ORDINALS: dict[str, int] = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2,
    "derde": 3, "3e": 3, "3de": 3, "vierde": 4, "4e": 4, "4de": 4,
}
LAW_WORDS: frozenset[str] = frozenset({
    "wet", "wmo", "wgs", "wsnp", "wpg", "wkb", "wabo", "woo", "wob", "wlz", "zvw", "wwb",
    "awbz", "awb", "wro", "wvg", "wsw", "wiw",
})
# Words before a number that make it something other than a year.
NOT_YEAR_BEFORE: frozenset[str] = frozenset({
    "€", "$", "£", "eur", "euro", "nr", "nummer", "no", "artikel", "art", "lid", "versie",
    "v", "pagina", "pag", "blz", "p", "postcode", "postbus", "kenmerk", "tel", "telefoon",
    "ruim", "bijna", "ongeveer", "minimaal", "maximaal", "totaal", "hoofdstuk", "paragraaf",
})
# Words after a number that make it an amount or a count.
NOT_YEAR_AFTER: frozenset[str] = frozenset({
    "euro", "eur", "€", "mln", "miljoen", "miljard", "mld", "duizend", "k", "keer", "maal",
    "procent", "%", "woningen", "huizen", "wooneenheden", "inwoners", "mensen", "personen",
    "huishoudens", "gezinnen", "kinderen", "jongeren", "ouderen", "leerlingen", "studenten",
    "deelnemers", "cliënten", "clienten", "klanten", "bezoekers", "medewerkers", "fte",
    "banen", "arbeidsplaatsen", "plekken", "plaatsen", "bedden", "kamers", "units", "stuks",
    "aanvragen", "meldingen", "uur", "uren", "m2", "m²", "m3", "ha", "hectare", "km",
    "kilometer", "meter", "ton", "kg", "kilo", "liter", "kwh", "mwh", "gwh", "bomen",
    "parkeerplaatsen", "laadpalen", "vierkante", "kubieke",
})
# Prepositions that make the next number a time, whatever follows it.
TIME_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "per", "vanaf", "na", "tot", "voor", "uiterlijk", "sinds", "rond", "omstreeks",
    "vóór", "jaar", "tussen", "medio", "eind", "einde", "begin", "start",
})
# Endings of compound count nouns (sociale huurwoningen, parkeerplaatsen, …).
COUNT_SUFFIXES: tuple[str, ...] = ("woningen", "plaatsen", "plekken", "banen", "eenheden")
CHAIN_SEPARATORS: frozenset[str] = frozenset({"-", "/", ".", ",", ":", "–", "—"})
RANGE_DASHES: frozenset[str] = frozenset({"-", "/", "–", "—"})
LEFT_GLUE_BAD: frozenset[str] = frozenset("€$£#@&=+_\\")
RIGHT_GLUE_BAD: frozenset[str] = frozenset("%€‰=&@_")

# Relative expressions.
TERM_POSITIONS: dict[str, str] = {
    "start": "start", "begin": "start", "aanvang": "start",
    "halverwege": "middle", "midden": "middle", "medio": "middle",
    "eind": "end", "einde": "end", "afloop": "end",
}
TERM_PERIOD_WORDS: frozenset[str] = frozenset({
    "collegeperiode", "raadsperiode", "coalitieperiode", "bestuursperiode",
})
TERM_WORDS: frozenset[str] = TERM_PERIOD_WORDS | {"coalitie", "college"}
TERM_ADJECTIVES: frozenset[str] = frozenset({"nieuwe", "komende"})
WHOLE_TERM_WORDS: dict[str, str] = {"nieuwe": "whole", "komende": "whole", "deze": "whole",
                                    "vorige": "previous"}

STARTERS: frozenset[str] = frozenset(
    set(MONTHS) | set(SEASONS) | set(YEAR_MODIFIERS) | set(QUARTER_TOKENS) | set(HALF_TOKENS)
    | set(ORDINALS) | set(TERM_POSITIONS) | set(WHOLE_TERM_WORDS)
    | {"uiterlijk", "van", "tussen"}
)

TERM_YEARS = 4

_TOKEN = re.compile(r"[^\W_]+|\S")
_RUN = re.compile(r"\S+")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_YEAR_IN_TITLE = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")
_WHITESPACE = re.compile(r"\s+")


class _Found(NamedTuple):
    """A parse from token ``first`` up to (not including) token ``after``.

    ``start`` is None for a rejected stretch (``1.200.000``): skip it, mention nothing.
    """

    first: int
    after: int
    start: dt.date | None
    end: dt.date | None
    relative: bool = False


# --- date arithmetic --------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; a day the month lacks rolls over to the 1st of the next
    (31 March + 3 months → 1 July), so that ``_add_months(d, n) - 1 day`` ends a period of
    n months that starts on ``d``."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if day.day > calendar.monthrange(year, month)[1]:
        return _add_months(dt.date(year, month, 1), 1)
    return dt.date(year, month, day.day)


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first, 1)
    end = _add_months(dt.date(year, last, 1), 1) - dt.timedelta(days=1)
    return start, end


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _is_year(value: int) -> bool:
    return 1900 <= value <= 2100


def default_term_start(year: int | None = None) -> dt.date:
    """1 May of ``year`` (default: the current year): when a new municipal term starts."""
    return dt.date(year or dt.date.today().year, 5, 1)


# --- the scanner ------------------------------------------------------------------------


def _mask_urls(text: str) -> str:
    """Blank out URL-like runs (same length, so offsets stay valid)."""

    def blank(match: re.Match[str]) -> str:
        run = match.group()
        lowered = run.lower()
        if ("://" in run or lowered.startswith("www.") or "=" in run
                or _PERCENT_ESCAPE.search(run)):
            return " " * len(run)
        return run

    return _RUN.sub(blank, text)


class _Scanner:
    def __init__(self, text: str, term_start: dt.date) -> None:
        self.text = text
        self.term_start = term_start
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        for match in _TOKEN.finditer(_mask_urls(text)):
            starts.append(match.start())
            ends.append(match.end())
            words.append(match.group().lower())
        self.starts, self.ends, self.words = starts, ends, words
        self.n = len(words)
        self._rules: dict[str, tuple] = {}

    # token tests ----------------------------------------------------------------------

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.n else ""

    def number(self, i: int, digits: tuple[int, ...] = (1, 2, 4)) -> int | None:
        """The value of token ``i`` when it is an ASCII number of one of these lengths."""
        if 0 <= i < self.n:
            token = self.words[i]
            if len(token) in digits and token.isascii() and token.isdigit():
                return int(token)
        return None

    def is_number(self, i: int) -> bool:
        if 0 <= i < self.n:
            token = self.words[i]
            return token.isascii() and token.isdigit()
        return False

    def is_wordlike(self, i: int) -> bool:
        return 0 <= i < self.n and self.words[i][0].isalnum() and not self.is_number(i)

    def glued(self, i: int) -> bool:
        """Token ``i`` touches the token before it."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def near(self, i: int) -> bool:
        """Token ``i`` follows the token before it glued or after a little white space."""
        if not 0 < i < self.n:
            return False
        gap_start, gap_end = self.ends[i - 1], self.starts[i]
        if gap_end - gap_start > 4:
            return False
        return self.text.count("\n", gap_start, gap_end) <= 1

    def spaced(self, i: int) -> bool:
        return self.near(i) and not self.glued(i)

    def lone_number(self, i: int) -> bool:
        """Token ``i`` is a number not glued to another number by a separator."""
        if not self.is_number(i):
            return False
        if (self.glued(i) and self.word(i - 1) in CHAIN_SEPARATORS and self.glued(i - 1)
                and self.is_number(i - 2)):
            return False
        if (self.glued(i + 1) and self.word(i + 1) in CHAIN_SEPARATORS and self.glued(i + 2)
                and self.is_number(i + 2)):
            return False
        return True

    def year_at(self, i: int) -> int | None:
        """A lone four-digit year at token ``i``."""
        value = self.number(i, (4,))
        if value is not None and _is_year(value) and self.lone_number(i):
            return value
        return None

    def connector(self, i: int, allow_en: bool = False) -> int | None:
        """A range connector starting at token ``i``: the index after it, or None."""
        token = self.word(i)
        if token in RANGE_DASHES:
            return i + 1
        if token == "t" and self.word(i + 1) == "/" and self.word(i + 2) == "m" \
                and self.glued(i + 1) and self.glued(i + 2):
            return i + 3
        if token == "tm":
            return i + 1
        if token == "tot":
            if self.word(i + 1) == "en" and self.word(i + 2) == "met" and self.near(i + 1) \
                    and self.near(i + 2):
                return i + 3
            if self.word(i + 1) == "/" and self.word(i + 2) == "met" and self.near(i + 2):
                return i + 3
            return i + 1
        if token == "en" and allow_en:
            return i + 1
        return None

    def dotted(self, i: int) -> int:
        """Skip a full stop glued to the token before ``i`` (``febr.``)."""
        if self.word(i) == "." and self.glued(i):
            return i + 1
        return i

    # context ----------------------------------------------------------------------------

    def previous_word(self, i: int) -> str:
        """The word before token ``i``, skipping a full stop (``nr. 2026``)."""
        j = i - 1
        if self.word(j) == "." and j > 0:
            j -= 1
        return self.word(j)

    def number_context_ok(self, first: int, last: int, in_range: bool = False) -> bool:
        """Whether the number expression from ``first`` to ``last`` reads as a time.

        ``in_range``: the number closes a range (``tussen 2030 en 2035 woningen``), so a
        count word after it does not make it a count.
        """
        before = self.previous_word(first)
        if self.glued(first):
            left = self.word(first - 1)
            if left in LEFT_GLUE_BAD:
                return False
            if left in ("-", "/", ".") and self.glued(first - 1) and self.is_wordlike(first - 2):
                return False  # part of a code: A12-2026, abc.2026
        if before in NOT_YEAR_BEFORE:
            return False
        if before in LAW_WORDS or (len(before) > 3 and before.endswith("wet")):
            return False
        if before not in TIME_PREPOSITIONS:
            # "Wet maatschappelijke ondersteuning 2015": Wet, then up to four plain words.
            j = first - 1
            for _ in range(5):
                if not self.is_wordlike(j) or not self.near(j + 1):
                    break
                if self.words[j].endswith("wet"):
                    return False
                j -= 1
            # Amounts and counts after the number.
            after = self.word(last + 1)
            if self.glued(last + 1) and after in RIGHT_GLUE_BAD:
                return False
            if self.glued(last + 1) and after in (",", ".") and self.glued(last + 2) \
                    and self.word(last + 2) in ("-", "–"):
                return False  # 2026,-
            if self.near(last + 1) and not in_range:
                # The next word, or the one after an adjective (2000 sociale huurwoningen).
                for k in (last + 1, last + 2):
                    if k > last + 1 and not self.spaced(k):
                        break
                    following = self.word(k)
                    if following in NOT_YEAR_AFTER or following.endswith(COUNT_SUFFIXES):
                        return False
        return True

    # rules ------------------------------------------------------------------------------

    def chain(self, i: int, in_range: bool = False) -> _Found | None:
        """Numbers glued by separators: a year, a year range or a date -- or nothing."""
        if not self.is_number(i) or not self.lone_number_start(i):
            return None
        indexes = [i]
        seps: list[str] = []
        j = i
        while (self.glued(j + 1) and self.word(j + 1) in CHAIN_SEPARATORS
               and self.glued(j + 2) and self.is_number(j + 2)):
            seps.append(self.words[j + 1])
            indexes.append(j + 2)
            j += 2
        after = j + 1
        tokens = [self.words[k] for k in indexes]
        span = _read_chain(tokens, seps) if len(tokens) <= 7 else None
        if span is None or not self.number_context_ok(i, j, in_range):
            return _Found(i, after, None, None)
        return _Found(i, after, span[0], span[1])

    def lone_number_start(self, i: int) -> bool:
        return not (self.glued(i) and self.word(i - 1) in CHAIN_SEPARATORS
                    and self.glued(i - 1) and self.is_number(i - 2))

    def day_month_year(self, i: int) -> _Found | None:
        day = self.number(i, (1, 2))
        if day is None or not self.lone_number(i) or not self.spaced(i + 1):
            return None
        month = MONTHS.get(self.word(i + 1))
        if month is None:
            return None
        j = self.dotted(i + 2)
        year = self.year_at(j) if self.spaced(j) else None
        if year is not None:
            when = _valid_day(year, month, day)
            if when is None:
                return _Found(i, j + 1, None, None)
            return _Found(i, j + 1, when, when)
        # "1 januari t/m 31 maart 2027": the year shared by two days.
        k = self.connector(j) if self.near(j) else None
        if k is None or not self.near(k):
            return None
        day2 = self.number(k, (1, 2))
        month2 = MONTHS.get(self.word(k + 1))
        if day2 is None or month2 is None or not self.spaced(k + 1):
            return None
        m = self.dotted(k + 2)
        year = self.year_at(m) if self.spaced(m) else None
        if year is None:
            return None
        first, last = _valid_day(year, month, day), _valid_day(year, month2, day2)
        if first is None or last is None or last < first:
            return _Found(i, m + 1, None, None)
        return _Found(i, m + 1, first, last)

    def month_year(self, i: int) -> _Found | None:
        month = MONTHS.get(self.word(i))
        if month is None:
            return None
        j = self.dotted(i + 1)
        last_month = month
        k = self.connector(j) if self.near(j) else None
        if k is not None and self.near(k) and self.word(k) in MONTHS:
            last_month = MONTHS[self.word(k)]
            j = self.dotted(k + 1)
        year = self.year_at(j) if self.spaced(j) else None
        if year is None or last_month < month:
            return None
        start, end = _month_span(year, month, last_month)
        return _Found(i, j + 1, start, end)

    def modified_year(self, i: int) -> _Found | None:
        j = i
        if self.word(j) == "uiterlijk":
            if not self.spaced(j + 1):
                return None
            j += 1
        months = YEAR_MODIFIERS.get(self.word(j))
        if months is None:
            return None
        j += 1
        if self.word(j) == "van" and self.spaced(j):
            j += 1
            if self.word(j) == "het" and self.spaced(j):
                j += 1
        year = self.year_at(j) if self.spaced(j) else None
        if year is None:
            return None
        start, end = _month_span(year, *months)
        return _Found(i, j + 1, start, end)

    def season_year(self, i: int) -> _Found | None:
        months = SEASONS.get(self.word(i))
        if months is None:
            return None
        j = i + 1
        for _ in range(2):
            if self.word(j) in ("van", "het") and self.spaced(j):
                j += 1
        year = self.year_at(j) if self.spaced(j) else None
        if year is None:
            return None
        start, end = _month_span(year, *months)
        return _Found(i, j + 1, start, end)

    def quarter_year(self, i: int) -> _Found | None:
        token = self.word(i)
        if token in QUARTER_TOKENS:
            first = last = QUARTER_TOKENS[token]
            j = i + 1
            k = self.connector(j) if self.near(j) else None
            if k is not None and self.near(k) and self.word(k) in QUARTER_TOKENS:
                last = QUARTER_TOKENS[self.word(k)]
                j = k + 1
            if self.word(j) in ("-", "/") and self.glued(j) and self.glued(j + 1):
                j += 1  # Q2-2026
            elif not self.spaced(j):
                return None
        elif token in ORDINALS and self.word(i + 1) == "kwartaal" and self.spaced(i + 1):
            first = last = ORDINALS[token]
            j = i + 2
            if self.word(j) == "van" and self.spaced(j):
                j += 1
            if not self.spaced(j):
                return None
        else:
            return None
        year = self.year_at(j)
        if year is None or last < first:
            return None
        start, end = _month_span(year, 3 * first - 2, 3 * last)
        return _Found(i, j + 1, start, end)

    def half_year(self, i: int) -> _Found | None:
        token = self.word(i)
        if token in HALF_TOKENS:
            half = HALF_TOKENS[token]
            j = i + 1
        elif ORDINALS.get(token, 0) in (1, 2) and self.word(i + 1) == "helft" and self.spaced(i + 1):
            half = ORDINALS[token]
            j = i + 2
            if self.word(j) == "van" and self.spaced(j):
                j += 1
        else:
            return None
        year = self.year_at(j) if self.spaced(j) else None
        if year is None:
            return None
        start, end = _month_span(year, 6 * half - 5, 6 * half)
        return _Found(i, j + 1, start, end)

    def relative(self, i: int) -> _Found | None:
        token = self.word(i)
        j = i + 1
        if token in WHOLE_TERM_WORDS:
            where = WHOLE_TERM_WORDS[token]
            if not (self.spaced(j) and self.word(j) in TERM_PERIOD_WORDS):
                return None
            return self._term(i, j + 1, where)
        if token in ("eerste", "tweede") and self.word(j) == "helft" and self.spaced(j):
            where = "first-half" if token == "eerste" else "second-half"
            j += 1
        elif token in TERM_POSITIONS:
            where = TERM_POSITIONS[token]
        else:
            return None
        if self.word(j) == "van" and self.spaced(j):
            j += 1
        if self.word(j) in ("de", "het") and self.spaced(j):
            j += 1
        if self.word(j) in TERM_ADJECTIVES and self.spaced(j):
            j += 1
        if not (self.spaced(j) and self.word(j) in TERM_WORDS):
            return None
        return self._term(i, j + 1, where)

    def _term(self, first: int, after: int, where: str) -> _Found:
        try:
            start, end = self._term_span(where)
        except (ValueError, OverflowError):  # a term start near the ends of the calendar
            return _Found(first, after, None, None)
        return _Found(first, after, start, end, True)

    def _term_span(self, where: str) -> tuple[dt.date, dt.date]:
        begin = self.term_start
        term_end = _add_years(begin, TERM_YEARS) - dt.timedelta(days=1)
        day = dt.timedelta(days=1)
        if where == "start":
            start, end = begin, _add_months(begin, 3) - day
        elif where == "middle":
            start, end = _add_months(begin, 21), _add_months(begin, 27) - day
        elif where == "end":
            start, end = _add_months(begin, 12 * TERM_YEARS - 3), term_end
        elif where == "first-half":
            start, end = begin, _add_months(begin, 6 * TERM_YEARS) - day
        elif where == "second-half":
            start, end = _add_months(begin, 6 * TERM_YEARS), term_end
        elif where == "previous":
            start, end = _add_years(begin, -TERM_YEARS), begin - day
        else:
            start, end = begin, term_end
        return start, end

    def rules_for(self, token: str) -> tuple:
        """The rules that can start at a token like this one, in order of precedence."""
        rules: list = []
        if token in TERM_POSITIONS or token in WHOLE_TERM_WORDS or token in ("eerste", "tweede"):
            rules.append(self.relative)
        if token in MONTHS:
            rules.append(self.month_year)
        if token in YEAR_MODIFIERS or token == "uiterlijk":
            rules.append(self.modified_year)
        if token in SEASONS:
            rules.append(self.season_year)
        if token in QUARTER_TOKENS or token in ORDINALS:
            rules.append(self.quarter_year)
        if token in HALF_TOKENS or token in ORDINALS:
            rules.append(self.half_year)
        return tuple(rules)

    def unit(self, i: int, in_range: bool = False) -> _Found | None:
        if self.is_number(i):
            return self.day_month_year(i) or self.chain(i, in_range)
        token = self.word(i)
        rules = self._rules.get(token)
        if rules is None:
            rules = self._rules[token] = self.rules_for(token)
        for rule in rules:
            found = rule(i)
            if found is not None:
                return found
        return None

    def expression(self, i: int) -> _Found | None:
        """A unit, or a range of two units (``van … t/m …``, ``2026 / 2027``)."""
        lead = self.word(i)
        k = i + 1 if lead in ("van", "tussen") and self.spaced(i + 1) else i
        left = self.unit(k)
        if left is None or left.start is None:
            return None if k != i else left
        if not left.relative:
            c = self.connector(left.after, allow_en=lead == "tussen") \
                if self.near(left.after) else None
            if c is not None and self.near(c):
                right = self.unit(c, in_range=True)
                if (right is not None and right.start is not None and not right.relative
                        and right.end >= left.start):
                    return _Found(i, right.after, min(left.start, right.start),
                                  max(left.end, right.end))
        return left

    def scan(self) -> list[Interval]:
        found: list[Interval] = []
        words = self.words
        i = 0
        while i < self.n:
            token = words[i]
            if token not in STARTERS and not (token[0].isdigit() and token.isascii()):
                i += 1
                continue
            match = self.expression(i)
            if match is None:
                i += 1
                continue
            if match.start is not None and match.end is not None:
                raw = self.text[self.starts[match.first]:self.ends[match.after - 1]]
                found.append(Interval(_WHITESPACE.sub(" ", raw), match.start.isoformat(),
                                      match.end.isoformat(), match.relative))
            i = max(match.after, i + 1)
        return found


def _add_years(day: dt.date, years: int) -> dt.date:
    return _add_months(day, 12 * years)


def _read_chain(tokens: list[str], seps: list[str]) -> tuple[dt.date, dt.date] | None:
    """Interpret numbers glued by separators, or None when they are no time."""
    single = _read_single_chain(tokens, seps)
    if single is not None:
        return single
    # Two units glued by a dash or slash: 2026-2027, 1-1-2025/31-12-2028.
    for cut, sep in enumerate(seps):
        if sep not in RANGE_DASHES:
            continue
        left = _read_single_chain(tokens[:cut + 1], seps[:cut])
        right = _read_single_chain(tokens[cut + 1:], seps[cut + 1:])
        if left is not None and right is not None and right[1] >= left[0]:
            return left[0], right[1]
    if len(tokens) == 2 and seps[0] in RANGE_DASHES and len(tokens[0]) == 4 and len(tokens[1]) == 2:
        # 2026/27: the second year short.
        first = int(tokens[0])
        second = first // 100 * 100 + int(tokens[1])
        if _is_year(first) and first < second <= first + 10:
            return dt.date(first, 1, 1), dt.date(second, 12, 31)
    return None


def _read_single_chain(tokens: list[str], seps: list[str]) -> tuple[dt.date, dt.date] | None:
    """A year, a month (``12/2026``) or a date."""
    if len(tokens) == 1:
        if len(tokens[0]) == 4 and _is_year(int(tokens[0])):
            year = int(tokens[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        return None
    if len(tokens) == 2 and seps[0] in ("-", "/") and len(tokens[0]) <= 2 and len(tokens[1]) == 4:
        month, year = int(tokens[0]), int(tokens[1])
        if 1 <= month <= 12 and _is_year(year):
            return _month_span(year, month, month)
        return None
    if len(tokens) == 3 and seps[0] == seps[1]:
        sep = seps[0]
        a, b, c = tokens
        if len(a) == 4 and sep == "-" and len(b) <= 2 and len(c) <= 2:  # 2027-12-31
            when = _valid_day(int(a), int(b), int(c)) if _is_year(int(a)) else None
            return (when, when) if when else None
        if sep not in ("-", "/", ".") or len(a) > 2 or len(b) > 2:
            return None
        if len(c) == 4:
            year = int(c)
        elif len(c) == 2 and sep in ("-", "/"):
            year = 2000 + int(c)
        else:
            return None
        if not _is_year(year):
            return None
        when = _valid_day(year, int(b), int(a))
        return (when, when) if when else None
    return None


# --- public API -------------------------------------------------------------------------


# A day with an abbreviated or full month name and a year, written as one token as agenda
# tables do: ``30-mrt-26``, ``2-jun-2026``, ``15/okt/27`` (a two-digit year is 20YY).
_COMPACT_DAY = re.compile(
    r"(?<![\w-])(\d{1,2})([-/.])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\2(\d{4}|\d{2})(?![\w-])",
    re.IGNORECASE)


def _compact_day(match: re.Match) -> Interval | None:
    year = int(match.group(4))
    if year < 100:
        year += 2000
    try:
        day = dt.date(year, MONTHS[match.group(3).lower()], int(match.group(1)))
    except ValueError:
        return None
    return Interval(match.group(0), day.isoformat(), day.isoformat())


def find_dates(text: str, term_start: dt.date | None = None) -> list[Interval]:
    """Every time mention in ``text``, in order. Never raises for any string."""
    if not isinstance(text, str) or not text:
        return []
    start = term_start or default_term_start()
    out: list[Interval] = []
    position = 0
    for match in _COMPACT_DAY.finditer(text):
        out += _scan(text[position:match.start()], start)
        found = _compact_day(match)
        if found:
            out.append(found)
        position = match.end()
    return out + _scan(text[position:], start)


def _scan(text: str, term_start: dt.date) -> list[Interval]:
    if not text.strip():
        return []
    scanner = _Scanner(text, term_start)
    try:
        return scanner.scan()
    except (ValueError, OverflowError, IndexError):  # defensive: bad input yields nothing
        return []


def dossier_term_start(dossier: Dossier) -> dt.date:
    """1 May of the first year in the dossier's title, else of the current year."""
    match = _YEAR_IN_TITLE.search(dossier.title or "")
    return default_term_start(int(match.group(1)) if match else None)


def annotate_dossier(dossier: Dossier, term_start: dt.date | None = None) -> None:
    """Fill each source's ``end_intervals`` and each fiche's ``adjustment_intervals``."""
    start = term_start or dossier_term_start(dossier)
    for fiche in dossier.fiches:
        for source in fiche.sources:
            source.end_intervals = find_dates(source.end_date, start)
        fiche.adjustment_intervals = find_dates(fiche.adjustment_moment, start)
