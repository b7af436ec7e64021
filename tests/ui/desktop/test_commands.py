"""The control-request handler checks every request itself: any local client can write."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.desktop.commands import RemoteCommands
from hamstring_gui.ui.settings_model import SettingsModel
from tests.helpers.shell import FakeShell
from tests.helpers.stubs import FakeClock
from tests.ui.desktop.test_reminder_service import World, make


@pytest.fixture
def handler(qtbot: QtBot, tmp_path: Path) -> RemoteCommands:
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    service = make(SettingsModel(store), World())
    return RemoteCommands(
        FakeShell({"desk-break": builtin_routines()["desk-break"]}),
        SessionController(FakeClock()),
        service,
    )


@pytest.mark.parametrize(
    "minutes",
    ["-5", "0", "241", str(10**20), "1" * 5000, "1e3", " 5", "５", "0x10", "", "10.5"],
)
def test_snooze_refuses_what_the_cli_would_and_status_still_works(
    handler: RemoteCommands, minutes: str
) -> None:
    before = handler("status", [])
    reply = handler("snooze", [minutes])
    assert reply["ok"] is False
    assert "\n" not in reply["message"] and len(reply["message"]) < 100
    after = handler("status", [])
    assert after == before and after["ok"] is True


def test_a_good_snooze_is_carried_out(handler: RemoteCommands) -> None:
    assert handler("snooze", ["240"]) == {"ok": True, "message": "snoozed for 240 min"}
    assert handler("status", [])["status"]["reminders"] == "snoozed"


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("status", ["x"]),
        ("snooze", ["5", "5"]),
        ("start", []),
        ("start", ["desk-break", "x"]),
        ("pause", ["now"]),
        ("start", ["../../etc/passwd"]),
        ("x" * 10_000, []),
    ],
)
def test_wrong_arguments_and_unknown_commands_are_refused(
    handler: RemoteCommands, command: str, args: list[str]
) -> None:
    reply = handler(command, args)
    assert reply["ok"] is False and len(reply["message"]) < 200
    shell = handler.shell
    assert isinstance(shell, FakeShell) and "start_routine" not in shell.verbs()


def test_status_says_finished_after_a_stop_as_after_a_natural_end(handler: RemoteCommands) -> None:
    controller = handler.controller
    assert handler("status", [])["status"]["state"] == "idle"
    routine = builtin_routines()["desk-break"]
    plan = build_plan(routine, load_catalog(), SessionSettings())
    controller.start(plan)
    assert handler("status", [])["status"]["state"] == "running"
    controller.stop()
    stopped = handler("status", [])["status"]
    assert (stopped["state"], stopped["routine"], stopped["phase"]) == (
        "finished",
        "desk-break",
        None,
    )
    controller.start(plan)
    for _ in range(len(plan.phases)):
        controller.skip()
    ended = handler("status", [])["status"]
    assert (ended["state"], ended["routine"], ended["phase"]) == ("finished", "desk-break", None)


def test_remind_without_reminders_is_refused(qtbot: QtBot) -> None:
    commands = RemoteCommands(FakeShell(), SessionController(FakeClock()))
    assert commands("remind", []) == {"ok": False, "message": "reminders are not available"}
