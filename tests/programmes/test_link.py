"""The linker on the Dijkmeer programme and dossier (written for these tests)."""
from __future__ import annotations

import pytest

from akkoord.programmes.link import Linker
from akkoord.programmes.split import Passage, split_text
from tests.programmes.dijkmeer import DOSSIER, EXPECTED, PROGRAMME


@pytest.fixture(scope="module")
def links():
    linker = Linker(DOSSIER)
    return linker.link(split_text(PROGRAMME).passages)


def _links_of(links, start):
    found = [l for l in links if l.passage.text.startswith(start)]
    assert found, start
    return found[0]


@pytest.mark.parametrize("start,codes", sorted(EXPECTED.items()))
def test_passages_link_to_the_right_fiche_or_none(links, start, codes):
    got = [e.code for e in _links_of(links, start).fiches]
    if codes:
        assert got and got[0] == codes[0]
    else:
        assert got == []


def test_reasons_are_the_matching_words(links):
    evidence = _links_of(links, "De minimaregelingen openstellen").fiches[0]
    assert "minimaregelingen" in evidence.reasons
    assert evidence.score > 0


def test_points_are_the_advice_items_the_passage_concerns(links):
    points = _links_of(links, "De minimaregelingen openstellen").points
    assert (points[0].code, points[0].index) == ("1A", 0)
    assert points[0].to_dict()["label"] == "1A.1"
    points = _links_of(links, "De gemeente koopt zelf grond").points
    assert ("2A", 1) in [(p.code, p.index) for p in points]


def test_abbreviation_of_the_glossary_links():
    linker = Linker(DOSSIER)
    result = linker.link_passage(Passage(0, "Wij steunen de RES en willen zonnevelden langs de dijk en een warmtenet.", 1))
    assert result.fiches and result.fiches[0].code == "2B"


def test_compound_words_meet_their_parts():
    linker = Linker(DOSSIER)
    result = linker.link_passage(Passage(0, "De jeugdhulpkosten lopen op; het wijkteam moet gezinnen eerder steunen.", 1))
    assert result.fiches and result.fiches[0].code == "1B"


def test_english_passage_links_through_the_english_word_list(links):
    assert [e.code for e in _links_of(links, "We want affordable housing").fiches][:1] == ["2A"]


def test_suggested_stances_follow_negation_and_condition_words():
    from akkoord.programmes.stance import suggest_stance

    advice = "Verhoog de onroerendezaakbelasting om het tekort te dekken."
    assert suggest_stance("Geen verhoging van de onroerendezaakbelasting.", advice)[0] == "oneens"
    assert suggest_stance("Een hogere onroerendezaakbelasting alleen als laatste stap.", advice)[0] == "voorwaardelijk"
    assert suggest_stance("Wij kiezen voor een hogere onroerendezaakbelasting.", advice) == ("eens", [])
