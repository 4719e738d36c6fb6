"""The agreement as PDF: WeasyPrint renders the HTML export with its print style."""
from __future__ import annotations

from akkoord.agreement.exports.html import Link, render_document
from akkoord.agreement.model import Agreement


def to_pdf(agreement: Agreement, *, fiche_url: Link = None) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which the other exports do not need

    return HTML(string=render_document(agreement, fiche_url=fiche_url)).write_pdf()
