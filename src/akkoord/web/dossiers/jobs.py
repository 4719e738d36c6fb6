"""Reading uploads in the background: a ``ReadJob`` per uploaded file.

The upload view saves the file under ``AKKOORD_DATA_DIR/uploads/<job>/`` and starts the job;
a thread of the server process hands the file to a child process with hard memory and time
limits (``akkoord.dossier.isolation``), writes the child's progress to the job row, stores
the result as a new concept version and removes the file. The uploader's page polls the row.
A bad file can only kill its child process, never the server.

At start (``akkoord serve``, before the workers) ``clean_up_at_start`` removes the files of
reads a crash interrupted and marks those jobs failed. Finished jobs are kept for
``AKKOORD_READ_JOB_RETENTION_DAYS`` days (their page tells the uploader how the read ended),
then deleted (``purge_finished``) at start and whenever a new upload makes a job.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connections, transaction

from akkoord.dossier.errors import DossierError
from akkoord.dossier.isolation import Limits, read_isolated
from akkoord.web.dossiers.models import ReadJob

log = logging.getLogger(__name__)
State = ReadJob.State

# Reads at the same time in one server process; more wait their turn.
_slots = threading.BoundedSemaphore(max(1, int(getattr(settings, "AKKOORD_READ_CONCURRENCY", 2))))


def upload_dir() -> Path:
    return Path(getattr(settings, "AKKOORD_UPLOAD_DIR", None) or Path(settings.DATA_DIR) / "uploads")


def purge_finished(now=None) -> int:
    """Delete finished jobs (read or failed) last updated longer ago than the retention period;
    returns how many. Jobs still waiting or reading are never touched."""
    from datetime import timedelta

    from django.utils import timezone

    days = float(getattr(settings, "AKKOORD_READ_JOB_RETENTION_DAYS", 3))
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = ReadJob.objects.filter(state__in=[State.DONE, State.FAILED], updated_at__lt=cutoff).delete()
    return deleted


def create_job(user, upload_file, name: str, options: dict) -> ReadJob:
    """Save the uploaded file in a directory of its own and make the job row (and delete the
    finished jobs past their retention period)."""
    import re

    purge_finished()

    job = ReadJob(user=user, source_name=name[:255], options=options)
    directory = upload_dir() / str(job.pk)
    directory.mkdir(parents=True, exist_ok=True)
    safe_name = re.sub(r"[^\w.\-]+", "_", name)[-120:].lstrip(".") or "dossier"
    path = directory / safe_name
    with path.open("wb") as handle:
        for chunk in upload_file.chunks():
            handle.write(chunk)
    job.path = str(path)
    job.stage = "wacht op zijn beurt"
    job.save()
    return job


def start(job: ReadJob) -> None:
    """Run the job: in a thread of this process once the job row is committed, or right
    away when ``AKKOORD_READ_IN_BACKGROUND`` is off (tests)."""
    if not getattr(settings, "AKKOORD_READ_IN_BACKGROUND", True):
        run(job.pk)
        return

    def launch() -> None:
        threading.Thread(target=_run_in_thread, args=(job.pk,), name=f"inlezen-{job.pk}", daemon=True).start()

    transaction.on_commit(launch)


def _run_in_thread(job_id) -> None:
    close_old_connections()
    try:
        run(job_id)
    finally:
        connections.close_all()


def run(job_id) -> ReadJob:
    """Read, store and index one job's file; every failure ends in a Dutch message on the job."""
    from akkoord.web.dossiers import services

    job = ReadJob.objects.select_related("user").get(pk=job_id)
    path = Path(job.path)
    try:
        with _slots:
            _update(job, state=State.READING, stage="bestand lezen", done=0, total=0)
            last = [0.0]

            def progress(done: int, total: int, unit: str) -> None:
                now = time.monotonic()
                if now - last[0] >= 0.5 or done + 1 >= total:  # a row update at most twice a second
                    last[0] = now
                    _update(job, stage=f"{unit} lezen", done=done, total=total)

            kept = services.kept_profile((job.options or {}).get("slug"))  # the dossier's profile, if any
            result = read_isolated(path, Limits.from_environment(), progress, name=job.source_name, profile=kept)
        _update(job, stage="opslaan en doorzoekbaar maken", done=0, total=0)
        options = job.options or {}
        version = services.store_result(result, job.user, source_name=job.source_name, slug=options.get("slug"),
                                        municipality=options.get("municipality"), title=options.get("title"),
                                        allow_other_municipality=bool(options.get("allow_other_municipality")))
        _update(job, state=State.DONE, stage="klaar", version=version,
                message=f"{job.source_name} is ingelezen als versie {version.number} (concept).")
    except services.OtherMunicipality as exc:
        _update(job, state=State.FAILED, stage="mislukt", message=f"{services.OTHER_MUNICIPALITY}: {exc}")
    except DossierError as exc:
        _update(job, state=State.FAILED, stage="mislukt", message=f"Dit bestand kan niet gelezen worden: {exc}")
    except Exception:  # noqa: BLE001 - the uploader gets a message, the log the details
        log.exception("inlezen van %s mislukt", job.source_name)
        _update(job, state=State.FAILED, stage="mislukt",
                message="Het inlezen is mislukt door een fout in Akkoord; de beheerder kan het logboek inzien.")
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    return job


def _update(job: ReadJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=[*fields, "updated_at"])


def clean_up_at_start(stale_seconds: float = 3600) -> int:
    """Remove what reads interrupted by a crash left behind: the upload files of jobs that
    are not waiting or reading any more, every job still open (no process reads it now),
    the temporary directories of older versions, and finished jobs past their retention
    period. Returns the number of removed entries."""
    removed = purge_finished()
    open_jobs = ReadJob.objects.filter(state__in=[State.WAITING, State.READING])
    open_jobs.update(state=State.FAILED, stage="mislukt",
                     message="Het inlezen is onderbroken doordat de server opnieuw startte; lees het bestand opnieuw in.")
    directory = upload_dir()
    if directory.is_dir():
        for entry in directory.iterdir():
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
            removed += 1
    now = time.time()
    for entry in Path(tempfile.gettempdir()).glob("akkoord-upload-*"):
        try:
            if now - entry.stat().st_mtime > stale_seconds:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed
