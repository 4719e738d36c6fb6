"""Cleaning helpers for text that came out of a PDF or Word document.

Shared by every reader: bullet glyphs, footnote markers glued to words, hyphenated
line breaks, URLs (also URLs wrapped over two lines), and the joining of wrapped lines
into paragraphs. Everything here works on plain strings and lists of lines; nothing
knows about the fiche template (see ``readers/template.py`` for that).
"""
from __future__ import annotations

import re
import unicodedata

# Glyphs that start a bullet item. Private-use glyphs (Symbol/Wingdings bullets that
# PDF extraction leaves behind, U+F0B7, U+F0A7, …) are recognised by their category.
# Check marks start a bullet in running text, but a layout reader keeps them: in the
# Opgave grid they mark a chosen ambition (``BULLET_GLYPHS`` leaves them out).
BULLET_GLYPHS = "•◦▪▫■□●○‣⁃∙·➢➤►▶→*-–—"
_CHECK_MARKS = "✓✔"
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# A dash is a bullet before a space or a capital (``-Scholen``), not before a digit (``-5``).
_BULLET_START = re.compile(r"^\s*(?:[\ue000-\uf8ff" + re.escape(BULLET_GLYPHS[:-3] + _CHECK_MARKS)
                           + r"]|[-–—](?=\s|[A-Z(]))\s*")
# An enumerator at the start of an item: "1.", "2)", "a.", "b)".
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+(?=\S)")

URL_PATTERN = re.compile(r"(?:https?://|file:/{2,3}|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
# Punctuation that ends the sentence around a URL rather than the URL itself.
_URL_TRAILING = ".,;:!?)]}'\""
# Characters that may end a URL line when the URL continues on the next line.
_URL_CONTINUES = re.compile(r"[-/?&=_.%#:~+]$")
_URLISH_TOKEN = re.compile(r"^[\w\-./?&=%#:~+;,@!$'()*\[\]]+$")

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONJUNCTIONS = {"en", "of", "tot", "t/m", "en/of"}


def normalise_whitespace(text: str) -> str:
    """Fold runs of (thin, non-breaking) spaces into one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def clean_inline(text: str) -> str:
    """One line of a cell or paragraph: NFC, soft hyphens gone, all white space (line breaks
    and non-breaking spaces included) folded into single spaces."""
    text = unicodedata.normalize("NFC", text.replace("\u00ad", "")).replace("\u00a0", " ")
    return " ".join(text.split())


def normalise_text(text: str) -> str:
    """The whole document: unify line ends, drop a BOM and soft hyphens, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00ad\n", "").replace("\u00ad", "").replace("\f", "\n")
    return unicodedata.normalize("NFC", text)


def strip_private_use(text: str) -> str:
    return _PRIVATE_USE.sub("", text)


def split_bullet(line: str) -> tuple[bool, str]:
    """(is_bullet_item, text without the glyph). A lone private-use glyph is removed anywhere."""
    match = _BULLET_START.match(line)
    if match and line[match.end():].strip():
        return True, normalise_whitespace(strip_private_use(line[match.end():]))
    return False, normalise_whitespace(strip_private_use(line))


def strip_enumerator(text: str) -> str:
    """``"1. Iets"`` → ``"Iets"``; ``"a) Iets"`` → ``"Iets"``."""
    return _ENUMERATOR.sub("", text, count=1)


def has_enumerator(text: str) -> bool:
    return bool(_ENUMERATOR.match(text))


def find_urls(text: str) -> list[str]:
    """URLs in ``text``, without trailing punctuation that belongs to the sentence."""
    return [_trim_url(m.group(0)) for m in URL_PATTERN.finditer(text)]


def _trim_url(url: str) -> str:
    while url and url[-1] in _URL_TRAILING and not (url[-1] == ")" and url.count("(") >= url.count(")")):
        url = url[:-1]
    return url


def split_urls(text: str) -> tuple[str, list[str]]:
    """``text`` without its URLs (punctuation after a URL kept, white space folded) and the
    URLs in order."""
    urls: list[str] = []

    def take(match: re.Match) -> str:
        url = _trim_url(match.group(0))
        urls.append(url)
        return " " + match.group(0)[len(url):]

    return clean_inline(URL_PATTERN.sub(take, text)), urls


def is_url_like(token: str) -> bool:
    """Does ``token`` start with a URL (``https://``, ``www.``, ``file://``)?"""
    return bool(URL_PATTERN.match(token))


def remove_urls(text: str) -> str:
    return normalise_whitespace(URL_PATTERN.sub(" ", text))


def is_url_line(line: str) -> bool:
    """A line that holds nothing but one or more URLs."""
    stripped = line.strip()
    return bool(stripped) and not URL_PATTERN.sub("", stripped).strip()


def join_wrapped_urls(lines: list[str]) -> list[tuple[int, str]]:
    """Join URLs broken over two or more lines: ``(index of the first line, text)`` pairs.

    A URL continues on the next line when it ends its line with a character that cannot
    end a URL (``-``, ``/``, ``?``, ``&``, ``=``, …) and the next line starts with a token
    that looks like the rest of a URL (no spaces, URL characters only). The continuation
    token is glued to the URL; any words after it stay on a line of their own.
    """
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        start, line = i, lines[i]
        while i + 1 < len(lines):
            stripped = line.rstrip()
            last = None
            for last in URL_PATTERN.finditer(stripped):
                pass
            if last is None or last.end() != len(stripped) or not _URL_CONTINUES.search(stripped):
                break
            nxt = lines[i + 1].strip()
            if not nxt:
                break
            token, _, rest = nxt.partition(" ")
            if URL_PATTERN.match(token):
                break
            if not _URLISH_TOKEN.match(token) or (token[:1].isupper() and not re.search(r"[/=&?]", token)):
                break
            line = stripped + token
            i += 1
            if rest:
                out.append((start, line))
                start, line = i, rest
                break
        out.append((start, line))
        i += 1
    return out


def unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


# --- footnote markers --------------------------------------------------------------

_WORD_MARK = re.compile(r"\b([^\W\d_]{3,})(\d{1,2})\b")
_YEAR_MARK = re.compile(r"\b((?:19|20)\d{2})(\d{1,2})\b")


def footnote_markers(text: str) -> set[int]:
    """Numbers glued to the end of a lower-case word (``overheden1``): footnote marks."""
    return {int(m.group(2)) for m in _WORD_MARK.finditer(text) if m.group(1).islower()}


def strip_footnote_markers(text: str, numbers: set[int]) -> str:
    """Remove footnote marks ``numbers`` glued to words (``overheden1``) or years (``20281``)."""
    if not numbers:
        return text

    def word(m: re.Match) -> str:
        if m.group(1).islower() and int(m.group(2)) in numbers:
            return m.group(1)
        return m.group(0)

    def year(m: re.Match) -> str:
        return m.group(1) if int(m.group(2)) in numbers else m.group(0)

    return _YEAR_MARK.sub(year, _WORD_MARK.sub(word, text))


# --- joining lines -----------------------------------------------------------------


def join_two(left: str, right: str) -> str:
    """Join a wrapped line to the next: a break after a hyphen, dash or slash inside a word
    (``Diekman-`` ``Oost``, ``2024–`` ``2028``) loses the space, others get one; a hyphen
    before a conjunction (``speel-`` ``en sportbeleid``) keeps it."""
    left, right = left.rstrip(), right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left[-1] in "-–/" and len(left) > 1 and left[-2].isalnum() and right[:1].isalnum():
        first = right.split(" ", 1)[0].lower()
        if left[-1] != "/" and first in _CONJUNCTIONS:
            return f"{left} {right}"
        return left + right
    return f"{left} {right}"


def join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        text = join_two(text, normalise_whitespace(line))
    return text


def paragraphs(lines: list[str]) -> list[list[str]]:
    """Group lines into paragraphs at blank lines."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


# A line this much shorter than the widest line of its block ended where its writer pressed
# Enter, not where the page wrapped it: the next line (starting with a capital) is a new paragraph.
SHORT_LINE_RATIO = 0.7
# Words a phrase does not end on: a line ending in one is wrapped, however short.
_OPEN_ENDINGS = {"de", "het", "een", "en", "of", "van", "voor", "met", "in", "op", "aan", "te", "om", "tot",
                 "door", "bij", "naar", "uit", "over", "als", "dat", "die", "zijn", "is", "wordt", "we", "wij"}
# Below this width (characters) a block is too narrow to tell wrapping from intent.
MIN_WRAP_WIDTH = 60


def _ended_early(previous: str, text: str, width: int) -> bool:
    """True when ``previous`` is a short line and ``text`` starts a sentence: a line break the
    writer made (``… voor ouderen`` / ``Uitwerking van …``), not one the page made."""
    if width < MIN_WRAP_WIDTH or not previous:
        return False
    if not text[:1].isupper():
        return False
    previous = previous.rstrip()
    # A sentence that ends on a short line goes on in the same paragraph; a line that stops
    # mid-phrase ("… in het najaar van") was wrapped early, not ended.
    if previous[-1:] in ".!?,:;-–(/&" or previous.rsplit(" ", 1)[-1].lower() in _OPEN_ENDINGS:
        return False
    return len(previous) < SHORT_LINE_RATIO * width


def text_block(lines: list[str]) -> str:
    """A text field from lines: wrapped lines joined, bullets and enumerated items and blank
    lines start new paragraphs (separated by a blank line), bullet glyphs removed. A short
    line followed by a capital keeps its line break (``_ended_early``: one ``\n``)."""
    paras: list[str] = []
    current: list[str] = []  # the wrapped lines of the paragraph's current line
    done: list[str] = []  # the paragraph's earlier lines, each joined
    blank_before = False
    filled = [normalise_whitespace(line).strip() for line in lines if line.strip()]
    width = max((len(line) for line in filled), default=0) if len(filled) >= 3 else 0

    def close() -> None:
        text = "\n".join(part for part in [*done, join_lines(current)] if part)
        if text:
            paras.append(text)
        current.clear()
        done.clear()

    for raw in lines:
        if not raw.strip():
            blank_before = True
            continue
        bullet, text = split_bullet(raw)
        if not text:
            continue
        starts_new = bullet or has_enumerator(text)
        lower_start = text[:1].islower()
        if current and (starts_new or (blank_before and not lower_start)):
            close()
        elif current and _ended_early(normalise_whitespace(current[-1]), text, width):
            done.append(join_lines(current))
            current.clear()
        current.append(text)
        blank_before = False
    close()
    return "\n\n".join(p for p in paras if p)


def letters_only(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())
