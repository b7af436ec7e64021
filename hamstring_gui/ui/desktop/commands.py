"""What the running app does for commands from other launches (``hamstring-gui pause`` ...).

:class:`RemoteCommands` is the handler given to
:class:`~hamstring_gui.ui.desktop.control_server.ControlServer`; it only
translates commands into calls on the window's :class:`~hamstring_gui.ui.shell.Shell`,
the session controller and the reminder service, and builds the ``status --json``
answer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Protocol

from hamstring_gui.core.i18n import _, format_time
from hamstring_gui.core.reminders import SnoozeResult
from hamstring_gui.core.session import State
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.shell import Shell


class Reminders(Protocol):
    """What the handler needs of the reminder service."""

    def snooze(self, minutes: int) -> SnoozeResult: ...  # noqa: D102
    def remind_now(self) -> bool: ...  # noqa: D102
    def next_reminder_at(self) -> dt.datetime | None: ...  # noqa: D102
    def status(self) -> dict[str, Any]: ...  # noqa: D102


NO_REMINDERS = {"reminders": "off", "next_reminder": None}
# The same range as ``hamstring-gui snooze MINUTES``: any client may write to the socket.
SNOOZE_MINUTES = range(1, 241)
_MINUTES = re.compile(r"[0-9]{1,3}")
# Each command: the fewest and the most arguments it takes.
ARGUMENTS = {
    "status": (0, 0),
    "show": (0, 0),
    "start": (1, 1),
    "pause": (0, 0),
    "resume": (0, 0),
    "skip": (0, 0),
    "stop": (0, 0),
    "snooze": (0, 1),
    "remind": (0, 0),
}


class RemoteCommands:
    """Handler for the control socket: ``handler(command, args) -> reply``."""

    def __init__(
        self,
        shell: Shell,
        controller: SessionController,
        reminders: Reminders | None = None,
    ) -> None:
        self.shell = shell
        self.controller = controller
        self.reminders = reminders

    def __call__(self, command: str, args: list[str]) -> dict[str, Any]:
        """Carry out one command and answer it; any client can write, so all is checked here."""
        if command not in ARGUMENTS:
            return {"ok": False, "message": f"unknown command {command[:40]!r}"}
        fewest, most = ARGUMENTS[command]
        if not fewest <= len(args) <= most:
            return {"ok": False, "message": f"wrong number of arguments for {command!r}"}
        session_commands = {
            "pause": self.controller.pause,
            "resume": self.controller.resume,
            "skip": self.controller.skip,
            "stop": self.controller.stop,
        }
        if command == "status":
            return {"ok": True, "status": self.status()}
        if command == "show":
            self.shell.bring_to_front()
            return {"ok": True, "message": ""}
        if command == "start":
            if args[0] not in self.shell.routines:
                return {
                    "ok": False,
                    "message": _("unknown routine {id}").format(id=repr(args[0][:80])),
                }
            self.shell.start_routine(args[0])
            self.shell.bring_to_front()
            return {"ok": True, "message": ""}
        if command in session_commands:
            if not self.controller.active:
                return {"ok": False, "message": _("no session is running")}
            session_commands[command]()
            return {"ok": True, "message": ""}
        if command == "snooze":
            return self._snooze(args)
        if command == "remind":
            return self._remind()
        raise AssertionError(f"{command!r} is in ARGUMENTS but not handled")  # pragma: no cover

    def _snooze(self, args: list[str]) -> dict[str, Any]:
        if self.reminders is None:
            return {"ok": False, "message": _("reminders are not available")}
        if args and not _MINUTES.fullmatch(args[0]):
            return {
                "ok": False,
                "message": _("not a number of minutes: {text}").format(text=repr(args[0][:20])),
            }
        minutes = int(args[0]) if args else 10
        if minutes not in SNOOZE_MINUTES:
            return {"ok": False, "message": _("snooze MINUTES must be between 1 and 240")}
        result = self.reminders.snooze(minutes)
        if result is SnoozeResult.NONE_LEFT:
            return {"ok": False, "message": _("no snoozes left today")}
        if result is SnoozeResult.NOT_DUE:
            return {
                "ok": True,
                "message": _("no break is due; {next}").format(next=self._next_break()),
            }
        return {"ok": True, "message": _("snoozed for {minutes} min").format(minutes=minutes)}

    def _remind(self) -> dict[str, Any]:
        if self.reminders is None:
            return {"ok": False, "message": _("reminders are not available")}
        if self.controller.active or not self.reminders.remind_now():
            return {"ok": False, "message": _("a session is running")}
        return {"ok": True, "message": ""}

    def _next_break(self) -> str:
        at = self.reminders.next_reminder_at() if self.reminders else None
        return (
            _("the next one is at {time}").format(time=format_time(at))
            if at
            else _("none is coming")
        )

    def status(self) -> dict[str, Any]:
        """The ``status --json`` answer (keys are a documented contract)."""
        controller = self.controller
        # Over is over: stopped early or run to the end, the end screen shows.
        names = {
            State.RUNNING: "running",
            State.PAUSED: "paused",
            State.FINISHED: "finished",
            State.STOPPED: "finished",
        }
        state = "idle" if controller.state is None else names.get(controller.state, "idle")
        plan, current = controller.plan, controller.phase
        routine = plan.routine if state != "idle" and plan is not None else None
        phase = None
        if current is not None:
            phase = {
                "kind": str(current.kind),
                "stretch": current.stretch,
                "side": str(current.side) if current.side else None,
                "remaining_seconds": math.ceil(controller.remaining() - 1e-9),
            }
        reminders = self.reminders.status() if self.reminders else dict(NO_REMINDERS)
        return {"state": state, "routine": routine, "phase": phase, **reminders}
