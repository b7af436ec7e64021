"""Reminders wired to the shell: a due break becomes an invitation that starts a routine."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.desktop.break_reminders import BreakReminders
from hamstring_gui.ui.desktop.commands import RemoteCommands
from hamstring_gui.ui.settings_model import SettingsModel
from tests.helpers.shell import FakeShell
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",  # a tray, offscreen
)
CATALOG = load_catalog()


@pytest.fixture
def shell() -> FakeShell:
    return FakeShell()


@pytest.fixture
def reminders(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: FakeShell
) -> Iterator[BreakReminders]:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no notification server
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    controller = SessionController(FakeClock())
    reminders = BreakReminders(
        controller, SettingsModel(store), CATALOG, shell, tray_available=False
    )
    yield reminders
    reminders.close()


def test_a_due_break_without_tray_or_server_raises_a_reminder_window(
    reminders: BreakReminders, shell: FakeShell, qtbot: QtBot
) -> None:
    reminders.service.reminderDue.emit("desk-break", False)
    assert reminders.notifier.channel == "window"
    invitation = reminders.notifier._window  # noqa: SLF001 - the fallback window itself
    assert invitation is not None and invitation.isVisible()
    qtbot.addWidget(invitation)
    invitation.start_button.click()
    assert shell.calls == [("bring_to_front", None), ("start_routine", "desk-break")]


def test_no_invitation_while_already_stretching(reminders: BreakReminders) -> None:
    routine = builtin_routines()["gentle-lying"]
    reminders.controller.start(build_plan(routine, CATALOG, reminders.model.settings.session))
    reminders.service.reminderDue.emit("desk-break", False)
    assert reminders.notifier.channel == ""


def test_break_length_comes_from_the_plan(reminders: BreakReminders) -> None:
    assert reminders.break_seconds("desk-break") == 290
    assert reminders.break_seconds("no-such-routine") == 300


def test_without_a_tray_closing_keeps_a_window_and_says_why(
    reminders: BreakReminders, shell: FakeShell
) -> None:
    assert reminders.tray is None
    assert reminders.keep_running_on_close(), "reminders on: the app keeps running"
    assert shell.verbs() == ["show_message"]  # the window minimizes itself (no tray)
    assert "reminders run only while" in str(shell.calls[-1][1])
    reminders.service.turn_off()
    assert not reminders.keep_running_on_close(), "reminders off: Close closes"
    reminders.set_routines(builtin_routines())  # nothing to tell without a tray


def test_status_json_includes_the_reminders(reminders: BreakReminders, shell: FakeShell) -> None:
    commands = RemoteCommands(shell, reminders.controller, reminders)
    status = commands.status()
    assert status["reminders"] in ("on", "off")
    assert set(status) == {"state", "routine", "phase", "reminders", "next_reminder"}
    reply = commands("snooze", ["5"])
    assert reply["ok"] is True


def build(
    tmp_path: Path, shell: FakeShell, *, tray: bool, autostart_on: bool = False
) -> BreakReminders:
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    reminders_settings = dataclasses.replace(store.settings.reminders, autostart=autostart_on)
    store.save(store.settings.with_section("reminders", reminders_settings))
    controller = SessionController(FakeClock())
    return BreakReminders(controller, SettingsModel(store), CATALOG, shell, tray_available=tray)


def test_tray_clicks_while_a_reminder_shows_never_start_a_routine(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: FakeShell
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    reminders = build(tmp_path, shell, tray=True)
    try:
        reminders.service.reminderDue.emit("desk-break", False)
        assert reminders.notifier.channel == "window"
        qtbot.addWidget(reminders.notifier._window)  # noqa: SLF001
        icon = reminders.tray.icon  # type: ignore[union-attr]
        icon.messageClicked.emit()
        for reason in QSystemTrayIcon.ActivationReason:
            icon.activated.emit(reason)
        assert "start_routine" not in shell.verbs()
    finally:
        reminders.close()


def test_remind_command_shows_the_reminder_and_refuses_during_a_session(
    reminders: BreakReminders, shell: FakeShell
) -> None:
    commands = RemoteCommands(shell, reminders.controller, reminders)
    assert commands("remind", []) == {"ok": True, "message": ""}
    assert reminders.notifier.channel == "window"
    reminders.notifier.withdraw()
    routine = builtin_routines()["desk-break"]
    reminders.controller.start(build_plan(routine, CATALOG, reminders.model.settings.session))
    assert commands("remind", [])["ok"] is False


def test_snooze_with_nothing_due_says_so_and_keeps_the_snoozes(
    reminders: BreakReminders, shell: FakeShell
) -> None:
    before = reminders.status()["next_reminder"]
    left = reminders.service.snoozes_left()
    reply = RemoteCommands(shell, reminders.controller, reminders)("snooze", ["5"])
    assert reply["ok"] is True and reply["message"].startswith("no break is due")
    assert reminders.status()["next_reminder"] == before
    assert reminders.service.snoozes_left() == left


def test_a_reminder_answered_elsewhere_leaves_the_screen(
    reminders: BreakReminders, shell: FakeShell
) -> None:
    commands = RemoteCommands(shell, reminders.controller, reminders)
    assert commands("remind", [])["ok"]
    invitation = reminders.notifier._window  # noqa: SLF001
    assert invitation is not None and invitation.isVisible()
    assert commands("snooze", ["5"]) == {"ok": True, "message": "snoozed for 5 min"}
    assert not invitation.isVisible()


def test_start_at_login_is_written_again_at_start_and_failures_are_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: FakeShell
) -> None:
    from hamstring_gui.platform import autostart

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert not autostart.is_enabled()  # "autostart": true already, but no entry
    reminders = build(tmp_path, shell, tray=False, autostart_on=True)
    try:
        assert autostart.is_enabled()
        autostart.entry_path().unlink()
        autostart.autostart_dir().rmdir()
        autostart.autostart_dir().write_text("not a folder")
        message = reminders.sync_autostart(True)
        assert message is not None and message.startswith("Start at login will not work")
        assert shell.calls[-1] == ("show_message", message)
    finally:
        reminders.close()
