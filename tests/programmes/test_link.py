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


def test_every_reason_is_written_in_the_passage_or_its_headings(links):
    from akkoord.programmes.link import Linker

    linker = Linker(DOSSIER)
    results = links + linker.link([
        Passage(0, "Gezinnen met een laag inkomen krijgen hulp bij isolatie.", 1, "Rondkomen", "Rondkomen"),
        Passage(1, "Kinderen en jongeren krijgen sneller hulp van het wijkteam.", 1, "Zorg", "Zorg"),
        Passage(2, "Wij willen van het gas af in de wijk, samen met de buren.", 1, "Energie", "Energie")])
    seen = 0
    for result in results:
        # The heading shown as a reason is the passage's subject: its heading, or its chapter
        # under a heading without words of substance (Linker.subject).
        where = " ".join((result.passage.text, result.passage.heading, result.passage.chapter)).lower()
        for evidence in result.fiches + result.points:
            for reason in evidence.reasons:
                seen += 1
                # A phrase whose words stand apart is shown as its words joined by an ellipsis.
                assert all(part.lower() in where for part in reason.split(" … ")), (reason, result.passage.text)
    assert seen > 10


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


def test_a_negation_far_from_the_advice_words_does_not_make_disagreement():
    from akkoord.programmes.stance import suggest_stance

    advice = "Verhoog de inkomensgrens van de minimaregelingen naar 130%."
    text = ("Armoede is niet alleen een kwestie van geld, maar ook van meedoen in de buurt en op school. "
            "Daarom verhogen wij de inkomensgrens van de minimaregelingen naar 130%.")
    assert suggest_stance(text, advice)[0] == "eens"
    assert suggest_stance("De inkomensgrens van de minimaregelingen gaat niet omhoog.", advice)[0] == "oneens"


def _passages(*items):
    """Consecutive passages of one programme: (heading, kind, text)."""
    return [Passage(i, text, 1, heading, heading, kind) for i, (heading, kind, text) in enumerate(items)]


def test_a_bullet_takes_the_lead_in_of_its_list():
    from akkoord.programmes.link import lead_ins

    passages = _passages(("Geld", "para", "Schulden voorkomen we zo:"), ("Geld", "bullet", "een loket in elke wijk"),
                         ("Geld", "bullet", "vroeg bellen bij een achterstand"),
                         ("Geld", "para", "Wij zijn trots op onze vrijwilligers."), ("Geld", "bullet", "een feest"),
                         ("Wonen", "bullet", "meer woningen"))
    assert lead_ins(passages) == ["", "Schulden voorkomen we zo:", "Schulden voorkomen we zo:", "", "", ""]


def test_a_section_is_seen_from_its_other_passages():
    from akkoord.programmes.link import PassageLinks, sections_of, Evidence

    passages = _passages(("Geld", "para", "a"), ("Geld", "para", "b"), ("Geld", "para", "c"), ("Wonen", "para", "d"))
    results = [PassageLinks(p, [Evidence(code, "", 5.0)] if code else [], [])
               for p, code in zip(passages, ["1A", "1A", "", "2A"])]
    sections = sections_of(passages, results)
    assert sections[0].share("1A") == 0.5  # one of its two other passages: its own link does not count
    assert sections[2].share("1A") == 1.0
    assert sections[3].others == 0 and sections[3].share("2A") == 0.0


def test_names_of_places_do_not_link_a_passage_but_a_project_of_one_fiche_does():
    linker = Linker(DOSSIER)
    # Dijkmeer itself is the municipality; Oosterpolder and Haventerrein each belong to one fiche.
    assert linker.link_passage(Passage(0, "Wij gaan op bezoek in Dijkwonen en Dijkmeer.", 1)).fiches == []
    # (A passage further into its programme: the opening passages of a programme need more evidence.)
    found = linker.link_passage(Passage(10, "De gemeente koopt zelf grond op het Haventerrein om te bouwen.", 1))
    assert [e.code for e in found.fiches][:1] == ["2A"]


def test_the_opening_of_a_programme_needs_more_evidence():
    from akkoord.programmes.link import DECISION_WEIGHTS

    linker = Linker(DOSSIER)
    text = "De gemeente koopt zelf grond op het Haventerrein om te bouwen."
    first, later = (linker.link_passage(Passage(i, text, 1)) for i in (0, 20))
    assert DECISION_WEIGHTS["position"] > 0
    assert first.confidence < later.confidence


def test_the_section_decides_a_weak_passage():
    linker = Linker(DOSSIER)
    weak = "Een vast loket in het buurthuis voor wie vragen heeft over geld."
    about_money = _passages(
        ("Rondkomen", "para", "De minimaregelingen gelden straks tot 130% van het sociaal minimum."),
        ("Rondkomen", "para", "Schulden pakken we vroeg aan: vroegsignalering bij elke betalingsachterstand."),
        ("Rondkomen", "para", weak))
    quiet = _passages(
        ("Onze kandidaten", "para", "Onze lijsttrekker woont al dertig jaar in het dorp en houdt van wandelen."),
        ("Onze kandidaten", "para", "Op plaats twee staat een leraar die graag voetbalt."),
        ("Onze kandidaten", "para", weak))
    in_money = linker.link(about_money)[-1]
    in_quiet = linker.link(quiet)[-1]
    assert in_quiet.fiches == []
    assert [e.code for e in in_money.fiches] == ["1A"]
    assert in_money.confidence > in_quiet.confidence
    assert "Rondkomen" in in_money.fiches[0].reasons  # the section carried it, and the reason says so


def test_each_programme_gets_its_own_baseline():
    from akkoord.programmes.link import PROGRAMME_CENTRING, PROGRAMME_MEDIAN, PROGRAMME_MIN_PASSAGES, \
        programme_baselines

    n = PROGRAMME_MIN_PASSAGES
    eager = [Passage(i, "x", 1) for i in range(n)]  # an author whose every passage looks linkable
    plain = [Passage(i, "x", 1) for i in range(n + 1)]  # one at the development sets' median
    short = [Passage(i, "x", 1) for i in range(3)]  # too short to tell
    values = [PROGRAMME_MEDIAN + 2.0] * n + [PROGRAMME_MEDIAN] * n + [None] + [PROGRAMME_MEDIAN + 5.0] * 3
    baselines = programme_baselines(eager + plain + short, values)
    assert baselines[:n] == [pytest.approx(PROGRAMME_CENTRING * 2.0)] * n
    assert baselines[n:2 * n + 1] == [pytest.approx(0.0)] * (n + 1)  # a passage without candidates counts for nothing
    assert baselines[2 * n + 1:] == [0.0] * 3


def test_a_higher_baseline_needs_more_evidence(links):
    from akkoord.programmes.link import about_a_fiche

    signals = next(l for l in Linker(DOSSIER).link(split_text(PROGRAMME).passages, explain=True) if l.signals).signals
    assert about_a_fiche(signals, 1.0) < about_a_fiche(signals) < about_a_fiche(signals, -1.0)


def test_a_heading_without_substance_hands_the_section_to_its_chapter():
    from akkoord.programmes.link import Linker

    linker = Linker(DOSSIER)
    bullets = [Passage(0, "De gemeente moet zuinig zijn.", 1, "Wat wij willen", "3. Armoede en schulden", "bullet"),
               Passage(1, "Minder regels.", 1, "Wat wij niet willen", "3. Armoede en schulden", "bullet")]
    # "Wat wij willen" has no words of substance: the chapter says what the bullets are about,
    # and both blocks of the chapter form one section.
    assert [linker.subject(p) for p in bullets] == ["3. Armoede en schulden"] * 2
    assert linker.subject(Passage(2, "x", 1, "Schulden voorkomen", "3. Armoede en schulden")) == "Schulden voorkomen"
    query = linker._query(bullets[0])
    assert any(word == "3. Armoede en schulden" and not body for _, word, body in query.values())
