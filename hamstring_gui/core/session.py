"""The session engine: a state machine that walks a plan against a clock.

Lifecycle::

    IDLE --start--> RUNNING <--pause/resume--> PAUSED
    RUNNING/PAUSED --stop--> STOPPED
    RUNNING --last phase ends--> FINISHED (also PAUSED --skip last phase-->)

The engine is passive (like Workrave's timers): it owns no timer. The UI calls
:meth:`SessionEngine.tick` whenever it likes, ideally at
:meth:`SessionEngine.next_wakeup`. Each phase ends at a deadline computed on
the clock; the next phase starts at that deadline, not at the tick that
noticed it, so late ticks never make a session drift. A tick that finds the
clock jumped more than ``jump_threshold`` seconds since the previous one (the
machine slept) pauses the session where it was instead of skipping phases.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from hamstring_gui.core.clock import Clock
from hamstring_gui.core.outcome import ItemOutcome, SkipReason, item_outcomes, side_key, works
from hamstring_gui.core.plan import Phase, PhaseKind, Plan

# How far into a phase "back" restarts it rather than going to the previous one.
BACK_RESTARTS_AFTER = 3.0
DEFAULT_JUMP_THRESHOLD = 5.0
MIN_PHASE_SECONDS = 1.0


class State(StrEnum):
    """Where a session is in its lifecycle."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


class PauseReason(StrEnum):
    """Why a session paused: the UI words each differently."""

    USER = "user"
    CLOCK_JUMP = "clock-jump"
    HURT = "hurt"


_ALLOWED: dict[State, frozenset[State]] = {
    State.IDLE: frozenset({State.RUNNING, State.STOPPED}),
    State.RUNNING: frozenset({State.PAUSED, State.FINISHED, State.STOPPED}),
    State.PAUSED: frozenset({State.RUNNING, State.FINISHED, State.STOPPED}),
    State.FINISHED: frozenset(),
    State.STOPPED: frozenset(),
}


class TransitionError(RuntimeError):
    """A command that the session's current state does not allow."""


@dataclass(frozen=True)
class PhaseStarted:
    """A phase began (also after skip, back and restart)."""

    index: int
    phase: Phase


@dataclass(frozen=True)
class SecondChanged:
    """The whole-second countdown of the current phase changed."""

    index: int
    remaining: int


@dataclass(frozen=True)
class Paused:
    """The session paused."""

    reason: PauseReason


@dataclass(frozen=True)
class Resumed:
    """The session runs again."""


@dataclass(frozen=True)
class Ended:
    """The session finished (``completed``) or was stopped."""

    summary: Summary


Event = PhaseStarted | SecondChanged | Paused | Resumed | Ended


@dataclass
class Summary:
    """What the user actually did: seconds stretched per side, skips and hold changes.

    ``held`` is the working time (holds, PNF, moves) per (item, side) that the
    counting rule of :mod:`~hamstring_gui.core.outcome` judges; ``outcomes`` is
    that judgement, filled in when the session ends.
    """

    routine: str
    completed: bool = False
    seconds: dict[str, float] = field(
        default_factory=lambda: {"left": 0.0, "right": 0.0, "both": 0.0}
    )  # noqa: E501
    per_stretch: dict[tuple[str, str], float] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)
    hurt: list[int] = field(default_factory=list)
    held: dict[tuple[int, str], float] = field(default_factory=dict)
    reasons: dict[int, SkipReason] = field(default_factory=dict)
    outcomes: list[ItemOutcome] = field(default_factory=list)

    def add(self, phase: Phase, seconds: float) -> None:
        """Credit ``seconds`` of a phase to its side and stretch."""
        if seconds <= 0 or phase.stretch is None:
            return
        side = side_key(phase)
        if works(phase):
            key_item = (phase.item, side)
            self.held[key_item] = self.held.get(key_item, 0.0) + seconds
        if not phase.kind.is_stretching:
            return
        self.seconds[side] += seconds
        key = (phase.stretch, side)
        self.per_stretch[key] = self.per_stretch.get(key, 0.0) + seconds


class SessionEngine:
    """Walks a :class:`Plan` phase by phase against an injected :class:`Clock`.

    Every command takes effect at ``clock.now()``. Listeners get
    :data:`Event` objects synchronously, in order.
    """

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        on_event: Callable[[Event], None] | None = None,
        *,
        jump_threshold: float = DEFAULT_JUMP_THRESHOLD,
    ) -> None:
        if not plan.phases:
            raise ValueError("a session needs at least one phase")
        self.plan = plan
        self.clock = clock
        self.jump_threshold = jump_threshold
        self._listeners: list[Callable[[Event], None]] = [on_event] if on_event else []
        self._late_listeners: list[Callable[[Event], None]] = []
        self._state = State.IDLE
        self._index = 0
        self._durations = [float(phase.seconds) for phase in plan.phases]
        self._deadline = 0.0  # while running: when the current phase ends
        self._remaining = self._durations[0]  # while paused or idle
        self._last_seen = 0.0
        self._shown_second: int | None = None
        self._credited = 0.0  # seconds of the current phase already credited
        self.summary = Summary(plan.routine)
        self.pause_reason: PauseReason | None = None

    # -- observation --------------------------------------------------------

    def subscribe(self, listener: Callable[[Event], None], *, last: bool = False) -> None:
        """Add a listener for engine events.

        ``last``: hear each event after every other listener, whenever they
        subscribed. The UI bridge uses it: its handlers may open a modal
        dialog (the self-test result, "that hurts"), and the record of a
        phase or of the end must not wait behind one.
        """
        (self._late_listeners if last else self._listeners).append(listener)

    @property
    def state(self) -> State:
        """The lifecycle state."""
        return self._state

    @property
    def running(self) -> bool:
        """Whether the session is running (not paused, not over)."""
        return self._state is State.RUNNING

    @property
    def active(self) -> bool:
        """Whether the session is running or paused (begun and not over)."""
        return self._state in (State.RUNNING, State.PAUSED)

    @property
    def index(self) -> int:
        """Index of the current phase in the plan."""
        return self._index

    @property
    def phase(self) -> Phase:
        """The current phase."""
        return self.plan.phases[self._index]

    @property
    def next_phase(self) -> Phase | None:
        """The phase after the current one, if any."""
        following = self._index + 1
        return self.plan.phases[following] if following < len(self.plan.phases) else None

    def duration(self, index: int) -> float:
        """Length of a phase including hold changes."""
        return self._durations[index]

    def remaining(self, now: float | None = None) -> float:
        """Seconds left in the current phase (never negative)."""
        if self._state is State.RUNNING:
            now = self.clock.now() if now is None else now
            return max(0.0, self._deadline - now)
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        return self._remaining

    def remaining_whole(self, now: float | None = None) -> int:
        """The countdown as shown: whole seconds, rounded up."""
        return math.ceil(self.remaining(now) - 1e-9)

    def session_remaining(self, now: float | None = None) -> float:
        """Seconds left in the whole session."""
        if self._state in (State.FINISHED, State.STOPPED):
            return 0.0
        return self.remaining(now) + sum(self._durations[self._index + 1 :])

    def next_wakeup(self) -> float | None:
        """The clock time of the next whole-second change or phase end, if running."""
        if self._state is not State.RUNNING:
            return None
        left = self._deadline - self.clock.now()
        if left <= 0:
            return self.clock.now()
        shown_next = math.ceil(left - 1e-9) - 1
        return self._deadline - max(0, shown_next)

    # -- commands -----------------------------------------------------------

    def start(self) -> None:
        """Begin the first phase now."""
        now = self.clock.now()
        self._goto(State.RUNNING)
        self._begin_phase(0, now)

    def pause(self, reason: PauseReason = PauseReason.USER) -> None:
        """Freeze the countdown; a no-op when not running."""
        if self._state is not State.RUNNING:
            return
        now = self.clock.now()
        self._pause_at(min(now, self._deadline), reason)

    def resume(self) -> None:
        """Continue with the time that was left when paused."""
        if self._state is not State.PAUSED:
            return
        now = self.clock.now()
        self._goto(State.RUNNING)
        self.pause_reason = None
        self._deadline = now + self._remaining
        self._last_seen = now
        self._emit(Resumed())
        self._emit_second(now)

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused."""
        if self._state is State.RUNNING:
            self.pause()
        elif self._state is State.PAUSED:
            self.resume()

    def skip(self) -> None:
        """End the current phase now and move to the next one."""
        if not self._active():
            return
        now = self.clock.now()
        self._credit(now)
        self.summary.skipped.append(self._index)
        self._advance_from(self._index, now)

    def back(self) -> None:
        """Restart the current phase, or go to the previous one when just started."""
        if not self._active():
            return
        now = self.clock.now()
        self._credit(now)
        elapsed = self._durations[self._index] - self.remaining(now)
        target = (
            self._index if elapsed > BACK_RESTARTS_AFTER or self._index == 0 else self._index - 1
        )  # noqa: E501
        self._begin_phase(target, now)

    def restart_stretch(self) -> None:
        """Go back to the first phase of the current stretch."""
        if not self._active():
            return
        now = self.clock.now()
        self._credit(now)
        first, _ = self._stretch_span(self._index)
        self._begin_phase(first, now)

    def change_hold(self, delta: float) -> float:
        """Lengthen (or shorten) the current hold and its twin on the other leg.

        The twin is the same stretch's hold with the same rep on the other
        side, if it is still to come, so both legs keep the same hold. A hold
        never gets shorter than what is already done plus one second.

        Returns:
            The change actually applied to the current phase.
        """
        if not self._active() or self.phase.kind not in (PhaseKind.HOLD, PhaseKind.MOVE):
            return 0.0
        now = self.clock.now()
        current = self._durations[self._index]
        elapsed = current - self.remaining(now)
        new = max(current + delta, elapsed + MIN_PHASE_SECONDS, MIN_PHASE_SECONDS)
        applied = new - current
        if applied == 0:
            return 0.0
        self._durations[self._index] = new
        if self._state is State.RUNNING:
            self._deadline += applied
        else:
            self._remaining += applied
        twin = self._twin_index(self._index)
        if twin is not None:
            self._durations[twin] = max(MIN_PHASE_SECONDS, self._durations[twin] + applied)
        self._shown_second = None
        self._emit_second(now)
        return applied

    def report_hurt(self) -> None:
        """The user pressed "That hurts": stop stretching at once and remember where."""
        if not self._active():
            return
        if self._index not in self.summary.hurt:
            self.summary.hurt.append(self._index)
        if self._state is State.RUNNING:
            self.pause(PauseReason.HURT)
        else:
            self.pause_reason = PauseReason.HURT

    def skip_stretch(self, reason: SkipReason = SkipReason.CHOSEN) -> None:
        """Leave the current stretch for the next one (after "That hurts", say)."""
        if not self._active():
            return
        now = self.clock.now()
        self._credit(now)
        if self.phase.stretch is not None:
            hurt_here = any(self.plan.phases[i].item == self.phase.item for i in self.summary.hurt)
            self.summary.reasons.setdefault(
                self.phase.item, SkipReason.HURT if hurt_here else reason
            )
        _, end = self._stretch_span(self._index)
        self.summary.skipped.extend(
            i for i in range(self._index, end) if self.plan.phases[i].kind is not PhaseKind.REST
        )
        target = end
        while target < len(self.plan.phases) and self.plan.phases[target].kind is PhaseKind.REST:
            target += 1
        if target >= len(self.plan.phases):
            self.summary.completed = True
            self._goto(State.FINISHED)
            self._end()
            return
        self._begin_phase(target, now)

    def stop(self) -> None:
        """End the session early."""
        if self._state in (State.FINISHED, State.STOPPED):
            return
        if self._active():
            self._credit(self.clock.now())
        self._goto(State.STOPPED)
        self._end()

    def tick(self) -> None:
        """Bring the session up to the clock: end due phases, report the countdown."""
        if self._state is not State.RUNNING:
            return
        now = self.clock.now()
        if now - self._last_seen > self.jump_threshold:
            # Freeze where the session was when last seen, not where the clock is.
            self._pause_at(min(self._last_seen, self._deadline), PauseReason.CLOCK_JUMP)
            return
        self._last_seen = now
        while self._state is State.RUNNING and now >= self._deadline:
            self._credit(self._deadline)
            self._advance_from(self._index, self._deadline)
        if self._state is State.RUNNING:
            self._emit_second(now)

    # -- internals ----------------------------------------------------------

    def _active(self) -> bool:
        return self._state in (State.RUNNING, State.PAUSED)

    def _goto(self, target: State) -> None:
        if target not in _ALLOWED[self._state]:
            raise TransitionError(f"cannot go from {self._state} to {target}")
        self._state = target

    def _emit(self, event: Event) -> None:
        for listener in [*self._listeners, *self._late_listeners]:
            listener(event)

    def _emit_second(self, now: float) -> None:
        shown = self.remaining_whole(now)
        if shown != self._shown_second:
            self._shown_second = shown
            self._emit(SecondChanged(self._index, shown))

    def _credit(self, until: float) -> None:
        """Credit the current phase's time up to ``until`` to the summary, once."""
        elapsed = self._durations[self._index] - self.remaining(until)
        self.summary.add(self.phase, elapsed - self._credited)
        self._credited = max(self._credited, elapsed)

    def outcomes(self) -> list[ItemOutcome]:
        """Each stretch's status so far, by the one counting rule (see core.outcome)."""
        summary = self.summary
        return item_outcomes(
            self.plan, self._durations, summary.held, summary.skipped, summary.hurt, summary.reasons
        )

    def _end(self) -> None:
        self.summary.outcomes = self.outcomes()
        self._emit(Ended(self.summary))

    def _pause_at(self, when: float, reason: PauseReason) -> None:
        self._remaining = max(0.0, self._deadline - when)
        self._goto(State.PAUSED)
        self.pause_reason = reason
        self._emit(Paused(reason))

    def _advance_from(self, index: int, start: float) -> None:
        following = index + 1
        if following >= len(self.plan.phases):
            self.summary.completed = True
            self._goto(State.FINISHED)
            self._end()
            return
        self._begin_phase(following, start)

    def _begin_phase(self, index: int, start: float) -> None:
        self._index = index
        self._credited = 0.0
        self._shown_second = None
        if self._state is State.PAUSED:
            self._remaining = self._durations[index]
        else:
            self._deadline = start + self._durations[index]
            self._last_seen = max(self._last_seen, start)
        self._emit(PhaseStarted(index, self.plan.phases[index]))
        self._emit_second(self.clock.now() if self._state is State.RUNNING else start)

    def _stretch_span(self, index: int) -> tuple[int, int]:
        """First and past-the-last index of the stretch's phases around ``index``.

        A rest between stretches belongs to no stretch: its span is itself.
        """
        phases = self.plan.phases
        if phases[index].stretch is None:
            return index, index + 1
        first = end = index
        while (
            first > 0 and phases[first - 1].item == phases[index].item and phases[first - 1].stretch
        ):  # noqa: E501
            first -= 1
        while end < len(phases) and phases[end].item == phases[index].item and phases[end].stretch:
            end += 1
        return first, end

    def _twin_index(self, index: int) -> int | None:
        phase = self.plan.phases[index]
        if phase.side is None:
            return None
        for later in range(index + 1, len(self.plan.phases)):
            other = self.plan.phases[later]
            if other.item != phase.item:
                return None
            same_slot = other.kind is phase.kind and other.rep == phase.rep
            if same_slot and other.side is phase.side.other and self._same_pnf_stage(index, later):  # noqa: E501
                return later
        return None

    def _same_pnf_stage(self, first: int, second: int) -> bool:
        """Match a PNF hold to its twin: the first stretch or the deeper hold of that cycle."""

        def stage(i: int) -> bool:
            return i > 0 and self.plan.phases[i - 1].kind is PhaseKind.RELAX

        return stage(first) == stage(second)
