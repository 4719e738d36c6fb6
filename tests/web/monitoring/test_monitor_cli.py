"""`akkoord monitor export/import/adopt` on the test database."""
from __future__ import annotations

import json

import pytest

from akkoord.cli import main
from akkoord.monitoring import sample
from akkoord.web.monitoring.models import Programme

pytestmark = pytest.mark.django_db(transaction=True)


def test_adopt_export_dry_run_and_import(tmp_path, capsys):
    agreement = tmp_path / "akkoord.json"
    agreement.write_text(json.dumps(sample.agreement()), encoding="utf-8")
    assert main(["monitor", "adopt", str(agreement), "--slug", "termijn"]) == 0
    assert capsys.readouterr().out.strip() == "termijn"
    out = tmp_path / "afspraken.csv"
    assert main(["monitor", "export", "termijn", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")
    assert {"id", "titel", "status", "voortgang"} <= set(header)
    edited = text.replace("A03,1.3,", "A03,1.3,", 1).splitlines()
    edited = [line.replace(",niet gestart,", ",op schema,", 1) if line.startswith("A03,") else line for line in edited]
    out.write_text("\n".join(edited) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["monitor", "import", "termijn", str(out), "--dry-run"]) == 0
    shown = capsys.readouterr().out
    assert "A03" in shown and "niet gestart → op schema" in shown and "Proefdraai" in shown
    assert Programme.objects.get().commitments.get(key="A03").status == "niet-gestart"
    assert main(["monitor", "import", "termijn", str(out)]) == 0
    assert Programme.objects.get().commitments.get(key="A03").status == "op-schema"


def test_import_errors_are_listed_and_change_nothing(tmp_path, capsys):
    agreement = tmp_path / "akkoord.json"
    agreement.write_text(json.dumps(sample.agreement()), encoding="utf-8")
    assert main(["monitor", "adopt", str(agreement), "--slug", "termijn"]) == 0
    bad = tmp_path / "fout.csv"
    bad.write_bytes("id,status\nA01,gestart\nA01,vertraagd\nQQ,gestart\n".encode("utf-8"))
    assert main(["monitor", "import", "termijn", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "regel 3: afspraak A01 staat ook al op regel 2." in err and "regel 4: onbekende afspraak 'QQ'" in err
    assert Programme.objects.get().commitments.get(key="A01").status == "niet-gestart"
    assert main(["monitor", "export", "bestaat-niet"]) == 2
    assert "onbekend uitvoeringsprogramma" in capsys.readouterr().err
