"""The history window as a record: past sessions, Export CSV, the progress report, honest charts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import Feeling, HistoryStore, SelfTest
from hamstring_gui.ui.history.chart_style import chart_colours
from hamstring_gui.ui.history.time_charts import weekly_means
from hamstring_gui.ui.history.window import HistoryWindow
from hamstring_gui.ui.paper.actions import Choose
from hamstring_gui.ui.style.legs import leg_colour
from tests.helpers.history import add_self_tests, fill
from tests.ui.paper.pdf_tools import page_texts

TODAY = date(2026, 3, 18)  # a Wednesday
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        fill(opened, TODAY, 200, hurt_every=11)
        add_self_tests(opened, TODAY)
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: HistoryStore) -> HistoryWindow:
    shown = HistoryWindow(store, load_catalog(), today=lambda: TODAY)
    qtbot.addWidget(shown)
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    monkeypatch.setattr(Choose, "save_file", classmethod(lambda cls, *args: path))


def test_past_sessions_list_the_weeks_shown_newest_first(window: HistoryWindow) -> None:
    sessions = window.report.sessions
    assert window.past_sessions.topLevelItemCount() == len(sessions) > 50
    newest = window.past_sessions.topLevelItem(0)
    assert newest is not None and sessions[-1].day.strftime("%d %b %Y") in newest.text(0)
    hurt_rows = [
        window.past_sessions.topLevelItem(i).text(6)  # type: ignore[union-attr]
        for i in range(window.past_sessions.topLevelItemCount())
    ]
    assert "Lying hamstring stretch with a towel" in hurt_rows  # names, not ids


def test_export_csv_writes_what_history_csv_writes(
    window: HistoryWindow, store: HistoryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "record.csv"
    target.parent.mkdir()
    _choose(monkeypatch, target)
    window.export_button.click()
    assert target.read_text(encoding="utf-8") == store.export_csv_text()
    assert [p.name for p in target.parent.iterdir()] == ["record.csv"]
    assert "Exported" in window.status.text()


def test_cancelled_or_failed_exports_write_nothing(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(monkeypatch, None)
    window.export_button.click()
    window.report_button.click()
    assert window.status.isHidden()
    _choose(monkeypatch, tmp_path / "no-such-folder" / "record.csv")
    window.export_button.click()
    assert "not exported" in window.status.text()


def test_the_report_button_writes_the_weeks_shown(
    window: HistoryWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    _choose(monkeypatch, target)
    window.report_button.click()
    pages = page_texts(target)
    assert "Saved the progress report" in window.status.text()
    first = window.report.first.strftime("%d %B %Y").lstrip("0")
    assert all(first in page for page in pages)


def test_the_self_test_chart_ends_today_with_its_legend_below(window: HistoryWindow) -> None:
    chart = window.self_test_chart
    assert chart.last == TODAY  # not weeks into the future
    chart.set_tests([SelfTest(TODAY - timedelta(days=2), 30, 28)], TODAY)
    assert chart.last == TODAY and chart.first == TODAY - timedelta(days=28)
    assert chart.legend_lines == 1  # the plot leaves a line free below the dates


def test_a_single_feeling_point_is_drawn_whole(window: HistoryWindow) -> None:
    chart = window.feeling_chart
    chart.set_feelings([Feeling(TODAY, 3.0)], TODAY - timedelta(weeks=12), TODAY)
    ((day, _value),) = weekly_means(chart.feelings)
    assert day <= TODAY  # not the week's Thursday, still to come
    area = QRectF(40, 10, 300, 100)
    assert chart._x(area, day) <= area.right() - 4  # the dot's radius fits


def test_left_and_right_use_the_leg_colours_not_the_working_orange(
    window: HistoryWindow,
) -> None:
    colours = chart_colours(window.balance_bar)
    assert colours["left"] == leg_colour("left") and colours["right"] == leg_colour("right")
    assert "#e0702c" not in {colours["left"].name(), colours["right"].name()}
