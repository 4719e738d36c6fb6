"""Issue 14, the workbench in daily use: fiche page, upload and review, public reading,
print, Dutch dates (pages rendered by Django's test client)."""
from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion, Fiche
from akkoord.web.dossiers.services import (OtherMunicipality, delete_concept, ingest_file, plausible_municipality,
                                           publish)
from webdata import base_fiches, fiche_dict, write_dossier

pytestmark = pytest.mark.django_db


def url(name: str, version, **kwargs) -> str:
    return reverse(f"dossiers:{name}", kwargs={"slug": version.dossier.slug, **kwargs})


@pytest.fixture(autouse=True)
def publication_dir(settings, tmp_path):
    settings.AKKOORD_PUBLICATION_DIR = str(tmp_path / "publicaties")


# ------------------------------------------------------------------ 6. fiche page

def test_fiche_page_has_a_section_menu_and_related_fiches_before_partners_and_links(client, released_version,
                                                                                     negotiator):
    client.force_login(negotiator)
    html = client.get(url("fiche", released_version, code="1A")).content.decode()
    menu = re.search(r'<nav class="fiche-menu[^"]*" aria-label="In deze fiche">(.*?)</nav>', html, re.S)
    assert menu, "no in-page menu"
    for anchor in ("#lijn", "#bronnen", "#partners", "#advies", "#verwant"):
        assert f'href="{anchor}"' in menu.group(1)
        assert f'id="{anchor[1:]}"' in html
    # Tab order follows the document: the related fiche's link comes before the partner links.
    related_link = html.index(reverse("dossiers:fiche", kwargs={"slug": released_version.dossier.slug, "code": "2A"}))
    partner_link = html.index("#partner-")
    assert related_link < partner_link


def test_a_link_shows_a_readable_text_not_the_raw_url(tmp_path, compiler, client):
    long_url = "https://raad.example.org/Document/View/e7548e17-8e8c-4d75-8f43-b902d100dab1"
    titled = "https://example.org/stukken/woonvisie-lindeveen-2030.pdf"
    fiche = fiche_dict("1A", "Wonen", sources=[{"title": "Woonvisie Lindeveen 2030", "end_date": "2030"}],
                       links=[long_url, titled])
    version = ingest_file(write_dossier(tmp_path / "d.json", [fiche]), compiler)
    client.force_login(compiler)
    html = client.get(url("fiche", version, code="1A")).content.decode()
    texts = re.findall(r'<a href="(https://[^"]+)"[^>]*>([^<]+)<span class="visually-hidden">', html)
    shown = dict(texts)
    assert shown[long_url] == "Document op raad.example.org"
    assert shown[titled] == "Woonvisie Lindeveen 2030"


def test_line_breaks_in_the_current_line_are_kept(tmp_path, compiler, client):
    fiche = fiche_dict("1A", "Wonen", current_line="Uitvoeren woonvisie voor ouderen\nUitwerking van de wet.")
    version = ingest_file(write_dossier(tmp_path / "d.json", [fiche]), compiler)
    client.force_login(compiler)
    html = client.get(url("fiche", version, code="1A")).content.decode()
    assert "voor ouderen<br>Uitwerking" in html


# ------------------------------------------------------------------ 7. upload and review

def test_a_run_on_ambition_row_is_no_municipality():
    assert plausible_municipality("Lindeveen Open Lindeveen Groen en Duurzaam Lindeveen X Inclusief Lindeveen") \
        == "Lindeveen"
    assert plausible_municipality("Bergen op Zoom") == "Bergen op Zoom"
    assert plausible_municipality("Het is een lange zin over beleid zonder naam") == ""


def test_a_file_of_another_municipality_is_refused_as_new_version_unless_confirmed(tmp_path, compiler,
                                                                                     released_version, client):
    other = write_dossier(tmp_path / "other.json", base_fiches(), municipality="Waterbeek",
                          title="Formatiedossier Waterbeek")
    with pytest.raises(OtherMunicipality):
        ingest_file(other, compiler, slug=released_version.dossier.slug)
    assert released_version.dossier.versions.count() == 1
    client.force_login(compiler)
    with other.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle, "dossier": released_version.dossier.pk})
    assert response.status_code == 200
    assert "Waterbeek" in response.content.decode() and "andere gemeente" in response.content.decode()
    with other.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle, "dossier": released_version.dossier.pk,
                                                            "other_municipality": "on"})
    assert response.status_code == 302
    assert released_version.dossier.versions.count() == 2


def test_a_concept_can_be_deleted_by_a_compiler_only(client, concept_version, compiler, negotiator):
    delete = url("delete_version", concept_version, number=1)
    client.force_login(negotiator)
    assert client.post(delete, {"confirm": "on"}).status_code == 404  # cannot see the concept at all
    client.force_login(compiler)
    assert client.post(delete, {}).status_code == 302  # not confirmed: nothing happens
    assert DossierVersion.objects.filter(pk=concept_version.pk).exists()
    response = client.post(delete, {"confirm": "on"})
    assert response.status_code == 302
    assert not DossierVersion.objects.filter(pk=concept_version.pk).exists()
    assert not Fiche.objects.filter(version_id=concept_version.pk).exists()
    assert not Dossier.objects.exists()  # it was the only version
    assert AuditEvent.objects.filter(description__contains="verwijderd").exists()


def test_released_versions_are_never_deleted(client, released_version, compiler):
    client.force_login(compiler)
    assert client.post(url("delete_version", released_version, number=1), {"confirm": "on"}).status_code == 403
    with pytest.raises(ValueError):
        delete_concept(released_version)


def test_review_filters_findings_by_severity(client, tmp_path, compiler):
    fiches = base_fiches()
    fiches[0]["links"] = ["file:///C:/Users/jan/Documenten/nota.docx"]  # blocking for publication
    version = ingest_file(write_dossier(tmp_path / "d.json", fiches), compiler)
    client.force_login(compiler)
    everything = client.get(url("review", version, number=1)).content.decode()
    blocking = client.get(url("review", version, number=1) + "?ernst=blokkerend").content.decode()
    count = lambda html, sev: len(re.findall(rf'class="finding finding--{sev}"', html))  # noqa: E731
    assert count(everything, "blokkerend") >= 1
    assert count(blocking, "blokkerend") == count(everything, "blokkerend")
    assert count(blocking, "waarschuwing") == 0 and count(blocking, "info") == 0
    assert count(everything, "waarschuwing") + count(everything, "info") > 0


# ------------------------------------------------------------------ 8. public reading

def test_public_version_offers_pdf_and_json_of_the_publication_copy(client, released_version, compiler):
    for name in ("publication_pdf", "publication_json"):
        assert client.get(url(name, released_version)).status_code == 404  # released, not public
    public = publish(released_version, compiler)
    # Whatever the stored public version holds, the download is cleaned again on the way out.
    fiche = Fiche.objects.get(version=public, code="2A")
    wrapped = ("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fwoonvisie"
               "&data=05%7C01&reserved=0")
    fiche.data["links"] = [wrapped]
    fiche.save()
    overview = client.get(url("overview", public)).content.decode()
    assert url("publication_pdf", public) in overview and url("publication_json", public) in overview
    response = client.get(url("publication_json", public))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    links = [link for f in data["fiches"] for link in f["links"]]
    assert links == ["https://example.org/woonvisie"]
    pdf = client.get(url("publication_pdf", public))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "Bestaanszekerheid" in text and "Formatiedossier Lindeveen" in text
    # An older released version of the same dossier is no download, even with ?versie.
    assert client.get(url("publication_json", public) + f"?versie={released_version.number}").status_code in (302, 404)


def test_concept_download_is_404_even_for_compilers(client, concept_version, compiler):
    client.force_login(compiler)
    assert client.get(url("publication_json", concept_version)).status_code == 404


def test_public_pages_do_not_say_confidential_and_home_addresses_the_public(client, public_version, negotiator):
    released_version = public_version
    for page in (url("overview", released_version), url("fiche", released_version, code="1A"),
                 reverse("dossiers:home")):
        html = client.get(page).content.decode()
        assert "Vertrouwelijk" not in html, page
    home = client.get(reverse("dossiers:home")).content.decode()
    assert "voor de onderhandelaars:" not in home and "openbaar" in home
    client.force_login(negotiator)
    assert "voor de onderhandelaars:" in client.get(reverse("dossiers:home")).content.decode()


def test_released_pages_are_marked_confidential(client, released_version, negotiator):
    client.force_login(negotiator)
    html = client.get(url("fiche", released_version, code="1A")).content.decode()
    assert "Vertrouwelijk" in html


# ------------------------------------------------------------------ 9. print, 10. dates and landmarks

def test_a_fiche_has_a_print_header_with_dossier_version_date_and_mark(client, released_version, negotiator):
    client.force_login(negotiator)
    html = client.get(url("fiche", released_version, code="1A")).content.decode()
    header = re.search(r'<p class="print-header">(.*?)</p>', html, re.S).group(1)
    assert "Formatiedossier Lindeveen" in header and "versie 1" in header and "Vertrouwelijk" in header
    assert re.search(r"afgedrukt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|"
                     r"oktober|november|december) \d{4}", header)
    assert 'class="breadcrumbs no-print"' in html


def test_dates_are_dutch_and_the_dossier_bar_is_a_landmark(client, released_version, compiler):
    client.force_login(compiler)
    html = client.get(url("versions", released_version)).content.decode()
    months = re.findall(r"\d{1,2} ([A-Za-z]+) \d{4}", html)
    assert months and all(m in ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                "september", "oktober", "november", "december") for m in months), months
    assert re.search(r'<section class="dossier-bar" aria-label="[^"]+">', html)


# ------------------------------------------------------------------ 3. timeline

def _timeline_version(tmp_path, compiler):
    fiches = [
        fiche_dict("1A", "Minima", ambitions=["inclusief"],
                   adjustment_moment="In 2027 de evaluatie; in 2027 het nieuwe plan; uiterlijk 2027 besluiten.",
                   external_changes="De wet uit 2021 wordt gewijzigd, niet eerder dan 1 januari 2028.",
                   sources=[{"title": "Oude nota", "end_date": "2024"}]),
        fiche_dict("1B", "Sport", ambitions=["open"], adjustment_moment="Bij de volgende evaluatie."),
    ]
    return ingest_file(write_dossier(tmp_path / "t.json", fiches), compiler)


def test_timeline_items_once_past_dates_ignored_undated_moments_kept(tmp_path, compiler, client):
    version = _timeline_version(tmp_path, compiler)
    client.force_login(compiler)
    html = client.get(url("timeline", version)).content.decode()
    section = lambda key: html.split(f'id="jaar-{key}"')[1].split("</section>")[0]  # noqa: E731
    assert section("2027").count("timeline-item--moment") == 1  # three mentions of 2027, one moment
    assert "niet eerder dan 1 januari 2028" in section("2028")  # not under the incidental 2021
    assert "jaar-2021" not in html and "wet uit 2021" not in html.split('id="jaar-eerder"')[-1]
    assert "Bij de volgende evaluatie" in section("onbekend")  # a moment without a date: "Zonder datum"
    assert "Zonder datum" in html
    # The page opens with the term, the expired sources come last.
    assert html.index('id="jaar-2026"') < html.index('id="jaar-eerder"')
    assert "Oude nota" in section("eerder")


def test_timeline_draws_the_term_with_a_table_alternative(tmp_path, compiler, client):
    version = _timeline_version(tmp_path, compiler)
    client.force_login(compiler)
    html = client.get(url("timeline", version)).content.decode()
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg
    assert re.search(r"\d,\d", re.sub(r'points="[^"]*"', "", svg)) is None  # no Dutch decimal commas in coordinates
    assert svg.count('class="mark--moment"') == 1 and svg.count('class="mark--external"') == 1
    table = html.split('class="chart-table"')[1].split("</table>")[0]
    inclusive = table.split("Inclusief</th>")[1].split("</tr>")[0]
    cells = re.findall(r"<td>(.*?)</td>", inclusive)
    assert cells[1] == "1 moment" and cells[2] == "1 extern besluit"  # 2027 and 2028
    one_ambition = client.get(url("timeline", version) + "?ambitie=inclusief").content.decode()
    assert ">1A Minima</text>" in one_ambition and "1B Sport</text>" not in one_ambition


def test_the_term_comes_from_the_dossier_not_a_constant():
    from akkoord.web.dossiers.timeline import term_years

    assert term_years("Formatiedossier 2030", "") == (2030, 2034)
    assert term_years("", "lindeveen-2022-concept.pdf") == (2022, 2026)


# ------------------------------------------------------------------ 4, 5. partners and glossary pages

def test_partner_page_counts_sorts_and_crosses_with_ambitions(tmp_path, compiler, client):
    fiches = [fiche_dict("1A", "Een", ambitions=["inclusief"], partners=["Woningcorporaties", "Beleid"]),
              fiche_dict("1B", "Twee", ambitions=["inclusief", "open"], partners=["Corporaties", "GGD"]),
              fiche_dict("2A", "Drie", ambitions=["aantrekkelijk"],
                         partners=["Lindeveense woningcorporaties", "Stichting Stad, met dhr. J. Bakker als manager"])]
    version = ingest_file(write_dossier(tmp_path / "p.json", fiches), compiler)
    client.force_login(compiler)
    html = client.get(url("partners", version)).content.decode()
    names = re.findall(r'<span class="partner__name">([^<]+)</span>', html)
    assert names[0] == "Woningcorporaties" and set(names) == {"Woningcorporaties", "GGD", "Stichting Stad"}
    assert "Beleid" not in names and "Bakker" not in html
    row = html.split('<span class="partner__name">Woningcorporaties</span>')[1].split("</tr>")[0]
    counts = re.findall(r'<td class="num[^"]*">(?:<strong>)?(\d+|<span aria-label="geen">–</span>)', row)
    # Fiches 3; then aantrekkelijk 1, open 1, groen-duurzaam –, inclusief 2, randvoorwaarden –.
    assert counts[0] == "3" and counts[1] == "1" and counts[2] == "1" and counts[4] == "2"


def test_glossary_page_lists_undefined_abbreviations_as_such(tmp_path, compiler, client):
    fiches = [fiche_dict("1A", "Een", current_line="Met de Duurzame Financiële Basis (DFB) en de QRZ."),
              fiche_dict("1B", "Twee", current_line="De nota Lopen, Fietsen en Zwemmen; daarna het LFZ-budget voor LFZ.")]
    version = ingest_file(write_dossier(tmp_path / "g.json", fiches), compiler)
    client.force_login(compiler)
    html = client.get(url("glossary", version)).content.decode()
    assert "Duurzame Financiële Basis" in html
    assert "Lopen Fietsen en Zwemmen" in html and "afgeleid uit de tekst" in html
    undefined = html.split('id="niet-uitgeschreven"')[1]
    assert "<strong>QRZ</strong>" in undefined and "DFB" not in undefined
