"""The work-break reminder schedule, with fake clocks and a fake local time."""

from __future__ import annotations

import datetime as dt

import pytest

from hamstring_gui.core.reminders import (
    ActiveHours,
    ReminderConfig,
    ReminderScheduler,
    ReminderState,
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
    assert scheduler.snooze(5)
    assert scheduler.state is ReminderState.SNOOZED
    assert _run_until_reminder(machine, scheduler, 400) == pytest.approx(300)
    assert scheduler.snooze(10)
    assert _run_until_reminder(machine, scheduler, 700) == pytest.approx(600)
    assert scheduler.snoozes_left() == 0
    assert not scheduler.snooze(5)
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
    assert scheduler.set_do_not_disturb(True) is None
    machine.work(900)
    assert scheduler.update() is None
    reminder = scheduler.set_do_not_disturb(False)
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
