"""The session controller: one precise single-shot heartbeat, engine events as Qt signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import PhaseKind, build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.compat import keep_singletons_alive
from hamstring_gui.ui.controller import SessionController
from tests.helpers.stubs import FakeClock

keep_singletons_alive()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def controller(qtbot, clock: FakeClock) -> SessionController:
    return SessionController(clock)


def desk_plan():
    return build_plan(builtin_routines()["desk-break"], load_catalog(), SessionSettings())


def test_heartbeat_is_one_precise_single_shot_timer_armed_for_the_next_second(controller, clock):
    controller.start(desk_plan())
    timer = controller.timer
    assert timer.isSingleShot()
    assert timer.timerType() is Qt.TimerType.PreciseTimer
    assert timer.isActive()
    assert timer.interval() == 1000  # next whole second, not a fixed poll rate
    clock.advance(0.25)
    controller.tick()
    assert timer.interval() == 750  # re-armed from the engine's deadline, to the millisecond


def test_the_heartbeat_is_armed_for_the_phase_end_itself_never_later(controller, clock):
    plan = desk_plan()
    controller.start(plan)
    first = plan.phases[0].seconds
    clock.advance(first - 1 + 0.2504)  # 0.7496 s before the phase ends
    controller.tick()
    # Rounded up to the millisecond: at most 1 ms after the deadline, no slack.
    assert controller.timer.interval() == 750
    assert controller.engine is not None and controller.engine.index == 0


def test_an_early_wakeup_starts_nothing_and_re_arms_for_the_rest(controller, clock):
    plan = desk_plan()
    started: list[tuple[int, float]] = []
    controller.phaseStarted.connect(lambda index, _phase: started.append((index, clock.now())))
    controller.start(plan)
    deadline = clock.now() + plan.phases[0].seconds
    clock.advance(plan.phases[0].seconds - 0.0003)  # the timer fired 0.3 ms early
    controller.tick()
    assert [index for index, _ in started] == [0]
    assert controller.timer.isActive() and controller.timer.interval() == 1
    clock.advance(0.0003)
    controller.tick()
    assert [index for index, _ in started] == [0, 1]
    assert controller.phase_index == 1
    assert started[1][1] == pytest.approx(deadline)
    assert controller.timer.interval() == 1000  # the new phase's first second


def test_timer_is_idle_while_paused_and_after_the_end(controller, clock):
    controller.start(desk_plan())
    controller.pause()
    assert not controller.timer.isActive()
    controller.resume()
    assert controller.timer.isActive()
    controller.stop()
    assert not controller.timer.isActive()
    assert not controller.active


def test_signals_follow_the_engine_without_skipping_or_repeating_seconds(qtbot, controller, clock):
    phases: list[tuple[int, PhaseKind]] = []
    seconds: dict[int, list[int]] = {}
    ended = []
    controller.phaseStarted.connect(lambda index, phase: phases.append((index, phase.kind)))
    controller.secondChanged.connect(
        lambda remaining: seconds.setdefault(len(phases) - 1, []).append(remaining)
    )
    controller.ended.connect(ended.append)
    plan = desk_plan()
    controller.start(plan)
    while controller.active:
        clock.advance(0.5)  # ticks at twice the needed rate must not repeat numbers
        controller.tick()
    assert [index for index, _ in phases] == list(range(len(plan.phases)))
    for index, shown in seconds.items():
        length = plan.phases[index].seconds
        assert shown == list(range(length, 0, -1)), index
    assert len(ended) == 1
    assert ended[0].completed


def test_clock_jump_pauses_with_its_reason(qtbot, controller, clock):
    controller.start(desk_plan())
    with qtbot.waitSignal(controller.paused, check_params_cb=lambda r: r == "clock-jump"):
        clock.advance(120)
        controller.tick()
    assert not controller.running


def test_change_hold_reports_the_change_and_rearms(qtbot, controller, clock):
    controller.start(desk_plan())
    assert controller.change_hold(5) == 0  # "Get ready" is not a hold
    controller.skip()
    assert controller.phase.kind is PhaseKind.HOLD
    with qtbot.waitSignal(controller.holdChanged, check_params_cb=lambda d: d == 5):
        controller.change_hold(5)
    assert controller.phase_duration() == 35


def test_observers_hear_every_session_from_its_first_phase_in_attach_order(controller, clock):
    from hamstring_gui.core.session import PhaseStarted, State

    heard: list[tuple[str, object]] = []

    def observer(name: str):
        def build(engine) -> None:
            assert engine.state is State.IDLE  # before the engine starts
            engine.subscribe(
                lambda e: heard.append((name, e.index)) if isinstance(e, PhaseStarted) else None
            )

        return build

    controller.attach(observer("cues"))
    controller.attach(observer("history"))
    controller.start(desk_plan())
    assert heard == [("cues", 0), ("history", 0)]
    heard.clear()
    controller.start(desk_plan())  # every session, not only the first
    assert heard == [("cues", 0), ("history", 0)]


def test_an_observer_attached_mid_session_gets_the_running_one(controller, clock):
    controller.start(desk_plan())
    engines: list[object] = []
    controller.attach(engines.append)
    assert engines == [controller.engine]
    assert controller.state is not None and controller.remaining() > 0
    assert controller.duration(0) == controller.phase_duration()
