"""A fresh history store per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstring_gui.core.history import HistoryStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "data" / "history.sqlite3") as opened:
        yield opened
