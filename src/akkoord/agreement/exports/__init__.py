"""Exports of the agreement: html, pdf, docx, md, json, csv (zip), ics."""
from __future__ import annotations

from akkoord.agreement.model import Agreement

FORMATS = ("docx", "pdf", "md", "html", "json", "csv", "ics")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "csv": "application/zip",
    "ics": "text/calendar; charset=utf-8",
}
EXTENSIONS = {"csv": "zip"}


def export(agreement: Agreement, fmt: str, *, template: bytes | None = None, fiche_url=None, link=None) -> bytes:
    """The agreement in one of ``FORMATS`` as bytes."""
    if fmt == "docx":
        from akkoord.agreement.exports.docx import to_docx
        return to_docx(agreement, template)
    if fmt == "pdf":
        from akkoord.agreement.exports.pdf import to_pdf
        return to_pdf(agreement, fiche_url=fiche_url)
    if fmt == "md":
        from akkoord.agreement.exports.markdown import to_markdown
        return to_markdown(agreement).encode("utf-8")
    if fmt == "html":
        from akkoord.agreement.exports.html import write_html
        return write_html(agreement, fiche_url=fiche_url)
    if fmt == "json":
        from akkoord.agreement.exports.json_export import to_json
        return to_json(agreement).encode("utf-8")
    if fmt == "csv":
        from akkoord.agreement.exports.csv_zip import to_csv_zip
        return to_csv_zip(agreement)
    if fmt == "ics":
        from akkoord.agreement.exports.ics import to_ics
        return to_ics(agreement, link=link)
    raise ValueError(f"Onbekend formaat: {fmt}. Kies uit {', '.join(FORMATS)}.")
