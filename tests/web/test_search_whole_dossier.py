"""Search reads the whole dossier and its profile (issue 13).

A programme-structured dossier keeps what maps to no fiche field as named sections, tables
and agenda items; their words are searchable and the result names where they stand. The
ambition filter offers the ambitions of the searched dossiers' profiles, and only of the
versions the searcher may read. The dossiers are the independent references of
``tests/fixtures/independent/`` (written without seeing the parser or the search).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.services import ingest_file, set_profile, set_status
from akkoord.web.search.engine import search

pytestmark = pytest.mark.django_db

REFERENCES = Path(__file__).resolve().parents[1] / "fixtures" / "independent"


def _gold(name: str) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (REFERENCES / name / "gold").glob("*.json")}


def _page(client: Client, **params) -> str:
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(params=["docx", "pdf"])
def programme(request, compiler):
    version = ingest_file(REFERENCES / "programma" / f"programma.{request.param}", compiler, slug="marlingen")
    set_status(version, "vrijgegeven", compiler)
    return version


# A word that occurs in one place of the programme dossier only (see its gold files).
ONLY_IN = [
    ("uitvoeringskrediet", "3B", "agenda", "Raadsagenda"),  # an agenda row of the appendix
    ("kademuren", "3B", "sections", "Opgaven voor de komende jaren"),  # a named section
    ("kapitaallasten", "2A", "sections", "Wat mag het kosten?"),  # the second named section of 2A
    ("verkeersslachtoffers", "3B", "tables", "Indicatoren"),  # a cell of the indicator table
]


@pytest.mark.parametrize("word,code,field,label", ONLY_IN)
def test_words_of_sections_tables_and_agenda_are_found_with_their_label(programme, word, code, field, label):
    gold = _gold("programma")
    where = {"sections": [s["text"] for s in gold[code]["sections"]],
             "tables": [c for t in gold[code]["tables"] for r in t["rows"] for c in r],
             "agenda": [a["text"] for a in gold[code]["agenda"]]}[field]
    assert any(word in text.lower() for text in where)  # the fixture still has the word there
    results = search(word, version_ids=[programme.pk])
    assert [h.code for h in results.hits] == [code]
    hit = results.hits[0]
    assert hit.snippet_label == label
    assert f"<mark>{word}" in str(hit.snippet).lower()
    # the field filter knows the field, and another field does not have the word
    assert [h.code for h in search(word, version_ids=[programme.pk], field=field).hits] == [code]
    assert search(word, version_ids=[programme.pk], field="current_line").hits == []


def test_the_search_page_shows_the_label_and_offers_the_fields(programme, negotiator):
    client = Client()
    client.force_login(negotiator)
    page = _page(client, q="uitvoeringskrediet")
    assert "3B " in page and "Raadsagenda" in page and "<mark>Uitvoeringskrediet</mark>" in page
    for value, label in (("sections", "Overige paragrafen"), ("tables", "Tabellen"), ("agenda", "Raadsagenda")):
        assert f'<option value="{value}">{label}</option>' in page
    assert "3B " in _page(client, q="verkeersslachtoffers", veld="tables")
    assert "Geen fiches gevonden" in _page(client, q="verkeersslachtoffers", veld="agenda")


@pytest.fixture
def kroonswolde(compiler):
    """A fiche dossier with three ambitions of its own (not the built-in profile's)."""
    return ingest_file(REFERENCES / "fiche-template" / "fiche-template.docx", compiler, slug="kroonswolde")


def test_the_ambition_filter_offers_the_dossiers_own_ambitions(kroonswolde, compiler, negotiator):
    wanted = {code for code, fiche in _gold("fiche-template").items() if "wendbaar" in fiche["ambitions"]}
    client = Client()
    client.force_login(compiler)
    page = _page(client)
    for key, name in (("samen", "Samen"), ("groen", "Groen"), ("wendbaar", "Wendbaar")):
        assert f'<option value="{key}">{name}</option>' in page
    page = _page(client, ambitie="wendbaar")
    assert f"{len(wanted)} fiches gevonden" in page
    assert {h.code for h in search("", ambition="wendbaar", limit=50).hits} == wanted
    # The ambition's name from the profile is searchable: the fiches that serve it.
    assert {h.code for h in search("wendbaar", limit=50).hits} >= wanted

    # A concept is no one else's business: not even its ambitions are offered.
    client.force_login(negotiator)
    assert 'value="wendbaar"' not in _page(client)
    set_status(kroonswolde, "vrijgegeven", compiler)
    assert '<option value="wendbaar">Wendbaar</option>' in _page(client)


def test_a_hit_carries_the_ambition_names_of_its_own_dossier(kroonswolde, compiler):
    """Two dossiers may use one key for differently named ambitions; each hit shows its own."""
    other = ingest_file(REFERENCES / "fiche-template" / "fiche-template.docx", compiler, slug="blauwdam")
    profile = other.core_profile()
    profile.ambition("groen").name = "Groen en blauw"
    set_profile(other, profile, compiler)
    client = Client()
    client.force_login(compiler)
    page = _page(client, ambitie="groen", dossier="kroonswolde")
    assert '<span class="tag">Groen</span>' in page and '<span class="tag">Groen en blauw</span>' not in page
    page = _page(client, ambitie="groen", dossier="blauwdam")
    assert '<span class="tag">Groen en blauw</span>' in page and '<span class="tag">Groen</span>' not in page
    # the corrected name is searchable at once, in that dossier only
    groen = {c for c, f in _gold("fiche-template").items() if "groen" in f["ambitions"]}
    assert {h.code for h in search("blauw", version_ids=[other.pk], limit=50).hits} == groen
    assert search("blauw", version_ids=[kroonswolde.pk]).hits == []
    # the filter offers the key once, with both names
    assert '<option value="groen" selected>Groen / Groen en blauw</option>' in page \
        or '<option value="groen" selected>Groen en blauw / Groen</option>' in page


def test_command_line_names_the_ambitions_it_knows(kroonswolde, capsys):
    from akkoord.cli import main

    assert main(["search", "", "--ambitie", "wendbaar", "--json"]) == 2  # a question is still needed
    capsys.readouterr()
    assert main(["search", "wonen", "--ambitie", "inclusief"]) == 2
    err = capsys.readouterr().err
    assert "onbekende opgave 'inclusief'" in err and "samen, groen, wendbaar" in err
    assert main(["search", "wonen", "--ambitie", "wendbaar", "--json"]) == 0
    codes = {row["code"] for row in json.loads(capsys.readouterr().out)}
    assert codes and codes <= {c for c, f in _gold("fiche-template").items() if "wendbaar" in f["ambitions"]}
