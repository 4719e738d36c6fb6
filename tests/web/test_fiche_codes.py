"""Item 9: a fiche code that pages cannot use is refused on every reader path."""
from __future__ import annotations

import pytest
from webdata import base_fiches, fiche_dict, write_dossier

from akkoord.dossier.errors import DossierError
from akkoord.dossier.model import Dossier, Fiche, ReadResult
from akkoord.dossier.readers import read_path
from akkoord.dossier.readers.json_reader import parse_json_dossier

BAD_CODES = ["1Z/../x", "<b>1Y</b>", "1A ", "1a", "A1", "", "1AB", "1A\n"]


@pytest.mark.parametrize("code", BAD_CODES)
def test_reader_refuses_bad_code_with_dutch_message(tmp_path, code):
    path = write_dossier(tmp_path / "d.json", base_fiches() + [fiche_dict(code, "Vreemd")])
    with pytest.raises(DossierError) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message and "fiche 4" in message and "code" in message


def test_single_fiche_json_is_checked_too():
    with pytest.raises(DossierError):
        parse_json_dossier('{"code": "<b>1Y</b>", "title": "x"}', "fiche.json")


@pytest.mark.django_db
def test_store_refuses_a_result_with_a_bad_code_whatever_made_it(compiler):
    from akkoord.web.dossiers.models import DossierVersion
    from akkoord.web.dossiers.services import store_result

    result = ReadResult(Dossier("Lindeveen", [Fiche(code="1Z/../x", title="x")], "t"), "json", [])
    with pytest.raises(DossierError):
        store_result(result, compiler, source_name="x.json")
    assert not DossierVersion.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["1Z/../x", "<b>1Y</b>"])
def test_upload_with_bad_code_is_refused_and_pages_keep_working(client, tmp_path, compiler, code):
    from akkoord.web.dossiers.models import DossierVersion
    from akkoord.web.dossiers.services import ingest_file, publish, set_status

    released = set_status(ingest_file(write_dossier(tmp_path / "ok.json", base_fiches()), compiler), "vrijgegeven")
    version = publish(released, compiler)
    bad = write_dossier(tmp_path / "bad.json", base_fiches() + [fiche_dict(code, "Vreemd")])
    client.force_login(compiler)
    with bad.open("rb") as handle:
        response = client.post("/inlezen/", {"file": handle}, follow=True)
    assert response.status_code == 200
    assert "ongeldige code" in response.content.decode()
    assert DossierVersion.objects.count() == 2  # the released version and its publication copy
    slug = version.dossier.slug
    for url in (f"/dossiers/{slug}/", f"/dossiers/{slug}/fiches/1A/", "/zoeken/?q=wonen", "/"):
        assert client.get(url).status_code == 200, url
