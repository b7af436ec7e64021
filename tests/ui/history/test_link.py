"""Sessions the controller runs are recorded in the history store; the shell hears problems."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core import i18n
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.history.link import HistoryLink
from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog
from hamstring_gui.ui.settings_model import SettingsModel
from tests.helpers.shell import FakeShell
from tests.helpers.stubs import FakeClock

CATALOG = load_catalog()

# The offscreen platform has no window manager to pass these on to; harmless.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[HistoryLink, FakeClock, HistoryStore]]:
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    short = dataclasses.replace(settings.settings.session, hold_seconds=10, reps=1)
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True, session=short))
    clock = FakeClock()
    store = HistoryStore(tmp_path / "history.sqlite3")
    controller = SessionController(clock)
    link = HistoryLink(store, controller, SettingsModel(settings), CATALOG, FakeShell())
    yield link, clock, store
    store.close()


def _run(link: HistoryLink, clock: FakeClock, routine_id: str) -> None:
    routine = builtin_routines()[routine_id]
    link.controller.start(build_plan(routine, CATALOG, link.model.settings.session))
    while link.controller.active:
        clock.advance(1.0)
        link.controller.tick()


def test_a_finished_session_is_recorded_with_equal_legs_and_feeling(
    setup: tuple[HistoryLink, FakeClock, HistoryStore],
) -> None:
    link, clock, store = setup
    _run(link, clock, "desk-break")
    link.set_feeling(3)
    (session,) = store.export_json(store_today())["sessions"]
    assert session["routine"] == "desk-break"
    assert session["completed"] is True
    # desk-break: 2 stretches x 2 reps (the routine fixes reps) x 10 s per leg
    assert session["left_seconds"] == session["right_seconds"] == 40
    assert session["feeling"] == 3


def test_open_history_shows_one_window(
    setup: tuple[HistoryLink, FakeClock, HistoryStore], qtbot: QtBot
) -> None:
    link, _, _ = setup
    first = link.open_history()
    qtbot.addWidget(first)
    assert first.isVisible()
    assert link.open_history() is first


def test_finished_self_test_asks_for_the_result(
    setup: tuple[HistoryLink, FakeClock, HistoryStore],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    link, clock, store = setup
    monkeypatch.setattr(SelfTestDialog, "ask", classmethod(lambda cls, parent=None: (18, 24)))
    _run(link, clock, "self-test")
    assert link.history_window is not None
    qtbot.addWidget(link.history_window)
    tests = store.export_json(store_today())["self_tests"]
    assert [(t["left_degrees"], t["right_degrees"]) for t in tests] == [(18, 24)]


def test_a_store_that_cannot_be_written_is_told_once(
    setup: tuple[HistoryLink, FakeClock, HistoryStore],
) -> None:
    link, _, _ = setup
    shell = link.shell
    assert isinstance(shell, FakeShell)
    link._tell("History could not be saved.")  # noqa: SLF001 - the recorder's callback
    link._tell("History could not be saved.")  # noqa: SLF001
    assert shell.calls == [("show_message", "History could not be saved.")]


def store_today() -> datetime.date:
    return datetime.date.today()


def test_the_routine_list_reaches_the_history_window(
    setup: tuple[HistoryLink, FakeClock, HistoryStore], qtbot: QtBot
) -> None:
    link, clock, _ = setup
    _run(link, clock, "desk-break")
    link.set_routines({})  # before the window exists: kept for it
    window = link.open_history()
    qtbot.addWidget(window)
    top = window.past_sessions.topLevelItem(0)
    assert top is not None and top.text(1) == "Desk break"  # gone from the list: its id, readable
    i18n.use("de")
    link.set_routines(builtin_routines())  # the list changed while the window is open
    top = window.past_sessions.topLevelItem(0)
    assert top is not None and top.text(1) == builtin_routines()["desk-break"].name != "Desk break"


def test_the_screen_hears_a_phase_start_before_the_disk_is_waited_for(
    qtbot: QtBot, setup: tuple[HistoryLink, FakeClock, HistoryStore]
) -> None:
    link, clock, store = setup
    written_when_shown: list[int] = []

    def rows() -> int:
        return int(store.connection.execute("SELECT COUNT(*) FROM phases").fetchone()[0])

    link.controller.phaseStarted.connect(lambda *_: written_when_shown.append(rows()))
    routine = builtin_routines()["desk-break"]
    link.controller.start(build_plan(routine, CATALOG, link.model.settings.session))
    first = link.controller.duration(0)
    clock.advance(first)
    link.controller.tick()
    assert written_when_shown == [0, 0]  # the slots ran; the finished phase waits
    qtbot.waitUntil(lambda: rows() == 1)  # written on the next turn of the event loop
    link.controller.stop()
    assert rows() == 2  # the end writes the phase in progress


def test_quitting_writes_a_phase_that_still_waits(
    setup: tuple[HistoryLink, FakeClock, HistoryStore],
) -> None:
    link, clock, store = setup
    routine = builtin_routines()["desk-break"]
    link.controller.start(build_plan(routine, CATALOG, link.model.settings.session))
    clock.advance(link.controller.duration(0))
    link.controller.tick()
    link.flush()  # what the app does first at aboutToQuit, before the store closes
    assert store.connection.execute("SELECT COUNT(*) FROM phases").fetchone()[0] == 1
