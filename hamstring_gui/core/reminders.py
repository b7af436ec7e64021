"""When to invite the user to a break: a work timer counted in durations, never dates.

Lifecycle of the reminder state::

    ON --snooze--> SNOOZED --snooze ends--> ON
    ON/SNOOZED --pause--> PAUSED --pause ends / resume--> ON
    any --turn off--> OFF --turn on--> ON

A break is announced in two steps, like Workrave and Stretchly do it but
calmer: a :class:`BreakWarning` ``warning_seconds`` before it is due (Start
now / Snooze / Skip), then the :class:`Reminder` itself. Neither is given
while something holds reminders back (a full-screen window, a locked screen,
the desktop's "do not disturb", see :class:`Hold`) or while the user is
away; a reminder that fell due meanwhile is offered **once** when the last
hold ends (``Reminder.late``), never stacked. Away as long as the break
counts as the break.

Work time accrues only while the user is at the machine: inside the active
hours, not idle, not in a session, and not suspended. It is measured on the
*awake* clock (``CLOCK_MONOTONIC``, which stops during suspend); time spent
suspended is the difference between the *elapsed* clock (``CLOCK_BOOTTIME``)
and the awake clock, and counts as a break. Wall-clock time is only read to
ask "is it inside the active hours now?", so NTP steps, manual clock changes
and time-zone changes can never make a reminder fire early or twice.

Like the session engine, the scheduler is passive: the UI calls
:meth:`ReminderScheduler.update` at :meth:`ReminderScheduler.seconds_until_next_check`
(one single-shot timer, no polling) and whenever idle, do-not-disturb or
session state changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from hamstring_gui.core.clock import Clock

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SNOOZE_CHOICES = (5, 10, 30)
DISMISS_SNOOZE_MINUTES = 10


class Hold(StrEnum):
    """Why now is a bad moment for a reminder (the desktop tells; see ``ui/desktop/presence``)."""

    FULL_SCREEN = "full-screen"  # a presentation, a video call, a film
    LOCKED = "locked"  # the screen is locked: nobody to remind
    DO_NOT_DISTURB = "do-not-disturb"  # the desktop's own setting (GNOME, KDE)


class SnoozeResult(StrEnum):
    """What a snooze did."""

    SNOOZED = "snoozed"  # a warning or reminder was out: it comes back later (one used)
    POSTPONED = "postponed"  # nothing was out, the next break came sooner: moved (one used)
    NOT_DUE = "not-due"  # nothing was out and the next break is later anyway: nothing changed
    NONE_LEFT = "none-left"  # today's snoozes are used up


class ReminderState(StrEnum):
    """What the reminders are doing, as the tray and ``status --json`` say it."""

    ON = "on"
    SNOOZED = "snoozed"
    PAUSED = "paused"
    OFF = "off"


@dataclass(frozen=True)
class ActiveHours:
    """The days and times of day when breaks are due (local time)."""

    days: frozenset[str] = frozenset(WEEKDAYS[:5])
    start: dt.time = dt.time(8, 0)
    end: dt.time = dt.time(18, 0)

    def contains(self, moment: dt.datetime) -> bool:
        """Tell whether a local time is inside the active hours."""
        return WEEKDAYS[moment.weekday()] in self.days and self.start <= moment.time() < self.end

    def seconds_to_next_edge(self, moment: dt.datetime) -> float:
        """Seconds until the active hours next start or end (at least one second)."""
        candidates = []
        for offset in range(8):
            day = moment.date() + dt.timedelta(days=offset)
            for edge in (self.start, self.end):
                at = dt.datetime.combine(day, edge, tzinfo=moment.tzinfo)
                if at > moment:
                    candidates.append((at - moment).total_seconds())
        return max(1.0, min(candidates)) if candidates else 24 * 3600.0

    def after_active_time(self, moment: dt.datetime, seconds: float) -> dt.datetime | None:
        """When ``seconds`` of active time will have passed from ``moment`` (None: never)."""
        at, left = moment, max(0.0, seconds)
        for _ in range(15):  # two weeks of days are enough for any real schedule
            day = at.date()
            begin = dt.datetime.combine(day, self.start, tzinfo=at.tzinfo)
            finish = dt.datetime.combine(day, self.end, tzinfo=at.tzinfo)
            if WEEKDAYS[day.weekday()] in self.days and at < finish and begin < finish:
                at = max(at, begin)
                room = (finish - at).total_seconds()
                if left <= room:
                    return at + dt.timedelta(seconds=left)
                left -= room
            at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=at.tzinfo)
        return None


@dataclass(frozen=True)
class ReminderConfig:
    """What the user chose in preferences."""

    enabled: bool = True
    work_minutes: int = 50
    active: ActiveHours = field(default_factory=ActiveHours)
    routine: str = "desk-break"
    break_seconds: float = 300.0  # length of the suggested routine: idle this long is a break
    snooze_limit: int = 3
    warning_seconds: int = 30  # the pre-break notice; 0: none


@dataclass(frozen=True)
class Reminder:
    """A break that is due now (``late``: it fell due while held back, offered once now)."""

    routine: str
    worked_seconds: float
    late: bool = False


@dataclass(frozen=True)
class BreakWarning:
    """A break is due in ``seconds_left``: the gentle notice before the reminder."""

    routine: str
    seconds_left: float


Notice = Reminder | BreakWarning


class ReminderScheduler:
    """Counts work time and says when a break reminder is due."""

    def __init__(
        self,
        config: ReminderConfig,
        awake: Clock,
        elapsed: Clock,
        local_now: Callable[[], dt.datetime],
    ) -> None:
        self.config = config
        self._awake = awake
        self._elapsed = elapsed
        self._local_now = local_now
        self._last_awake = awake.now()
        self._last_elapsed = elapsed.now()
        self.worked = 0.0
        self._counting = True
        self._idle = False
        self._idle_since = 0.0  # elapsed-clock time the user went idle
        self._in_session = False
        self._holds: frozenset[Hold] = frozenset()
        self._locked_since = 0.0  # elapsed-clock time the screen was locked
        self._pending = False  # a reminder fired and awaits an answer
        self._pending_date = local_now().date()  # ... since this day
        self._warned = False  # the pre-break notice was given for the break to come
        self._missed = False  # a reminder fell due while held back or away
        self._snooze_until: float | None = None
        self._pause_until: float | None = None
        self._pause_until_date: dt.date | None = None
        self._snoozes: tuple[dt.date, int] = (local_now().date(), 0)
        self._off = not config.enabled
        self._counting = self._should_count()

    # -- inputs -------------------------------------------------------------

    def update(self) -> Notice | None:
        """Account the time since the last update; return a warning or reminder due now."""
        self._account()
        return self._notice()

    def _account(self) -> None:
        """Count the time since the last look (inputs and commands do this before they act)."""
        awake, elapsed = self._awake.now(), self._elapsed.now()
        slept = max(0.0, (elapsed - self._last_elapsed) - (awake - self._last_awake))
        if slept >= self.config.break_seconds:
            self.worked = 0.0  # a suspend long enough is a break
        elif self._counting:
            self.worked += max(0.0, awake - self._last_awake)
        self._last_awake, self._last_elapsed = awake, elapsed
        self._expire(elapsed)
        self._counting = self._should_count()

    def _notice(self) -> Notice | None:
        if self._pending:
            return None
        due = self._due()
        if self._holds or self._idle:
            self._missed = self._missed or due
            return None
        if due:
            late, self._missed, self._warned = self._missed, False, False
            self._pending, self._pending_date = True, self._local_now().date()
            return Reminder(self.config.routine, self.worked, late=late)
        if not self._warned and self._in_warning_window():
            self._warned = True
            left = self.seconds_until_due()
            return BreakWarning(self.config.routine, left if left is not None else 0.0)
        return None

    def set_config(self, config: ReminderConfig) -> None:
        """Apply new preferences (keeps the work already counted)."""
        self._account()
        self.config = config
        self._off = not config.enabled
        self._counting = self._should_count()

    def user_idle(self, idle_for: float) -> None:
        """The user has been idle for ``idle_for`` seconds (from the desktop's idle monitor)."""
        if self._idle:
            return
        # Work stopped when the idleness began, not when we heard of it.
        self._account()
        self.worked = max(0.0, self.worked - idle_for) if self._counting else self.worked
        self._idle = True
        self._idle_since = self._elapsed.now() - idle_for
        self._counting = False

    def user_back(self) -> None:
        """The user is active again; an idle stretch as long as the routine was a break."""
        if not self._idle:
            return
        self._account()
        if self._elapsed.now() - self._idle_since >= self.config.break_seconds:
            self.worked = 0.0
            self._pending = self._missed = self._warned = False
        self._idle = False
        self._counting = self._should_count()

    def set_holds(self, holds: frozenset[Hold]) -> Notice | None:
        """What holds reminders back now; when the last hold ends, a missed one is offered.

        A locked screen is also time away: no work counts, and locked as long
        as the break counts as the break.
        """
        self._account()
        was_locked = Hold.LOCKED in self._holds
        self._holds = frozenset(holds)
        now = self._elapsed.now()
        if Hold.LOCKED in self._holds and not was_locked:
            self._locked_since = now
        elif (
            was_locked
            and Hold.LOCKED not in self._holds
            and now - self._locked_since >= self.config.break_seconds
        ):
            self.worked = 0.0
            self._pending = self._missed = self._warned = False
        self._counting = self._should_count()
        return self.update()

    def session_started(self) -> None:
        """A stretching session began: work stops counting, any pending reminder is answered."""
        self._account()
        self._in_session = True
        self._pending = self._missed = self._warned = False
        self._counting = False

    def session_ended(self) -> None:
        """A session ended: that was the break, the work timer starts again."""
        self._account()
        self._in_session = False
        self.worked = 0.0
        self._counting = self._should_count()

    # -- commands -----------------------------------------------------------

    def snooze(self, minutes: int) -> SnoozeResult:
        """No reminder for ``minutes``.

        With a warning or reminder out (or one missed) it comes back then and
        one of today's snoozes is used. With nothing out, the next break only
        ever moves later: when it is further off than ``minutes`` anyway,
        nothing changes and no snooze is used.
        """
        self._account()
        out = self._pending or self._warned or self._missed
        due = self.seconds_until_due()
        if not out and (due is None or due >= minutes * 60):
            return SnoozeResult.NOT_DUE
        if self.snoozes_left() <= 0:
            return SnoozeResult.NONE_LEFT
        today = self._local_now().date()
        self._snoozes = (today, self._snoozes[1] + 1 if self._snoozes[0] == today else 1)
        self._snooze_until = self._elapsed.now() + minutes * 60
        self._pending = self._warned = self._missed = False
        return SnoozeResult.SNOOZED if out else SnoozeResult.POSTPONED

    def remind_now(self) -> Reminder | None:
        """The user asked for the reminder (``hamstring-gui remind``); None during a session."""
        self._account()
        if self._in_session:
            return None
        self._pending, self._pending_date = True, self._local_now().date()
        self._warned = self._missed = False
        return Reminder(self.config.routine, self.worked)

    def dismiss(self) -> None:
        """The reminder was closed without an answer: ask again a little later, no limit used."""
        self._account()
        self._snooze_until = self._elapsed.now() + DISMISS_SNOOZE_MINUTES * 60
        self._pending = self._warned = self._missed = False

    def skip(self) -> None:
        """Skip this break: the work timer starts again."""
        self._account()
        self.worked = 0.0
        self._pending = self._warned = self._missed = False
        self._snooze_until = None

    def pause_for(self, seconds: float) -> None:
        """No reminders for a while (an hour, say)."""
        self._account()
        self._pause_until = self._elapsed.now() + seconds
        self._pause_until_date = None
        self._pending = self._warned = self._missed = False

    def pause_until_tomorrow(self) -> None:
        """No reminders until the local date changes."""
        self._account()
        self._pause_until_date = self._local_now().date()
        self._pause_until = None
        self._pending = self._warned = self._missed = False

    def resume(self) -> None:
        """End a pause or a snooze now."""
        self._account()
        self._pause_until = None
        self._pause_until_date = None
        self._snooze_until = None

    def turn_off(self) -> None:
        """No reminders until turned on."""
        self._account()
        self._off = True
        self._pending = self._warned = self._missed = False

    def turn_on(self) -> None:
        """Reminders again, with the work counted so far."""
        self._account()
        self._off = False
        self._counting = self._should_count()

    # -- outputs ------------------------------------------------------------

    @property
    def state(self) -> ReminderState:
        """On, snoozed, paused or off."""
        if self._off:
            return ReminderState.OFF
        if self._pause_until is not None or self._pause_until_date is not None:
            return ReminderState.PAUSED
        if self._snooze_until is not None:
            return ReminderState.SNOOZED
        return ReminderState.ON

    @property
    def holds(self) -> frozenset[Hold]:
        """What holds reminders back right now."""
        return self._holds

    @property
    def missed(self) -> bool:
        """A reminder fell due while held back; it is offered once when the holds end."""
        return self._missed

    @property
    def warned(self) -> bool:
        """The pre-break notice is out and the reminder has not come yet."""
        return self._warned

    @property
    def pending(self) -> bool:
        """A reminder fired and the user has not answered it yet."""
        return self._pending

    def snoozes_left(self) -> int:
        """Snoozes still allowed today."""
        date, used = self._snoozes
        used = used if date == self._local_now().date() else 0
        return max(0, self.config.snooze_limit - used)

    def seconds_until_due(self) -> float | None:
        """Seconds of counted time until the next reminder, or None when none will come."""
        if self.state in (ReminderState.OFF, ReminderState.PAUSED):
            return None
        elapsed = self._elapsed.now()
        if self._snooze_until is not None:
            return max(0.0, self._snooze_until - elapsed)
        if not self._counting and not self._due():
            return None
        return max(0.0, self.config.work_minutes * 60 - self._worked_now())

    def seconds_until_next_check(self) -> float | None:
        """When the UI's single-shot timer should call :meth:`update` next."""
        if self._off:
            return None
        local = self._local_now()
        candidates = [self.config.active.seconds_to_next_edge(local)]
        due = self.seconds_until_due()
        if due is not None and not self._pending:
            candidates.append(due)
            warning = due - self.config.warning_seconds
            if not self._warned and self.config.warning_seconds > 0 and warning > 0:
                candidates.append(warning)
        elapsed = self._elapsed.now()
        if self._pause_until is not None:
            candidates.append(self._pause_until - elapsed)
        if self._pause_until_date is not None:
            midnight = dt.datetime.combine(
                local.date() + dt.timedelta(days=1), dt.time(), tzinfo=local.tzinfo
            )
            candidates.append((midnight - local).total_seconds())
        return max(0.0, min(candidates))

    def next_reminder_at(self) -> dt.datetime | None:
        """Local time of the next reminder if work goes on as now (for tray and status).

        Outside the active hours it is when the work left will have been done
        in the next active hours; None when reminders are off or paused, or
        during a session.
        """
        if self.state in (ReminderState.OFF, ReminderState.PAUSED) or self._in_session:
            return None
        now = self._local_now()
        if self._snooze_until is not None:
            return now + dt.timedelta(seconds=max(0.0, self._snooze_until - self._elapsed.now()))
        left = max(0.0, self.config.work_minutes * 60 - self._worked_now())
        return self.config.active.after_active_time(now, left)

    # -- internals ----------------------------------------------------------

    @property
    def idle(self) -> bool:
        """The user is away (idle since :meth:`user_idle`, not yet back)."""
        return self._idle

    def active_now(self) -> bool:
        """Tell whether work is being counted right now."""
        return self._counting

    def _worked_now(self) -> float:
        if self._counting:
            return self.worked + max(0.0, self._awake.now() - self._last_awake)
        return self.worked

    def _should_count(self) -> bool:
        return (
            not self._off
            and not self._idle
            and not self._in_session
            and Hold.LOCKED not in self._holds
            and self.config.active.contains(self._local_now())
        )

    def _expire(self, elapsed: float) -> None:
        if self._snooze_until is not None and elapsed >= self._snooze_until:
            self._snooze_until = None
        if self._pause_until is not None and elapsed >= self._pause_until:
            self._pause_until = None
        if self._pause_until_date is not None and self._local_now().date() > self._pause_until_date:
            self._pause_until_date = None
        # A reminder left unanswered overnight (its notification long gone) must
        # not hold back the next day's reminders.
        if self._pending and self._local_now().date() > self._pending_date:
            self._pending = False

    def _in_warning_window(self) -> bool:
        warning = self.config.warning_seconds
        if warning <= 0 or self.state is not ReminderState.ON or self._in_session:
            return False
        if not self.config.active.contains(self._local_now()):
            return False
        left = self.seconds_until_due()
        return left is not None and 0 < left <= warning

    def _due(self) -> bool:
        # Snoozing keeps the counted work, so a snooze that ends finds it still due.
        return (
            self.state is ReminderState.ON
            and not self._in_session
            and self.worked >= self.config.work_minutes * 60
            and self.config.active.contains(self._local_now())
        )
