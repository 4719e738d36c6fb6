"""`akkoord ingest` and the preparation step of `akkoord demo` on the test database."""
from __future__ import annotations

import pytest

from akkoord.cli import main
from akkoord.web.dossiers.models import AuditEvent, DossierVersion
from webdata import base_fiches, write_dossier

pytestmark = pytest.mark.django_db(transaction=True)


def test_ingest_twice_reports_the_changes(tmp_path, capsys):
    first = write_dossier(tmp_path / "v1.json", base_fiches())
    assert main(["ingest", str(first), "--dossier", "lindeveen", "--quiet"]) == 0
    changed = base_fiches()
    changed[2]["sources"][0]["end_date"] = "2030"
    second = write_dossier(tmp_path / "v2.json", changed)
    assert main(["ingest", str(second), "--dossier", "lindeveen", "--status", "vrijgegeven", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "versie 2 van 'lindeveen'" in out
    assert "2A: terug te lezen in" in out
    versions = list(DossierVersion.objects.order_by("number"))
    assert [(v.number, v.status) for v in versions] == [(1, "concept"), (2, "vrijgegeven")]
    assert AuditEvent.objects.filter(action="status").get().username.startswith("opdrachtregel")


def test_ingest_of_a_missing_file_is_one_dutch_line(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "bestaat-niet.pdf")]) == 2
    err = capsys.readouterr().err
    assert "bestand bestaat niet" in err and "Traceback" not in err
    assert not DossierVersion.objects.exists()


def test_demo_prepares_once_with_a_released_dossier_and_a_demo_account(tmp_path):
    from django.contrib.auth import authenticate

    from akkoord.cli.demo import DEMO_PASSWORD, DEMO_USER, prepare

    path = write_dossier(tmp_path / "sample.json", base_fiches())
    slug, loaded = prepare(path)
    assert loaded
    version = DossierVersion.objects.get(dossier__slug=slug)
    assert version.status == "vrijgegeven" and version.fiches.count() == 3
    user = authenticate(username=DEMO_USER, password=DEMO_PASSWORD)
    assert user is not None and user.has_perm("dossiers.publish_dossier")
    assert prepare(path) == (slug, False)  # a second run loads nothing again
    assert DossierVersion.objects.count() == 1
