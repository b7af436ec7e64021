"""The work-break reminder schedule, with fake clocks and a fake local time."""

from __future__ import annotations

import datetime as dt

import pytest

from hamstring_gui.core.reminders import (
    ActiveHours,
    BreakWarning,
    Hold,
    Reminder,
    ReminderConfig,
    ReminderScheduler,
    ReminderState,
    SnoozeResult,
)
from tests.helpers.stubs import FakeClock

MONDAY_9 = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


class Machine:
    """An awake clock, an elapsed (boot) clock and a wall clock moving together."""

    def __init__(self, start: dt.datetime = MONDAY_9) -> None:
        self.awake = FakeClock(100.0)
        self.elapsed = FakeClock(500.0)
        self.local = start

    def now(self) -> dt.datetime:
        return self.local

    def work(self, seconds: float) -> None:
        self.awake.advance(seconds)
        self.elapsed.advance(seconds)
        self.local += dt.timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.elapsed.advance(seconds)
        self.local += dt.timedelta(seconds=seconds)


def _scheduler(machine: Machine, **config: object) -> ReminderScheduler:
    config.setdefault("warning_seconds", 0)  # the pre-break notice has tests of its own
    return ReminderScheduler(
        ReminderConfig(**config),  # type: ignore[arg-type]
        machine.awake,
        machine.elapsed,
        machine.now,
    )


def _run_until_reminder(machine: Machine, scheduler: ReminderScheduler, limit: float) -> float:
    """Follow the single-shot timer as the UI would; return seconds until a reminder."""
    waited = 0.0
    while waited <= limit:
        step = scheduler.seconds_until_next_check()
        assert step is not None
        step = max(step, 0.001)
        machine.work(step)
        waited += step
        if scheduler.update():
            return waited
    raise AssertionError("no reminder")


def test_reminds_after_the_work_period_with_the_suggested_routine() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50)
    assert scheduler.seconds_until_due() == pytest.approx(3000)
    machine.work(2999)
    assert scheduler.update() is None
    machine.work(1)
    reminder = scheduler.update()
    assert reminder is not None and reminder.routine == "desk-break"
    machine.work(60)
    assert scheduler.update() is None, "never fires twice"
    assert scheduler.pending


def test_single_shot_timer_reaches_the_reminder_exactly() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50)
    assert _run_until_reminder(machine, scheduler, 4000) == pytest.approx(3000)


def test_no_work_counted_outside_active_hours() -> None:
    machine = Machine(dt.datetime(2026, 11, 16, 7, 30, tzinfo=dt.UTC))
    scheduler = _scheduler(machine, work_minutes=50)
    # 30 min before 08:00 do not count: the reminder comes 50 min after 08:00.
    assert _run_until_reminder(machine, scheduler, 10_000) == pytest.approx(1800 + 3000)


def test_weekend_is_quiet_and_monday_counts() -> None:
    saturday = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)
    machine = Machine(saturday)
    scheduler = _scheduler(machine)
    assert scheduler.seconds_until_due() is None
    waited = _run_until_reminder(machine, scheduler, 4 * 24 * 3600)
    assert machine.local.weekday() == 0
    assert machine.local.time() == dt.time(8, 50)
    assert waited > 24 * 3600


def test_snooze_limit_per_day() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, snooze_limit=2)
    _run_until_reminder(machine, scheduler, 700)
    assert scheduler.snooze(5) is SnoozeResult.SNOOZED
    assert scheduler.state is ReminderState.SNOOZED
    assert _run_until_reminder(machine, scheduler, 400) == pytest.approx(300)
    assert scheduler.snooze(10) is SnoozeResult.SNOOZED
    assert _run_until_reminder(machine, scheduler, 700) == pytest.approx(600)
    assert scheduler.snoozes_left() == 0
    assert scheduler.snooze(5) is SnoozeResult.NONE_LEFT
    machine.work(24 * 3600)  # next day
    assert scheduler.snoozes_left() == 2


def test_skip_restarts_the_work_timer() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10)
    _run_until_reminder(machine, scheduler, 700)
    scheduler.skip()
    assert scheduler.seconds_until_due() == pytest.approx(600)


def test_session_is_the_break() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10)
    _run_until_reminder(machine, scheduler, 700)
    scheduler.session_started()
    machine.work(300)
    assert scheduler.update() is None
    assert scheduler.seconds_until_due() is None
    scheduler.session_ended()
    assert scheduler.seconds_until_due() == pytest.approx(600)


def test_idle_as_long_as_the_routine_is_a_break() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, break_seconds=300)
    machine.work(1200)
    scheduler.update()
    scheduler.user_idle(60)  # idle since a minute ago
    assert scheduler.worked == pytest.approx(1140)
    machine.work(3600)  # away: nothing counts, nothing fires
    assert scheduler.update() is None
    assert scheduler.seconds_until_due() is None
    scheduler.user_back()
    assert scheduler.worked == 0
    assert scheduler.seconds_until_due() == pytest.approx(3000)


def test_short_idle_pauses_counting_without_resetting() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, break_seconds=300)
    machine.work(1200)
    scheduler.user_idle(30)
    machine.work(100)
    scheduler.user_back()
    assert scheduler.worked == pytest.approx(1170)


def test_do_not_disturb_holds_a_due_reminder_until_it_ends() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10)
    assert scheduler.set_holds(frozenset({Hold.FULL_SCREEN})) is None
    machine.work(900)
    assert scheduler.update() is None
    reminder = scheduler.set_holds(frozenset())
    assert reminder is not None


def test_a_long_suspend_is_a_break_and_never_fires_early() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, break_seconds=300)
    machine.work(2900)
    machine.sleep(3600)
    assert scheduler.update() is None
    assert scheduler.seconds_until_due() == pytest.approx(3000)


def test_a_short_suspend_is_not_work() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, break_seconds=300)
    machine.work(1000)
    machine.sleep(120)
    scheduler.update()
    assert scheduler.worked == pytest.approx(1000)


@pytest.mark.parametrize("jump_hours", [-5, -1, 1, 9])
def test_wall_clock_and_time_zone_changes_never_fire_early_or_twice(jump_hours: int) -> None:
    machine = Machine(dt.datetime(2026, 11, 16, 11, 0, tzinfo=dt.UTC))
    scheduler = _scheduler(machine, work_minutes=50)
    machine.work(600)
    scheduler.update()
    # The wall clock (or the zone) jumps; the awake and elapsed clocks do not.
    zone = dt.timezone(dt.timedelta(hours=jump_hours))
    machine.local = (machine.local + dt.timedelta(hours=jump_hours)).replace(tzinfo=zone)
    assert scheduler.update() is None
    fired = 0
    counted = 600.0
    for _ in range(200):
        machine.work(30)
        if scheduler.active_now():
            counted += 30
        if scheduler.update():
            fired += 1
            assert counted >= 3000, "fired before 50 minutes of work"
            break
    assert fired <= 1


def test_pause_for_an_hour_and_until_tomorrow() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10)
    scheduler.pause_for(3600)
    assert scheduler.state is ReminderState.PAUSED
    machine.work(1800)
    assert scheduler.update() is None
    machine.work(1800)
    assert scheduler.update() is not None  # the work went on counting
    scheduler.skip()
    scheduler.pause_until_tomorrow()
    machine.work(8 * 3600)
    assert scheduler.update() is None
    assert scheduler.state is ReminderState.PAUSED
    machine.work(16 * 3600)  # Tuesday morning
    scheduler.update()
    assert scheduler.state is ReminderState.ON


def test_off_means_off() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, enabled=False)
    assert scheduler.state is ReminderState.OFF
    assert scheduler.seconds_until_next_check() is None
    machine.work(3600)
    assert scheduler.update() is None
    scheduler.turn_on()
    assert scheduler.seconds_until_due() == pytest.approx(600)


def test_next_reminder_at_is_local_time() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50)
    assert scheduler.next_reminder_at() == MONDAY_9 + dt.timedelta(minutes=50)


def test_active_hours_edges() -> None:
    hours = ActiveHours(frozenset({"mon"}), dt.time(8), dt.time(18))
    monday = dt.datetime(2026, 11, 16, 17, 59, tzinfo=dt.UTC)
    assert hours.contains(monday)
    assert not hours.contains(monday.replace(hour=18, minute=0))
    assert hours.seconds_to_next_edge(monday) == pytest.approx(60)


# -- the pre-break notice, holds, snoozes with nothing due (issue 23) -----------------


def test_a_gentle_notice_comes_warning_seconds_before_the_reminder() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, warning_seconds=30)
    assert scheduler.seconds_until_next_check() == pytest.approx(570)
    machine.work(570)
    warning = scheduler.update()
    assert isinstance(warning, BreakWarning)
    assert warning.seconds_left == pytest.approx(30)
    assert scheduler.update() is None, "one notice per break"
    assert scheduler.seconds_until_next_check() == pytest.approx(30)
    machine.work(30)
    assert isinstance(scheduler.update(), Reminder)


def test_no_notice_when_it_is_switched_off() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, warning_seconds=0)
    assert scheduler.seconds_until_next_check() == pytest.approx(600)
    machine.work(599)
    assert scheduler.update() is None


def test_skip_from_the_notice_starts_the_work_timer_again() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, warning_seconds=30)
    machine.work(575)
    assert isinstance(scheduler.update(), BreakWarning)
    scheduler.skip()
    machine.work(60)
    assert scheduler.update() is None
    assert scheduler.seconds_until_due() == pytest.approx(540)


@pytest.mark.parametrize("hold", [Hold.FULL_SCREEN, Hold.DO_NOT_DISTURB])
def test_a_hold_keeps_the_reminder_back_and_offers_it_once_afterwards(hold: Hold) -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, warning_seconds=30)
    machine.work(300)
    assert scheduler.set_holds(frozenset({hold})) is None
    for _ in range(6):  # well past due, checked again and again: nothing shows
        machine.work(300)
        assert scheduler.update() is None
    assert scheduler.missed
    late = scheduler.set_holds(frozenset())
    assert isinstance(late, Reminder) and late.late
    assert scheduler.update() is None and scheduler.set_holds(frozenset()) is None, "not stacked"


def test_two_holds_overlapping_give_one_reminder_after_the_last() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10)
    scheduler.set_holds(frozenset({Hold.FULL_SCREEN}))
    machine.work(900)
    assert scheduler.set_holds(frozenset({Hold.FULL_SCREEN, Hold.DO_NOT_DISTURB})) is None
    assert scheduler.set_holds(frozenset({Hold.DO_NOT_DISTURB})) is None
    assert isinstance(scheduler.set_holds(frozenset()), Reminder)


def test_a_snooze_that_ends_while_locked_is_offered_once_on_unlock() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, break_seconds=300)
    _run_until_reminder(machine, scheduler, 700)
    scheduler.snooze(1)
    scheduler.set_holds(frozenset({Hold.LOCKED}))
    machine.work(90)
    assert scheduler.update() is None and scheduler.missed
    late = scheduler.set_holds(frozenset())
    assert isinstance(late, Reminder) and late.late


def test_a_locked_screen_long_enough_is_the_break() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, break_seconds=300)
    machine.work(500)
    scheduler.set_holds(frozenset({Hold.LOCKED}))
    machine.work(200)
    assert scheduler.update() is None and scheduler.worked == pytest.approx(500), "no work counts"
    scheduler.set_holds(frozenset())
    assert scheduler.worked == pytest.approx(500), "locked shorter than the break"
    scheduler.set_holds(frozenset({Hold.LOCKED}))
    machine.work(300)
    assert scheduler.set_holds(frozenset()) is None
    assert scheduler.worked == 0


def test_a_missed_reminder_is_forgotten_when_the_user_was_away_long_enough() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=10, break_seconds=300)
    scheduler.set_holds(frozenset({Hold.FULL_SCREEN}))
    machine.work(700)
    scheduler.update()
    assert scheduler.missed
    scheduler.user_idle(400)
    scheduler.user_back()
    assert not scheduler.missed
    assert scheduler.set_holds(frozenset()) is None


def test_snooze_with_nothing_due_never_brings_the_break_sooner_nor_uses_a_snooze() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, snooze_limit=3)
    machine.work(40 * 60)
    before = scheduler.next_reminder_at()
    assert scheduler.snooze(5) is SnoozeResult.NOT_DUE
    assert scheduler.next_reminder_at() == before
    assert scheduler.snoozes_left() == 3
    assert scheduler.state is ReminderState.ON


def test_snooze_beyond_the_next_break_postpones_it_and_counts() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50, snooze_limit=3)
    machine.work(48 * 60)
    before = scheduler.next_reminder_at()
    assert scheduler.snooze(10) is SnoozeResult.POSTPONED
    after = scheduler.next_reminder_at()
    assert before is not None and after is not None and after > before
    assert after == machine.local + dt.timedelta(minutes=10)
    assert scheduler.snoozes_left() == 2


def test_next_reminder_is_named_outside_the_active_hours() -> None:
    friday_evening = dt.datetime(2026, 11, 20, 19, 0, tzinfo=MONDAY_9.tzinfo)
    machine = Machine(friday_evening)
    scheduler = _scheduler(machine, work_minutes=50)
    assert scheduler.state is ReminderState.ON
    # Saturday and Sunday are off: Monday 08:50.
    assert scheduler.next_reminder_at() == dt.datetime(2026, 11, 23, 8, 50, tzinfo=MONDAY_9.tzinfo)


def test_next_reminder_carries_work_left_over_into_the_next_day() -> None:
    late = dt.datetime(2026, 11, 16, 17, 40, tzinfo=MONDAY_9.tzinfo)
    machine = Machine(late)
    scheduler = _scheduler(machine, work_minutes=50)
    # 20 minutes today, 30 tomorrow morning.
    assert scheduler.next_reminder_at() == dt.datetime(2026, 11, 17, 8, 30, tzinfo=MONDAY_9.tzinfo)


def test_no_next_reminder_when_off_paused_or_stretching() -> None:
    machine = Machine()
    scheduler = _scheduler(machine)
    scheduler.pause_for(3600)
    assert scheduler.next_reminder_at() is None
    scheduler.resume()
    scheduler.session_started()
    assert scheduler.next_reminder_at() is None
    scheduler.session_ended()
    scheduler.turn_off()
    assert scheduler.next_reminder_at() is None


def test_remind_now_gives_one_reminder_and_refuses_during_a_session() -> None:
    machine = Machine()
    scheduler = _scheduler(machine, work_minutes=50)
    machine.work(60)
    reminder = scheduler.remind_now()
    assert reminder is not None and reminder.routine == "desk-break"
    assert scheduler.pending
    scheduler.session_started()
    assert scheduler.remind_now() is None


def test_a_reminder_left_unanswered_overnight_does_not_block_the_next_day() -> None:
    machine = Machine(dt.datetime(2026, 11, 16, 17, 0, tzinfo=MONDAY_9.tzinfo))
    scheduler = _scheduler(machine, work_minutes=10)
    _run_until_reminder(machine, scheduler, 700)
    assert scheduler.pending
    machine.sleep(15 * 3600)  # the machine slept through the night
    scheduler.update()
    assert not scheduler.pending
    assert _run_until_reminder(machine, scheduler, 11 * 3600) > 0
