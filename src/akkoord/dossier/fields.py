"""Parsers for the values of the fiche template, shared by every reader.

Each parser takes the lines that a reader found for one field (``""`` for a blank line,
URLs and footnotes may still be in them) and returns the structured value. They know
the conventions of ``shared/spec/dossier-format.md``: how sources end with ``Einddatum``,
how partners are listed, how advice points are separated, and how the policy-area table
falls apart into loose lines in extracted text. A reader that gets clean cells (Word
tables) can call them on the lines of one cell.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from akkoord.dossier.model import PolicyArea, Source
from akkoord.dossier.profile import Profile, default_profile, normalise
from akkoord.dossier.readers.template import END_DATE_PATTERN, match_table_header, normalise_label
from akkoord.dossier.textclean import (
    URL_PATTERN,
    find_urls,
    has_enumerator,
    join_lines,
    join_two,
    letters_only,
    normalise_whitespace,
    paragraphs,
    remove_urls,
    split_bullet,
    strip_enumerator,
    text_block,
)

# Dutch function words: a line ending in one of them continues on the next line; a
# policy area or a partner never starts with one.
FUNCTION_WORDS = frozenset("""
aan af al als bij dan dat de deze die dit door een en er geen het hier hun in is je
met meer minder na naar niet nog of om onder ook op over per te ten ter tot tussen uit
van vanuit veel voor waar waarbij waardoor wat we wel wij worden wordt zo zoals zijn zij
ze zich zonder via maar mits omdat doordat want welke wie hoe of en/of t/m o.a. bijv.
""".split())

_END_DATE = re.compile(END_DATE_PATTERN)
_DATE_VALUE = re.compile(
    r"^(?:n\.?\s?v\.?\s?t\.?|nvt|n\.?t\.?b\.?|ntb|geen|xx+|onbekend|doorlopend|continu|structureel"
    r"|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\d{4}\b|q[1-4]\b|eind|begin|medio|voorjaar|najaar"
    r"|zomer|winter|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|jan\b|feb\b|febr|mrt|apr\b|jun\b|jul\b|aug\b|sep\b|sept|okt|nov\b|dec\b|looptijd|tot\s)",
    re.IGNORECASE)
_DATE_START = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september"
    r"|oktober|november|december)\s+\d{4})", re.IGNORECASE)
_CONTINUES_END = re.compile(r"(?:[,;:(\-–/&+]|\b(?:" + "|".join(
    sorted((re.escape(w) for w in FUNCTION_WORDS), key=len, reverse=True)) + r"))$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.?!]['’”\")]*$")
_ABBREVIATION_END = re.compile(r"(?:\b[a-zA-Z]\.){1,3}$|\b(?:o\.a|bijv|incl|excl|nr|ca|enz|etc|evt|mbt|m\.b\.t)\.$",
                               re.IGNORECASE)

# "Armoede: Voedselbank, …": a group heading opens a new item.
_GROUP_HEADING = re.compile(r"^[A-Z][\w’'\-/ ]{0,40}:\s+\S")

# Long enough to be a line that wrapped at the column edge.
LONG_LINE = 65


def _open_parens(text: str) -> int:
    return text.count("(") - text.count(")")


def continues(prev: str, nxt: str, long_line: int = LONG_LINE) -> bool:
    """Does ``nxt`` continue the item of ``prev`` (a wrapped line) rather than start a new one?"""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt:
        return False
    if _open_parens(prev) > 0:
        return True
    first = nxt[0]
    if first.islower() or first in "(,;:)" or nxt.startswith("- ") and len(prev) >= long_line:
        return True
    if _DATE_START.match(nxt):
        return False
    if _CONTINUES_END.search(prev):
        return True
    if _GROUP_HEADING.match(nxt):
        return False
    return len(prev) >= long_line and not _SENTENCE_END.search(prev)


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(_SENTENCE_END.search(text)) and not _ABBREVIATION_END.search(text)


def _strip_item(text: str) -> str:
    text = normalise_whitespace(text)
    return text.strip(" ,;:").strip()


# --- ambitions ------------------------------------------------------------------------

_MARK_GLYPHS = "xX✓✔☒☑■●"
_MARK = r"(?<!\S)(?P<mark>[" + _MARK_GLYPHS + r"]):?\s+"
# A cell of the Opgave grid that holds nothing but a mark (``v`` only counts there) or a box
# left empty.
_MARK_CELL = re.compile(r"[" + _MARK_GLYPHS + r"vV]:?")
_EMPTY_BOX = re.compile(r"[☐□oO]")
_SEP = r"(?:\s*[-/&]\s*|\s+)"


@lru_cache(maxsize=32)
def _ambition_matcher(phrases: tuple[tuple[str, str], ...]) -> re.Pattern:
    """A pattern for the ambition names ``(key, phrase)``, longest first, each optionally
    marked before and followed by a capitalised word (the municipality)."""
    alts = sorted({p for _, p in phrases}, key=len, reverse=True)
    names = "|".join(_SEP.join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(r"(?:" + _MARK + r")?(?<![\w])(?P<name>" + names + r")\b"
                      r"(?P<rest>[ \t]+(?P<town>(?-i:[A-Z])[\w\-’']+))?", re.IGNORECASE)


def _phrases(profile: Profile) -> tuple[tuple[str, str], ...]:
    return tuple((a.key, p) for a in profile.ambitions for p in a.phrases if p)


def _ambition_key(name: str, phrases: tuple[tuple[str, str], ...]) -> str | None:
    norm = normalise(name)
    for key, phrase in phrases:
        if norm == phrase:
            return key
    return None


@dataclass
class AmbitionResult:
    ambitions: list[str]
    towns: Counter = field(default_factory=Counter)
    leftover: str = ""


def parse_ambitions(text: str, profile: Profile | None = None) -> AmbitionResult:
    """The ambitions of ``profile`` (default: the built-in fiche template's) marked with
    ``X`` in ``text`` (the mark stands directly before the ambition)."""
    profile = profile or default_profile()
    phrases = _phrases(profile)
    if not phrases:
        return AmbitionResult([], Counter(), normalise_whitespace(text))
    marked: list[str] = []
    towns: Counter = Counter()
    leftover = text
    for m in _ambition_matcher(phrases).finditer(text):
        key = _ambition_key(m.group("name"), phrases)
        if key is None:
            continue
        if m.group("town") and m.group("town").lower() not in ("voor", "en"):
            towns[m.group("town")] += 1
        if m.group("mark") and key not in marked:
            marked.append(key)
        leftover = leftover.replace(m.group(0), " ", 1)
    # The rest of a long name written without its municipality (``… voor realisatie van de opgaven``).
    for amb in profile.ambitions:
        rest = amb.name.split()[1:]
        if not amb.with_municipality and len(rest) >= 2:
            leftover = re.sub(r"\b" + r"\s+".join(re.escape(w) for w in rest) + r"\b", " ", leftover, flags=re.I)
    if profile.municipality:
        leftover = re.sub(r"\b" + re.escape(profile.municipality) + r"\b", " ", leftover)
    leftover = re.sub(r"(?<!\S)[xX✓✔☒☑■●](?!\S)", " ", leftover)
    order = {key: i for i, key in enumerate(profile.ambition_keys)}
    return AmbitionResult(sorted(marked, key=order.get), towns, normalise_whitespace(leftover))


def municipality_after_ambitions(text: str, profile: Profile | None = None) -> Counter:
    """The words written after each ambition name up to the next one (``Veilig Bergen op Zoom
    Groen Bergen op Zoom``): the municipality, counted per occurrence."""
    profile = profile or default_profile()
    phrases = _phrases(profile)
    found: Counter = Counter()
    if not phrases:
        return found
    pattern = _ambition_matcher(phrases)
    matches = list(pattern.finditer(text))
    for m, nxt in zip(matches, matches[1:] + [None]):
        tail = text[m.end("name"):nxt.start() if nxt is not None else len(text)]
        tail = re.sub(r"(?<!\S)[xX✓✔☒☑■●☐□](?!\S)", " ", tail)
        words = tail.split()
        if 1 <= len(words) <= 4 and words[0][:1].isupper():
            found[" ".join(words)] += 1
    return found


def ambition_cells_text(cells: list[str]) -> str:
    """The cells of an Opgave grid as one text, a mark in a cell of its own as ``X``."""
    parts = []
    for cell in cells:
        cell = normalise_whitespace(cell)
        if _MARK_CELL.fullmatch(cell):
            parts.append("X")
        elif cell and not _EMPTY_BOX.fullmatch(cell):
            parts.append(cell)
    return " ".join(parts)


def parse_ambition_cells(cells: list[str], profile: Profile | None = None) -> AmbitionResult:
    """The ambitions marked in the cells of an Opgave grid (a layout reader's table row):
    a mark in a cell of its own applies to the name in the next cell."""
    return parse_ambitions(ambition_cells_text(cells), profile)


# --- sources --------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    bullet: bool = False
    blank_before: bool = False


def _clean_source_lines(lines: list[str]) -> tuple[list[_Line | None], list[str]]:
    """Remove URLs (collected as links) and bullets; ``None`` marks a blank line."""
    links: list[str] = []
    out: list[_Line | None] = []
    for raw in lines:
        if not raw.strip():
            out.append(None)
            continue
        urls = find_urls(raw)
        links.extend(urls)
        text = raw
        if urls:
            text = remove_urls(raw)
            # "Bijlagen: <url>": a short prefix that only introduced the URL.
            if re.fullmatch(r"[\w\s/]{1,30}:", text) and len(text.split()) <= 2 and URL_PATTERN.search(raw.strip()[len(text):] or raw):
                if raw.strip().startswith(text.strip()) and len(text.split()) <= 1:
                    text = ""
            if not text.strip():
                continue
        bullet, text = split_bullet(text)
        if text:
            out.append(_Line(text, bullet))
    return out, links


def _split_items(lines: list[_Line], long_line: int = LONG_LINE) -> list[str]:
    """Lines of a list into items: bullets and non-continuing lines start a new item."""
    items: list[list[str]] = []
    prev: _Line | None = None
    for line in lines:
        hyphen_cont = (line.bullet and prev is not None and len(prev.text) >= long_line
                       and not ends_sentence(prev.text) and not any(l.bullet and l is not line for l in lines[:1]))
        if items and prev is not None and not line.bullet and continues(prev.text, line.text, long_line):
            items[-1].append(line.text)
        elif items and hyphen_cont:
            items[-1].append(line.text)
        else:
            items.append([line.text])
        prev = line
    return [join_lines(i) for i in items]


def _is_date_value(text: str) -> bool:
    return len(text) <= 40 and bool(_DATE_VALUE.match(text.strip())) and not _END_DATE.search(text)


def parse_sources(lines: list[str]) -> tuple[list[Source], list[str], list[str]]:
    """Sources listed under *Dat is terug te lezen in*: (sources, links, unplaced texts)."""
    cleaned, links = _clean_source_lines(lines)
    items: list[str] = []  # one per source, its end date (if any) after "Einddatum:"
    pending: list[_Line] = []

    def add(title: str, date: str | None = None) -> None:
        items.append(title if date is None else f"{title} Einddatum: {date}")

    def flush_pending() -> None:
        for item in _split_items(pending):
            add(item)
        pending.clear()

    i = 0
    while i < len(cleaned):
        line = cleaned[i]
        if line is None:
            i += 1
            continue
        match = _END_DATE.search(line.text)
        if match and not line.text[:match.start()].strip():
            # "Einddatum ..." opening its line: the rest of the paragraph is the date.
            value = [line.text[match.end():].strip()]
            j = i + 1
            while (j < len(cleaned) and cleaned[j] is not None and not cleaned[j].bullet
                   and not _END_DATE.search(cleaned[j].text)):
                value.append(cleaned[j].text)
                j += 1
            date = join_lines([v for v in value if v])
            if pending:
                groups: list[list[_Line]] = []
                bulleted = pending[0].bullet
                for p in pending:
                    if (p.bullet and bulleted) or not groups:
                        groups.append([p])
                    else:
                        groups[-1].append(p)
                for group in groups[:-1]:
                    add(join_lines([g.text for g in group]))
                add(join_lines([g.text for g in groups[-1]]), date)
                pending.clear()
            else:
                add("", date)  # the date of the previous source, if that has none yet
            i = j
            continue
        if match:
            prefix = line.text[:match.start()].strip()
            value = line.text[match.end():].strip()
            if not value and i + 1 < len(cleaned) and cleaned[i + 1] is not None \
                    and _is_date_value(cleaned[i + 1].text):
                value = cleaned[i + 1].text.strip()
                i += 1
            title_lines: list[str] = []
            if pending:
                tail: list[_Line] = []
                probe = _Line(prefix, line.bullet)
                for p in reversed(pending):
                    if probe.bullet or not continues(p.text, probe.text):
                        break
                    tail.insert(0, p)
                    probe = p
                    if p.bullet:
                        break
                head = pending[:len(pending) - len(tail)]
                pending[:] = head
                flush_pending()
                title_lines = [t.text for t in tail]
            title = join_lines(title_lines + [prefix])
            add(title, value)
            i += 1
            continue
        pending.append(line)
        i += 1
    flush_pending()
    sources, unplaced = sources_from_items(items)
    return sources, links, unplaced


_END_DATE_SPLIT = re.compile(r"[\s,;–-]*\(?\s*" + END_DATE_PATTERN + r"\s*", re.IGNORECASE)


def sources_from_items(items: list[str]) -> tuple[list[Source], list[str]]:
    """Sources from list items, one per source: ``Titel Einddatum: 2027`` (also
    ``Titel (einddatum 2027)``) or a bare title; an item ``Einddatum: …`` of its own gives
    the date of the source before it. Returns (sources, end dates that had no source)."""
    sources: list[Source] = []
    unplaced: list[str] = []
    items = [piece for item in items for piece in _split_run_together(item)]
    for item in items:
        parts = _END_DATE_SPLIT.split(item, maxsplit=1)
        title = normalise_whitespace(parts[0]).strip(" ,;:–-").strip()
        date = _end_date_value(parts[1]) if len(parts) > 1 else ""
        if title:
            sources.append(Source(title=title, end_date=date))
        elif len(parts) > 1:
            if sources and not sources[-1].end_date:
                sources[-1].end_date = date
            elif date:
                unplaced.append(f"Einddatum {date}")
    return sources, unplaced


# The value after ``Einddatum:`` as far as it is a date or a date-like remark; what follows
# from a capital on is the next source (paragraphs of one cell run together).
_DATE_RUN = re.compile(
    r"\s*(?:(?:geen\s+einddatum|n\.?\s?v\.?\s?t\.?|n\.?\s?t\.?\s?b\.?|geen|xx+|vastgesteld|onbekend|doorlopend"
    r"|eind|begin|medio|uiterlijk|voor|na|uiterlijk|[a-z]{3,9}\.?|q[1-4]|\d{1,4}(?:[-/.]\d{1,2}(?:[-/.]\d{2,4})?)?)"
    r"(?:\s+|$))+")


def _split_run_together(item: str) -> list[str]:
    """``A Einddatum: 2030 B Einddatum: geen C`` (one cell's paragraphs run together) →
    ``A Einddatum: 2030``, ``B Einddatum: geen``, ``C``."""
    out: list[str] = []
    rest = item
    while True:
        matches = list(_END_DATE.finditer(rest))
        if len(matches) < 2:  # after the last date a capital may open a remark: it stays
            out.append(rest)
            return out
        first = matches[0]
        tail = _tail_after_date(rest, first)
        if tail is None:
            out.append(rest)
            return out
        out.append(rest[:tail].strip())
        rest = rest[tail:].strip()


def _tail_after_date(text: str, match: re.Match) -> int | None:
    """Where a new source starts after the date value of ``match`` (a capital after the
    date), or None."""
    value = _DATE_RUN.match(text, match.end())
    end = value.end() if value else match.end()
    if end >= len(text) or not text[end:end + 1].isupper() or end == match.end():
        return None
    return end


def _end_date_value(text: str) -> str:
    value = normalise_whitespace(text).strip(" ,;")
    if value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].rstrip(" ,;")
    return value


# --- partners -------------------------------------------------------------------------

_LIST_NOISE = re.compile(r"(?:,?\s*\b(?:enz|etc|e\.d|e\.a|ed|ea)\b\.?\s*)+$", re.IGNORECASE)
_LEADING_JOINER = re.compile(r"^(?:maar\s+ook|en\s+ook|alsmede|en|of|ook|plus)\s+", re.IGNORECASE)
_APPOSITION = re.compile(r"^(?:met|als|voor|namens|vanuit|onder)\b", re.IGNORECASE)


def _top_level_split(text: str, separators: re.Pattern) -> list[str]:
    """Split ``text`` at ``separators`` that are not inside parentheses or quotes."""
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = separators.match(text, i)
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return parts


# A cell that says the field does not apply: the field is empty.
_NOT_APPLICABLE = re.compile(r"(?:niet\s+van\s+toepassing|n\.?\s?v\.?\s?t\.?|nvt|-|–|geen)\.?", re.IGNORECASE)
_PARTNER_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+[-–—]\s+|\s+waaronder\s+|\s*\|\s*")
_EN = re.compile(r"\s+(?:en|&)\s+")


def _proper_name(text: str) -> bool:
    """Every word outside parentheses capitalised (``Team Jeugd``, ``Linde (beheerder …)``)."""
    words = [w for w in re.sub(r"\([^)]*\)?", " ", text).split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _split_en(item: str, in_list: bool = True) -> list[str]:
    """Split ``A en B`` when both sides name an organisation or group. Outside a list, two
    proper names joined by ``en`` are one name (``Team Jeugd en Gezin Dalland``)."""
    parts = _top_level_split(item, _EN)
    if len(parts) == 1:
        return parts
    out = [parts[0]]
    for right in parts[1:]:
        left = out[-1]
        left_words, right_words = left.split(), right.split()
        if not left_words or not right_words or left.endswith("-"):
            out[-1] = f"{left} en {right}"
            continue
        right_first = right_words[0]
        if not in_list and _proper_name(left) and _proper_name(right):
            out[-1] = f"{left} en {right}"
            continue
        if in_list and _proper_name(left) and len(left_words) >= 2 and right_first[:1].islower() \
                and right_first.lower() not in FUNCTION_WORDS:
            out.append(right)  # ``Adviesraad Zorg en thuiszorgaanbieders in de regio``: a group after a name
            continue
        if (right_first[:1].isupper() or len(left_words) <= 2
                or (len(left_words) <= 3 and len(right_words) <= 2)
                or right_first.lower() in ("de", "het") and len(left_words) <= 3):
            out.append(right)
        else:
            out[-1] = f"{left} en {right}"
    return out


def _drop_heading(text: str) -> str:
    """``Schulden: Stadsbank, …`` → ``Stadsbank, …`` (a group heading before a top-level colon)."""
    parts = _top_level_split(text, re.compile(r":\s*"))
    if len(parts) >= 2 and len(parts[0].split()) <= 12:
        rest = ": ".join(parts[1:]).strip()
        return rest
    return text


def parse_partners(lines: list[str]) -> list[str]:
    """Partner organisations: one per name, group headings left out."""
    cleaned: list[_Line] = []
    for raw in lines:
        if not raw.strip():
            continue
        text = remove_urls(raw)
        bullet, text = split_bullet(text)
        if text:
            cleaned.append(_Line(text, bullet))
    return split_partners(_split_items(cleaned))


def split_partners(items: list[str]) -> list[str]:
    """One entry per organisation from list items (a table cell's paragraphs, or wrapped lines
    already joined): split on ``,``, ``;``, dashes and ``en`` between names, group headings
    (``Schulden:``) and list noise (``enz.``) left out, examples after ``zoals`` kept."""
    out: list[str] = []
    for line in items:
        line = _drop_heading(line)
        if not line:
            continue
        # Commas after "zoals" give examples of one partner, not new partners.
        zoals = re.search(r"\bzoals\b", line)
        protected = ""
        if zoals:
            line, protected = line[:zoals.start()], line[zoals.start():]
        pieces = _top_level_split(line, _PARTNER_SEPARATORS)
        if protected:
            pieces[-1] = pieces[-1] + protected
        for piece in pieces:
            piece = _LIST_NOISE.sub("", piece.strip())
            for part in _split_en(piece, in_list=len(pieces) > 1):
                part = _LEADING_JOINER.sub("", part.strip())
                part = _strip_item(part).rstrip(".").strip()
                if not part or part in FUNCTION_WORDS or _NOT_APPLICABLE.fullmatch(part):
                    continue
                if out and _APPOSITION.match(part):
                    out[-1] = f"{out[-1]}, {part}"
                    continue
                out.append(part)
    return out


# --- advice ---------------------------------------------------------------------------


# Words that open a sentence continuing the previous one (not a new point).
_CONNECTIVES = frozenset("""deze dit dat die daarbij daarnaast daarom daardoor hierdoor hiermee hierbij ook zo
dan want maar en echter bovendien tevens verder zij ze hij dus namelijk""".split())


def _opening(text: str) -> str:
    words = re.findall(r"[\w’']+", text.lower())
    return " ".join(words[:2]) if len(words) >= 2 else ""


def parse_advice(lines: list[str]) -> tuple[list[str], list[str]]:
    """Advice points: (points, links). Bullets, numbers, blank lines and a repeated opening
    phrase (``Het wel of niet …``) separate the points; short headings (``Cultuur:``) go."""
    links: list[str] = []
    items: list[_Line] = []
    blank = False
    for raw in lines:
        if not raw.strip():
            blank = True
            continue
        links.extend(find_urls(raw))
        text = remove_urls(raw) if find_urls(raw) else raw
        bullet, text = split_bullet(text)
        if not text:
            continue
        items.append(_Line(text, bullet or has_enumerator(text), blank))
        blank = False
    if not items:
        return [], links
    # Headings of a group of points: "Cultuur:" alone on its line; the next line starts a point.
    kept: list[_Line] = []
    heading = False
    for it in items:
        if it.text.endswith(":") and len(it.text.split()) <= 4 and not it.bullet:
            heading = True
            continue
        if heading:
            it.blank_before = True
            heading = False
        kept.append(it)
    items = kept
    if not items:
        return [], links
    widths = sorted(len(it.text) for it in items)
    full = max(60, widths[-1]) * 0.85
    bulleted = sum(1 for it in items if it.bullet) >= 2
    openings = Counter(_opening(it.text) for it in items if it.text[:1].isalpha())
    parallel = {o for o, n in openings.items() if n >= 2 and o}
    points: list[list[str]] = []
    prev: _Line | None = None
    for it in items:
        text = it.text
        new = False
        if prev is None or it.bullet:
            new = True
        elif text[:1].islower() or _open_parens(prev.text) > 0:
            new = False
        elif it.blank_before:
            new = True
        elif bulleted:
            new = False
        elif _opening(text) in parallel:
            new = True
        else:
            prev_full = len(prev.text) >= full
            first = text.split(" ", 1)[0].lower()
            if ends_sentence(prev.text) and first not in _CONNECTIVES:
                new = True
            elif not parallel and not prev_full and not _CONTINUES_END.search(prev.text):
                new = True
            elif prev.text.rstrip().endswith(",") and first in FUNCTION_WORDS:
                new = True
            elif prev.text.rstrip().endswith("?"):
                new = True
        if new:
            points.append([strip_enumerator(text) if it.bullet else text])
        else:
            points[-1].append(text)
        prev = it
    out = [join_lines(p).strip() for p in points]
    return [p for p in out if p], links


# --- policy-area table ----------------------------------------------------------------

_SPECIAL_CELL = re.compile(r"^(?:x|idem|n\.?v\.?t\.?|nvt|-|geen|ja|nee|\?)$", re.IGNORECASE)
_TRAILING_SPECIAL = re.compile(r"(?:\s+(?:[xX]|[Ii]dem|N\.?v\.?t\.?|nvt))+\s*$")


@dataclass
class _Row:
    area: str
    cells: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # "Idem Idem": one mark per column
        cells = []
        for c in self.cells:
            parts = c.split()
            if len(parts) > 1 and all(_SPECIAL_CELL.match(p) for p in parts):
                cells.extend(parts)
            else:
                cells.append(c)
        self.cells = cells


_ADJECTIVE_END = re.compile(r"(?:aal|ale|eel|ele|isch|ische|ief|ieve|lijk|lijke|baar|bare)$", re.IGNORECASE)


def split_area_cell(line: str) -> tuple[str, str] | None:
    """``"Stedelijke ontwikkeling Sportparken komen vrij"`` → (area, cell start), or None.

    The cell starts at the first capitalised word that is not inside parentheses and not
    right after a comma, a function word (``en``, ``van``, ``zoals`` …), ``&``, ``/`` or
    ``-`` (those continue the area name or a sentence), or right after a closing
    parenthesis. A lone adjective (``Sociaal Domein``) is no area. Trailing ``X``/``Idem``
    marks are cells of their own.
    """
    special = _TRAILING_SPECIAL.search(line)
    if special and special.start() > 0:
        return line[:special.start()].strip(), special.group(0).strip()
    words = line.split()
    depth = 0
    pos = 0
    for idx, word in enumerate(words):
        start = line.index(word, pos)
        pos = start + len(word)
        if idx > 0 and depth == 0:
            prev = words[idx - 1]
            after_paren = prev.endswith(")") and _open_parens(" ".join(words[:idx])) == 0
            joined_prev = (prev.lower() in FUNCTION_WORDS or prev in ("&", "/", "-", "–", "—")
                           or prev.endswith((",", "-", "/", "&", ":")))
            caps_pair = word.isupper() and len(word) > 1 and prev.isupper()
            lone_adjective = idx == 1 and _ADJECTIVE_END.search(prev.strip(",")) is not None
            if ((word[:1].isupper() or word[:1] in "‘'\"“") and (after_paren or not joined_prev)
                    and not caps_pair and not lone_adjective):
                area, cell = line[:start].strip(), line[start:].strip()
                if _area_like(area) and _words(area) <= 6:
                    return area, cell
                return None
        depth += word.count("(") - word.count(")")
    return None


def _area_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 14:
        return False
    if not words[0][:1].isupper() or words[0].lower() in FUNCTION_WORDS:
        return False
    if words[-1].lower().strip(",") in FUNCTION_WORDS - {"en"} or (
            ends_sentence(text) and not _ABBREVIATION_END.search(text)):
        return False
    return any(w.lower().strip("(),") not in FUNCTION_WORDS for w in words)


def _is_garbage(text: str) -> bool:
    """Spaced-out letters (``Preventi e en  ar moe de``): a rendering artefact, not text."""
    tokens = text.split()
    fragments = sum(1 for t in tokens if len(t) <= 3 and t.isalpha() and t.islower()
                    and t not in FUNCTION_WORDS)
    return len(tokens) >= 4 and fragments / len(tokens) >= 0.3


# Words that mark a cell as a risk when the column cannot be told (a single cell in a row).
# Stems may sit inside a compound (``inkomensproblematiek``).
_RISK_WORDS = re.compile(
    r"(?:\b(?:te\s+weinig|onvoldoende|stagn\w*|gebrekkig\w*|zwak\w*|verdwijn\w*|ten\s+koste"
    r"|afname|onhaalbaar|vertra(?:ging|agt|agd|gen)\w*|verslechter\w*|uitval|escal\w*|bezuinig\w*"
    r"|niet\s+(?:halen|haalbaar|op\s+tijd|tijdig)|gevaar|bedreig\w*|schulden)\b"
    r"|\w*(?:risico|tekort|problem|overlast|verlies)\w*)",
    re.IGNORECASE)
_CHANCE_WORDS = re.compile(
    r"\b(?:kans\w*|middelen|subsidie\w*|versterk\w*|behoud|investe\w*|samenwerk\w*|mogelijkhe\w*"
    r"|verbeter\w*|extra|fonds\w*|besparing|toevoegen|stimuler\w*)\b",
    re.IGNORECASE)


def _risk_like(text: str) -> bool:
    risk = len(_RISK_WORDS.findall(text))
    return risk >= 1 and risk >= len(_CHANCE_WORDS.findall(text))


def _column_break(text: str, proper_nouns: set[str]) -> tuple[str, str] | None:
    """A risk glued to the opportunity on one line (``Middelen rijk en provincie Niet halen
    deadlines``): a capitalised word that is no proper noun, right after a lower-case word
    or an acronym, marks where the risk column starts."""
    words = text.split()
    pos = 0
    depth = 0
    for idx, word in enumerate(words):
        start = text.index(word, pos)
        pos = start + len(word)
        inside = depth > 0
        depth = max(0, depth + word.count("(") - word.count(")"))
        if idx < 1 or inside or word.startswith("("):
            continue
        prev = words[idx - 1]
        prev_ok = (prev[:1].islower() and prev.lower() not in FUNCTION_WORDS and prev[-1:].isalnum()) \
            or (prev.isalpha() and prev.isupper() and len(prev) >= 2)
        if not prev_ok or idx < 2 and not prev.isupper():
            continue
        bare = word.strip(".,;:")
        if not bare[:1].isupper() or bare.isupper() or not bare.isalpha():
            continue
        if bare in proper_nouns:
            continue
        return text[:start].strip(), text[start:].strip()
    return None


def _lstrip_quotes(text: str) -> str:
    return text.lstrip("‘'\"“„")


def _logical_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        _, text = split_bullet(raw)
        if not text:
            continue
        if out and continues(out[-1], _lstrip_quotes(text), long_line=10_000):
            out[-1] = join_two(out[-1], text)
        else:
            out.append(text)
    return out


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _looks_area(text: str, limit: int = 8) -> bool:
    return _area_like(text) and _words(text) <= limit and not ends_sentence(text)


def _without_header(lines: list[str]) -> list[str]:
    """The policy table's lines without its header row, also when the header cells wrapped and
    their second lines share a line with the first row (``Beleidsterrein (Subsidie)`` /
    ``Wonen kans Risico``): the header's own words are taken out of the first lines until
    every column has been named."""
    start = next((k for k, line in enumerate(lines) if line.strip()), None)
    if start is None or match_table_header(lines[start].split()[0]) != "area":
        return lines
    seen: set[str] = set()
    out = list(lines)
    for k in range(start, min(len(lines), start + 3)):
        kept = []
        for word in lines[k].split():
            column = match_table_header(word) or ("opportunity" if normalise_label(word) == "subsidie" else None)
            if column and len(seen) < 3:
                seen.add(column)
            else:
                kept.append(word)
        out[k] = " ".join(kept)
        if len(seen) == 3:
            break
    return out if len(seen) >= 2 else lines


def parse_policy_table(lines: list[str], proper_nouns: set[str] | None = None
                       ) -> tuple[list[PolicyArea], list[str]]:
    """Rows of the *Beleidsterrein / (Subsidie)kans / Risico* table from loose lines.

    ``proper_nouns``: capitalised words that are names in this document (they never mark
    the start of a cell in the middle of a line).

    Extraction keeps the reading order of a row (area, opportunity, risk) but not the
    columns. Paragraphs (blank-line separated) are classified: an area (short noun
    phrase), an area with its first cell on the same line (``M``), or cell text (``C``).
    A row takes the following cell paragraphs; the first is the opportunity, the last
    the risk. A short paragraph after a row that has its opportunity but no risk yet,
    and that is not followed by cell text, is that risk.
    """
    proper_nouns = proper_nouns or set()
    lines = _without_header(lines)
    raw_paras = paragraphs(lines)
    merged: list[list[str]] = []
    for para in raw_paras:
        if merged and _CONTINUES_END.search(merged[-1][-1].rstrip()) and not merged[-1][-1].rstrip().endswith(":"):
            merged[-1] = merged[-1] + para  # a cell broken by a page break
        else:
            merged.append(list(para))
    paras = [p for p in (_logical_lines(p) for p in merged) if p]
    rows: list[_Row] = []
    unplaced: list[str] = []
    areas_seen: dict[str, str] = {}

    def cellish(para: list[str]) -> bool:
        return (not _looks_area(para[0]) and split_area_cell(para[0]) is None
                and not _is_garbage(" ".join(para)))

    def kind(pi: int) -> str:
        para = paras[pi]
        first = para[0]
        whole = " ".join(para)
        if _is_garbage(whole):
            return "G"
        if _SPECIAL_CELL.match(first.strip()) and len(para) == 1:
            return "V"
        split = split_area_cell(first)
        nxt_cell = pi + 1 < len(paras) and cellish(paras[pi + 1])
        if (len(para) == 1 and nxt_cell and _looks_area(first, 10)
                and (split is None or (_words(split[1]) <= 1 and not _SPECIAL_CELL.match(split[1])))):
            return "A"
        if split is not None:
            return "M"
        if _looks_area(first):
            return "A"
        return "C"

    kinds = [kind(i) for i in range(len(paras))]
    for pi, para in enumerate(paras):
        k = kinds[pi]
        nxt = kinds[pi + 1] if pi + 1 < len(kinds) else None
        whole = " ".join(para)
        squeezed = letters_only(whole)
        if k == "G" or (squeezed in areas_seen and areas_seen[squeezed] != whole):
            unplaced.append(whole)
            continue
        if all(w.lower().strip(".,") in FUNCTION_WORDS for w in whole.split()):
            if rows and rows[-1].cells:
                rows[-1].cells[-1] = f"{rows[-1].cells[-1]} {whole}"
            elif rows:
                rows[-1].cells.append(whole)
            else:
                unplaced.append(whole)
            continue
        current = rows[-1] if rows else None
        if k in ("C", "V"):
            if current is None and k == "C":
                rows.append(_Row(whole))  # a row starts with its area, even one written as sentences
            elif current is None:
                rows.append(_Row("", [whole]))
            elif len(current.cells) >= 2 and k == "C" and nxt == "C":
                rows.append(_Row(whole))  # a long area written as a sentence
            else:
                current.cells.append(whole)
            continue
        if current is not None and len(para) == 1:
            if current.area and not current.cells:
                current.cells.append(whole)
                continue
            # One cell so far and a short paragraph: the row's risk, unless the paragraph after
            # it is a longer one of the same look (then this one is the next area, that its cell:
            # the row had no risk).
            longer_next = nxt == "A" and _words(" ".join(paras[pi + 1])) > _words(whole)
            if len(current.cells) == 1 and k == "A" and nxt in (None, "A", "M", "V", "G") and not longer_next:
                current.cells.append(whole)
                continue
        if (current is not None and len(para) > 1 and len(current.cells) == 1 and k == "A"
                and nxt in (None, "A", "M", "V", "G")
                and _words(para[0]) > 4 and any(_words(l) > 5 or ends_sentence(l) for l in para)):
            current.cells.append(whole)  # the risk of the row, in several sentences
            continue
        row: _Row | None = None
        for li, line in enumerate(para):
            split = split_area_cell(line)
            if li == 0:
                row = _Row(line) if k == "A" or split is None else _Row(split[0], [split[1]])
                rows.append(row)
                continue
            short_area = _words(line) <= 5 and (_looks_area(line) or split is not None)
            short_split = split is not None and _words(split[1]) <= 3 and _words(split[0]) <= 6
            after_cell = split is not None and bool(row.cells) and _words(split[0]) <= 4
            if short_area or short_split or after_cell:
                row = _Row(line) if split is None else _Row(split[0], [split[1]])
                rows.append(row)
            elif row.cells and len(row.cells) < 2 and not _SPECIAL_CELL.match(row.cells[-1]):
                row.cells.append(line)  # a fresh line after a finished one: the next column
            elif row.cells:
                row.cells[-1] = join_two(row.cells[-1], line)
            else:
                row.cells.append(line)
        for r in rows[-len(para):]:
            areas_seen.setdefault(letters_only(r.area), r.area)
    out: list[PolicyArea] = []
    for row in rows:
        cells: list[str] = []
        for c in row.cells:
            c = normalise_whitespace(c)
            if not c:
                continue
            # "Idem Idem": one mark per column
            parts = c.split()
            if len(parts) > 1 and all(_SPECIAL_CELL.match(p) for p in parts):
                cells.extend(parts)
            else:
                cells.append(c)
        opp = risk = ""
        if len(cells) == 1:
            split = _column_break(cells[0], proper_nouns)
            if split:
                opp, risk = split
            elif _risk_like(cells[0]) and not _SPECIAL_CELL.match(cells[0]):
                risk = cells[0]
            else:
                opp = cells[0]
        elif len(cells) == 2:
            opp, risk = cells
        elif cells:
            opp, risk = "\n\n".join(cells[:-1]), cells[-1]
        out.append(PolicyArea(area=normalise_whitespace(row.area), opportunity=opp, risk=risk))
    return out, unplaced


def text_value(lines: list[str]) -> str:
    """A free-text field: URLs out, wrapped lines joined, paragraphs kept."""
    return text_block([remove_urls(l) if find_urls(l) else l for l in lines])
