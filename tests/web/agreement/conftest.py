"""Fixtures of the agreement pages: a formation with decisions (see ``agreement_world``)."""
from __future__ import annotations

import pytest
from agreement_world import build_world


@pytest.fixture
def aworld(db, tmp_path):
    return build_world(tmp_path)
