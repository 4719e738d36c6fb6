"""Exports of the dossier model. ``render(dossier, fmt)`` returns the text of one format."""
from __future__ import annotations

from akkoord.dossier.model import Dossier


def render(dossier: Dossier, fmt: str) -> str:
    if fmt == "json":
        from akkoord.dossier.exports.json_export import to_json

        return to_json(dossier)
    if fmt == "markdown":
        from akkoord.dossier.exports.markdown import to_markdown

        return to_markdown(dossier)
    raise ValueError(f"unknown export format: {fmt}")
