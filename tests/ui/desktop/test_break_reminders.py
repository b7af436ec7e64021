"""Reminders wired to the window: a due break becomes an invitation that starts a routine."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.settings_store import SettingsStore
from hamstring_gui.ui.desktop.break_reminders import BreakReminders
from hamstring_gui.ui.desktop.commands import RemoteCommands
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def reminders(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BreakReminders:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no notification server
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True))
    window = app_module.build_window(FakeClock(), settings, state_file=tmp_path / "w.json")
    qtbot.addWidget(window)
    reminders = BreakReminders(window, tray_available=False)
    yield reminders
    reminders.close()


def test_a_due_break_without_tray_or_server_raises_a_reminder_window(
    reminders: BreakReminders, qtbot: QtBot
) -> None:
    reminders.service.reminderDue.emit("desk-break")
    assert reminders.notifier.channel == "window"
    invitation = reminders.notifier._window  # noqa: SLF001 - the fallback window itself
    assert invitation is not None and invitation.isVisible()
    qtbot.addWidget(invitation)
    invitation.start_button.click()
    controller = reminders.window.controller
    assert controller.active
    assert controller.plan is not None and controller.plan.routine == "desk-break"


def test_no_invitation_while_already_stretching(reminders: BreakReminders) -> None:
    reminders.window.start_routine("gentle-lying")
    reminders.service.reminderDue.emit("desk-break")
    assert reminders.notifier.channel == ""


def test_break_length_comes_from_the_plan(reminders: BreakReminders) -> None:
    assert reminders.break_seconds("desk-break") == 290
    assert reminders.break_seconds("no-such-routine") == 300


def test_status_json_includes_the_reminders(reminders: BreakReminders) -> None:
    window = reminders.window
    status = RemoteCommands(window, window.controller, reminders).status()
    assert status["reminders"] in ("on", "off")
    assert set(status) == {"state", "routine", "phase", "reminders", "next_reminder"}
    reply = RemoteCommands(window, window.controller, reminders)("snooze", ["5"])
    assert reply["ok"] is True
