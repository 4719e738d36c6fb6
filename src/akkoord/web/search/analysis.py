"""Dutch text analysis shared by indexing, querying and highlighting.

Everything linguistic happens here, in Python, so that the index holds the same terms on
every database: fold accents and case, split into words, drop stop words, stem with the
classic Snowball Dutch stemmer (``dutch_porter``; the newer ``dutch`` algorithm strips the
prefix *ge-* and merges ``gemeente`` with ``meen`` and ``gezondheid`` with ``zon``), then
smooth a few endings the stemmer leaves apart (``daklozen``/``dakloos``,
``sporthallen``/``sporthal``).
"""
from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import Iterator

import snowballstemmer

# Words that carry no topic: the Snowball Dutch stop list plus a few pronouns.
STOP_WORDS = frozenset("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets
ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of
om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren
was wat we werd wezen wie wij wil worden wordt zal ze zelf zich zij zijn zo zonder zou
onze jullie hen hare dezelfde elk elke ieder iedere via per
""".split())

# Words negotiators put around a question that say nothing about the topic.
QUERY_STOP_WORDS = STOP_WORDS | frozenset("""
welke welk waar waarom wanneer hoeveel waarover gaan gaat ging staat staan stond willen
wilt wij zit zitten eigenlijk zaak zaken ding dingen graag weten vinden vindt vind mogen
moeten kunnen zouden hoe zit er iets over nog steeds even vraag vragen
komt komen kwam gebeurt gebeuren doet deden gedaan zorgen zorgt ervoor eraan erover
hele heel gehele geheel minder precies gemeente
""".split())

# Words: letters and digits, joined by hyphens (zonne-energie) or ampersands (V&D, B&W).
_TOKEN = re.compile(r"[0-9a-z]+(?:&[0-9a-z]+)*(?:-[0-9a-z]+(?:&[0-9a-z]+)*)*")
_E_PLURALS = ("ines", "ades", "ides", "odes", "ures", "ages", "ies", "ones", "ites")
_DOUBLE_END = re.compile(r"([bdfgklmnprst])\1$")


class _ThreadStemmers(threading.local):
    """One Snowball stemmer per thread: a stemmer keeps the word it works on in itself, so
    two threads sharing one overwrite each other's word (wrong stems, IndexError)."""

    def __init__(self):
        self.stemmer = snowballstemmer.stemmer("dutch_porter")


_STEMMERS = _ThreadStemmers()


def _stem_word(word: str) -> str:
    return _STEMMERS.stemmer.stemWord(word)


class _StripCombining(dict):
    """A str.translate table that drops combining characters, filled as characters are met."""

    def __missing__(self, code: int):
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_STRIP_COMBINING = _StripCombining()


def fold(text: str) -> str:
    """Lower case without diacritics: ``Energiecoöperatie`` → ``energiecooperatie``."""
    if text.isascii():  # nothing to decompose (the common case, and the fast one)
        return text.lower()
    return unicodedata.normalize("NFKD", text).translate(_STRIP_COMBINING).lower()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index term of one folded word."""
    if "&" in word or any(c.isdigit() for c in word):
        return word
    if len(word) <= 3:
        return word
    term = _stem_word(word)
    # Plural -s after an -e that the stemmer keeps (turbines, subsidies, procedures).
    if term == word and word.endswith(_E_PLURALS):
        term = _stem_word(word[:-1])
    # Voicing the stemmer leaves (daklozen → dakloz, dakloos → daklos; brieven → briev).
    if term.endswith("z"):
        term = term[:-1] + "s"
    elif term.endswith("v"):
        term = term[:-1] + "f"
    # Doubled final consonant (sporthallen → sporthall).
    return _DOUBLE_END.sub(r"\1", term)


def _words(folded: str, offset: int = 0) -> Iterator[tuple[str, int, int]]:
    """Words of folded text with their offsets (plus ``offset``); hyphenated words also
    yield their parts."""
    for match in _TOKEN.finditer(folded):
        token = match.group()
        if "-" in token:
            start = match.start() + offset
            for part in token.split("-"):
                if part:
                    yield part, start, start + len(part)
                start += len(part) + 1
            yield token.replace("-", ""), match.start() + offset, match.end() + offset
        else:
            yield token, match.start() + offset, match.end() + offset


def keep(word: str, stop_words: frozenset[str] = STOP_WORDS) -> bool:
    if word in stop_words:
        return False
    if len(word) < 2:
        return False
    return True


def terms(text: str, stop_words: frozenset[str] = STOP_WORDS) -> list[str]:
    """The index terms of a text, in order, repeated as often as they occur."""
    return [stem(w) for w, _, _ in _words(fold(text)) if keep(w, stop_words)]


def term_spans(text: str, wanted: set[str] | None = None) -> list[tuple[str, int, int]]:
    """Index terms with the offsets of the words they come from in ``text``.

    With ``wanted``, only words that may stem to one of those terms are stemmed (stemming
    is the slow part); the others keep their place in the list with an empty term.
    Folding can change the length of a string only for characters outside the texts we
    meet (ligatures); then the offsets are recomputed per character.
    """
    folded = fold(text)
    if len(folded) != len(text):
        folded = "".join(fold(c)[:1] or " " for c in text)
    if wanted is None:
        return [(stem(w), s, e) for w, s, e in _words(folded) if keep(w)]
    prefixes = {t[:3] for t in wanted}
    # The loop of _words and keep, inlined: this runs over whole fields for every result shown.
    out = []
    append = out.append
    for match in _TOKEN.finditer(folded):
        word = match.group()
        if "-" in word:
            out.extend((stem(w) if w[:3] in prefixes else "", s, e)
                       for w, s, e in _words(word, match.start()) if keep(w))
        elif len(word) >= 2 and word not in STOP_WORDS:
            append((stem(word) if word[:3] in prefixes else "", match.start(), match.end()))
    return out
