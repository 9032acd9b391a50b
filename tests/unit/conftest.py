"""Fixtures of the unit tests."""

from __future__ import annotations

import pytest

from desktop.gate import GateService
from tests.support.gate_site import make_gate


@pytest.fixture
def gate(sessions) -> GateService:
    return make_gate(sessions)
