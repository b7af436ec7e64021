"""The session engine, driven by a fake clock."""

from __future__ import annotations

import dataclasses

import pytest

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side, build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.session import (
    Ended,
    Event,
    Paused,
    PauseReason,
    PhaseStarted,
    Resumed,
    SecondChanged,
    SessionEngine,
    State,
    TransitionError,
)
from hamstring_gui.core.settings import SessionSettings
from tests.helpers.stubs import FakeClock

L, R = Side.LEFT, Side.RIGHT


def _phases(*specs: tuple[PhaseKind, Side | None, int]) -> Plan:
    phases = tuple(
        Phase(kind, None if kind is PhaseKind.REST else "s", side, 1, seconds, 0)
        for kind, side, seconds in specs
    )
    return Plan("test", phases, 1)


SIMPLE = _phases(
    (PhaseKind.PREPARE, L, 5),
    (PhaseKind.HOLD, L, 10),
    (PhaseKind.SWITCH, R, 3),
    (PhaseKind.HOLD, R, 10),
)


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        return [e for e in self.events if isinstance(e, kind)]


def _engine(plan: Plan = SIMPLE) -> tuple[SessionEngine, FakeClock, Recorder]:
    clock = FakeClock()
    recorder = Recorder()
    return SessionEngine(plan, clock, recorder), clock, recorder


def _walk(engine: SessionEngine, clock: FakeClock, seconds: float, step: float = 1.0) -> None:
    """Let ``seconds`` pass with a tick every ``step`` (as the UI heartbeat would)."""
    while seconds > 1e-9:
        clock.advance(min(step, seconds))
        seconds -= step
        engine.tick()


def _run_ticking(engine: SessionEngine, clock: FakeClock, step: float) -> None:
    while engine.state is State.RUNNING:
        clock.advance(step)
        engine.tick()


def test_start_reports_first_phase_and_countdown() -> None:
    engine, _, rec = _engine()
    engine.start()
    assert rec.events[:2] == [PhaseStarted(0, SIMPLE.phases[0]), SecondChanged(0, 5)]
    assert engine.state is State.RUNNING
    assert engine.session_remaining() == 28


def test_phases_end_on_their_deadlines_without_drift() -> None:
    engine, clock, rec = _engine()
    start = clock.now()
    engine.start()
    # Irregular, late ticks: boundaries are still computed from deadlines.
    for step in [0.7, 1.9, 0.3, 2.6, 4.4, 0.1, 3.3, 2.2, 4.9, 3.1, 2.5, 3.0]:
        clock.advance(step)
        engine.tick()
    assert engine.state is State.FINISHED
    summary = rec.of(Ended)[0].summary
    assert summary.completed
    assert summary.seconds["left"] == pytest.approx(10)
    assert summary.seconds["right"] == pytest.approx(10)
    assert clock.now() - start >= 28


def test_late_tick_crossing_a_boundary_starts_next_phase_at_the_deadline() -> None:
    engine, clock, _ = _engine()
    engine.start()
    clock.advance(4.0)
    engine.tick()
    clock.advance(2.5)  # one late tick, 1.5 s into the hold
    engine.tick()
    assert engine.index == 1
    assert engine.remaining() == pytest.approx(8.5)


def test_countdown_shows_every_whole_second_once_when_woken_on_time() -> None:
    engine, clock, rec = _engine()
    engine.start()
    while engine.state is State.RUNNING:
        wake = engine.next_wakeup()
        assert wake is not None and wake > clock.now() - 1e-9
        clock.advance(wake - clock.now())
        engine.tick()
    per_phase: dict[int, list[int]] = {}
    for event in rec.of(SecondChanged):
        per_phase.setdefault(event.index, []).append(event.remaining)
    for index, seen in per_phase.items():
        seconds = SIMPLE.phases[index].seconds
        assert seen == list(range(seconds, 0, -1)), index


def test_pause_freezes_and_resume_continues_with_what_was_left() -> None:
    engine, clock, rec = _engine()
    engine.start()
    _walk(engine, clock, 7)  # 2 s into the left hold
    engine.pause()
    assert rec.of(Paused) == [Paused(PauseReason.USER)]
    clock.advance(100)
    engine.tick()
    assert engine.remaining() == pytest.approx(8)
    engine.resume()
    assert rec.of(Resumed) == [Resumed()]
    _walk(engine, clock, 8)
    assert engine.index == 2


def test_toggle_pause() -> None:
    engine, _, _ = _engine()
    engine.start()
    engine.toggle_pause()
    assert engine.state is State.PAUSED
    engine.toggle_pause()
    assert engine.state is State.RUNNING


def test_clock_jump_pauses_where_the_session_was() -> None:
    engine, clock, rec = _engine()
    engine.start()
    _walk(engine, clock, 6)  # 1 s into the hold
    clock.advance(3600)  # the machine slept
    engine.tick()
    assert engine.state is State.PAUSED
    assert engine.pause_reason is PauseReason.CLOCK_JUMP
    assert rec.of(Paused)[-1] == Paused(PauseReason.CLOCK_JUMP)
    assert engine.index == 1
    assert engine.remaining() == pytest.approx(9)
    assert engine.summary.seconds["left"] == 0  # nothing credited for the sleep


def test_skip_moves_on_and_records_the_skip() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 6)
    engine.skip()
    assert engine.index == 2
    assert engine.summary.skipped == [1]
    assert engine.summary.seconds["left"] == pytest.approx(1)


def test_back_restarts_phase_after_three_seconds_else_goes_back() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 9)  # 4 s into the hold
    engine.back()
    assert engine.index == 1
    assert engine.remaining() == pytest.approx(10)
    _walk(engine, clock, 1)
    engine.back()
    assert engine.index == 0
    assert engine.remaining() == pytest.approx(5)


def test_back_while_paused_stays_paused() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 6)
    engine.pause()
    engine.back()
    assert engine.state is State.PAUSED
    assert engine.index == 0


def test_restart_stretch_goes_to_its_first_phase() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 20)
    assert engine.index == 3
    engine.restart_stretch()
    assert engine.index == 0


def test_change_hold_extends_this_hold_and_its_twin_on_the_other_leg() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 6)
    assert engine.change_hold(5) == 5
    assert engine.remaining() == pytest.approx(14)
    assert engine.duration(3) == 15
    _run_ticking(engine, clock, 0.5)
    assert engine.summary.seconds["left"] == pytest.approx(15)
    assert engine.summary.seconds["right"] == pytest.approx(15)


def test_change_hold_never_shortens_below_what_is_done() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 9)  # 4 s into a 10 s hold
    applied = engine.change_hold(-30)
    assert applied == pytest.approx(-5)
    assert engine.remaining() == pytest.approx(1)


def test_change_hold_is_ignored_outside_holds() -> None:
    engine, _, _ = _engine()
    engine.start()
    assert engine.change_hold(5) == 0


def test_stop_ends_with_a_summary() -> None:
    engine, clock, rec = _engine()
    engine.start()
    _walk(engine, clock, 8)
    engine.stop()
    assert engine.state is State.STOPPED
    (ended,) = rec.of(Ended)
    assert not ended.summary.completed
    assert ended.summary.seconds["left"] == pytest.approx(3)
    engine.stop()  # a second stop is harmless
    assert len(rec.of(Ended)) == 1


def test_report_hurt_pauses_and_records() -> None:
    engine, clock, _ = _engine()
    engine.start()
    _walk(engine, clock, 6)
    engine.report_hurt()
    assert engine.state is State.PAUSED
    assert engine.pause_reason is PauseReason.HURT
    assert engine.summary.hurt == [1]


def test_skip_stretch_jumps_to_the_next_stretch() -> None:
    plan = build_plan(builtin_routines()["desk-break"], load_catalog(), SessionSettings())
    engine, clock, _ = _engine(plan)
    engine.start()
    _walk(engine, clock, 6)
    engine.skip_stretch()
    assert engine.phase.stretch == "standing-hamstring"
    assert engine.phase.kind is PhaseKind.PREPARE


def test_skip_stretch_on_the_last_stretch_finishes() -> None:
    engine, _, rec = _engine()
    engine.start()
    engine.skip_stretch()
    assert engine.state is State.FINISHED
    assert rec.of(Ended)[0].summary.skipped == [0, 1, 2, 3]


def test_commands_before_start_do_nothing_and_start_twice_is_refused() -> None:
    engine, _, rec = _engine()
    engine.pause()
    engine.skip()
    engine.back()
    assert rec.events == []
    engine.start()
    with pytest.raises(TransitionError):
        engine.start()


def test_next_wakeup_is_none_unless_running() -> None:
    engine, _, _ = _engine()
    assert engine.next_wakeup() is None
    engine.start()
    assert engine.next_wakeup() == pytest.approx(1001.0)
    engine.pause()
    assert engine.next_wakeup() is None


def test_empty_plan_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one phase"):
        SessionEngine(Plan("x", (), 0), FakeClock())


def test_whole_builtin_routine_runs_to_completion_balanced() -> None:
    plan = build_plan(builtin_routines()["full-session"], load_catalog(), SessionSettings())
    engine, clock, rec = _engine(plan)
    engine.start()
    _run_ticking(engine, clock, 1.0)
    summary = rec.of(Ended)[0].summary
    assert summary.completed
    assert summary.seconds["left"] == pytest.approx(summary.seconds["right"])
    assert summary.seconds["left"] > 0
    assert len(rec.of(PhaseStarted)) == len(plan.phases)


def test_skipping_the_last_phase_while_paused_finishes() -> None:
    """Found by the state-machine test: PAUSED -> FINISHED must be allowed."""
    engine, _, rec = _engine(_phases((PhaseKind.HOLD, None, 5)))
    engine.start()
    engine.pause()
    engine.skip()
    assert engine.state is State.FINISHED
    assert len(rec.of(Ended)) == 1


def test_skip_stretch_records_its_work_phases_not_its_rests() -> None:
    plan = _phases(
        (PhaseKind.HOLD, None, 5),
        (PhaseKind.REST, None, 5),
        (PhaseKind.HOLD, None, 5),
    )
    plan = Plan("test", tuple(dataclasses.replace(p, stretch="s") for p in plan.phases), 1)
    engine, _, _ = _engine(plan)
    engine.start()
    engine.skip_stretch()
    assert engine.summary.skipped == [0, 2]
    assert engine.state is State.FINISHED


def test_restart_stretch_from_a_rest_between_stretches_stays_on_it() -> None:
    plan = build_plan(builtin_routines()["desk-break"], load_catalog(), SessionSettings())
    engine, clock, _ = _engine(plan)
    engine.start()
    rest = next(i for i, p in enumerate(plan.phases) if p.stretch is None)
    while engine.index < rest:
        engine.skip()
    engine.restart_stretch()
    assert engine.index == rest


def test_a_last_listener_hears_each_event_after_listeners_that_subscribed_later() -> None:
    engine, _, _ = _engine()
    heard: list[str] = []
    engine.subscribe(lambda event: heard.append(f"ui {type(event).__name__}"), last=True)
    engine.subscribe(lambda event: heard.append(f"core {type(event).__name__}"))
    engine.start()
    assert heard[:2] == ["core PhaseStarted", "ui PhaseStarted"]
