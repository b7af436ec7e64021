"""The progress report paints every section from the report, and says so when empty."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QPdfWriter
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.period import build_report
from hamstring_gui.core.i18n import format_long_date as long_date
from hamstring_gui.ui.paper.progress import paint_progress, period_words
from tests.helpers.history import add_self_tests, fill
from tests.ui.paper.pdf_tools import page_texts

TODAY = date(2026, 3, 18)


def _paint(tmp_path: Path, filled: bool) -> list[str]:
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        if filled:
            fill(store, TODAY, 70, hurt_every=10)
            add_self_tests(store, TODAY)
        report = build_report(store, TODAY, TODAY - timedelta(weeks=7))
    target = tmp_path / "progress.pdf"
    writer = QPdfWriter(str(target))
    pages = paint_progress(writer, report, load_catalog())
    del writer
    texts = page_texts(target)
    assert len(texts) == pages
    for text in texts:
        assert period_words(report) in " ".join(text.split())
    return texts


def test_every_hurt_is_listed_with_its_stretch_and_date(qtbot: QtBot, tmp_path: Path) -> None:
    texts = _paint(tmp_path, filled=True)
    joined = " ".join(" ".join(t.split()) for t in texts)
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        report = build_report(store, TODAY, TODAY - timedelta(weeks=7))
    assert report.hurts
    for hurt in report.hurts:
        assert f"{long_date(hurt.day)}: Lying hamstring stretch" in joined
    assert f"Days with a completed session: {report.days_stretched} of" in joined
    assert "Last test" in joined and "typical range" in joined


def test_an_empty_period_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    joined = " ".join(_paint(tmp_path, filled=False))
    assert "No one-leg stretching in this period." in joined
    assert "No ratings in this period." in joined
    assert "No self-tests recorded." in joined
