"""Reading an exported dossier back: the JSON reader and its detection by content."""
from __future__ import annotations

import json

import pytest

from akkoord.dossier.errors import DossierError
from akkoord.dossier.exports.json_export import to_json
from akkoord.dossier.model import Dossier, Fiche, Source
from akkoord.dossier.readers import read_path


def test_export_reads_back_to_the_same_dossier(tmp_path):
    dossier = Dossier("Voorbeeldstad", [Fiche("1A", "Armoede", ["inclusief"], sources=[Source("Nota", "2027")],
                                              links=["https://www.voorbeeldstad.nl/nota"])], title="Dossier")
    path = tmp_path / "export.txt"  # the name does not matter: the content decides
    path.write_text(to_json(dossier), encoding="utf-8")
    result = read_path(path)
    assert result.reader == "json"
    read_back = result.dossier.to_dict()
    # reading normalises the dates, as for every other reader
    interval = read_back["fiches"][0]["sources"][0].pop("end_intervals")
    assert [(i["start"], i["end"]) for i in interval] == [("2027-01-01", "2027-12-31")]
    expected = dossier.to_dict()
    del expected["fiches"][0]["sources"][0]["end_intervals"]
    # an export without a profile gets one: the keys its fiches use, its municipality
    profile = read_back.pop("profile")
    assert "inclusief" in [a["key"] for a in profile["ambitions"]]
    assert profile["municipality"] == "Voorbeeldstad"
    assert read_back == expected


def test_single_fiche_and_list_of_fiches_with_bom(tmp_path):
    one = {"code": "3G", "title": "Innovatie", "links": []}
    (tmp_path / "fiche.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "lijst.json").write_bytes(b"\xef\xbb\xbf\n " + json.dumps([one, {**one, "code": "3H"}]).encode())
    assert [f.code for f in read_path(tmp_path / "fiche.json").dossier.fiches] == ["3G"]
    assert [f.code for f in read_path(tmp_path / "lijst.json").dossier.fiches] == ["3G", "3H"]


@pytest.mark.parametrize("content", [
    '{"fiches": {"code": "1A"}}',
    '{"fiches": [{"code": "1A", "sources": [{"title": 5}]}]}',
    '{"fiches": [{"code": "1A", "advice": ["a", 3]}]}',
    '[1, 2]',
])
def test_malformed_exports_are_refused_in_dutch(tmp_path, content):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DossierError) as info:
        read_path(path)
    assert "x.json" in str(info.value) and "\n" not in str(info.value)
