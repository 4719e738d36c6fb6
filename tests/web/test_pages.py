"""The pages: what they show, safe rendering of imported text, CSRF on every form."""
from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.web.dossiers.models import DossierVersion
from akkoord.web.dossiers.services import ingest_file, set_status
from webdata import base_fiches, fiche_dict, write_dossier

pytestmark = pytest.mark.django_db


def url(name: str, version, **kwargs) -> str:
    return reverse(f"dossiers:{name}", kwargs={"slug": version.dossier.slug, **kwargs})


@pytest.fixture
def reader(client: Client, released_version, negotiator) -> Client:
    client.force_login(negotiator)
    return client


def test_script_in_a_fiche_is_shown_as_text(tmp_path, compiler, client: Client):
    evil = fiche_dict("1A", "Test <script>alert('x')</script>",
                      current_line="<script>document.title='gehackt'</script> en <b>vet</b>",
                      partners=["<img src=x onerror=alert(1)>"], advice=["<a href='javascript:x'>klik</a>"])
    version = ingest_file(write_dossier(tmp_path / "e.json", [evil]), compiler)
    client.force_login(compiler)
    pages = [url("fiche", version, code="1A"), url("overview", version), url("partners", version),
             url("review", version, number=1)]
    for page in pages:
        html = client.get(page).content.decode()
        assert "<script>" not in html, page
        assert "<img src=x" not in html and "<b>vet</b>" not in html
    html = client.get(url("fiche", version, code="1A")).content.decode()
    assert "&lt;script&gt;document.title=" in html


def test_only_http_links_become_links(reader: Client, released_version):
    html = reader.get(url("fiche", released_version, code="2A")).content.decode()
    assert 'href="https://example.org/woonvisie"' in html
    assert 'href="javascript:' not in html
    assert "javascript:alert(1)" in html  # shown, as text


def test_fiche_page_shows_all_fields_and_both_directions_of_relations(reader: Client, released_version):
    html = reader.get(url("fiche", released_version, code="1A")).content.decode()
    for text in ("Nota minimabeleid", "31-12-2027", "Geen einddatum", "herijking van het minimabeleid",
                 "eigen risico", "Kiest u voor een hogere inkomensgrens?", "Voedselbank", "Tweede alinea."):
        assert text in html, text
    # 1A refers to 2A; 1B refers to 1A: both appear on 1A's page, in their own lists.
    assert re.search(r"verwijst naar:.*?/fiches/2A/", html, re.S)
    assert re.search(r"Verwezen vanuit:.*?/fiches/1B/", html, re.S)
    assert 'lang="nl"' in html and 'href="#inhoud"' in html and '<main id="inhoud"' in html


def test_overview_groups_by_chapter_and_ambition(reader: Client, released_version):
    html = reader.get(url("overview", released_version)).content.decode()
    assert "Hoofdstuk 1" in html and "Hoofdstuk 2" in html
    html = reader.get(url("ambitions", released_version)).content.decode()
    inclusief = html.split('id="opgave-inclusief"')[1].split("</section>")[0]
    assert "/fiches/1A/" in inclusief and "/fiches/1B/" in inclusief and "/fiches/2A/" not in inclusief


def test_timeline_shows_end_dates_and_filters_by_ambition(reader: Client, released_version):
    html = reader.get(url("timeline", released_version)).content.decode()
    section_2027 = html.split('id="jaar-2027"')[1].split("</section>")[0]
    assert "Nota minimabeleid" in section_2027  # source ending 31-12-2027
    assert "eigen risico" in section_2027  # external decision per 1 januari 2027
    section_2028 = html.split('id="jaar-2028"')[1].split("</section>")[0]
    assert "herijking" in section_2028  # logical moment
    assert "Woonvisie" in html.split('id="jaar-2029"')[1].split("</section>")[0]
    filtered = reader.get(url("timeline", released_version) + "?ambitie=aantrekkelijk").content.decode()
    assert "Woonvisie" in filtered and "Nota minimabeleid" not in filtered
    only_sources = reader.get(url("timeline", released_version) + "?soort=source").content.decode()
    assert "Nota minimabeleid" in only_sources and "herijking" not in only_sources


def test_partner_index_merges_spelling_variants(reader: Client, released_version):
    html = reader.get(url("partners", released_version)).content.decode()
    assert html.count('class="partner__name"') == 3  # Voedselbank, Kredietbank Veenstreek, Stichting Leergeld
    kredietbank = html.split("Kredietbank Veenstreek</span>")[1].split("</tr>")[0]
    assert "/fiches/1A/" in html and "/fiches/1B/" in kredietbank


def test_glossary_lists_abbreviations_from_the_dossier(reader: Client, released_version):
    html = reader.get(url("glossary", released_version)).content.decode()
    assert "DFB" in html and "Duurzame Financiële Basis" in html
    row = html.split('id="afk-dfb"')[1].split("</tr>")[0]
    assert "/fiches/1A/" in row and "/fiches/1B/" in row


def test_forms_require_csrf_token(db, compiler, dossier_file, concept_version):
    client = Client(enforce_csrf_checks=True)
    client.force_login(compiler)
    with dossier_file.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle})
    assert response.status_code == 403
    response = client.post(url("status", concept_version, number=1), {"status": "vrijgegeven", "bevestigd": "ja"})
    assert response.status_code == 403
    concept_version.refresh_from_db()
    assert concept_version.status == "concept"
    # With the token from the page the same post succeeds.
    page = client.get(url("review", concept_version, number=1)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(url("status", concept_version, number=1),
                           {"status": "vrijgegeven", "bevestigd": "ja", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    concept_version.refresh_from_db()
    assert concept_version.status == "vrijgegeven"


def test_login_form_requires_csrf(db, compiler):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "ambtenaar1", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 403


def test_upload_review_publish_flow(client: Client, compiler, negotiator, tmp_path):
    client.force_login(compiler)
    path = write_dossier(tmp_path / "lindeveen.json", base_fiches())
    with path.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle})
    version = DossierVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == version.get_absolute_url()
    review = client.get(response["Location"]).content.decode()
    assert "lindeveen.json" in review and "Vrijgeven aan de onderhandelaars" in review
    reader = Client()
    reader.force_login(negotiator)
    assert reader.get(url("overview", version)).status_code == 404
    confirm = client.get(url("status", version, number=1) + "?status=vrijgegeven").content.decode()
    assert "Wie ziet deze versie daarna?" in confirm and "onderhandelaars" in confirm
    assert reader.get(url("overview", version)).status_code == 404  # asking is not doing
    client.post(url("status", version, number=1), {"status": "vrijgegeven", "bevestigd": "ja"})
    assert reader.get(url("overview", version)).status_code == 200


def test_upload_of_a_bad_file_shows_a_dutch_error(client: Client, compiler, tmp_path):
    client.force_login(compiler)
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"PK\x03\x04 dit is geen zip")
    with bad.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle})
    assert response.status_code == 200
    html = response.content.decode()
    assert "kan niet gelezen worden" in html and "kapot.docx" in html
    assert 'aria-invalid="true"' in html
    assert not DossierVersion.objects.exists()


def test_review_shows_reader_warnings(client: Client, compiler, tmp_path):
    version = ingest_file(write_dossier(tmp_path / "d.json", base_fiches() + [fiche_dict("1A", "Dubbel")]),
                          compiler)
    client.force_login(compiler)
    html = client.get(url("review", version, number=1)).content.decode()
    assert "komt meer dan één keer voor" in html


def test_review_of_second_version_shows_changes(client: Client, compiler, tmp_path):
    ingest_file(write_dossier(tmp_path / "a.json", base_fiches()), compiler)
    changed = base_fiches()
    changed[1]["title"] = "Jeugdhulp en opgroeien"
    version = ingest_file(write_dossier(tmp_path / "b.json", changed), compiler)
    client.force_login(compiler)
    html = client.get(url("review", version, number=2)).content.decode()
    assert "Wijzigingen ten opzichte van versie 1" in html
    assert "<ins>" in html and "opgroeien" in html
    fiche_html = client.get(url("fiche", version, code="1B") + "?versie=2").content.decode()
    assert "Gewijzigd sinds versie 1" in fiche_html


def test_newest_release_is_the_default_and_old_versions_stay_readable(client, compiler, negotiator, tmp_path):
    first = ingest_file(write_dossier(tmp_path / "a.json", base_fiches()), compiler)
    set_status(first, "vrijgegeven", compiler)
    changed = base_fiches()
    changed[0]["title"] = "Bestaanszekerheid en schulden"
    second = ingest_file(write_dossier(tmp_path / "b.json", changed), compiler)
    client.force_login(negotiator)
    assert "Bestaanszekerheid</h1>" in client.get(url("fiche", first, code="1A")).content.decode()
    set_status(second, "vrijgegeven", compiler)
    assert "Bestaanszekerheid en schulden</h1>" in client.get(url("fiche", first, code="1A")).content.decode()
    old = client.get(url("fiche", first, code="1A") + "?versie=1").content.decode()
    assert "Bestaanszekerheid</h1>" in old and "Er is een nieuwere versie" in old
