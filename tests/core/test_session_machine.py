"""Random commands and clock jumps against the engine's invariants (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.session import Ended, Event, SessionEngine, State
from hamstring_gui.core.settings import SessionSettings
from tests.helpers.stubs import FakeClock

SHORT = SessionSettings(
    hold_seconds=10,
    rest_seconds=2,
    switch_seconds=2,
    prepare_seconds=1,
    reps=2,
    contract_seconds=3,
    relax_seconds=1,
    deeper_hold_seconds=10,
)


class EngineMachine(RuleBasedStateMachine):
    @initialize(routine=st.sampled_from(sorted(builtin_routines())))
    def setup(self, routine: str) -> None:
        self.plan = build_plan(builtin_routines()[routine], load_catalog(), SHORT)
        self.clock = FakeClock()
        self.events: list[Event] = []
        self.engine = SessionEngine(self.plan, self.clock, self.events.append)
        self.engine.start()
        self.disturbed = False  # skip/back/restart/hold changes break exact balance
        self.extended = 0.0
        self.repeated = False  # back/restart repeat phases on purpose
        self.last_index = 0

    def _moved(self, *, may_go_back: bool = False) -> None:
        if not may_go_back and self.engine.state in (State.RUNNING, State.PAUSED):
            assert self.engine.index >= self.last_index, "phases only move forward"
        self.last_index = self.engine.index

    @rule(seconds=st.floats(0.01, 2.5))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.engine.tick()
        self._moved()

    @rule(seconds=st.floats(6, 100_000))
    def machine_sleeps(self, seconds: float) -> None:
        was_running = self.engine.state is State.RUNNING
        index = self.engine.index
        self.clock.advance(seconds)
        self.engine.tick()
        if was_running:
            assert self.engine.state is State.PAUSED
            assert self.engine.index == index, "a sleep never skips phases"
        self._moved()

    @rule()
    def pause(self) -> None:
        self.engine.pause()
        self._moved()

    @rule()
    def resume(self) -> None:
        self.engine.resume()
        self._moved()

    @rule()
    def skip(self) -> None:
        self.disturbed |= self.engine.state in (State.RUNNING, State.PAUSED)
        self.engine.skip()
        self._moved()

    @rule()
    def back(self) -> None:
        self.disturbed |= self.engine.state in (State.RUNNING, State.PAUSED)
        self.repeated |= self.engine.state in (State.RUNNING, State.PAUSED)
        self.engine.back()
        self._moved(may_go_back=True)

    @rule()
    def restart_stretch(self) -> None:
        self.disturbed |= self.engine.state in (State.RUNNING, State.PAUSED)
        self.repeated |= self.engine.state in (State.RUNNING, State.PAUSED)
        self.engine.restart_stretch()
        self._moved(may_go_back=True)

    @rule(delta=st.sampled_from([5.0, -5.0]))
    def change_hold(self, delta: float) -> None:
        applied = self.engine.change_hold(delta)
        if applied:
            self.disturbed = True
            self.extended += max(0.0, applied) * 2  # the twin on the other leg too
        self._moved()

    @rule()
    def stop(self) -> None:
        self.engine.stop()

    @invariant()
    def remaining_never_negative(self) -> None:
        assert self.engine.remaining() >= 0
        assert self.engine.session_remaining() >= 0
        assert self.engine.remaining_whole() >= 0

    @invariant()
    def held_time_never_exceeds_plan_plus_extensions(self) -> None:
        if self.repeated:
            return
        planned = sum(p.seconds for p in self.plan.phases if p.kind.is_stretching)
        held = sum(self.engine.summary.seconds.values())
        assert held <= planned + self.extended + 1e-6

    @invariant()
    def completed_undisturbed_session_held_both_legs_equally(self) -> None:
        if self.engine.state is State.FINISHED and not self.disturbed:
            seconds = self.engine.summary.seconds
            assert seconds["left"] == pytest.approx(seconds["right"])
            planned = sum(p.seconds for p in self.plan.phases if p.kind.is_stretching and p.side)
            assert seconds["left"] + seconds["right"] == pytest.approx(planned)

    @invariant()
    def one_end_event_at_most(self) -> None:
        ended = [e for e in self.events if isinstance(e, Ended)]
        assert len(ended) <= 1
        assert bool(ended) == (self.engine.state in (State.FINISHED, State.STOPPED))


EngineMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestEngineMachine = EngineMachine.TestCase


def test_undisturbed_random_ticking_completes_balanced() -> None:
    """A direct check that the equal-legs invariant is reachable, not vacuous."""
    plan = build_plan(builtin_routines()["desk-break"], load_catalog(), SHORT)
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    engine.start()
    step = 0
    while engine.state is State.RUNNING:
        clock.advance(0.3 + (step % 7) * 0.31)
        engine.tick()
        step += 1
    assert engine.state is State.FINISHED
    assert engine.summary.seconds["left"] == pytest.approx(engine.summary.seconds["right"])
