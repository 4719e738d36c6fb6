"""The search: Dutch analysis, abbreviations, filters, snippets, visibility, the page and the CLI."""
from __future__ import annotations

import json

import pytest
from django.urls import reverse

from akkoord.cli import main
from akkoord.web.search.analysis import stem, terms
from akkoord.web.search.engine import search
from webdata import fiche_dict, write_dossier

pytestmark = pytest.mark.django_db


def _fiches():
    return [
        fiche_dict("1A", "Jeugdzorg", ambitions=["inclusief"],
                   current_line="De wachtlijsten bij jeugdzorgaanbieders groeien; het tekort loopt op.",
                   partners=["GGD Hollands Midden", "Veilig Thuis"],
                   adjustment_moment="Bij de kadernota van 2027",
                   advice=["Kiest u voor extra geld voor de jeugdhulp?"]),
        fiche_dict("1B", "Maatschappelijke opvang", ambitions=["inclusief", "open"],
                   current_line="De Regionale Uitvoeringsdienst (RUD) controleert de opvanglocaties.",
                   partners=["Leger des Heils"], adjustment_moment="Najaar 2026"),
        fiche_dict("2A", "Energie", ambitions=["groen-duurzaam"],
                   current_line="Door netcongestie kunnen bedrijven niet worden aangesloten. "
                                "De regionale uitvoeringsdienst let op de veiligheid van batterijen.",
                   partners=["Netbeheerder Stedin"], sources=[{"title": "Energievisie", "end_date": "2030"}]),
        fiche_dict("2B", "Afval", ambitions=["groen-duurzaam"],
                   current_line="<script>alert('x')</script> Het afval wordt gescheiden & opgehaald.",
                   partners=["Afvalbedrijf"]),
    ]


@pytest.fixture
def version(db, tmp_path):
    from akkoord.web.dossiers.services import ingest_file

    return ingest_file(write_dossier(tmp_path / "d.json", _fiches()), slug="lindeveen")


def codes(query, **kwargs):
    return [h.code for h in search(query, load_fiches=False, **kwargs).hits]


def test_dutch_words_meet_their_stems_and_compounds(version):
    assert stem("daklozen") == stem("dakloos")
    assert stem("sporthallen") == stem("sporthal")
    assert "gemeent" in terms("de gemeenten")  # the classic stemmer keeps the prefix ge-
    assert codes("wachtlijst")[0] == "1A"  # plural in the text, singular in the question
    assert codes("aanbieders van jeugdzorg")[0] == "1A"  # part of the compound jeugdzorgaanbieders
    assert codes("jeugdzorgtekort")[0] == "1A"  # a compound the text writes apart


def test_related_terms_answer_colloquial_questions(version):
    assert codes("vol stroomnet") == ["2A"]
    assert codes("tekort op de jeugdzorg")[0] == "1A"


def test_question_words_and_split_forms_are_understood(version):
    # An unknown compound falls back on the first part the index knows (jeugdzorg + kosten).
    assert codes("jeugdzorgkosten")[0] == "1A"
    # Two words the related-terms table writes as one (stroomnet) and frame words (gemeente, doen).
    assert codes("wat doet de gemeente aan het stroom net")[0] == "2A"
    # A separable verb is put together again: "werken ... samen" is no question about werk.
    assert codes("met wie werken we samen bij de jeugdzorg")[0] == "1A"


def test_abbreviations_from_the_dossier_find_the_long_form(version):
    # 2A writes the long form only; the dossier defines RUD in 1B.
    assert set(codes("RUD")) == {"1B", "2A"}


def test_filters_narrow_the_results(version):
    assert set(codes("", ambition="inclusief")) == {"1A", "1B"}
    assert codes("", chapter="2") == ["2A", "2B"]
    assert codes("", partner="leger des") == ["1B"]
    assert codes("", partner="ggd") == ["1A"]
    assert codes("", year="2026") == ["1B"]
    assert codes("", year="2030") == ["2A"]
    assert codes("regionale uitvoeringsdienst", ambition="groen-duurzaam") == ["2A"]
    assert codes("jeugdzorg", chapter="2") == []


def test_snippets_mark_matches_and_escape_imported_text(version):
    hit = search("afval opgehaald").hits[0]
    assert hit.code == "2B"
    html = str(hit.snippet)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>afval</mark>" in html and "<mark>opgehaald</mark>" in html
    assert "&amp;" in html


def test_unknown_words_give_no_results(version):
    results = search("xylofoonkwartet")
    assert results.hits == [] and results.total == 0


def test_search_follows_the_versions_a_user_may_see(version, tmp_path, compiler, negotiator, client):
    from akkoord.web.dossiers.services import ingest_file, set_status

    set_status(version, "vrijgegeven", compiler)
    changed = _fiches()
    changed[0]["current_line"] = "Alles over pleegzorg."
    newer = ingest_file(write_dossier(tmp_path / "d2.json", changed), slug="lindeveen")  # a newer concept
    assert newer.number == 2
    url = reverse("search:search")
    client.force_login(negotiator)
    page = client.get(url, {"q": "wachtlijst"}).content.decode()
    assert "1A Jeugdzorg" in page and "versie 1" in page  # the released version stays searchable
    assert "Geen fiches gevonden" in client.get(url, {"q": "pleegzorg"}).content.decode()
    client.force_login(compiler)
    assert "versie 2" in client.get(url, {"q": "pleegzorg"}).content.decode()
    client.logout()  # anonymous users see public versions only
    assert "Geen fiches gevonden" in client.get(url, {"q": "wachtlijst"}).content.decode()


def test_the_search_page_is_accessible_and_announces_the_count(version, compiler, client):
    client.force_login(compiler)
    page = client.get(reverse("search:search"), {"q": "jeugdzorg", "ambitie": "inclusief"}).content.decode()
    assert '<label for="zoekvraag">' in page
    assert 'role="status"' in page and "1 fiche gevonden voor ‘jeugdzorg’" in page
    assert "<mark>" in page
    empty = client.get(reverse("search:search")).content.decode()
    assert "Stel een vraag in uw eigen woorden" in empty
    bad = client.get(reverse("search:search"), {"q": "jeugdzorg", "jaar": "<b>1999</b>"})
    assert bad.status_code == 200 and "<b>1999</b>" not in bad.content.decode()


def test_command_line_prints_ranked_codes_as_json(version, capsys):
    assert main(["search", "tekort", "jeugdzorg", "--json", "--limit", "2"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["code"] == "1A" and rows[0]["dossier"] == "lindeveen"
    assert len(rows) <= 2 and all(rows[i]["score"] >= rows[i + 1]["score"] for i in range(len(rows) - 1))
    assert main(["search", " "]) == 2
    assert "zoekvraag" in capsys.readouterr().err
