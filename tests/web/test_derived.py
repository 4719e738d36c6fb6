"""Derived page data (glossary, partners, timeline, findings): stored per version, recomputed when stale."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from akkoord.dossier.model import Dossier, Fiche
from akkoord.web.dossiers import derived
from akkoord.web.dossiers.models import DerivedData
from akkoord.web.dossiers.timeline import FicheItems, build_timeline, collect_items, timeline_from_items
from webdata import fiche_dict

pytestmark = pytest.mark.django_db


def test_ingest_stores_the_derived_data(concept_version):
    row = DerivedData.objects.get(version=concept_version)
    assert row.fingerprint == derived.FINGERPRINT
    data = derived.load(concept_version)
    dfb = next(e for e in data.glossary if e.abbreviation == "DFB")
    assert dfb.expansion == "Duurzame Financiële Basis" and dfb.fiches == ["1A", "1B"]
    voedselbank = next(e for e in data.partners if "Voedselbank" in e.variants)
    assert set(voedselbank.variants) == {"Voedselbank", "voedselbank"}
    assert voedselbank.mentions[0] == ("1A", "Voedselbank")  # tuples again after the JSON round trip


def test_pages_read_the_stored_data_and_recompute_stale_data(concept_version, compiler, client):
    client.force_login(compiler)
    url = reverse("dossiers:glossary", kwargs={"slug": concept_version.dossier.slug}) + "?versie=1"
    row = DerivedData.objects.get(version=concept_version)
    row.data["glossary"][0]["expansion"] = "Opgeslagen Uitleg"
    row.save()
    assert "Opgeslagen Uitleg" in client.get(url).content.decode()  # not recomputed per request
    DerivedData.objects.filter(pk=row.pk).update(fingerprint="oud")
    # Rows of other code appear after an upgrade, which restarts the server: its in-memory
    # pages (pagecache's scoped cache) are gone then too.
    from akkoord.web import pagecache

    pagecache.clear_scoped()
    page = client.get(url).content.decode()
    assert "Opgeslagen Uitleg" not in page and "Duurzame Financiële Basis" in page
    assert DerivedData.objects.get(pk=row.pk).fingerprint == derived.FINGERPRINT


def test_versions_without_derived_data_get_it_on_first_view(concept_version, compiler, client):
    DerivedData.objects.all().delete()
    client.force_login(compiler)
    url = reverse("dossiers:partners", kwargs={"slug": concept_version.dossier.slug}) + "?versie=1"
    assert "Kredietbank Veenstreek" in client.get(url).content.decode()
    assert DerivedData.objects.filter(version=concept_version).exists()


def test_findings_from_another_day_are_checked_again(concept_version):
    row = DerivedData.objects.get(version=concept_version)
    stale = {"fiche": "1A", "field": "title", "rule": "oud", "severity": "info", "message": "van gisteren",
             "value": "", "suggestion": ""}
    DerivedData.objects.filter(pk=row.pk).update(findings=[stale], findings_day=date.today() - timedelta(days=1))
    findings = derived.findings(concept_version)
    assert all(f.message != "van gisteren" for f in findings)
    assert DerivedData.objects.get(pk=row.pk).findings_day == date.today()
    DerivedData.objects.filter(pk=row.pk).update(findings=[stale])  # today's findings are used as stored
    assert [f.message for f in derived.findings(concept_version)] == ["van gisteren"]


def _shape(timeline):
    def items(seq):
        return [(i.kind, i.fiche_code, i.subject, i.when, i.start, i.end, tuple(i.ambitions)) for i in seq]
    return ([(year, items(seq)) for year, seq in timeline.years], items(timeline.before), items(timeline.after),
            items(timeline.undated), timeline.dates_available)


def test_timeline_from_stored_items_equals_the_timeline_built_directly():
    dossier = Dossier(municipality="Lindeveen", title="", fiches=[Fiche.from_dict(d) for d in (
        fiche_dict("1A", "Armoede", ambitions=["inclusief"], adjustment_moment="Voorjaar 2027",
                   sources=[{"title": "Nota", "end_date": "31-12-2028"}, {"title": "Oud", "end_date": "2020"},
                            {"title": "Later", "end_date": "2035"}, {"title": "Vaag", "end_date": "ooit"}],
                   external_changes="Per 1 januari 2027 verandert de wet.\n\nGeen datum hier."),
        fiche_dict("2A", "Wonen", ambitions=["aantrekkelijk"], adjustment_moment="Najaar 2029",
                   sources=[{"title": "Woonvisie", "end_date": "2030"}]),
    )])
    items, available = collect_items(dossier)
    stored = [FicheItems.from_dict(f.to_dict()) for f in items]
    for ambition, kinds in ((None, None), ("inclusief", None), (None, {"source"}), ("aantrekkelijk", {"moment"})):
        direct = build_timeline(dossier, ambition, kinds)
        assert _shape(timeline_from_items(stored, available, ambition, kinds)) == _shape(direct)
    assert _shape(build_timeline(dossier))[0] != [(y, []) for y in range(2026, 2031)]  # the fixture has items
