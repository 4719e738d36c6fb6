"""The open-data JSON (schema ``akkoord-agreement/1``, docs/schemas/agreement.schema.json)."""
from __future__ import annotations

import json

from akkoord.agreement.model import Agreement


def to_json(agreement: Agreement) -> str:
    return json.dumps(agreement.to_dict(), ensure_ascii=False, indent=2) + "\n"
