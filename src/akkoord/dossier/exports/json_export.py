"""The JSON export, valid against ``dossier.schema.json`` (extra fields are allowed by it)."""
from __future__ import annotations

import json

from akkoord.dossier.model import Dossier


def to_json(dossier: Dossier) -> str:
    return json.dumps(dossier.to_dict(), ensure_ascii=False, indent=2)
