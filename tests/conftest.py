from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.pipeline import Analyzer

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """Loaded once: the knowledge base and models take seconds."""
    return Analyzer.load()


@pytest.fixture
def inputs() -> Path:
    return FIXTURES / "inputs"
