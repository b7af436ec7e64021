"""The one bridge between the session engine and Qt.

Lifecycle::

    SessionController(clock)      idle: no engine, timer stopped
      .start(plan)                builds a SessionEngine, starts it, arms the timer
      ... timer fires -> tick()   engine.tick(); re-arm for engine.next_wakeup()
      commands (pause, skip ...)  forwarded to the engine; timer re-armed
      engine ends                 ``ended`` emitted, timer stopped; start() again to repeat

Only the controller touches the engine. Core observers (the cue director,
the history recorder) come through :meth:`SessionController.attach`: the
controller hands each session's engine to them, in the order attached,
before the engine starts, so none misses the first phase. The rest of the
UI listens to the Qt signals and asks the queries below.

There is exactly one single-shot ``QTimer`` (``Qt.PreciseTimer``), armed for
the moment the engine says something next changes (the next whole second or
phase end), to the millisecond, rounded up: a precise timer does not fire
before its interval, so a phase begins within about a millisecond of its
deadline plus the event loop's own delay; a wakeup that still came early
finds nothing due and re-arms for the rest.
Nothing polls at a fixed rate, and the countdown is always computed by the
engine from a deadline on the injected clock, so a late timer never makes
the session drift. Tests inject a fake clock, advance it and call
:meth:`SessionController.tick` themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from hamstring_gui.core.clock import Clock
from hamstring_gui.core.outcome import SkipReason
from hamstring_gui.core.plan import Phase, Plan

if TYPE_CHECKING:
    # The engine is imported with the first session (see start()), as the
    # session page is: the routine list needs neither.
    from hamstring_gui.core.session import Event, SessionEngine, State

HOLD_STEP_SECONDS = 5  # what one press of + or − adds to or takes from a hold


class SessionController(QObject):
    """Runs one session at a time and re-emits the engine's events as Qt signals.

    Signals:
        sessionStarted(object): the :class:`~hamstring_gui.core.plan.Plan` that started.
        phaseStarted(int, object): index and :class:`~hamstring_gui.core.plan.Phase`
            of a phase that began (also after skip, back and restart).
        secondChanged(int): whole seconds left in the current phase; never
            skips or repeats a number within a phase.
        paused(str): the session paused; the value of a
            :class:`~hamstring_gui.core.session.PauseReason` (``user``,
            ``clock-jump``, ``hurt``).
        resumed(): the session runs again.
        holdChanged(float): seconds actually added to (or taken from) the
            current hold by :meth:`change_hold`.
        ended(object): the :class:`~hamstring_gui.core.session.Summary` of a
            session that finished or was stopped.
    """

    sessionStarted = Signal(object)  # noqa: N815 - Qt signal naming
    phaseStarted = Signal(int, object)  # noqa: N815
    secondChanged = Signal(int)  # noqa: N815
    paused = Signal(str)
    resumed = Signal()
    holdChanged = Signal(float)  # noqa: N815
    ended = Signal(object)

    def __init__(
        self,
        clock: Clock,
        parent: QObject | None = None,
        *,
        jump_threshold: float | None = None,
    ) -> None:
        """``jump_threshold``: the clock jump (s) that pauses a session; None: the engine's."""
        super().__init__(parent)
        self.clock = clock
        self.jump_threshold = jump_threshold
        self._engine: SessionEngine | None = None
        self._observers: list[Callable[[SessionEngine], object]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

    # -- queries --------------------------------------------------------------

    @property
    def timer(self) -> QTimer:
        """The heartbeat (exposed for tests: it is single-shot and precise)."""
        return self._timer

    @property
    def engine(self) -> SessionEngine | None:
        """The current (or last) session's engine, for tests; the app asks the controller."""
        return self._engine

    @property
    def state(self) -> State | None:
        """The session's lifecycle state; ``None`` before the first session."""
        return self._engine.state if self._engine else None

    @property
    def running(self) -> bool:
        """Whether a session is running (not paused, not over)."""
        return self._engine is not None and self._engine.running

    @property
    def active(self) -> bool:
        """Whether a session is running or paused."""
        return self._engine is not None and self._engine.active

    @property
    def plan(self) -> Plan | None:
        """The plan of the current (or last) session."""
        return self._engine.plan if self._engine else None

    @property
    def phase(self) -> Phase | None:
        """The current phase, if a session is active."""
        return self._engine.phase if self.active and self._engine else None

    @property
    def phase_index(self) -> int:
        """Index in the plan of the current (or last) phase; 0 before the first session."""
        return self._engine.index if self._engine else 0

    def session_remaining(self) -> float:
        """Seconds left in the whole session (0 when none is active)."""
        return self._engine.session_remaining() if self._engine else 0.0

    def phase_duration(self) -> float:
        """Length of the current phase including hold changes."""
        return self._engine.duration(self._engine.index) if self._engine else 0.0

    def duration(self, index: int) -> float:
        """Length of phase ``index`` including hold changes (0 when no session)."""
        return self._engine.duration(index) if self._engine else 0.0

    def remaining(self) -> float:
        """Seconds left in the current phase, now (0 when no session)."""
        return self._engine.remaining() if self._engine else 0.0

    # -- commands ---------------------------------------------------------------

    def attach(self, observer: Callable[[SessionEngine], object]) -> None:
        """Hand every session's engine to ``observer``, before it starts; a running one now.

        ``observer(engine)`` builds a core observer that subscribes to that
        engine (``attach_cues``, ``SessionRecorder``). Observers are called in
        the order attached; one attached mid-session picks up the current phase.
        """
        self._observers.append(observer)
        if self.active and self._engine is not None:
            observer(self._engine)

    def follow_sessions(self, on_started: Callable[[Plan], None]) -> None:
        """Call ``on_started`` for every session from now on, and now for one already running.

        For what is wired after the first paint: ``start ROUTINE`` has begun
        its session by then, and it must be heard and recorded too.
        """
        self.sessionStarted.connect(on_started)
        if self.active and self._engine is not None:
            on_started(self._engine.plan)

    def start(self, plan: Plan) -> None:
        """Start ``plan`` now, replacing any session that is still active."""
        if self.active and self._engine is not None:
            self._engine.stop()
        from hamstring_gui.core.session import DEFAULT_JUMP_THRESHOLD, SessionEngine

        threshold = DEFAULT_JUMP_THRESHOLD if self.jump_threshold is None else self.jump_threshold
        engine = SessionEngine(plan, self.clock, jump_threshold=threshold)
        # last: the Qt signals (whose slots may open modal dialogs) go out only
        # after the core observers (the history recorder) have had the event.
        engine.subscribe(self._on_event, last=True)
        self._engine = engine
        self.sessionStarted.emit(plan)
        for observer in self._observers:
            observer(engine)
        engine.start()
        self._arm()

    def tick(self) -> None:
        """Bring the engine up to the clock and re-arm the heartbeat."""
        if self._engine is not None:
            self._engine.tick()
        self._arm()

    def pause(self) -> None:
        """Pause the running session."""
        self._command(lambda e: e.pause())

    def resume(self) -> None:
        """Resume a paused session."""
        self._command(lambda e: e.resume())

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused."""
        self._command(lambda e: e.toggle_pause())

    def skip(self) -> None:
        """Go to the next phase now."""
        self._command(lambda e: e.skip())

    def back(self) -> None:
        """Restart this phase, or go to the previous one when it just began."""
        self._command(lambda e: e.back())

    def skip_stretch(self, reason: SkipReason = SkipReason.CHOSEN) -> None:
        """Leave the current stretch for the next one; ``reason`` is said back at the end."""
        self._command(lambda e: e.skip_stretch(reason))

    def skip_for_sore_back(self) -> None:
        """Leave out a stretch marked "Not for a sore back" (B); the end screen says why."""
        self.skip_stretch(SkipReason.SORE_BACK)

    def report_hurt(self) -> None:
        """The user pressed "That hurts": stop stretching at once."""
        self._command(lambda e: e.report_hurt())

    def stop(self) -> None:
        """End the session early."""
        self._command(lambda e: e.stop())

    def change_hold(self, delta: float) -> float:
        """Lengthen or shorten the current hold (and its twin on the other leg).

        Returns:
            The change actually applied, in seconds (0 outside holds).
        """
        if self._engine is None:
            return 0.0
        applied = self._engine.change_hold(delta)
        self._arm()
        if applied:
            self.holdChanged.emit(applied)
        return applied

    # -- internals ----------------------------------------------------------------

    def _command(self, action: Callable[[SessionEngine], None]) -> None:
        if self._engine is None:
            return
        action(self._engine)
        self._arm()

    def _arm(self) -> None:
        """Schedule the single-shot heartbeat for the engine's next wakeup."""
        wakeup = self._engine.next_wakeup() if self._engine else None
        if wakeup is None:
            self._timer.stop()
            return
        # Rounded up, never down: a timer a fraction of a millisecond early would
        # find nothing due and cost a second wakeup. (It used to wait 2 ms more
        # "to be safe": every phase then began 2-3 ms late, for nothing.)
        # (Microseconds first: 0.75 s is 750.0000000001 ms in floating point.)
        delay_ms = round(max(0.0, wakeup - self.clock.now()) * 1000, 3)
        self._timer.start(math.ceil(delay_ms))

    def _on_event(self, event: Event) -> None:
        from hamstring_gui.core.session import Ended, Paused, PhaseStarted, Resumed, SecondChanged

        match event:
            case PhaseStarted(index=index, phase=phase):
                self.phaseStarted.emit(index, phase)
            case SecondChanged(remaining=remaining):
                self.secondChanged.emit(remaining)
            case Paused(reason=reason):
                self.paused.emit(str(reason))
            case Resumed():
                self.resumed.emit()
            case Ended(summary=summary):
                self._timer.stop()
                self.ended.emit(summary)


__all__ = ["SessionController"]
