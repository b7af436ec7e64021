"""Sessions run in the window are recorded in the history store."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.settings_store import SettingsStore
from hamstring_gui.ui.history.link import HistoryLink
from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog
from hamstring_gui.ui.screens.main_window import MainWindow
from tests.helpers.stubs import FakeClock

# The offscreen platform has no window manager to pass these on to; harmless.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    short = dataclasses.replace(settings.settings.session, hold_seconds=10, reps=1)
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True, session=short))
    clock = FakeClock()
    window = app_module.build_window(clock, settings, state_file=tmp_path / "window.json")
    qtbot.addWidget(window)
    store = HistoryStore(tmp_path / "history.sqlite3")
    link = HistoryLink(store, window)
    yield window, clock, store, link
    store.close()


def _run_to_end(window: MainWindow, clock: FakeClock) -> None:
    while window.controller.active:
        clock.advance(1.0)
        window.controller.tick()


def test_a_finished_session_is_recorded_with_equal_legs_and_feeling(setup) -> None:  # type: ignore[no-untyped-def]
    window, clock, store, _ = setup
    window.start_routine("desk-break")
    _run_to_end(window, clock)
    window.summary_screen.feelingRated.emit(3)
    (session,) = store.export_json(store_today())["sessions"]
    assert session["routine"] == "desk-break"
    assert session["completed"] is True
    # desk-break: 2 stretches x 2 reps (the routine fixes reps) x 10 s per leg
    assert session["left_seconds"] == session["right_seconds"] == 40
    assert session["feeling"] == 3


def test_history_action_opens_one_window(setup, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window, _, _, link = setup
    assert window.history_action.isEnabled()
    window.history_action.trigger()
    first = link.history_window
    assert first is not None and first.isVisible()
    qtbot.addWidget(first)
    window.history_action.trigger()
    assert link.history_window is first


def test_finished_self_test_asks_for_the_result(
    setup, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]  # noqa: E501
    window, clock, store, link = setup
    monkeypatch.setattr(SelfTestDialog, "ask", classmethod(lambda cls, parent=None: (18, 24)))
    window.start_routine("self-test")
    _run_to_end(window, clock)
    assert link.history_window is not None
    qtbot.addWidget(link.history_window)
    tests = store.export_json(store_today())["self_tests"]
    assert [(t["left_degrees"], t["right_degrees"]) for t in tests] == [(18, 24)]


def store_today() -> datetime.date:
    return datetime.date.today()
