"""The counting rule: a stretch is done at 80 % of its planned hold on every side."""

from __future__ import annotations

import pytest

from hamstring_gui.core.outcome import (
    DONE_SHARE,
    SkipReason,
    Status,
    item_outcomes,
    judge,
    side_done,
)
from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side
from hamstring_gui.core.session import SessionEngine, State
from tests.helpers.stubs import FakeClock

L, R = Side.LEFT, Side.RIGHT


def test_eighty_percent_is_done_seventy_nine_is_started() -> None:
    assert DONE_SHARE == 0.8
    assert judge({"left": 100, "right": 100}, {"left": 80, "right": 80}) is Status.DONE
    assert judge({"left": 100, "right": 100}, {"left": 80, "right": 79}) is Status.STARTED
    assert side_done(24.0 - 1e-9, 30)  # engine floats: 23.999999 s of 30 s is 80 %
    assert not side_done(23.9, 30)


def test_every_side_must_be_held_not_just_one() -> None:
    assert judge({"left": 90, "right": 90}, {"left": 90}) is Status.STARTED
    assert judge({"left": 90, "right": 90}, {"left": 90, "right": 0}) is Status.STARTED
    # A routine item planned for one leg only owes only that leg.
    assert judge({"right": 90}, {"right": 72}) is Status.DONE
    assert judge({"both": 60}, {"both": 48}) is Status.DONE


def test_skipped_hurt_and_not_reached() -> None:
    planned = {"left": 90, "right": 90}
    assert judge(planned, {}, skipped=True) is Status.SKIPPED
    assert judge(planned, {"left": 3}, skipped=True) is Status.STARTED
    assert judge(planned, {"left": 90, "right": 90}, skipped=True) is Status.DONE  # last 0 s
    assert judge(planned, {"left": 90, "right": 90}, hurt=True) is Status.HURT  # never "done"
    assert judge(planned, {}) is Status.NOT_REACHED
    assert judge({}, {}) is Status.NOT_REACHED


def _plan() -> Plan:
    phases = (
        Phase(PhaseKind.PREPARE, "a", L, 1, 5, 0),
        Phase(PhaseKind.HOLD, "a", L, 1, 30, 0),
        Phase(PhaseKind.SWITCH, "a", R, 1, 5, 0),
        Phase(PhaseKind.HOLD, "a", R, 1, 30, 0),
        Phase(PhaseKind.REST, None, None, 0, 10, 0),
        Phase(PhaseKind.PREPARE, "b", None, 1, 5, 1),
        Phase(PhaseKind.MOVE, "b", None, 1, 60, 1),
    )
    return Plan("r", phases, 2)


def _run(clock: FakeClock, engine: SessionEngine, seconds: int) -> None:
    for _ in range(seconds):
        clock.advance(1.0)
        engine.tick()


def test_stopped_three_seconds_into_the_first_hold_is_started_not_done() -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    _run(clock, engine, 5 + 3)
    engine.stop()
    first, second = engine.summary.outcomes
    assert (first.stretch, first.status) == ("a", Status.STARTED)
    assert first.held == {"left": pytest.approx(3.0), "right": 0.0}
    assert first.planned == {"left": 30.0, "right": 30.0}
    assert second.status is Status.NOT_REACHED


def test_a_full_session_is_all_done_and_moves_count_too() -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    _run(clock, engine, 200)
    assert engine.state is State.FINISHED
    assert [o.status for o in engine.summary.outcomes] == [Status.DONE, Status.DONE]


def test_skipping_the_rest_of_a_stretch_keeps_the_reason() -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    _run(clock, engine, 5 + 30 + 5 + 10)  # left held, right 10 s of 30
    engine.skip_stretch(SkipReason.SORE_BACK)
    _run(clock, engine, 100)
    first, second = engine.summary.outcomes
    assert first.status is Status.STARTED and first.reason is SkipReason.SORE_BACK
    assert second.status is Status.DONE and second.reason is None


def test_a_hold_shortened_with_minus_counts_at_its_new_length() -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    _run(clock, engine, 6)
    assert engine.change_hold(-10) == -10  # 20 s now, for both legs
    _run(clock, engine, 200)
    assert engine.summary.outcomes[0].planned == {"left": 20.0, "right": 20.0}
    assert engine.summary.outcomes[0].status is Status.DONE


def test_hurt_marks_the_item_and_gives_its_reason() -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    _run(clock, engine, 5 + 29)
    engine.report_hurt()
    engine.skip_stretch(SkipReason.HURT)
    outcomes = item_outcomes(
        engine.plan,
        [p.seconds for p in engine.plan.phases],
        engine.summary.held,
        engine.summary.skipped,
        engine.summary.hurt,
        engine.summary.reasons,
    )
    assert outcomes[0].status is Status.HURT and outcomes[0].reason is SkipReason.HURT
