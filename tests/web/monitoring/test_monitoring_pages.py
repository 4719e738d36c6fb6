"""The term's pages: adoption, updates by form and CSV, course changes, the public dashboard,
feed, open data and reports (issue 12)."""
from __future__ import annotations

import io
import json
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse

from akkoord.monitoring import sample
from akkoord.web.monitoring import services
from akkoord.web.monitoring.models import Commitment, Programme, Update
from webdata import make_user

pytestmark = pytest.mark.django_db


def _agreement(**changes) -> dict:
    data = sample.agreement()
    data.update(changes)
    return data


@pytest.fixture
def programme(db):
    return services.adopt_agreement(_agreement(), slug="akkoord", term=(2022, 2026))


@pytest.fixture
def editor(db):
    return make_user("ambtenaar-m", "ambtenaar")


def _url(name: str, programme: Programme, **kwargs) -> str:
    return reverse(f"monitoring:{name}", kwargs={"slug": programme.slug, **kwargs})


def test_adoption_keeps_every_afspraak_with_its_trace(programme):
    assert programme.commitments.count() == len(sample.agreement()["afspraken"]) >= 20
    first = programme.commitments.get(key="A01")
    assert first.fiche_code == "2A" and first.trace["decision"]["status"] == "besloten"
    assert first.sources[0]["end_date"].startswith("31-12-") and first.adjustment_moment
    assert first.deadline == date(2025, 12, 31) and first.milestones.count() == 1
    assert first.updates.get().kind == "vastgesteld"


def test_adoption_refuses_what_is_no_agreement(db):
    with pytest.raises(services.MonitoringError):
        services.adopt_agreement({"title": "geen afspraken"})
    assert not Programme.objects.exists()


def test_unpublished_programme_is_404_for_everyone_but_editors(programme, editor):
    negotiator = make_user("onderhandelaar-m", "onderhandelaar")
    for user in (None, negotiator):
        client = Client()
        if user:
            client.force_login(user)
        assert client.get(_url("dashboard", programme)).status_code == 404
        assert client.get(_url("feed", programme)).status_code == 404
        assert programme.title not in client.get(reverse("monitoring:index")).content.decode()
    client = Client()
    client.force_login(editor)
    assert client.get(_url("dashboard", programme)).status_code == 200


def test_update_by_form_then_the_public_dashboard_changes(programme, editor):
    services.set_published(programme, True)
    public = Client()
    before = public.get(_url("dashboard", programme))
    assert before.status_code == 200 and "public" in before["Cache-Control"]
    client = Client()
    client.force_login(editor)
    commitment = programme.commitments.get(key="A07")
    response = client.post(_url("update", programme, key="A07"), {
        "status": "op-schema", "progress": "55", "text": "Wachttijd nu vier weken.", "evidence": "",
        "revision": commitment.revision})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == ("op-schema", 55)
    page = public.get(_url("commitment", programme, key="A07")).content.decode()
    assert "Wachttijd nu vier weken." in page and "op schema" in page
    feed = public.get(_url("feed", programme))
    entries = ElementTree.fromstring(feed.content).findall("{http://www.w3.org/2005/Atom}entry")
    assert any("op schema" in e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries)


def test_realised_needs_evidence_and_a_refused_form_keeps_the_text(programme, editor):
    client = Client()
    client.force_login(editor)
    commitment = programme.commitments.get(key="A02")
    response = client.post(_url("update", programme, key="A02"), {
        "status": "gerealiseerd", "progress": "100", "text": "Klaar met de regeling.", "evidence": "",
        "revision": commitment.revision})
    assert response.status_code == 400
    html = response.content.decode()
    assert "hoort bewijs" in html and "Klaar met de regeling." in html
    assert programme.commitments.get(key="A02").status == "niet-gestart"


def test_second_save_on_a_stale_form_is_refused_with_both_versions(programme, editor):
    client = Client()
    client.force_login(editor)
    commitment = programme.commitments.get(key="A09")
    old_revision = commitment.revision
    services.record_update(commitment, status="gestart", progress=10, text="Eerste stap gezet.", actor="ander")
    response = client.post(_url("update", programme, key="A09"), {
        "status": "op-schema", "progress": "40", "text": "Mijn eigen toelichting.", "evidence": "",
        "revision": old_revision})
    assert response.status_code == 409
    html = response.content.decode()
    assert "iemand anders" in html and "Eerste stap gezet." in html and "Mijn eigen toelichting." in html
    assert programme.commitments.get(key="A09").progress == 10


def test_course_change_keeps_the_decision_and_the_old_text(programme, editor):
    client = Client()
    client.force_login(editor)
    commitment = programme.commitments.get(key="A14")
    old_text = commitment.text
    response = client.post(_url("course", programme, key="A14"), {
        "status": "gewijzigd", "decision_title": "Raadsbesluit 13 maart 2025", "reason": "Niet haalbaar.",
        "decision_url": "https://raad.example/besluit-13", "new_text": "Eerst isoleren, later beslissen.",
        "revision": commitment.revision})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "gewijzigd" and commitment.text == "Eerst isoleren, later beslissen."
    change = commitment.updates.get(kind="koerswijziging")
    assert change.old_text == old_text and change.decision_url.endswith("besluit-13")
    # Gewijzigd and losgelaten only through a course change, never as a plain update.
    with pytest.raises(services.MonitoringError):
        services.record_update(programme.commitments.get(key="A01"), status="losgelaten", progress=None, text="x")


def test_overdue_without_anyone_doing_it(programme):
    services.set_published(programme, True)
    commitment = programme.commitments.get(key="A12")
    Commitment.objects.filter(pk=commitment.pk).update(deadline=date.today() - timedelta(days=1))
    html = Client().get(_url("dashboard", programme)).content.decode()
    assert "Te laat (" in html and commitment.title in html.split("Te laat (")[1].split("</section>")[0]


def test_csv_round_trip_preview_then_apply(programme, editor):
    client = Client()
    client.force_login(editor)
    exported = client.get(_url("csv", programme)).content.decode()
    lines = exported.splitlines()
    assert lines[0].startswith("id,nummer,titel")
    changed = [lines[0]] + [line.replace(",niet gestart,", ",gestart,", 1) if line.startswith("A05,") else line
                            for line in lines[1:]]
    upload = io.BytesIO("\r\n".join(changed).encode("utf-8"))
    upload.name = "afspraken.csv"
    preview = client.post(_url("bulk", programme), {"file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200 and "1 wijziging" in html
    assert programme.commitments.get(key="A05").status == "niet-gestart"  # nothing applied yet
    token = html.split('name="inhoud" value="')[1].split('"')[0]
    applied = client.post(_url("bulk", programme), {"inhoud": token, "bevestigen": "ja"})
    assert applied.status_code == 302
    assert programme.commitments.get(key="A05").status == "gestart"
    assert Update.objects.filter(commitment__key="A05", via="csv").count() == 1


def test_csv_with_errors_changes_nothing(programme, editor):
    client = Client()
    client.force_login(editor)
    data = "id;status;voortgang\nA01;gestart;10\nZ99;gestart;\nA02;bijna;\n".encode("utf-8")
    upload = io.BytesIO(data)
    upload.name = "fout.csv"
    response = client.post(_url("bulk", programme), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "regel 3: onbekende afspraak" in html and "regel 4: onbekende status" in html
    assert programme.commitments.get(key="A01").status == "niet-gestart"


def test_progress_page_shows_formula_and_weights(programme):
    services.set_published(programme, True)
    Commitment.objects.filter(programme=programme, key="A01").update(weight=3)
    html = Client().get(_url("progress", programme)).content.decode()
    assert "Σ(gewicht × voortgang)" in html and "Per portefeuille" in html and ">3<" in html


def test_open_data_and_reports(programme):
    services.set_published(programme, True)
    client = Client()
    data = json.loads(client.get(_url("open_data", programme)).content)
    assert data["schema"] == "akkoord-monitoring/1" and len(data["afspraken"]) == programme.commitments.count()
    assert {s["key"] for s in data["statussen"]} >= {"op-schema", "losgelaten"}
    docx = client.get(_url("report", programme, fmt="docx"))
    from docx import Document

    document = Document(io.BytesIO(docx.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert any(a["label"] == h for a in sample.AMBITIONS for h in headings)
    pdf = client.get(_url("report", programme, fmt="pdf"))
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.content)) as opened:
        text = "\n".join(page.extract_text() or "" for page in opened.pages)
        assert opened.pages[0].width == pytest.approx(595, abs=2)  # A4
    assert "Voortgangsrapportage" in text and "pagina 1 van" in text


def test_demo_programme_has_twenty_commitments_in_several_states(db):
    programme = services.demo_programme()
    statuses = set(programme.commitments.values_list("status", flat=True))
    assert programme.commitments.count() >= 20 and len(statuses) >= 6 and programme.published
    assert Update.objects.filter(commitment__programme=programme, kind="koerswijziging").count() == 2
    assert services.demo_programme().pk == programme.pk  # made once


def test_open_data_follows_its_documented_schema(db):
    from pathlib import Path

    import jsonschema

    programme = services.demo_programme()
    schema = json.loads((Path(__file__).resolve().parents[3] / "docs/schemas/monitoring.schema.json")
                        .read_text(encoding="utf-8"))
    data = json.loads(Client().get(_url("open_data", programme)).content)
    jsonschema.validate(data, schema)
    data["afspraken"][0]["updates"][0]["soort"] = "iets anders"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_open_data_as_csv_per_entity_reads_back(programme):
    import zipfile

    services.set_published(programme, True)
    services.record_update(programme.commitments.get(key="A03"), status="gestart", progress=10, text="Begonnen.")
    archive = zipfile.ZipFile(io.BytesIO(Client().get(_url("open_data_zip", programme)).content))
    assert set(archive.namelist()) == {"LEESMIJ.txt", "afspraken.csv", "updates.csv", "mijlpalen.csv"}
    updates = archive.read("updates.csv").decode("utf-8").splitlines()
    assert updates[0].startswith("afspraak,datum,soort") and any(line.startswith("A03,") and "Begonnen." in line
                                                                for line in updates)
    plan = services.plan_import(programme, archive.read("afspraken.csv"))
    assert plan.ok and not plan.changes
