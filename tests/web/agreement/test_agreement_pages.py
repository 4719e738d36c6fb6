"""The agreement pages on a real formation: drafting from decisions, SMART editing, the
register, money, versions with redline, sections, house style and exports."""
from __future__ import annotations

import io
import json

import pytest
from agreement_world import DECISION_TEXT
from docx import Document
from docx.shared import Pt
from django.urls import reverse

from akkoord.agreement.model import agreement_from_json
from akkoord.web.agreement.models import AgreementVersion, HouseStyle

pytestmark = pytest.mark.django_db


def url(world, name, **kw):
    return reverse(f"agreement:{name}", kwargs={"slug": world.formation.slug, **kw})


def test_draft_follows_the_decisions(client, aworld):
    client.force_login(aworld.users["formateur"])
    page = client.get(url(aworld, "show")).content.decode()
    assert DECISION_TEXT in page
    assert "Geparkeerde punten" in page and "Na de evaluatie." in page
    data = json.loads(client.get(url(aworld, "export", fmt="json")).content)
    assert [a["decision"]["text"] for a in data["afspraken"]] == [DECISION_TEXT, "We zetten in op meer groen in de wijken."] or \
        {a["decision"]["text"] for a in data["afspraken"]} == {DECISION_TEXT, "We zetten in op meer groen in de wijken."}
    first = next(a for a in data["afspraken"] if a["decision"]["text"] == DECISION_TEXT)
    assert first["fiche"]["code"] == "1A"
    assert first["sources"][0]["title"] == "Nota minimabeleid" and first["sources"][0]["end_date"] == "31-12-2027"
    assert first["smart"]["budget"] == [{"year": 2027, "amount": 400000, "kind": "structureel"},
                                        {"year": 2028, "amount": 400000, "kind": "structureel"}]
    assert first["smart"]["deadline"] == "2027-01-01"
    assert [p["point"]["number"] for p in data["parked"]] == [aworld.points[1].number]
    assert data["status"] == "concept"


def test_smart_fields_are_saved_and_the_register_stops_complaining(client, aworld):
    client.force_login(aworld.users["support"])
    register = client.get(url(aworld, "register")).content.decode()
    assert "Vage formulering" in register and "Geen meetbaar doel" in register
    point = aworld.points[2]
    response = client.post(url(aworld, "afspraak", number=point.number), {
        "title": "Groen in de wijken", "text": "Elke wijk krijgt 500 m² extra groen.", "what": "Meer groen",
        "target": "500 m² extra groen per wijk", "baseline": "0 m² in 2026", "deadline": "2029-12-31",
        "portfolio_holder": "wethouder Groen", "budget_text": "2027; 1.250.000; incidenteel\n2028; 250000; structureel",
        "milestones_text": "30-06-2027; eerste drie wijken"})
    assert response.status_code == 302
    data = json.loads(client.get(url(aworld, "export", fmt="json")).content)
    green = next(a for a in data["afspraken"] if a["point"]["id"] == str(point.pk))
    assert green["title"] == "Groen in de wijken"
    assert green["smart"]["target"] == "500 m² extra groen per wijk"
    assert green["smart"]["budget"] == [{"year": 2027, "amount": 1250000, "kind": "incidenteel"},
                                        {"year": 2028, "amount": 250000, "kind": "structureel"}]
    assert green["smart"]["milestones"] == [{"date": "2027-06-30", "text": "eerste drie wijken"}]
    finance = client.get(url(aworld, "finance")).content.decode()
    assert "€ 1.650.000" in finance  # 2027: 400.000 + 1.250.000


def test_bad_smart_input_gets_a_dutch_message(client, aworld):
    client.force_login(aworld.users["formateur"])
    response = client.post(url(aworld, "afspraak", number=aworld.points[2].number),
                           {"budget_text": "volgend jaar; veel", "milestones_text": "morgen; iets"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "schrijf jaar; bedrag" in page and "begin met een datum" in page
    # a point without a decision has no afspraak to edit
    assert client.get(url(aworld, "afspraak", number=aworld.points[1].number)).status_code == 404


def test_versions_redline_adoption_and_publication(client, aworld):
    from akkoord.web.formation.models import Decision

    client.force_login(aworld.users["formateur"])
    assert client.post(url(aworld, "versions"), {"note": "eerste concept"}).status_code == 302
    Decision.objects.filter(point=aworld.points[0]).update(text=DECISION_TEXT.replace("130", "120"))
    client.post(url(aworld, "versions"), {"note": "tweede"})
    page = client.get(url(aworld, "redline", old=1, new=2)).content.decode()
    assert "<del><span class=\"visually-hidden\">[verwijderd: </span>130" in page
    assert "<ins><span class=\"visually-hidden\">[toegevoegd: </span>120" in page
    client.post(url(aworld, "version_action", number=2), {"action": "openbaar"})
    assert not AgreementVersion.objects.get(number=2).published  # not adopted yet
    client.post(url(aworld, "version_action", number=2), {"action": "vaststellen"})
    client.post(url(aworld, "version_action", number=2), {"action": "openbaar"})
    v2 = AgreementVersion.objects.get(number=2)
    assert v2.status == "vastgesteld" and v2.published
    core = agreement_from_json(v2.data)
    assert core.status == "vastgesteld" and core.adopted_on
    from akkoord.web.monitoring.models import Programme  # adoption hands the afspraken to monitoring

    programme = Programme.objects.get()
    assert sorted(programme.commitments.values_list("key", flat=True)) == sorted(a.id for a in core.afspraken)
    assert "Tafelgedeeldwoordtheta" not in json.dumps(programme.origin.data)  # no positions leave the table
    client.logout()
    public = client.get(url(aworld, "show"))
    assert public.status_code == 200 and "120 procent" in public.content.decode()
    assert "130 procent" not in public.content.decode()
    assert client.get(url(aworld, "show") + "?versie=1").status_code == 404


def test_sections_appear_in_the_document(client, aworld):
    client.force_login(aworld.users["support"])
    client.post(url(aworld, "sections"), {"title": "Portefeuilleverdeling", "text": "Wethouder Groen: groen.",
                                          "placement": "na", "order": 1})
    md = client.get(url(aworld, "export", fmt="md")).content.decode()
    assert "## Portefeuilleverdeling" in md
    assert md.index("## Portefeuilleverdeling") > md.index("## 1.")


def test_house_style_upload_is_checked_and_used(client, aworld):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(aworld.users["support"])
    broken = client.post(url(aworld, "house_style"),
                         {"file": SimpleUploadedFile("stijl.docx", b"PK\x03\x04stuk", content_type="application/octet-stream")})
    assert broken.status_code == 200 and "geen Word-bestand" in broken.content.decode()
    assert not HouseStyle.objects.exists()
    document = Document()
    document.styles["Heading 1"].font.size = Pt(29)
    buffer = io.BytesIO()
    document.save(buffer)
    ok = client.post(url(aworld, "house_style"), {"file": SimpleUploadedFile("huisstijl.docx", buffer.getvalue())})
    assert ok.status_code == 302
    exported = Document(io.BytesIO(client.get(url(aworld, "export", fmt="docx")).content))
    assert exported.styles["Heading 1"].font.size == Pt(29)


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md", "html", "json", "csv", "ics"])
def test_every_export_downloads(client, aworld, fmt):
    client.force_login(aworld.users["neg_a"])
    response = client.get(url(aworld, "export", fmt=fmt))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"] and "concept" in response["Content-Disposition"]
    assert response.content


def test_agreement_without_decisions_is_a_clear_empty_document(client, aworld):
    from akkoord.web.formation.models import Decision

    Decision.objects.all().delete()
    client.force_login(aworld.users["formateur"])
    page = client.get(url(aworld, "show")).content.decode()
    assert "nog geen afspraken" in page
    assert client.get(url(aworld, "export", fmt="pdf")).status_code == 200


def test_any_two_versions_can_be_compared(client, aworld):
    from akkoord.web.formation.models import Decision

    client.force_login(aworld.users["formateur"])
    for note in ("een", "twee", "drie"):
        client.post(url(aworld, "versions"), {"note": note})
        Decision.objects.filter(point=aworld.points[0]).update(text=f"Tekst na versie {note}.")
    response = client.get(url(aworld, "versions") + "?oud=1&nieuw=3")
    assert response.status_code == 302 and response["Location"] == url(aworld, "redline", old=1, new=3)
    page = client.get(response["Location"]).content.decode()
    assert "Versie 1 en versie 3 vergeleken" in page


def test_open_data_csv_zip_reads_back_into_the_same_agreement(client, aworld):
    """End to end: what a visitor downloads as CSV zip reads back (``agreement_from_csv_zip``) into
    the agreement the JSON download holds, for the draft and for a frozen version (both with the
    positions shared at the table, which a drafter sees); text typed in the browser (CRLF, quotes, commas, semicolons) survives."""
    import zipfile

    from agreement_world import TABLE_WORD

    from akkoord.agreement.exports.csv_zip import agreement_from_csv_zip

    client.force_login(aworld.users["support"])
    tricky = 'Eerste regel, met "aanhalingstekens"; en komma\'s.\r\n\r\nTweede alinea: € 1.250.000 — ‘klaar’.'
    assert client.post(url(aworld, "afspraak", number=aworld.points[2].number), {
        "title": 'Groen, "echt" groen', "text": tricky, "what": "Meer groen\r\nin elke wijk", "target": "500 m²",
        "baseline": "0", "deadline": "2029-12-31", "portfolio_holder": "wethouder Groen",
        "budget_text": "2027; 1.250.000; incidenteel", "milestones_text": "30-06-2027; eerste wijken, daarna de rest"},
    ).status_code == 302
    assert client.post(url(aworld, "sections"), {"title": "Inleiding", "text": "Samen;\r\n\r\n\"verder\"", "placement": "voor",
                                                 "order": 0}).status_code == 302
    assert client.post(url(aworld, "versions"), {"note": "eerste"}).status_code == 302
    for query in ("", "?versie=1"):
        csv_zip = client.get(url(aworld, "export", fmt="csv") + query).content
        expected = json.loads(client.get(url(aworld, "export", fmt="json") + query).content)
        names = set(zipfile.ZipFile(io.BytesIO(csv_zip)).namelist())
        assert {"README.md", "afspraken.csv", "punten.csv", "fiches.csv", "bronnen.csv", "partners.csv",
                "beleidsterreinen.csv"} <= names
        again = agreement_from_csv_zip(csv_zip)
        assert again.to_dict() == agreement_from_json(expected).to_dict()
        assert any(a.text == tricky for a in again.afspraken)
        assert any(a.fiche.partners for a in again.afspraken)
        assert any(TABLE_WORD in p["explanation"] for a in again.afspraken for p in a.positions)  # drafters see them
