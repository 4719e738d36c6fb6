"""The profile in the review step: shown, correctable by compilers only, kept for the next version."""
from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.services import ingest_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept_version(db, compiler):
    """The bundled sample read from its text: its profile is induced by the text reader."""
    from akkoord.dossier.sample import SAMPLE_TEXT_PATH

    return ingest_file(SAMPLE_TEXT_PATH, compiler)


@pytest.fixture
def dossier_file():
    from akkoord.dossier.sample import SAMPLE_TEXT_PATH

    return SAMPLE_TEXT_PATH


def profile_url(version) -> str:
    return reverse("dossiers:profile", kwargs={"slug": version.dossier.slug, "number": version.number})


def review_url(version) -> str:
    return reverse("dossiers:review", kwargs={"slug": version.dossier.slug, "number": version.number})


def correction(version, **changes) -> dict:
    profile = version.core_profile()
    data = {"municipality": profile.municipality, "term_first": "2026", "term_last": "2030",
            "boilerplate": "\n".join(profile.boilerplate)}
    for amb in profile.ambitions:
        data[f"name_{amb.key}"] = amb.name
        data[f"colour_{amb.key}"] = amb.colour
    data.update(changes)
    return data


def test_ingest_keeps_the_induced_profile(concept_version):
    profile = concept_version.core_profile()
    assert "zorgzaam" in profile.ambition_keys  # the sample's own ambitions, induced
    assert concept_version.dossier.profile["ambitions"]


def test_review_shows_the_profile_and_the_form_to_compilers(client: Client, concept_version, compiler):
    client.force_login(compiler)
    page = client.get(review_url(concept_version)).content.decode()
    assert 'id="profiel"' in page and "Zorgzaam" in page and "Profiel opslaan" in page


def test_only_compilers_correct_the_profile(client: Client, concept_version, negotiator, formateur, outsider):
    from akkoord.web.dossiers.services import set_status

    data = correction(concept_version, name_zorgzaam="Iets anders")
    assert client.post(profile_url(concept_version), data).status_code == 302  # to the login page
    set_status(concept_version, "vrijgegeven")  # readable for negotiators, still not theirs to correct
    for user in (negotiator, formateur, outsider):
        client.force_login(user)
        assert client.post(profile_url(concept_version), data).status_code == 404
        assert client.get(profile_url(concept_version)).status_code in (404, 405)
    concept_version.refresh_from_db()
    assert concept_version.core_profile().ambition_label("zorgzaam") == "Zorgzaam"


def test_a_correction_shows_on_the_pages_and_is_reused_by_the_next_version(client: Client, concept_version,
                                                                          compiler, dossier_file):
    client.force_login(compiler)
    response = client.post(profile_url(concept_version),
                           correction(concept_version, name_zorgzaam="Zorg voor elkaar", colour_zorgzaam="rood",
                                      term_first="2026", term_last="2030"))
    assert response.status_code == 302
    overview = client.get(reverse("dossiers:overview", kwargs={"slug": concept_version.dossier.slug})).content.decode()
    assert "Zorg voor elkaar" in overview and "ambition-tile--c-rood" in overview
    newer = ingest_file(dossier_file, compiler, slug=concept_version.dossier.slug)
    assert newer.core_profile().ambition_label("zorgzaam") == "Zorg voor elkaar"
    assert newer.core_profile().term == (2026, 2030)


def test_an_inconsistent_term_is_refused(client: Client, concept_version, compiler):
    client.force_login(compiler)
    client.post(profile_url(concept_version), correction(concept_version, term_first="2030", term_last="2026"))
    concept_version.refresh_from_db()
    assert concept_version.core_profile().term == (2026, 2030)  # as induced from the title, unchanged


def test_a_programme_dossier_works_like_a_fiche_dossier(client: Client, compiler, tmp_path):
    """Sections, tables and agenda show on the fiche page; agenda dates are on the timeline."""
    import docx

    document = docx.Document()
    document.add_heading("Formatiedossier gemeente Westerbroek 2026-2030", level=0)
    document.add_heading("Programma 1 Bestuur", level=1)
    document.add_heading("1.1 Veiligheid", level=2)
    document.add_heading("Waar staan we?", level=3)
    document.add_paragraph("De wijken zijn veilig.")
    document.add_heading("Opgaven voor de komende jaren", level=3)
    document.add_paragraph("Meer boa's in de binnenstad.")
    document.add_heading("Bijlage Agenda", level=1)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("Raad", "Onderwerp", "Par."), ("30-mrt-27", "Veiligheidsplan", "1.1")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    path = tmp_path / "programma.docx"
    document.save(str(path))
    version = ingest_file(path, compiler)
    client.force_login(compiler)
    slug = version.dossier.slug
    page = client.get(reverse("dossiers:fiche", kwargs={"slug": slug, "code": "1A"}) + "?versie=1").content.decode()
    assert "Opgaven voor de komende jaren" in page and "Meer boa" in page and "Veiligheidsplan" in page
    timeline = client.get(reverse("dossiers:timeline", kwargs={"slug": slug}) + "?versie=1").content.decode()
    assert "Veiligheidsplan" in timeline and "Tijdlijn 2026–2030" in timeline


def test_a_concepts_correction_never_reaches_readers_of_an_earlier_version(client: Client, concept_version,
                                                                          compiler, negotiator, dossier_file):
    """A version keeps the profile it was stored with; the dossier's latest profile (which may
    come from a concept's correction) is never shown for another version, not even for a
    version stored without a profile of its own."""
    from akkoord.web.dossiers.models import DossierVersion
    from akkoord.web.dossiers.services import set_status

    set_status(concept_version, "vrijgegeven")
    DossierVersion.objects.filter(pk=concept_version.pk).update(profile={})  # stored before profiles existed
    concept = ingest_file(dossier_file, compiler, slug=concept_version.dossier.slug)
    client.force_login(compiler)
    assert client.post(profile_url(concept), correction(concept, name_zorgzaam="Xylofoonzorgnaam")).status_code == 302
    client.force_login(negotiator)
    slug = concept_version.dossier.slug
    pages = [reverse("dossiers:overview", kwargs={"slug": slug}),
             reverse("dossiers:ambitions", kwargs={"slug": slug}),
             reverse("dossiers:fiche", kwargs={"slug": slug, "code": "1A"}),
             reverse("search:search") + "?q=zorg"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Xylofoonzorgnaam" not in response.content.decode(), url
