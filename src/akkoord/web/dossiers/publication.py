"""Downloads of a public version: its publication copy as JSON and as PDF.

Only versions with status ``openbaar`` are offered (``access.can_download_publication``).
Whatever the stored version holds, the download goes through the publication cleaning of the
pure core again (``publication_copy``: idempotent), so it is safe whether publishing stored
the cleaned copy or the dossier as read. The PDF is rendered on the server by WeasyPrint from
an HTML template; nothing is fetched from outside while rendering.
"""
from __future__ import annotations

import logging

from akkoord.dossier.exports.json_export import to_json
from akkoord.dossier.exports.publish import publication_copy
from akkoord.dossier.model import FIELD_LABELS
from akkoord.dossier.model import Dossier as CoreDossier

log = logging.getLogger(__name__)


def public_copy(version) -> CoreDossier:
    """The publication copy of a stored version."""
    cleaned, _changes = publication_copy(version.to_dossier())
    return cleaned


def publication_json(version) -> bytes:
    return to_json(public_copy(version)).encode("utf-8")


def cached_pdf(version, generated_on: str) -> bytes:
    """The PDF of a public version, rendered once (seconds for a full dossier) and kept in
    ``AKKOORD_DATA_DIR/publicaties``: a version's fiches never change. The file name holds
    the derived-data fingerprint, so other code renders it anew."""
    import os
    import tempfile
    from pathlib import Path

    from django.conf import settings

    from akkoord.web.dossiers.derived import FINGERPRINT

    folder = Path(getattr(settings, "AKKOORD_PUBLICATION_DIR", "") or Path(settings.DATA_DIR) / "publicaties")
    tag = FINGERPRINT.replace("/", "-")
    path = folder / f"versie-{version.pk}-{version.status_changed_at.timestamp() if version.status_changed_at else 0:.0f}-{tag}.pdf"
    if path.is_file():
        return path.read_bytes()
    body = publication_pdf(version, generated_on)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as handle:
            handle.write(body)
        os.replace(handle.name, path)  # atomic: another worker never reads half a file
    except OSError:
        pass  # no writable data folder: render again next time
    return body


def publication_pdf(version, generated_on: str) -> bytes:
    """The publication copy as a PDF (A4, one fiche after the other, links written out)."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    dossier = public_copy(version)
    html = render_to_string("dossiers/publication_pdf.html", {
        "dossier": version.dossier, "version": version, "core": dossier, "labels": FIELD_LABELS,
        "ambition_labels": dict(version.core_profile().ambition_choices()), "generated_on": generated_on,
    })
    return HTML(string=html, base_url=None, url_fetcher=_no_fetch).write_pdf()


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"geen externe bronnen bij het maken van de PDF: {url}")


def filename(version, extension: str) -> str:
    return f"{version.dossier.slug}-versie-{version.number}-openbaar.{extension}"


def warm_later(version) -> None:
    """Render the public PDF in the background once the publication is committed, so that
    the first visitor does not wait for it (seconds for a full dossier). Off when the setting
    ``AKKOORD_WARM_PUBLICATION_PDF`` is False (the tests)."""
    import threading

    from django.conf import settings
    from django.db import connection, transaction

    if not getattr(settings, "AKKOORD_WARM_PUBLICATION_PDF", True):
        return

    def render() -> None:
        from django.utils import timezone
        from django.utils.formats import date_format

        try:
            from akkoord.web.dossiers.models import DossierVersion

            fresh = DossierVersion.objects.select_related("dossier").get(pk=version.pk)
            cached_pdf(fresh, date_format(timezone.localdate(), "j F Y"))
        except Exception as exc:  # the download renders it itself when asked
            log.warning("publicatie-PDF van %s niet vooraf gemaakt: %s", version, exc)
        finally:
            connection.close()

    transaction.on_commit(lambda: threading.Thread(target=render, name="publicatie-pdf", daemon=True).start())
