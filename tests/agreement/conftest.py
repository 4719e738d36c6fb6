"""Fixtures: an agreement built in the tests, without a database."""
from __future__ import annotations

import pytest
from agreement_data import make_agreement


@pytest.fixture
def agreement():
    return make_agreement()


@pytest.fixture
def build():
    """Build an agreement with other points, sections or SMART fields."""
    return make_agreement
