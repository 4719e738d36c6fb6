"""Reader for the text extracted from a dossier PDF (``pdftotext`` and the like).

The extraction interleaves the two columns of the template (label left, value right),
wraps labels over several lines, moves values before their label or past the next one,
breaks tables into loose lines and drops page footers and URL dumps into the flow.
This reader:

1. decodes the bytes (UTF-8, with or without BOM, UTF-16 with BOM, or Windows-1252) and
   refuses what is not text;
2. splits the text into fiches at their headings (``Onderwerp 1A Titel``, also
   ``Onderwerp 1 A``, or ``Onderwerp`` alone with the code on the next line), or at the
   heading form the dossier uses (``Thema 2.3 Titel`` → ``2C``; ``Profile.topic_heading``)
   where a label of the fiche table follows;
3. per fiche takes out what floats (URL lines, footnotes, page headers), finds the
   template labels across line breaks (``readers/template.py``), and gives the text
   between two labels to the field of the first, with a few general repairs for values
   that ended up before their label; text extracted column by column (the labels one
   after the other, then the values) is given back to the labels in their order by
   ``readers/columns.py``;
4. parses each value with ``akkoord.dossier.fields``;
5. resolves cross-references between fiches against the dossier's own titles.

Text it cannot place is reported as a ``ReaderWarning`` (kind ``unplaced-text``); a fiche
that cannot be read at all is skipped with a warning (kind ``damaged-fiche``).
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from akkoord.dossier.errors import DossierError
from akkoord.dossier.fiche_assembly import LINK_HEADINGS
from akkoord.dossier.fields import (
    continues,
    ends_sentence,
    parse_advice,
    parse_ambitions,
    parse_partners,
    parse_policy_table,
    parse_sources,
    text_value,
)
from akkoord.dossier.model import FIELD_LABELS, Dossier, Fiche, ReaderWarning, ReadResult
from akkoord.dossier.profile import Profile, apply_ambitions, default_profile, find_boilerplate, term_from_title
from akkoord.dossier.readers.files import MAX_TEXT_BYTES, read_bytes
from akkoord.dossier.readers.columns import assign_stream, column_table, opgave_prefix, starts_column_table
from akkoord.dossier.readers.layout import unfold_layout
from akkoord.dossier.readers.template import (
    ADJUSTMENT_TAIL_PATTERN,
    CODE_LINE_PATTERN,
    DEFAULT_TOPIC_HEADING,
    LABEL_PATTERNS,
    LOOSE_LABEL_PATTERNS,
    REFERENCE_LINE_PATTERN,
    LABEL_PHRASES,
    TABLE_HEADER_PATTERN,
    heading_form,
    match_label,
    normalise_label,
    parse_heading,
)
from akkoord.dossier.related import find_references, numbered_references, resolve_related, see_also_references
from akkoord.dossier.textclean import (
    find_urls,
    footnote_markers,
    is_url_line,
    join_lines,
    join_wrapped_urls,
    normalise_text,
    normalise_whitespace,
    paragraphs,
    split_bullet,
    strip_footnote_markers,
    unique,
)

_CODE_LINE = re.compile(CODE_LINE_PATTERN)
_LONE_HEADING = re.compile(r"^\s*Onderwerp\s*:?\s*$")
_PAGE_HEADER = re.compile(r"^\s*Onderwerp\s*:?\s+(?!\d)(\S.*)$")
_LABELS = {f: tuple(re.compile(p, re.IGNORECASE) for p in ps) for f, ps in LABEL_PATTERNS.items()}
_LOOSE_LABELS = {f: tuple(re.compile(p, re.IGNORECASE) for p in ps) for f, ps in LOOSE_LABEL_PATTERNS.items()}
_QUOTES = "\"“”‘’'„«"
_TABLE_HEADER = re.compile(TABLE_HEADER_PATTERN)
_ADJUSTMENT_TAIL = re.compile(ADJUSTMENT_TAIL_PATTERN)
_LOGICAL_MOMENT = re.compile(r"[\s,]*" + ADJUSTMENT_TAIL_PATTERN + r"\s*$")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2})\s+(\S.*)$")
_PAGE_NUMBER = re.compile(r"^\s*(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?\s*$", re.IGNORECASE)
# "(Ook benoemd bij …)": the passage that follows is also described in another fiche.
_ALSO_DESCRIBED = re.compile(r"\book\s+(?:benoemd|genoemd|beschreven|opgenomen|behandeld)\s+(?:bij|in|onder)\b"
                            r"[^)\n]*\)?\s*:?", re.IGNORECASE)
_REFERENCE_LINE = re.compile(REFERENCE_LINE_PATTERN, re.IGNORECASE)
_SEE_NUMBERED = re.compile(r"\bzie\s+(?:ook\s+)?(?:thema|onderwerp|fiche|paragraaf)\s+\d{1,2}\.\d{1,2}\b", re.IGNORECASE)

# Fields whose value may be found just before its label when the label's own segment is empty.
_MOVABLE = ("current_line", "sources", "adjustment_moment", "external_changes", "partners", "advice")


# --- decoding ---------------------------------------------------------------------------


def decode_bytes(data: bytes, name: str = "invoer") -> str:
    """Bytes of a text file to ``str``; DossierError (Dutch, one line) for what is not text."""
    if not data.strip():
        raise DossierError(f"{name}: het bestand is leeg.")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise DossierError(f"{name}: de tekst is beschadigd (ongeldige {encoding.upper()}).") from None
    if b"\x00" in data:
        raise DossierError(f"{name}: geen tekstbestand maar binaire gegevens.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise DossierError(f"{name}: onleesbare tekst (geen UTF-8 en geen Windows-1252).") from None
    _check_readable(text, name)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LETTER = re.compile(r"[^\W\d_]")
_BROKEN = re.compile(r"[\ufffd\ud800-\udfff]")


def _check_readable(text: str, name: str) -> None:
    sample = text[:100_000]
    if not sample.strip():
        raise DossierError(f"{name}: het bestand is leeg.")
    if len(_CONTROL.findall(sample)) > len(sample) * 0.001 + 2:
        raise DossierError(f"{name}: geen tekstbestand maar binaire gegevens.")
    letters = len(_LETTER.findall(sample))
    if letters < len("".join(sample.split())) * 0.4 or len(_BROKEN.findall(sample)) > len(sample) * 0.02:
        raise DossierError(f"{name}: geen leesbare tekst.")


def _cover_title(lines: list[str]) -> str:
    """The dossier's title from its cover page: the lines up to the one naming the dossier
    (``Formatiedossier 2026``), at most two; the subtitles after it are not part of it."""
    for count, line in enumerate(lines[:2], 1):
        if "dossier" in line.lower():
            return " — ".join(lines[:count])
    return lines[0]


def read_text_file(path: str | Path, profile: Profile | None = None) -> ReadResult:
    """Read a dossier from a text file (see the module docstring). ``profile``: the profile
    kept from an earlier version of the same dossier, reused where the text agrees."""
    path = Path(path)
    return parse_text(decode_bytes(read_bytes(path, MAX_TEXT_BYTES), path.name), name=path.name, profile=profile)


# --- splitting into fiches --------------------------------------------------------------


@dataclass
class _Block:
    code: str
    title: str
    line: int  # 1-based line of the heading
    body: list[tuple[int, str]]  # (1-based line, text)


def _is_label_line(text: str) -> bool:
    if _LABELS["ambitions"][0].match(text):
        return True
    return match_label(text) not in (None, "title", "related")


def _mostly_letters(text: str) -> bool:
    stripped = text.replace(" ", "")
    return bool(stripped) and sum(ch.isalpha() for ch in stripped) >= 0.6 * len(stripped)


def _opens_fiche(lines: list[tuple[int, str]], i: int) -> bool:
    """Does the heading on line ``i`` open a fiche? A label of the fiche table follows it
    (within a few lines, after a wrapped title); a topic named in a value (``Thema 1.2 en
    thema 3.3``) is followed by more value or by the policy table."""
    seen = 0
    for _, text in lines[i + 1:i + 8]:
        if not text.strip():
            continue
        if _is_label_line(text):
            return match_label(text) not in ("policy_areas", "related")
        seen += 1
        if seen >= 3:
            break
    return False


def topic_form(lines: list[tuple[int, str]], profile: Profile | None = None) -> str:
    """The form of this dossier's topic headings (``Profile.topic_heading``): the template's
    ``Onderwerp 1A`` when it has those, else the profile's, else the form most headings that
    open a fiche table take (``Thema 1.1``)."""
    if any(parse_heading(text) or _LONE_HEADING.match(text) for _, text in lines):
        return DEFAULT_TOPIC_HEADING
    if profile is not None and profile.topic_heading:
        return profile.topic_heading
    forms: Counter = Counter()
    for i, (_, text) in enumerate(lines):
        form = heading_form(text) if text.strip() else None
        if form and _opens_fiche(lines, i):
            forms[form] += 1
    return forms.most_common(1)[0][0] if forms else DEFAULT_TOPIC_HEADING


def _split_fiches(lines: list[tuple[int, str]], form: str = DEFAULT_TOPIC_HEADING
                  ) -> tuple[list[_Block], list[tuple[int, str]]]:
    """Fiche blocks, and the lines before the first heading. ``form``: see ``topic_form``."""
    starts: list[tuple[int, str, list[str], int]] = []  # (index, code, title lines, body start)
    i = 0
    n = len(lines)
    other_form = form != DEFAULT_TOPIC_HEADING
    while i < n:
        text = lines[i][1]
        heading = parse_heading(text, form=form)
        if heading and other_form and not _opens_fiche(lines, i):
            heading = None
        code_line = None
        if heading:
            (code, rest), j = heading, i + 1
        elif not other_form and _LONE_HEADING.match(text):
            j = i + 1
            while j < n and not lines[j][1].strip():
                j += 1
            code_line = _CODE_LINE.match(lines[j][1]) if j < n else None
            if not code_line:
                i += 1
                continue
            code, rest, j = code_line.group(1) + code_line.group(2), code_line.group(3).strip(), j + 1
        else:
            i += 1
            continue
        title = [rest] if rest else []
        if not title:  # the title alone on the next line
            while j < n and not lines[j][1].strip():
                j += 1
            if j < n and not _is_label_line(lines[j][1]):
                title.append(lines[j][1].strip())
                j += 1
        # Wrapped title lines: until a blank line, a label or a reference list (at most 3).
        extra = 0
        while (j < n and lines[j][1].strip() and extra < 3 and not _is_label_line(lines[j][1])
               and _mostly_letters(lines[j][1])
               and not _REFERENCE_LINE.match(lines[j][1]) and not parse_heading(lines[j][1], form=form)
               and not find_urls(lines[j][1])):
            title.append(lines[j][1].strip())
            j += 1
            extra += 1
        starts.append((i, code, title, j))
        i = j
    blocks = []
    for k, (idx, code, title, body_start) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else n
        blocks.append(_Block(code, normalise_whitespace(join_lines(title)), lines[idx][0],
                             lines[body_start:end]))
    before = lines[:starts[0][0]] if starts else lines
    return blocks, before


# --- one fiche --------------------------------------------------------------------------


@dataclass
class _Parsed:
    fiche: Fiche
    references: list[str]
    flat: str = ""  # the fiche's text, white space folded, lower case (for shared passages)
    raw: str = ""  # the fiche's text with white space folded


def _similar_title(candidate: str, title: str) -> bool:
    a, b = set(re.findall(r"\w+", candidate.lower())), set(re.findall(r"\w+", title.lower()))
    return bool(a and b) and len(a & b) / max(1, min(len(a), len(b))) >= 0.6


def _take_floating(block: _Block, profile: Profile) -> tuple[list[tuple[int, str]], list[str], set[int]]:
    """Remove footnotes, URL-only lines, page headers and page numbers from the body.

    Returns the remaining lines (blank lines kept), the footnote texts and the footnote
    numbers (boilerplate included, for removing their marks from the text)."""
    body = block.body
    n = len(body)
    all_text = "\n".join(t for _, t in body)
    markers = footnote_markers(all_text)
    removed: set[int] = set()
    notes: list[list] = []  # [number, [texts], boilerplate]
    for bi, (_, text) in enumerate(body):
        if not (_FOOTNOTE_LINE.match(text) and profile.is_boilerplate(text)):
            continue
        lo = bi
        while lo > 0 and body[lo - 1][1].strip() and not is_url_line(body[lo - 1][1]):
            lo -= 1
        own = int(_FOOTNOTE_LINE.match(text).group(1))
        # a note numbered just before it, one blank line up (notes numbered through the document)
        above = lo - 2
        while above > 0 and body[above - 1][1].strip():
            above -= 1
        prior = _FOOTNOTE_LINE.match(body[above][1]) if above >= 0 and not body[lo - 1][1].strip() else None
        if prior and int(prior.group(1)) < own and ends_sentence(body[lo - 2][1]):
            lo = above
        hi = bi
        while hi + 1 < n and body[hi + 1][1].strip() and not is_url_line(body[hi + 1][1]):
            hi += 1
        current = None
        for k in range(lo, hi + 1):
            if k in removed:
                continue
            t = body[k][1]
            m = _FOOTNOTE_LINE.match(t)
            if m and (k == bi or int(m.group(1)) in markers or int(m.group(1)) < max(10, own)):
                current = [int(m.group(1)), [m.group(2)], profile.is_boilerplate(t)]
                notes.append(current)
                removed.add(k)
            elif current is not None:
                current[1].append(t)
                removed.add(k)
    # Footnotes of a fiche without the boilerplate one: "N tekst" for a mark N used in the text,
    # standing just before a URL dump or at the end of the fiche.
    if not notes:
        for k, (_, t) in enumerate(body):
            m = _FOOTNOTE_LINE.match(t)
            if not m or int(m.group(1)) not in markers:
                continue
            after = [x for _, x in body[k + 1:] if x.strip()]
            if not after or is_url_line(after[0]):
                notes.append([int(m.group(1)), [m.group(2)], profile.is_boilerplate(t)])
                removed.add(k)
    # ``2`` alone on its line and the note's sentence in the next paragraph (a footnote area
    # extracted as two blocks); a boilerplate line on its own.
    for k, (_, t) in enumerate(body):
        if k in removed:
            continue
        if profile.is_boilerplate(t) and len(t.split()) >= 4:
            removed.add(k)
            continue
        lone = _LONE_NUMBER.match(t)
        if not lone:
            continue
        note = _next_paragraph(body, k + 1)
        if (note and ends_sentence(body[note[-1]][1]) and body[note[0]][1].strip()[:1].isupper()
                and not any(j in removed for j in note)):
            removed.update([k, *note])
            text = " ".join(body[j][1] for j in note)
            notes.append([int(lone.group(1)), [text], profile.is_boilerplate(text)])
    # A heading of a higher level (a chapter) closing the block, just before the next topic.
    last = next((k for k in range(n - 1, -1, -1) if body[k][1].strip()), None)
    if last is not None and _CHAPTER_HEADING.match(body[last][1]) and not ends_sentence(body[last][1]):
        removed.add(last)
    for k, (_, t) in enumerate(body):
        if k in removed:
            continue
        if is_url_line(t) or _PAGE_NUMBER.match(t):
            removed.add(k)
            continue
        if normalise_label(t) in LINK_HEADINGS and k + 1 < n and is_url_line(body[k + 1][1]):
            removed.add(k)  # ``Meer informatie:`` over a list of links
            continue
        ph = _PAGE_HEADER.match(t)
        if ph and _similar_title(ph.group(1), block.title):
            removed.add(k)
    remaining = [line for k, line in enumerate(body) if k not in removed]
    numbers = {note[0] for note in notes}
    texts = [normalise_whitespace(join_lines(note[1])) for note in notes if not note[2]]
    return remaining, [t for t in texts if t], numbers


# What a label's dots leave behind (``ingezet is……``): no value.
_DOTS = re.compile(r"[.…]*")
_LONE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
# ``Hoofdstuk 2  Wonen en leefomgeving``: a word, a number, a title (at most ten words).
_CHAPTER_HEADING = re.compile(r"^\s*[A-Z][a-z]+\s+\d{1,2}\.?\s+[A-Z][^.!?]{0,80}$")


def _next_paragraph(body: list[tuple[int, str]], start: int) -> list[int]:
    """Indexes of the lines of the next paragraph from ``start`` (blank lines before it skipped)."""
    k = start
    while k < len(body) and not body[k][1].strip():
        k += 1
    out = []
    while k < len(body) and body[k][1].strip():
        out.append(k)
        k += 1
    return out


@dataclass
class _Label:
    field: str
    start: int
    end: int


def _label_matches(pattern: re.Pattern, text: str):
    """Matches of a label pattern, leaving out the label quoted in running text
    (``zoals opgenomen bij “de lijn die we hebben ingezet”``)."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 2):m.start()].strip()
        if before and before[-1] in _QUOTES:
            continue
        yield m


def _find_labels(text: str, table_header: bool = True) -> list[_Label]:
    found: list[_Label] = []
    for fname, patterns in _LABELS.items():
        match = None
        for pattern in patterns:  # the template's wording: the first pattern found
            match = next(_label_matches(pattern, text), None)
            if match:
                break
        if not match:  # looser wordings: the earliest in the text
            hits = [m for pattern in _LOOSE_LABELS.get(fname, ()) for m in [next(_label_matches(pattern, text), None)] if m]
            match = min(hits, key=lambda m: m.start(), default=None)
        if match:
            found.append(_Label(fname, match.start(), match.end()))
    for m in _TABLE_HEADER.finditer(text) if table_header else ():
        found.append(_Label("table_header", m.start(), m.end()))
    found.sort(key=lambda lab: (lab.start, -lab.end))
    out: list[_Label] = []
    for lab in found:
        if out and lab.start < out[-1].end:
            continue
        out.append(lab)
    return out


# A label wrapped in the narrow label column: its lines are short.
_LABEL_COLUMN_WIDTH = 45
_ALONE_LABELS = ("ambitions", "related")  # only when the line holds the label alone


def _fallback_labels(lines: list[tuple[int, str]], have: set[str], offsets: list[int]) -> list[_Label]:
    """Labels worded differently from the template: a line holding a key phrase, or up to four
    short lines that together hold one (``Wij vragen de`` / ``formatietafel richting te`` /
    ``geven aan``); a parenthesis the label opens is closed on its next lines. ``Opgave``-like
    and ``Zie ook``-like labels count only alone on their line(s)."""
    out = []
    i = 0
    while i < len(lines):
        found = None
        for size in range(1, 5):
            window = lines[i:i + size]
            if len(window) < size or not window[0][1].strip() or len(window[0][1]) >= 160:
                break
            if size > 1 and (not window[-1][1].strip() or any(len(t) > _LABEL_COLUMN_WIDTH for _, t in window)):
                break
            joined = " ".join(t.strip() for _, t in window)
            fname = match_label(joined)
            if (fname and fname not in have and fname != "title"
                    and (fname not in _ALONE_LABELS or normalise_label(joined) in LABEL_PHRASES[fname])):
                found = (fname, size)
                break
        if found is None:
            i += 1
            continue
        fname, size = found
        joined = " ".join(t for _, t in lines[i:i + size])
        # the label's own next lines: a parenthesis it opened, or short lower-case lines that
        # go on with it (``uitspraken te doen``)
        while i + size < len(lines) and 0 < len(nxt := lines[i + size][1].strip()) <= _LABEL_COLUMN_WIDTH:
            if not (joined.count("(") > joined.count(")")
                    or nxt[:1].islower() and match_label(nxt) in (None, fname) and not ends_sentence(nxt)):
                break
            joined += " " + nxt
            size += 1
        last = i + size - 1
        out.append(_Label(fname, offsets[i], offsets[last] + len(lines[last][1])))
        have.add(fname)
        i += size
    return out


def _segments(lines: list[tuple[int, str]], table_header: bool = True
              ) -> tuple[dict[str, list[tuple[int, str]]], list[tuple[int, str]], list[str]]:
    """Lines of each field, the lines before the first label, and the fields in text order.
    ``table_header``: the policy table's header row is a label (not when the text was extracted
    column by column: then its cells head the columns)."""
    text = "\n".join(t for _, t in lines)
    offsets, pos = [], 0
    for _, t in lines:
        offsets.append(pos)
        pos += len(t) + 1
    labels = _find_labels(text, table_header)
    missing = set(_LABELS) - {lab.field for lab in labels}
    if missing:
        extra = _fallback_labels(lines, {lab.field for lab in labels} | {"table_header"}, offsets)
        extra = [e for e in extra if not any(lab.start <= e.start < lab.end for lab in labels)]
        labels = sorted(labels + extra, key=lambda lab: lab.start)

    def line_of(offset: int) -> int:
        lo, hi = 0, len(offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if offsets[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def cut(start: int, end: int) -> list[tuple[int, str]]:
        if start >= end:
            return []
        out = []
        first = line_of(start)
        chunk = text[start:end]
        for k, part in enumerate(chunk.split("\n")):
            idx = min(first + k, len(lines) - 1)
            out.append((lines[idx][0], part))
        # drop the empty remainder of the label's own line
        while out and not out[0][1].strip():
            out.pop(0)
        while out and not out[-1][1].strip():
            out.pop()
        return out

    segments: dict[str, list[tuple[int, str]]] = {}
    order: list[str] = []
    preamble = cut(0, labels[0].start) if labels else list(lines)
    for k, lab in enumerate(labels):
        end = labels[k + 1].start if k + 1 < len(labels) else len(text)
        fname = "policy_areas" if lab.field == "table_header" else lab.field
        seg = cut(lab.end, end)
        if fname in segments:
            if segments[fname] and seg:
                segments[fname].append((seg[0][0], ""))
            segments[fname].extend(seg)
        else:
            segments[fname] = seg
            order.append(fname)
    return segments, preamble, order


def _recover_value_before_label(segments: dict, order: list[str]) -> None:
    """A label whose segment is empty: its value often stands just before it, as the last
    paragraph of the previous field (two-column layout read in the wrong order)."""
    for k, fname in enumerate(order):
        if fname not in _MOVABLE or segments.get(fname) or k == 0:
            continue
        prev = order[k - 1]
        if prev not in _MOVABLE:
            continue
        paras = paragraphs([t for _, t in segments[prev]])
        if len(paras) < 2 or not paras[-1][0][:1].isupper():
            continue
        last = " ".join(paras[-1])
        if prev == "partners" and (split_bullet(paras[-1][0])[0] or ":" in last or last.count(",") > 1):
            continue  # one more group of partners, not a misplaced value
        size = len(paras[-1])
        # the lines of the last paragraph, with their numbers
        tail: list[tuple[int, str]] = []
        seg = segments[prev]
        count = 0
        for idx in range(len(seg) - 1, -1, -1):
            if seg[idx][1].strip():
                tail.insert(0, seg[idx])
                count += 1
                if count == size:
                    cut_at = idx
                    break
        segments[prev] = seg[:cut_at]
        while segments[prev] and not segments[prev][-1][1].strip():
            segments[prev].pop()
        segments[fname] = tail


def _recover_adjustment(segments: dict) -> None:
    """``… een logisch moment`` closes the adjustment label: a paragraph with those words in
    another field's segment is the adjustment value, moved there by the layout."""
    if "adjustment_moment" not in segments:
        return
    own = segments["adjustment_moment"]
    if any(_ADJUSTMENT_TAIL.search(t) for _, t in own):
        return
    for fname, seg in segments.items():
        if fname == "adjustment_moment":
            continue
        for k, (_, t) in enumerate(seg):
            if not _ADJUSTMENT_TAIL.search(t):
                continue
            start = k
            while start > 0 and seg[start - 1][1].strip():
                start -= 1
            end = k + 1
            moved = seg[start:end]
            segments[fname] = seg[:start] + seg[end:]
            segments["adjustment_moment"] = own + ([(moved[0][0], "")] if own else []) + moved
            return


def _sentence_like(text: str) -> bool:
    words = text.split()
    return (len(words) >= 10 and text[:1].isupper() and ":" not in text
            and text.count(",") <= 2)


def _recover_missing_advice(segments: dict) -> None:
    """No advice label: sentences after the partner list are the advice points."""
    partners = segments.get("partners") or []
    for k, (_, text) in enumerate(partners):
        prev = partners[k - 1][1] if k else ""
        if _sentence_like(text.strip()) and not (prev.strip() and continues(prev, text)
                                                 and prev.rstrip().endswith((",", "-"))):
            moved = partners[k:]
            spaced: list[tuple[int, str]] = []
            for no, t in moved:
                if spaced and _sentence_like(t.strip()):
                    spaced.append((no, ""))
                spaced.append((no, t))
            segments["partners"] = partners[:k]
            segments["advice"] = spaced
            return


def _parse_fiche(block: _Block, warnings: list[ReaderWarning], vocabulary: set[str], profile: Profile) -> _Parsed:
    code = block.code
    body, footnotes, numbers = _take_floating(block, profile)
    links = unique([u for _, t in block.body for u in find_urls(t)])
    segments, preamble, order = _segments(body)
    found = [f for f in order if f in _LABELS]
    if not found:
        raise _Damaged("geen enkel label van het fichesjabloon gevonden")

    in_references = False
    for no, text in preamble:
        if not text.strip():
            in_references = False
            continue
        if _REFERENCE_LINE.match(text) or in_references:
            in_references = True
            continue
        warnings.append(ReaderWarning("tekst vóór het eerste label kon niet worden geplaatst", code, no,
                                      "unplaced-text", text.strip()))

    by_columns = _column_by_column(segments, order)
    if by_columns:
        segments, _, order = _segments(body, table_header=False)
        segments = _values_in_label_order(segments, order, profile, code, warnings)
        warnings.append(ReaderWarning(
            "de labels staan los van hun waarden (de tekst is kolom voor kolom uit de PDF gehaald); de "
            "waarden zijn op volgorde en naar hun soort bij de labels gezet. Controleer deze fiche, of lees "
            "liever het PDF- of Word-bestand zelf in.", code, block.line, "labels-apart"))
    else:
        if "advice" not in segments and "partners" in segments:
            _recover_missing_advice(segments)
        _recover_adjustment(segments)
        _recover_value_before_label(segments, order)

    for fname in _LABELS:
        if fname not in segments:
            warnings.append(ReaderWarning(f"label '{FIELD_LABELS[fname]}' niet gevonden", code, block.line,
                                          "missing-label"))

    def lines_of(fname: str) -> list[str]:
        return [strip_footnote_markers(t, numbers) for _, t in segments.get(fname, [])]

    fiche = Fiche(code=code, title=block.title)
    fiche.links = links
    fiche.footnotes = footnotes

    amb = parse_ambitions(" ".join(lines_of("ambitions")), profile)
    fiche.ambitions = amb.ambitions
    if len(amb.leftover.split()) >= 3:
        first = segments["ambitions"][0][0] if segments.get("ambitions") else block.line
        warnings.append(ReaderWarning("tekst bij de opgaven kon niet worden geplaatst", code, first,
                                      "unplaced-text", amb.leftover))
    fiche.current_line = text_value(lines_of("current_line"))
    sources, _, unplaced = parse_sources(lines_of("sources"))
    fiche.sources = sources
    for text in unplaced:
        warnings.append(ReaderWarning("einddatum zonder document", code, _first_line(segments, "sources"),
                                      "unplaced-text", text))
    fiche.adjustment_moment = text_value(_without_tail(lines_of("adjustment_moment")))
    if by_columns:  # the closing words wrapped over two lines
        fiche.adjustment_moment = _LOGICAL_MOMENT.sub("", fiche.adjustment_moment).strip()
    fiche.external_changes = text_value(lines_of("external_changes"))
    fiche.partners = parse_partners(lines_of("partners"))
    fiche.advice, _ = parse_advice(lines_of("advice"))
    table_lines = lines_of("policy_areas")
    first_line = next((t for t in table_lines if t.strip()), "")
    if by_columns and starts_column_table(first_line):
        rows, unplaced = column_table(table_lines)
    else:
        rows, unplaced = parse_policy_table(table_lines, vocabulary)
    fiche.policy_areas = rows
    for text in unplaced:
        line = next((no for no, t in segments.get("policy_areas", [])
                     if t.strip() and normalise_whitespace(text).startswith(normalise_whitespace(t))),
                    _first_line(segments, "policy_areas"))
        warnings.append(ReaderWarning("tekst in de tabel met beleidsterreinen kon niet worden geplaatst",
                                      code, line, "unplaced-text", text))
    body_text = "\n".join(t for _, t in block.body)
    references = find_references(body_text, block.title)
    # A ``Zie ook`` value (by number or by title), and ``zie thema 2.1`` in running text.
    for item in paragraphs([t for t in lines_of("related")]):
        references += see_also_references(join_lines(item))
    references += numbered_references(" ".join(m.group(0) for m in _SEE_NUMBERED.finditer(body_text)))
    fiche.title = normalise_whitespace(fiche.title)
    flat = " ".join(re.findall(r"\w+", body_text.lower()))
    return _Parsed(fiche, references, flat, re.sub(r"\s+", " ", body_text))


def _label_piece(text: str, labels: list[str]) -> str | None:
    """``start`` or ``end`` when ``text`` (a short line) is the start or the end of one of the
    dossier's labels, else None."""
    norm = normalise_label(text)
    if not norm or len(text) > _LABEL_COLUMN_WIDTH or (len(norm.split()) < 2 and not text.rstrip().endswith(":")):
        return None
    if any(label != norm and label.startswith(norm + " ") for label in labels):
        return "start"
    if any(label != norm and label.endswith(" " + norm) for label in labels):
        return "end"
    return None


def _values_in_label_order(segments: dict, order: list[str], profile: Profile, code: str,
                           warnings: list[ReaderWarning]) -> dict:
    """Text extracted column by column: the values, in text order, given back to the labels
    in their order (``readers/columns.py``); the policy table that follows, written column by
    column too, stays under ``policy_areas``."""
    stream = sorted((line for fname in order for line in segments.get(fname, [])), key=lambda line: line[0])
    # pieces of a label that a page break cut off from the rest (``Vanuit andere``)
    labels = [normalise_label(text) for text in [*default_profile().labels.values(), *profile.labels.values()]]
    kept: list[tuple[int, str]] = []
    for no, t in stream:
        piece = _label_piece(t, labels)
        previous = next((x for _, x in reversed(kept) if x.strip()), "")
        # the end of a label, unless it goes on with the value before it (``…, een`` / ``logisch moment.``)
        if piece == "start" or piece == "end" and (not previous or ends_sentence(previous)):
            continue
        if t.strip() and _DOTS.fullmatch(t.strip()):
            continue
        kept.append((no, t))
    stream = kept
    start = next((k for k, (_, t) in enumerate(stream) if starts_column_table(t.strip())), len(stream))
    fields = [f for f in order if f not in ("policy_areas", "table_header")]
    assigned, unplaced = assign_stream(fields, stream[:start], profile)
    for no, text in unplaced:
        if text.strip():
            warnings.append(ReaderWarning("waarde kon bij geen label worden geplaatst", code, no,
                                          "unplaced-text", text.strip()))
    assigned["policy_areas"] = stream[start:]
    return assigned


def _column_by_column(segments: dict, order: list[str]) -> bool:
    """Was the fiche extracted column by column (all labels first, then all values, page by
    page)? Then labels follow each other with nothing between them: three or more from the
    first label on, or two from the first label on while half of all labels are empty, or a
    run of three or more that is half of the labels. A fiche with a few empty fields in a row
    is no sign."""
    empties = [all(_DOTS.fullmatch(t.strip()) for _, t in segments.get(fname, [])) for fname in order]
    leading = next((k for k, empty in enumerate(empties) if not empty), len(empties))
    longest = run = 0
    for empty in empties:
        run = run + 1 if empty else 0
        longest = max(longest, run)
    half = 2 * sum(empties) >= len(order)
    return leading >= 3 or leading >= 2 and half or longest >= 3 and 2 * longest >= len(order)


def _first_line(segments: dict, fname: str) -> int | None:
    seg = segments.get(fname)
    return seg[0][0] if seg else None


def _without_tail(lines: list[str]) -> list[str]:
    """Remove ``een logisch moment`` (the end of the adjustment label) once."""
    out, done = [], False
    for line in lines:
        if not done:
            new = _ADJUSTMENT_TAIL.sub(" ", line, count=1)
            if new != line:
                done = True
                if not new.strip():
                    continue
                line = new
        out.append(line)
    return out


class _Damaged(Exception):
    pass


# --- cross-references -------------------------------------------------------------------

def _link_shared_passages(parsed: list[_Parsed]) -> None:
    """A fiche that says a passage is *also described* elsewhere refers to the fiche that
    holds the same passage; the two describe one item, so the link goes both ways."""
    for p in parsed:
        for m in _ALSO_DESCRIBED.finditer(p.raw):
            words = re.findall(r"\w+", m.string[m.end():m.end() + 400].lower())[:10]
            if len(words) < 6:
                continue
            passage = " ".join(words)
            for other in parsed:
                if other is p or passage not in other.flat:
                    continue
                for a, b in ((p, other), (other, p)):
                    if b.fiche.code not in a.fiche.related:
                        a.fiche.related.append(b.fiche.code)


# --- the whole text ---------------------------------------------------------------------


_FOOTER_WORDS = re.compile(r"\b(?:pagina|page|blz\.?|p\.)\s*\d+(?:\s*(?:van|/|of)\s*\d+)?\s*$", re.IGNORECASE)
_END_DATE_WORD = re.compile(r"\b[Ee]ind\s?d?atum\b")
# A footnote mark glued to the last word of a line (``overheden1``): a label, not a page footer.
_GLUED_MARK = re.compile(r"[^\W\d_]\d{1,2}\s*$")


def _page_footers(lines: list[str]) -> set[int]:
    """Indexes of page headers and footers: a short line that ends in a (page) number and
    recurs on three or more pages with only its numbers changed, or ``… pagina 3``."""
    def shape(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).lower())

    positions: dict[str, list[int]] = {}
    for idx, line in enumerate(lines):
        if line.strip() and (re.search(r"\d\s*$", line) or len(line.split()) >= 6):
            positions.setdefault(shape(line), []).append(idx)

    def recurs_on_pages(key: str) -> bool:
        # three or more times, and never two within a few lines of each other (a list is no footer)
        where = positions.get(key, [])
        return len(where) >= 3 and all(b - a >= 15 for a, b in zip(where, where[1:]))

    out = set()
    for idx, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > 120 or _END_DATE_WORD.search(stripped):
            continue
        if parse_heading(stripped) or _FOOTNOTE_LINE.match(stripped) and not _FOOTER_WORDS.search(stripped):
            continue
        if _FOOTER_WORDS.search(stripped) and len(stripped.split()) <= 12:
            out.add(idx)
        elif (re.search(r"\d\s*$", stripped) and len(stripped.split()) >= 2 and not _GLUED_MARK.search(stripped)
              and recurs_on_pages(shape(stripped))):
            out.add(idx)
        elif (len(stripped.split()) >= 6 and not ends_sentence(stripped) and recurs_on_pages(shape(stripped))
              and not parse_heading(stripped, numbered=True) and match_label(stripped) is None
              and all(not lines[j].strip() for j in (idx - 1, idx + 1) if 0 <= j < len(lines))):
            out.add(idx)  # a running header or footer without a page number, a paragraph of its own
    return out


def proper_nouns(text: str) -> set[str]:
    """Capitalised words used as names: capitalised after a lower-case word at least twice,
    never written in lower case."""
    lower = set(re.findall(r"\b[a-zà-ÿ][\w\-]*", text))
    mid = Counter(re.findall(r"\b[a-zà-ÿ][\w\-]*[ \t]+([A-Z][\w\-]*)", text))
    return {w for w, n in mid.items() if n >= 2 and w.lower() not in lower}


def _opgave_text(block: _Block) -> str:
    """The lines of a fiche's Opgave block (the ambitions with their marks). In text extracted
    column by column they lead the value stream."""
    segments, _, order = _segments(block.body[:80])
    if "ambitions" in segments and _column_by_column(segments, order):
        stream = sorted((line for fname in order for line in segments.get(fname, [])), key=lambda line: line[0])
        return "\n".join(t for _, t in stream[:opgave_prefix(stream)]).strip()
    body = block.body[:30]
    for k, (_, text) in enumerate(body):
        m = _LABELS["ambitions"][0].match(text)
        if not m:
            continue
        out = [text[m.end():]]
        for _, line in body[k + 1:k + 12]:
            if _is_label_line(line) or parse_heading(line) or _PAGE_HEADER.match(line) or len(line) > 120:
                break
            out.append(line)
        return "\n".join(out).strip()
    return ""


def _footnote_candidates(block: _Block) -> list[str]:
    out = [m.group(2) for _, t in block.body if (m := _FOOTNOTE_LINE.match(t)) and m.group(2)[:1].isupper()]
    for k, (_, t) in enumerate(block.body):
        if _LONE_NUMBER.match(t):  # ``1`` alone, the note in the next paragraph
            note = _next_paragraph(block.body, k + 1)
            text = " ".join(block.body[j][1] for j in note)
            if note and text[:1].isupper() and ends_sentence(text):
                out.append(text)
    return out


def induce_profile(blocks: list[_Block], title: str, base: Profile | None = None) -> Profile:
    """The profile of a fiche dossier: its ambitions from the Opgave blocks, its boilerplate
    by repetition, its term from the title; ``base`` (an earlier version's) where they agree."""
    profile = base.copy() if base is not None else default_profile()
    apply_ambitions(profile, [_opgave_text(b) for b in blocks], base)
    found = find_boilerplate([_footnote_candidates(b) for b in blocks])
    if found:
        profile.boilerplate = unique(([] if base is None else list(base.boilerplate)) + found)
    profile.term = profile.term or term_from_title(title)
    labels = _label_texts(blocks[:12])
    if labels and base is None:
        profile.set_labels(labels)
    return profile


def _label_texts(blocks: list[_Block]) -> dict[str, str]:
    """The labels as this dossier writes them: per field the wording most fiches use."""
    seen: dict[str, Counter] = {}
    for block in blocks:
        text = "\n".join(t for _, t in block.body)
        for lab in _find_labels(text):
            if lab.field in _LABELS:
                wording = " ".join(text[lab.start:lab.end].split())
                if wording:
                    seen.setdefault(lab.field, Counter())[wording] += 1
    return {field: counts.most_common(1)[0][0] for field, counts in seen.items()}


def parse_text(text: str, name: str = "invoer", profile: Profile | None = None) -> ReadResult:
    """Parse the text of a dossier. Raises DossierError when it is not a dossier."""
    text = unfold_layout(normalise_text(text))
    if not text.strip():
        raise DossierError(f"{name}: het bestand is leeg.")
    _check_readable(text, name)
    raw_lines = text.split("\n")
    footers = _page_footers(raw_lines)
    lines = [(idx + 1, line) for idx, line in join_wrapped_urls(raw_lines) if idx not in footers]
    form = topic_form(lines, profile)
    blocks, before = _split_fiches(lines, form)
    if not blocks:
        # No fiche headings: perhaps a dossier organised by headings (programmes, topics, sections).
        from akkoord.dossier.readers.headings import parse_heading_text

        structured = parse_heading_text(text, profile)
        if structured is not None:
            return structured
        raise DossierError(f"{name}: geen formatiedossier: geen enkele fiche met een kop "
                           f"'Onderwerp …' gevonden.")
    warnings: list[ReaderWarning] = []
    vocabulary = proper_nouns(text)
    title_lines = [t.strip() for _, t in before if t.strip()]
    dossier_title = ""
    if title_lines and len(title_lines) <= 8:
        dossier_title = _cover_title(title_lines)
    else:
        for no, t in before:
            if t.strip():
                warnings.append(ReaderWarning("tekst vóór de eerste fiche kon niet worden geplaatst", None, no,
                                              "unplaced-text", t.strip()))
    profile = induce_profile(blocks, dossier_title, profile)
    profile.topic_heading = form
    parsed: list[_Parsed] = []
    seen: set[str] = set()
    towns: Counter = Counter()
    for block in blocks:
        if block.code in seen:
            warnings.append(ReaderWarning(f"fiche {block.code} komt twee keer voor; de tweede is overgeslagen",
                                          block.code, block.line, "duplicate-fiche"))
            continue
        try:
            result = _parse_fiche(block, warnings, vocabulary, profile)
        except _Damaged as exc:
            warnings.append(ReaderWarning(f"fiche {block.code} ('{block.title}') is onleesbaar en overgeslagen: "
                                          f"{exc}", block.code, block.line, "damaged-fiche"))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad fiche must not stop the others
            warnings.append(ReaderWarning(f"fiche {block.code} ('{block.title}') kon niet worden gelezen en is "
                                          f"overgeslagen ({type(exc).__name__})", block.code, block.line,
                                          "damaged-fiche"))
            continue
        seen.add(block.code)
        parsed.append(result)
        amb_text = " ".join(t for _, t in block.body[:12])
        towns.update(parse_ambitions(amb_text, profile).towns)
    if not parsed:
        raise DossierError(f"{name}: geen enkele fiche kon worden gelezen.")
    municipality = towns.most_common(1)[0][0] if towns else ""
    cover = re.search(r"\bgemeente\s+([A-Z][\w\-’']+)", dossier_title, re.IGNORECASE)
    if not municipality and cover:
        municipality = cover.group(1)
    profile.municipality = profile.municipality or municipality
    dossier = Dossier(municipality=municipality, fiches=[p.fiche for p in parsed], title=dossier_title,
                      profile=profile)
    resolve_related(dossier, {p.fiche.code: p.references for p in parsed}, text)
    _link_shared_passages(parsed)
    return ReadResult(dossier, "text", warnings)
