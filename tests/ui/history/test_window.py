"""The history window and the self-test entry, fed with synthetic history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore, SelfTest
from hamstring_gui.core.history.recorder import SessionRecorder
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import Routine, RoutineItem
from hamstring_gui.core.session import SessionEngine
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog
from hamstring_gui.ui.history.window import HistoryWindow
from tests.helpers.history import add_self_tests, fill
from tests.helpers.stubs import FakeClock

TODAY = date(2026, 3, 18)  # a Wednesday

# The offscreen platform cannot size windows and says so on show(); not our code's doing.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3") as opened:
        yield opened


def _window(qtbot: QtBot, store: HistoryStore, **kwargs: object) -> HistoryWindow:
    window = HistoryWindow(
        store,
        load_catalog(),
        today=lambda: TODAY,
        **kwargs,  # type: ignore[arg-type]
    )
    qtbot.addWidget(window)
    return window


def test_streak_week_and_calendar_from_synthetic_history(qtbot: QtBot, store: HistoryStore) -> None:
    fill(store, TODAY - timedelta(days=3), 30, every_day=True)  # 30 days, ending 3 days ago
    fill(store, TODAY, 2, every_day=True)  # yesterday and today: a new run of 2
    window = _window(qtbot, store)
    assert window.streak_value.text() == "2 days"
    assert window.best_value.text() == "30 days"
    week = window.week_chart.days
    assert [d.day.weekday() for d in week] == list(range(7))
    assert [round(d.minutes) for d in week] == [0, 6, 6, 0, 0, 0, 0]
    assert "12 min on 2 days" in window.week_note.text()
    calendar = window.calendar
    assert calendar.weeks == 12 and len(calendar.days) == 84
    assert calendar.days[-1].day == date(2026, 3, 22)
    assert sum(d.completed for d in calendar.days) == 32
    assert "Completed sessions on 32 days in these 12 weeks." in window.calendar_note.text()
    window.show()
    qtbot.waitExposed(window)
    # Every cell fits inside the grid widget: nothing clipped.
    for index in range(84):
        assert calendar.rect().contains(calendar.cell_rect(index).toAlignedRect())
    assert not window.grab().isNull()


def test_balance_most_done_skipped_and_feelings(qtbot: QtBot, store: HistoryStore) -> None:
    fill(store, TODAY, 60, seed=3)
    window = _window(qtbot, store)
    assert window.balance_bar.balance.left_share is not None
    assert window.balance_note.text().startswith("Left ")
    assert "Done most" in window.done_label.text() and "×" in window.done_label.text()
    assert "Skipped most" in window.skipped_label.text()
    # Names come from the catalog, not ids.
    assert "supine-hand-towel" not in window.done_label.text()
    assert window.feeling_chart.feelings
    assert all(0 <= f.value <= 10 for f in window.feeling_chart.feelings)


def test_empty_history_paints_calmly(qtbot: QtBot, store: HistoryStore) -> None:
    window = _window(qtbot, store)
    assert window.streak_value.text() == "0 days"
    assert window.self_test_note.text().startswith("No results yet.")
    assert "4–6 weeks" in window.self_test_note.text()
    assert window.offer_box.isHidden()
    window.show()
    qtbot.waitExposed(window)
    assert not window.grab().isNull()


def test_self_test_chart_and_the_expectation(qtbot: QtBot, store: HistoryStore) -> None:
    add_self_tests(store, TODAY, weeks=12)
    window = _window(qtbot, store)
    tests = window.self_test_chart.tests
    assert len(tests) == 5 and tests[-1].day == TODAY
    note = window.self_test_note.text()
    assert "left 18°, right 18° short of straight" in note
    assert "closer to straight" in note and "at least 3 sessions a week" in note
    window.show()
    qtbot.waitExposed(window)
    assert not window.self_test_chart.grab().isNull()


def test_window_records_nothing_when_the_user_reports_pain(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def user(dialog: SelfTestDialog) -> int:
        dialog.left_spin.setValue(20)
        dialog.right_spin.setValue(25)
        dialog.pain_check.click()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
        return dialog.result()

    monkeypatch.setattr(SelfTestDialog, "exec", user)
    window = _window(qtbot, store)
    with qtbot.assertNotEmitted(window.selfTestRecorded):
        window.new_test_button.click()
    assert store.self_tests() == []


def test_window_records_a_result(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def user(dialog: SelfTestDialog) -> int:
        dialog.left_spin.setValue(24)
        dialog.right_spin.setValue(19)
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(SelfTestDialog, "exec", user)
    window = _window(qtbot, store)
    expected = SelfTest(TODAY, 24, 19)
    with qtbot.waitSignal(window.selfTestRecorded, check_params_cb=lambda t: t == expected):
        window.new_test_button.click()
    assert store.self_tests() == [expected]
    assert window.self_test_chart.tests == [expected]


def test_write_failure_is_shown_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    HistoryStore(path).close()
    with HistoryStore(path, read_only=True) as read_only:
        window = _window(qtbot, read_only)
        window.record_self_test(10, 12)
        assert window.status.isVisibleTo(window)
        assert "could not be saved" in window.status.text()


def test_hold_offer_is_only_an_offer(qtbot: QtBot, store: HistoryStore) -> None:
    fill(store, TODAY, 14, every_day=True)
    window = _window(qtbot, store, hold=(30, 45))
    assert not window.offer_box.isHidden()
    assert window.offer_button.text() == "Use 35 s holds"
    with qtbot.waitSignal(window.holdChangeAccepted, check_params_cb=lambda s: s == 35):
        window.offer_button.click()
    assert window.offer_box.isHidden()  # accepted: the two weeks start afresh
    assert store.suggest_hold_change(35, 45, TODAY) is None


@pytest.mark.parametrize("key", ["Esc", "Ctrl+W"])
def test_esc_and_ctrl_w_close_the_record(qtbot: QtBot, store: HistoryStore, key: str) -> None:
    from PySide6.QtGui import QAccessible, QKeySequence
    from PySide6.QtTest import QTest

    window = _window(qtbot, store)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # A window a screen reader can name, not an anonymous "filler".
    interface = QAccessible.queryAccessibleInterface(window)
    assert interface.role() == QAccessible.Role.Dialog
    assert interface.text(QAccessible.Text.Name) == "Your stretching record"
    combination = QKeySequence(key)[0]
    QTest.keyClick(window, combination.key(), combination.keyboardModifiers())
    qtbot.waitUntil(lambda: not window.isVisible())


def _record(store: HistoryStore, stretch: str, seconds: int) -> None:
    """A real session of one stretch (one rep a leg), stopped after ``seconds``."""
    routine = Routine("r", "R", "", (RoutineItem(stretch, reps=1),))
    clock = FakeClock()
    engine = SessionEngine(build_plan(routine, load_catalog(), SessionSettings()), clock)
    wall = datetime(2026, 3, 18, 9, 0, tzinfo=UTC)
    SessionRecorder(store, engine, wall_clock=lambda: wall)
    engine.start()
    for _ in range(seconds):
        clock.advance(1.0)
        engine.tick()
    engine.stop()


def test_done_most_never_lists_an_attempt_stopped_early(qtbot: QtBot, store: HistoryStore) -> None:
    _record(store, "chair-stretch", 5 + 3)  # stopped 3 s into its first hold
    window = _window(qtbot, store)
    assert "nothing yet" in window.done_label.text()
    data = store.export_json(TODAY)["sessions"]
    assert data[0]["stretches"] == [{"stretch": "chair-stretch", "status": "started"}]
    _record(store, "towel-stretch", 5 + 30 + 5 + 30)  # held in full on both legs
    window = _window(qtbot, store)
    assert "Towel stretch" in window.done_label.text()
    assert "Chair hamstring stretch" not in window.done_label.text()


def test_past_sessions_name_each_routine_in_words(qtbot: QtBot, store: HistoryStore) -> None:
    from hamstring_gui.core import i18n
    from hamstring_gui.core.routine import builtin_routines

    fill(store, TODAY, 3, every_day=True)  # gentle-lying, a built-in routine
    store.begin_session("my-evening", datetime(2026, 3, 18, 19, 0, tzinfo=UTC))
    store.begin_session("old-one_gone", datetime(2026, 3, 18, 20, 0, tzinfo=UTC))
    mine = Routine("my-evening", "Mein Abend", "", (RoutineItem("chair-stretch"),))
    i18n.use("de")
    window = _window(qtbot, store, routines={**builtin_routines(), mine.id: mine})
    listed = window.past_sessions

    def routine_column() -> list[str]:
        return [listed.topLevelItem(row).text(1) for row in range(listed.topLevelItemCount())]

    # Newest first: a deleted routine by its readable id, the user's own, the built-in translated.
    assert routine_column() == ["Old one gone", "Mein Abend"] + ["Sanft im Liegen"] * 3
    renamed = Routine("my-evening", "Abends", "", mine.items)
    window.set_routines({"my-evening": renamed})  # the editor renamed it; built-ins gone here
    assert routine_column()[:3] == ["Old one gone", "Abends", "Gentle lying"]
