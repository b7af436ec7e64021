"""The done test of issue 23: a whole working day of reminders, on fake clocks.

A Monday from 07:55 to 18:30 with the default settings (50 minutes of
work, a 30 s notice, three snoozes a day, 08:00–18:00). The day holds what
real days hold: a snooze, a session, a video call in full screen, a walk
away from the desk, a short and a long screen lock, "do not disturb", a
closed reminder, snoozes until none are left, and the end of the active
hours. The service runs exactly as in the app: its single-shot timer is
followed on the fake clocks, and the idle monitor is a fake that reports
what the script says, the way the real one samples the desktop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from hamstring_gui.core.reminders import Hold
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.desktop.reminder_service import ReminderService
from hamstring_gui.ui.settings_model import SettingsModel
from tests.helpers.stubs import FakeClock

TZ = dt.timezone(dt.timedelta(hours=1))
MONDAY = dt.date(2026, 11, 16)
BREAK_SECONDS = 240.0  # the desk break's length: away this long is a break


class Desktop(QObject):
    """The idle monitor as the service sees it: idle time and holds, when sampled."""

    sampled = Signal(float, object)

    def __init__(self) -> None:
        super().__init__()
        self.held: frozenset[Hold] = frozenset()
        self.watching = False

    def set_watching(self, watching: bool) -> None:
        self.watching = watching

    def holds(self) -> frozenset[Hold]:
        return self.held


class Day:
    """Fake clocks, the service, and a log of what the user was shown."""

    def __init__(self, tmp_path: Path) -> None:
        store = SettingsStore(tmp_path / "settings.json")
        store.load()
        self.model = SettingsModel(store)
        assert self.model.settings.reminders.warning_seconds == 30  # the default notice
        self.awake, self.elapsed = FakeClock(), FakeClock()
        self.local = dt.datetime.combine(MONDAY, dt.time(7, 55), tzinfo=TZ)
        self.desktop = Desktop()
        self.service = ReminderService(
            self.model,
            lambda _routine: BREAK_SECONDS,
            awake=self.awake,
            elapsed=self.elapsed,
            now=lambda: self.local,
            activity=self.desktop,
        )
        self.log: list[tuple[str, str]] = []
        self.service.warningDue.connect(lambda _r, s: self.note(f"notice: break in {s} s"))
        self.service.reminderDue.connect(
            lambda _r, late: self.note("reminder (late)" if late else "reminder")
        )
        self._idle_since: dt.datetime | None = None

    def note(self, what: str) -> None:
        self.log.append((self.local.strftime("%H:%M:%S"), what))

    def _advance(self, seconds: float) -> None:
        self.awake.advance(seconds)
        self.elapsed.advance(seconds)
        self.local += dt.timedelta(seconds=seconds)

    def until(self, hh_mm: str) -> None:
        """Let time pass to ``hh_mm``, firing the service's timer whenever it is due."""
        target = dt.datetime.combine(MONDAY, dt.time.fromisoformat(hh_mm), tzinfo=TZ)
        timer = self.service.timer
        while True:
            left = (target - self.local).total_seconds()
            wait = timer.interval() / 1000 if timer.isActive() else None
            if wait is None or wait > left:
                self._advance(left)
                return
            self._advance(wait)
            timer.timeout.emit()  # what Qt does when the interval has passed

    def at(self, hh_mm: str, action: Callable[[], object], label: str = "") -> None:
        self.until(hh_mm)
        result = action()
        if label:
            self.note(label if result is None else f"{label}: {result}")

    # What the desktop reports at its next sample.
    def hold(self, *holds: Hold) -> None:
        self.desktop.held = frozenset(holds)
        self.desktop.sampled.emit(self._idle(), self.desktop.held)

    def away(self) -> None:
        self._idle_since = self.local

    def back(self) -> None:
        self._idle_since = None
        self.desktop.sampled.emit(0.0, self.desktop.held)

    def sample(self) -> None:
        self.desktop.sampled.emit(self._idle(), self.desktop.held)

    def _idle(self) -> float:
        if self._idle_since is None:
            return 0.0
        return (self.local - self._idle_since).total_seconds()


def test_a_whole_working_day(qtbot: QtBot, tmp_path: Path) -> None:
    day = Day(tmp_path)
    service = day.service

    # 07:55, before the active hours: nothing counts, but the tray can say when.
    assert service.status()["next_reminder"] == "2026-11-16T08:50:00+01:00"

    # Morning: the notice, the reminder, one snooze; then a session.
    day.at("08:50:10", lambda: service.snooze(10).value, "snooze 10")
    day.at("09:00:20", service.session_started, "session starts")
    day.at("09:05:20", service.session_ended, "session ends")

    # A video call in full screen over the next break: no notice, no reminder;
    # the missed one comes once when the call ends, then the user skips it.
    day.at("09:40", lambda: day.hold(Hold.FULL_SCREEN), "full screen")
    day.at("10:20", lambda: day.hold(), "full screen ends")
    day.at("10:20:20", service.skip, "skip")

    # Away from the desk ten minutes: that was the break.
    day.at("10:50", day.away, "walks away")
    day.at("10:55", day.sample)
    day.at("11:00", day.back, "back")

    # A short lock (two minutes) stops the work counting, and that is all.
    day.at("11:30", lambda: day.hold(Hold.LOCKED), "locks the screen")
    day.at("11:32", lambda: day.hold(), "unlocks")
    # "Do not disturb" over the break; the reminder waits, comes once, is closed.
    day.at("11:45", lambda: day.hold(Hold.DO_NOT_DISTURB), "do not disturb on")
    day.at("12:15", lambda: day.hold(), "do not disturb off")
    day.at("12:15:30", service.dismiss, "closes the reminder")
    day.at("12:25:30", service.session_started, "session starts")
    day.at("12:30:30", service.session_ended, "session ends")

    # Lunch: the screen locked 45 minutes is a break too.
    day.at("12:35", lambda: day.hold(Hold.LOCKED), "locks the screen")
    day.at("13:20", lambda: day.hold(), "unlocks")

    # A snooze with nothing due changes nothing and costs nothing.
    before = service.status()["next_reminder"]
    day.at("13:30", lambda: service.snooze(5).value, "snooze 5")
    assert service.status()["next_reminder"] == before
    assert service.snoozes_left() == 2

    # The afternoon: snoozes until none are left, then a skip.
    day.at("14:10:10", lambda: service.snooze(5).value, "snooze 5")
    day.at("14:15:10", lambda: service.snooze(30).value, "snooze 30")
    day.at("14:45:10", lambda: service.snooze(5).value, "snooze 5")
    day.at("14:45:20", service.skip, "skip")

    # "Remind me now", asked from the command line.
    day.at("15:00", service.remind_now, "remind now")
    day.at("15:00:10", service.session_started, "session starts")
    day.at("15:05:10", service.session_ended, "session ends")

    # Skipped twice more; the work after the last skip runs into 18:00 and stops there.
    day.at("15:56", service.skip, "skip")
    day.at("16:47", service.skip, "skip")
    day.at("17:38", service.skip, "skip")
    day.at("18:30", lambda: None)

    assert day.log == [
        ("08:49:30", "notice: break in 30 s"),
        ("08:50:00", "reminder"),
        ("08:50:10", "snooze 10: snoozed"),
        ("09:00:10", "reminder"),  # no second notice after a snooze
        ("09:00:20", "session starts"),
        ("09:05:20", "session ends"),
        ("09:40:00", "full screen"),
        ("10:20:00", "reminder (late)"),
        ("10:20:00", "full screen ends"),
        ("10:20:20", "skip"),
        ("10:50:00", "walks away"),
        ("11:00:00", "back"),
        ("11:30:00", "locks the screen"),
        ("11:32:00", "unlocks"),
        ("11:45:00", "do not disturb on"),
        ("12:15:00", "reminder (late)"),
        ("12:15:00", "do not disturb off"),
        ("12:15:30", "closes the reminder"),
        ("12:25:30", "reminder"),
        ("12:25:30", "session starts"),
        ("12:30:30", "session ends"),
        ("12:35:00", "locks the screen"),
        ("13:20:00", "unlocks"),
        ("13:30:00", "snooze 5: not-due"),
        ("14:09:30", "notice: break in 30 s"),
        ("14:10:00", "reminder"),
        ("14:10:10", "snooze 5: snoozed"),
        ("14:15:10", "reminder"),
        ("14:15:10", "snooze 30: snoozed"),
        ("14:45:10", "reminder"),
        ("14:45:10", "snooze 5: none-left"),
        ("14:45:20", "skip"),
        ("15:00:00", "reminder"),
        ("15:00:00", "remind now: True"),
        ("15:00:10", "session starts"),
        ("15:05:10", "session ends"),
        ("15:54:40", "notice: break in 30 s"),
        ("15:55:10", "reminder"),
        ("15:56:00", "skip"),
        ("16:45:30", "notice: break in 30 s"),
        ("16:46:00", "reminder"),
        ("16:47:00", "skip"),
        ("17:36:30", "notice: break in 30 s"),
        ("17:37:00", "reminder"),
        ("17:38:00", "skip"),
    ]
    # 22 minutes counted before 18:00; the 28 left come on Tuesday morning.
    assert service.status() == {
        "reminders": "on",
        "next_reminder": "2026-11-17T08:28:00+01:00",
    }
    assert service.snoozes_left() == 0
    assert not day.desktop.watching, "no idle checks outside the active hours"
