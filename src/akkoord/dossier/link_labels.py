"""Readable link texts for a fiche's links: the document's title where the fiche tells it,
else the words of the link's own path, else its site. A raw URL of 150 characters is no
link text (WCAG 2.4.4); the URL itself stays the link's target.

Pure: no Django, no I/O.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

__all__ = ["link_label"]

_WORD = re.compile(r"[a-z0-9]+")
# Words too common in titles and paths to tie a link to a title.
_COMMON = {"de", "het", "een", "en", "van", "voor", "in", "op", "met", "aan", "te", "nota", "www", "nl",
           "http", "https", "html", "htm", "pdf", "aspx", "php", "index", "document", "view", "agenda",
           "gemeente", "documents", "files", "download", "nieuws", "pagina"}
# A path segment that is an identifier, not words: hexadecimal ids, UUIDs, long numbers.
_IDENTIFIER = re.compile(r"^(?:[0-9a-f\-]{16,}|\d+|[0-9a-z]{20,})$", re.IGNORECASE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)  # every link of a fiche is compared with every title of the fiche
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(_fold(text)) if w not in _COMMON and len(w) >= 3)


def _path_words(path: str) -> list[str]:
    """The readable words of the last meaningful path segment (``woonvisie-2030.pdf``)."""
    for segment in reversed([s for s in unquote(path).split("/") if s]):
        stem = re.sub(r"\.(?:pdf|html?|aspx|php|docx?)$", "", segment, flags=re.IGNORECASE)
        if _IDENTIFIER.match(stem):
            continue
        words = [w for w in re.split(r"[-_+.\s]+", stem) if w]
        if any(re.search(r"[a-zA-Z]{3,}", w) and _fold(w) not in _COMMON for w in words):
            return words
    return []


def link_label(url: str, titles: list[str] | tuple[str, ...] = ()) -> str:
    """The text to show for ``url``; ``titles``: the titles of the documents the fiche names.

    A title is used when at least two of its distinctive words occur in the URL (or its only
    one, for a one-word title). Else the words of the path, else "document op <site>".
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return url
    in_url = _words(unquote(parts.path + " " + parts.query))
    best, best_score = "", 0
    for title in titles:
        words = _words(title)
        if not words:
            continue
        shared = len(words & in_url)
        needed = 1 if len(words) == 1 else 2
        if shared >= needed and shared > best_score:
            best, best_score = title, shared
    if best:
        return best
    words = _path_words(parts.path)
    if words:
        text = " ".join(words)
        return f"{text[:1].upper()}{text[1:]} ({host})"
    return f"Document op {host}"
