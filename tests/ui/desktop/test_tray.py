from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.desktop.tray import Tray, tooltip_for
from hamstring_gui.ui.style.icon import app_icon

ROUTINES = {"desk-break": "Desk break", "evening": "Evening unwind"}


@pytest.fixture
def tray(qtbot: QtBot) -> Tray:
    return Tray(ROUTINES, "desk-break")


def titles(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_menu_entries(tray: Tray) -> None:
    assert titles(tray.menu) == [
        "Start Desk break",
        "Routines",
        "Snooze",
        "Pause reminders",
        "Preferences…",
        "History",
        "Quit",
    ]
    assert titles(tray.routines_menu) == ["Desk break", "Evening unwind"]
    assert titles(tray.snooze_menu) == ["5 minutes", "10 minutes", "30 minutes"]
    assert not app_icon().isNull()


def test_each_entry_is_a_signal(qtbot: QtBot, tray: Tray) -> None:
    with qtbot.waitSignal(tray.startRoutine, check_params_cb=lambda r: r == "desk-break"):
        tray.start_action.trigger()
    with qtbot.waitSignal(tray.startRoutine, check_params_cb=lambda r: r == "evening"):
        tray.routines_menu.actions()[1].trigger()
    with qtbot.waitSignal(tray.snoozeRequested, check_params_cb=lambda m: m == 30):
        tray.snooze_actions[30].trigger()
    with qtbot.waitSignal(tray.pauseForRequested, check_params_cb=lambda s: s == 3600):
        tray.pause_hour_action.trigger()
    with qtbot.waitSignal(tray.pauseUntilTomorrowRequested):
        tray.pause_tomorrow_action.trigger()
    with qtbot.waitSignal(tray.turnOffRequested):
        tray.off_action.trigger()
    by_text = {a.text(): a for a in tray.menu.actions()}
    for text, signal in [
        ("Preferences…", tray.preferencesRequested),
        ("History", tray.historyRequested),
        ("Quit", tray.quitRequested),
    ]:
        with qtbot.waitSignal(signal):
            by_text[text].trigger()


def test_snooze_disabled_at_the_limit_and_tooltips(tray: Tray) -> None:
    status = {"reminders": "on", "next_reminder": "2024-06-03T09:50:00+02:00"}
    tray.set_status(status, snoozes_left=2)
    assert tray.snooze_menu.isEnabled()
    assert tray.icon.toolTip() == "Hamstring Coach — next break at 09:50"
    tray.set_status(status, snoozes_left=0)
    assert not tray.snooze_menu.isEnabled()
    tray.set_status({"reminders": "paused", "next_reminder": None}, snoozes_left=2)
    assert tray.icon.toolTip() == "Hamstring Coach — reminders paused"
    assert tray.resume_action.isEnabled() and not tray.pause_hour_action.isEnabled()
    tray.set_status({"reminders": "off", "next_reminder": None}, snoozes_left=2)
    assert tray.on_action.isVisible() and not tray.off_action.isVisible()
    assert tooltip_for({"reminders": "off"}) == "Hamstring Coach — reminders off"


def test_close_quits_without_a_tray(tray: Tray, tmp_path: Path) -> None:
    # Offscreen there is no tray host, so closing the window quits.
    assert not Tray.available()
    assert not tray.keep_running_on_close(True, tmp_path)


def test_routines_submenu_follows_new_routines(qtbot: QtBot, tray: Tray) -> None:
    tray.set_routines({"desk-break": "Desk break", "my-break": "My break"})
    assert titles(tray.routines_menu) == ["Desk break", "My break"]
    with qtbot.waitSignal(tray.startRoutine, check_params_cb=lambda rid: rid == "my-break"):
        tray.routines_menu.actions()[1].trigger()
