"""Item 10 (web): an upload is read by a child process in the background; the uploader
watches its progress; a bad file fails its job, not the server."""
from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from webdata import base_fiches, make_user, write_dossier
from zipbomb import write_bomb

from akkoord.web.dossiers.models import DossierVersion, ReadJob


@pytest.fixture
def uploads(tmp_path, settings):
    settings.AKKOORD_UPLOAD_DIR = tmp_path / "uploads"
    return settings.AKKOORD_UPLOAD_DIR


def _wait_for(client: Client, url: str, seconds: float = 180):
    """Poll the job's state as job.js does, then open the page it sends the reader to."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = client.get(url, {"formaat": "json"}).json()
        if state["finished"]:
            return client.get(state["url"])
        time.sleep(0.2)
    raise AssertionError("the job did not finish")


@pytest.mark.django_db(transaction=True)
@override_settings(AKKOORD_READ_IN_BACKGROUND=True)
def test_upload_is_read_in_the_background_and_the_page_follows_it(client, tmp_path, uploads):
    compiler = make_user("ambtenaar1", "ambtenaar")
    client.force_login(compiler)
    with write_dossier(tmp_path / "lindeveen.json", base_fiches()).open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle})
    job = ReadJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    done = _wait_for(client, job.get_absolute_url())
    version = DossierVersion.objects.get()
    assert done.status_code == 302 and done["Location"] == version.get_absolute_url()
    job.refresh_from_db()
    assert job.state == "klaar" and job.version == version
    assert not any(Path(uploads).iterdir())  # the uploaded file is gone


@pytest.mark.django_db
def test_job_page_shows_progress_and_follows_it(client, compiler):
    job = ReadJob.objects.create(user=compiler, source_name="dossier.pdf", state="bezig", stage="pagina's lezen",
                                 done=40, total=113)
    client.force_login(compiler)
    response = client.get(job.get_absolute_url())
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "akkoord/job.js" in html and f'data-job-url="{job.get_absolute_url()}?formaat=json"' in html
    assert "40 van 113" in html and 'max="113" value="40"' in html
    state = client.get(job.get_absolute_url(), {"formaat": "json"}).json()
    assert state == {"finished": False, "url": job.get_absolute_url(), "done": 40, "total": 113,
                     "text": "Bezig met pagina's lezen: 40 van 113 (35%)."}


@pytest.mark.django_db
def test_job_page_is_only_for_its_uploader(client, compiler):
    other = make_user("ambtenaar2", "ambtenaar")
    negotiator = make_user("onderhandelaar9", "onderhandelaar")
    job = ReadJob.objects.create(user=compiler, source_name="dossier.pdf")
    assert client.get(job.get_absolute_url()).status_code == 302  # anonymous: sign in
    for user in (other, negotiator):
        client.force_login(user)
        assert client.get(job.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_zip_bomb_upload_fails_its_job_and_leaves_the_server_small(client, compiler, tmp_path, uploads,
                                                                   monkeypatch):
    monkeypatch.setenv("AKKOORD_READ_MEMORY_MB", "400")
    client.force_login(compiler)
    bomb = write_bomb(tmp_path / "bom.docx", 120)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with bomb.open("rb") as handle:
        response = client.post(reverse("dossiers:upload"), {"file": handle})
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert response.status_code == 200 and "kan niet gelezen worden" in response.content.decode()
    assert after - before < 100
    assert ReadJob.objects.get().state == "mislukt"
    assert not DossierVersion.objects.exists()


@pytest.mark.django_db
def test_start_removes_what_a_crash_left(compiler, uploads):
    from akkoord.web.dossiers.jobs import clean_up_at_start

    left = Path(uploads) / "0f0f" / "dossier.pdf"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"%PDF-1.7")
    job = ReadJob.objects.create(user=compiler, source_name="dossier.pdf", state="bezig", path=str(left))
    assert clean_up_at_start() >= 1
    job.refresh_from_db()
    assert job.state == "mislukt" and "opnieuw" in job.message
    assert not left.exists()


def test_finished_jobs_are_deleted_after_the_retention_period(client, compiler, uploads, tmp_path, settings):
    from datetime import timedelta

    from django.utils import timezone

    from akkoord.web.dossiers.jobs import clean_up_at_start

    settings.AKKOORD_READ_JOB_RETENTION_DAYS = 3
    now = timezone.now()
    ages = {"klaar-oud": ("klaar", 4), "mislukt-oud": ("mislukt", 10), "klaar-recent": ("klaar", 2),
            "bezig-oud": ("bezig", 5)}
    for name, (state, days) in ages.items():
        job = ReadJob.objects.create(user=compiler, source_name=name, state=state)
        ReadJob.objects.filter(pk=job.pk).update(updated_at=now - timedelta(days=days))
    client.force_login(compiler)
    with write_dossier(tmp_path / "lindeveen.json", base_fiches()).open("rb") as handle:
        client.post(reverse("dossiers:upload"), {"file": handle})  # a new upload makes a job: the moment to purge
    kept = set(ReadJob.objects.values_list("source_name", flat=True))
    assert {"klaar-recent", "bezig-oud"} <= kept and not kept & {"klaar-oud", "mislukt-oud"}
    ReadJob.objects.filter(source_name="klaar-recent").update(updated_at=now - timedelta(days=4))
    clean_up_at_start()  # and so is the start of the server
    assert not ReadJob.objects.filter(source_name="klaar-recent").exists()
