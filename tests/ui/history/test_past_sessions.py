"""The past-sessions list: one row per session, newest first, in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.period import build_report
from hamstring_gui.ui.history.past_sessions import COLUMNS, PastSessions, session_cells
from tests.helpers.history import fill

TODAY = date(2026, 3, 18)


def test_rows_are_newest_first_and_say_what_happened(qtbot: QtBot, tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "h.sqlite3") as store:
        fill(store, TODAY, 30, hurt_every=4)
        report = build_report(store, TODAY, TODAY)
    listed = PastSessions()
    qtbot.addWidget(listed)
    listed.set_report(report, str.upper, str.title)
    assert listed.topLevelItemCount() == len(report.sessions)
    newest = report.sessions[-1]
    cells = session_cells(newest, str.upper, str.title)
    assert len(cells) == len(COLUMNS)
    top = listed.topLevelItem(0)
    assert top is not None and [top.text(i) for i in range(len(COLUMNS))] == cells
    assert newest.day.strftime("%d %b %Y") in cells[0]
    assert cells[1] == "Gentle-Lying"  # the routine column goes through its namer
    assert cells[4] in ("yes", "stopped early")
    assert cells[6] == ", ".join(s.upper() for s in newest.record["hurt"])
