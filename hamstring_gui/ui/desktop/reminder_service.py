"""The reminder schedule in Qt: one single-shot timer, settings, idle and do-not-disturb.

Lifecycle: ``app.py`` builds one :class:`ReminderService` from the
:class:`SettingsModel` (it re-reads the reminder settings on every
``changed``). After every input or command the service asks the passive
:class:`ReminderScheduler` when it next needs a look and arms its single
``QTimer`` for exactly then; nothing polls. When the scheduler gives the
pre-break notice, ``warningDue`` carries it; when the break is due,
``reminderDue`` carries the routine id to whoever shows it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hamstring_gui.core.clock import Clock, SystemClock
from hamstring_gui.core.reminders import (
    ActiveHours,
    BreakWarning,
    Hold,
    Notice,
    Reminder,
    ReminderConfig,
    ReminderScheduler,
    ReminderState,
    SnoozeResult,
)
from hamstring_gui.core.settings import ReminderSettings, Settings
from hamstring_gui.ui.settings_model import SettingsModel

#: A due reminder held back by do-not-disturb is looked at again this often.
DND_RECHECK_SECONDS = 30.0
#: QTimer takes an int of milliseconds; a day is far enough (it re-arms).
_MAX_WAIT_SECONDS = 24 * 3600.0


class AwakeClock:
    """``CLOCK_MONOTONIC``: stops while the machine is suspended (work time)."""

    def now(self) -> float:
        """Seconds on the monotonic clock."""
        return time.clock_gettime(time.CLOCK_MONOTONIC)


def local_now() -> dt.datetime:
    """The local time with its current UTC offset (follows time-zone changes)."""
    return dt.datetime.now().astimezone()


class ActivitySource(Protocol):
    """What the service needs from :class:`~hamstring_gui.ui.desktop.idle.IdleMonitor`."""

    sampled: Any  # Signal(float idle_seconds, frozenset[Hold] holds)

    def set_watching(self, watching: bool) -> None:
        """Start or stop the periodic idle checks."""

    def holds(self) -> frozenset[Hold]:
        """What holds reminders back now (full screen, locked, do not disturb)."""
        ...


def reminder_config(settings: ReminderSettings, break_seconds: float) -> ReminderConfig:
    """Translate the user's reminder settings into the scheduler's config."""
    return ReminderConfig(
        enabled=settings.enabled,
        work_minutes=settings.work_minutes,
        active=ActiveHours(
            days=frozenset(settings.active_days),
            start=dt.time.fromisoformat(settings.start),
            end=dt.time.fromisoformat(settings.end),
        ),
        routine=settings.routine,
        break_seconds=break_seconds,
        snooze_limit=settings.snooze_limit,
        warning_seconds=settings.warning_seconds,
    )


class ReminderService(QObject):
    """Adapts :class:`ReminderScheduler` to Qt.

    Args:
        model: the app's settings; its ``reminders`` section is read now and
            on every ``changed``.
        break_seconds: length in seconds of a routine by id (the suggested
            routine's length: idle this long counts as a break).
        awake, elapsed, now: clocks (``CLOCK_MONOTONIC``, ``CLOCK_BOOTTIME``,
            local time); tests pass fakes.
        activity: the desktop's idle / do-not-disturb source, if any.

    Signals:
        warningDue(str, int): a break is due in so many seconds (the gentle
            notice); the routine id to suggest.
        reminderDue(str, bool): a break is due now; the routine id to suggest,
            and whether it fell due earlier while held back (offered once now).
        stateChanged(): :meth:`status` may have changed (tray, ``status``).
    """

    warningDue = Signal(str, int)  # noqa: N815 - Qt's camelCase for signals
    reminderDue = Signal(str, bool)  # noqa: N815
    stateChanged = Signal()  # noqa: N815

    def __init__(
        self,
        model: SettingsModel,
        break_seconds: Callable[[str], float],
        *,
        awake: Clock | None = None,
        elapsed: Clock | None = None,
        now: Callable[[], dt.datetime] = local_now,
        activity: ActivitySource | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._break_seconds = break_seconds
        self._settings = model.settings.reminders
        self.scheduler = ReminderScheduler(
            self._config(self._settings), awake or AwakeClock(), elapsed or SystemClock(), now
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)  # a few seconds late is fine
        self._timer.timeout.connect(self._on_timer)
        self._activity = activity
        self._idle_threshold = self.scheduler.config.break_seconds
        if activity is not None:
            activity.sampled.connect(self._on_sample)
        model.changed.connect(self._on_settings)
        self._last_status: dict[str, str | None] = {}
        self._after(None)

    # -- the timer ------------------------------------------------------------

    @property
    def timer(self) -> QTimer:
        """The single-shot timer (tests read its interval)."""
        return self._timer

    def _config(self, settings: ReminderSettings) -> ReminderConfig:
        return reminder_config(settings, float(self._break_seconds(settings.routine)))

    def _on_timer(self) -> None:
        if self._activity is not None:
            self._after(self.scheduler.set_holds(self._activity.holds()))
        else:
            self._after(self.scheduler.update())

    def _after(self, notice: Notice | None, *, announce: bool = False) -> None:
        """Re-arm the timer, tell the activity source whether to watch, announce."""
        wait = self.scheduler.seconds_until_next_check()
        if wait is None:
            self._timer.stop()
        else:
            if wait <= 0 or self.scheduler.missed:
                # Due but held back (full screen, locked, do not disturb): look
                # again soon, so the missed reminder comes when the hold ends.
                wait = DND_RECHECK_SECONDS
            self._timer.start(max(1, round(min(wait, _MAX_WAIT_SECONDS) * 1000)))
        if self._activity is not None:
            self._activity.set_watching(self._wants_activity())
        status = self.status()
        if announce or status != self._last_status:
            self._last_status = status
            self.stateChanged.emit()
        if isinstance(notice, Reminder):
            self.reminderDue.emit(notice.routine, notice.late)
        elif isinstance(notice, BreakWarning):
            self.warningDue.emit(notice.routine, max(1, round(notice.seconds_left)))

    def _wants_activity(self) -> bool:
        # Idle checks cost a D-Bus or X round trip each; they run only while
        # reminders are on and work is being counted (or the user is away, or
        # something holds a reminder back, and we wait for that to end).
        scheduler = self.scheduler
        if scheduler.state in (ReminderState.OFF, ReminderState.PAUSED):
            return False
        return scheduler.active_now() or scheduler.idle or bool(scheduler.holds)

    # -- inputs ---------------------------------------------------------------

    def _on_settings(self, settings: Settings) -> None:
        if settings.reminders == self._settings:
            return
        self._settings = settings.reminders
        self.scheduler.set_config(self._config(self._settings))
        self._idle_threshold = self.scheduler.config.break_seconds
        self._after(None, announce=True)

    def _on_sample(self, idle_seconds: float, holds: frozenset[Hold]) -> None:
        """One reading of the desktop's idle time and of what holds reminders back."""
        if idle_seconds >= self._idle_threshold:
            self.scheduler.user_idle(idle_seconds)
        else:
            self.scheduler.user_back()
        self._after(self.scheduler.set_holds(holds))

    def user_idle(self, idle_for: float) -> None:
        """The user has been idle ``idle_for`` seconds."""
        self.scheduler.user_idle(idle_for)
        self._after(None)

    def user_back(self) -> None:
        """The user is active again."""
        self.scheduler.user_back()
        self._after(self.scheduler.update())

    def set_holds(self, holds: frozenset[Hold]) -> None:
        """A full-screen window, a screen lock or "do not disturb" started or ended."""
        self._after(self.scheduler.set_holds(holds))

    def session_started(self) -> None:
        """A stretching session began (connect to the controller's ``sessionStarted``)."""
        self.scheduler.session_started()
        self._after(None)

    def session_ended(self) -> None:
        """A session ended (connect to the controller's ``ended``)."""
        self.scheduler.session_ended()
        self._after(None)

    # -- commands -------------------------------------------------------------

    def snooze(self, minutes: int) -> SnoozeResult:
        """No reminder for ``minutes`` (see :meth:`ReminderScheduler.snooze`)."""
        done = self.scheduler.snooze(minutes)
        self._after(None, announce=True)
        return done

    def remind_now(self) -> bool:
        """Give the reminder now (``hamstring-gui remind``); False during a session."""
        reminder = self.scheduler.remind_now()
        self._after(reminder, announce=True)
        return reminder is not None

    def dismiss(self) -> None:
        """The reminder was closed without an answer: ask again a little later."""
        self.scheduler.dismiss()
        self._after(None, announce=True)

    def skip(self) -> None:
        """Skip this break; the work timer starts again."""
        self.scheduler.skip()
        self._after(None, announce=True)

    def pause_for(self, seconds: float) -> None:
        """No reminders for ``seconds``."""
        self.scheduler.pause_for(seconds)
        self._after(None, announce=True)

    def pause_until_tomorrow(self) -> None:
        """No reminders until the local date changes."""
        self.scheduler.pause_until_tomorrow()
        self._after(None, announce=True)

    def resume(self) -> None:
        """End a pause or a snooze now."""
        self.scheduler.resume()
        self._after(self.scheduler.update(), announce=True)

    def turn_off(self) -> None:
        """No reminders until turned on (this run; the setting is the lasting switch)."""
        self.scheduler.turn_off()
        self._after(None, announce=True)

    def turn_on(self) -> None:
        """Reminders again."""
        self.scheduler.turn_on()
        self._after(self.scheduler.update(), announce=True)

    # -- outputs --------------------------------------------------------------

    @property
    def routine(self) -> str:
        """The routine reminders suggest."""
        return self.scheduler.config.routine

    def snoozes_left(self) -> int:
        """Snoozes still allowed today."""
        return self.scheduler.snoozes_left()

    def next_reminder_at(self) -> dt.datetime | None:
        """Local time of the next reminder, if work goes on as now."""
        return self.scheduler.next_reminder_at()

    def status(self) -> dict[str, str | None]:
        """``{"reminders": "on"|"snoozed"|"paused"|"off", "next_reminder": ISO or None}``."""
        at = self.scheduler.next_reminder_at()
        return {
            "reminders": self.scheduler.state.value,
            "next_reminder": at.isoformat(timespec="seconds") if at is not None else None,
        }
