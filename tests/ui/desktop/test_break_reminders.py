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
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
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
    reminders.service.reminderDue.emit("desk-break")
    assert reminders.notifier.channel == "window"
    invitation = reminders.notifier._window  # noqa: SLF001 - the fallback window itself
    assert invitation is not None and invitation.isVisible()
    qtbot.addWidget(invitation)
    invitation.start_button.click()
    assert shell.calls == [("bring_to_front", None), ("start_routine", "desk-break")]


def test_no_invitation_while_already_stretching(reminders: BreakReminders) -> None:
    routine = builtin_routines()["gentle-lying"]
    reminders.controller.start(build_plan(routine, CATALOG, reminders.model.settings.session))
    reminders.service.reminderDue.emit("desk-break")
    assert reminders.notifier.channel == ""


def test_break_length_comes_from_the_plan(reminders: BreakReminders) -> None:
    assert reminders.break_seconds("desk-break") == 290
    assert reminders.break_seconds("no-such-routine") == 300


def test_without_a_tray_closing_the_window_quits(reminders: BreakReminders) -> None:
    assert reminders.tray is None
    assert not reminders.keep_running_on_close()
    reminders.set_routines(builtin_routines())  # nothing to tell without a tray


def test_status_json_includes_the_reminders(reminders: BreakReminders, shell: FakeShell) -> None:
    commands = RemoteCommands(shell, reminders.controller, reminders)
    status = commands.status()
    assert status["reminders"] in ("on", "off")
    assert set(status) == {"state", "routine", "phase", "reminders", "next_reminder"}
    reply = commands("snooze", ["5"])
    assert reply["ok"] is True
