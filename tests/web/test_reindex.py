"""`akkoord reindex`: the search index and the pages' derived data rebuilt from the database."""
from __future__ import annotations

import pytest

from akkoord.cli import main
from akkoord.web.dossiers import derived
from akkoord.web.dossiers.models import DerivedData
from akkoord.web.search import indexing
from akkoord.web.search.engine import search
from akkoord.web.search.models import Document, Posting

pytestmark = pytest.mark.django_db(transaction=True)


def codes(query):
    return [h.code for h in search(query, load_fiches=False).hits]


def test_reindex_restores_a_lost_search_index(concept_version, capsys):
    assert codes("kwijtschelding") == ["1A"]
    Posting.objects.all().delete()
    Document.objects.all().delete()
    indexing.bump_generation()
    assert codes("kwijtschelding") == []
    assert main(["reindex"]) == 0
    out = capsys.readouterr().out
    assert "Zoekindex opnieuw opgebouwd: 3 fiches uit 1 dossier" in out
    assert codes("kwijtschelding") == ["1A"]
    assert "Afgeleide gegevens" not in out  # nothing was stale


def test_reindex_recomputes_derived_data_made_by_older_code(concept_version, capsys):
    DerivedData.objects.update(fingerprint="oud", data={})
    assert main(["reindex"]) == 0
    assert "Afgeleide gegevens bijgewerkt voor 1 versie." in capsys.readouterr().out
    row = DerivedData.objects.get(version=concept_version)
    assert row.fingerprint == derived.FINGERPRINT
    assert [e["abbreviation"] for e in row.data["glossary"] if e["expansion"]] == ["DFB"]


def test_reindex_help_is_dutch(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["reindex", "--help"])
    assert exit_info.value.code == 0
    assert "zoekindex opnieuw op" in capsys.readouterr().out
