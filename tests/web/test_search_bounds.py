"""Item 8: no query costs more than a few normal ones, whatever its words.

The work of analysing a query is measured in letters handed to the stemmer (the loops
that find compounds and spellings stem every piece of a word): a count, not a timing.
"""
from __future__ import annotations

import random
from importlib import resources

import pytest

from akkoord.web.search import analysis, query


@pytest.fixture(scope="module")
def vocabulary() -> query.Vocabulary:
    text = resources.files("akkoord.dossier.sample").joinpath("lindeveen-2026.txt").read_text(encoding="utf-8")
    return query.Vocabulary({t: i for i, t in enumerate(sorted(set(analysis.terms(text))))})


def _work(monkeypatch, text: str, vocabulary: query.Vocabulary) -> int:
    letters = 0
    real = analysis.stem

    def counting(word: str) -> str:
        nonlocal letters
        letters += len(word)
        return real(word)

    monkeypatch.setattr(query, "stem", counting)
    query._related_index()  # built once per process, not per query
    query.parse(text, vocabulary)
    monkeypatch.setattr(query, "stem", real)
    return letters


NORMAL = ("woningbouw voor starters en ouderen", "hoe pakken we armoede aan in de wijken",
          "tekort op de jeugdzorg")


def _random_word(length: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnoprstuvwz") for _ in range(length))


@pytest.mark.parametrize("text", [
    _random_word(300, 1),
    "verduurzaming" * 23,
    " ".join(["jeugdzorg", "armoede", "woningbouw", "netcongestie", "ouderen"] * 12),
    "-".join(_random_word(12, n) for n in range(25)),
])
def test_a_long_word_or_question_costs_at_most_a_few_normal_queries(monkeypatch, vocabulary, text):
    normal = max(_work(monkeypatch, q, vocabulary) for q in NORMAL)
    assert _work(monkeypatch, text, vocabulary) <= 5 * normal


def test_the_start_of_a_long_question_is_still_searched(vocabulary):
    parsed = query.parse("jeugdzorg " + "x" * 300, vocabulary)
    assert any("jeugdzorg" in g.terms() for g in parsed.groups)


def test_search_page_answers_a_300_letter_word(client, db):
    response = client.get("/zoeken/", {"q": _random_word(300, 7)})
    assert response.status_code == 200
