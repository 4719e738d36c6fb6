"""Item 7: the shared analysers give the same terms when many threads use them at once."""
from __future__ import annotations

import itertools
import threading

from akkoord.web.search import analysis

BASES = ("breiden", "vervolgproces", "gemeente", "jeugdzorgaanbieder", "woningbouw", "dakloze",
         "sporthal", "ontwikkeling", "verduurzaming", "netcongestie", "armoedebeleid", "bereikbaarheid")
ENDINGS = ("", "en", "ing", "heden", "elijk", "baar", "ster", "tje")


def _words() -> list[str]:
    # Distinct words, so that every call reaches the stemmer instead of the cache.
    return [base + ending + extra for base, ending in itertools.product(BASES, ENDINGS)
            for extra in ("", "s", "e", "er", "ste")]


def test_stem_is_the_same_under_four_threads():
    words = _words()
    analysis.stem.cache_clear()
    expected = {w: analysis.stem(w) for w in words}
    errors: list[BaseException] = []
    wrong: list[tuple[str, str]] = []
    barrier = threading.Barrier(4)

    def work(offset: int) -> None:
        barrier.wait()
        for _ in range(10):
            analysis.stem.cache_clear()
            for word in words[offset:] + words[:offset]:
                try:
                    if analysis.stem(word) != expected[word]:
                        wrong.append((word, analysis.stem(word)))
                except Exception as exc:  # IndexError from a shared stemmer
                    errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 37,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    analysis.stem.cache_clear()
    assert not errors, errors[:3]
    assert not wrong, wrong[:5]


def test_terms_are_the_same_under_four_threads():
    text = " ".join(_words())
    analysis.stem.cache_clear()
    expected = analysis.terms(text)
    results: list[list[str]] = []

    def work() -> None:
        for _ in range(5):
            analysis.stem.cache_clear()
            results.append(analysis.terms(text))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r == expected for r in results)
