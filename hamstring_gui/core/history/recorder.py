"""Writes a session into the history as it happens, and never disturbs it.

The session controller hands each session's engine to the recorder
(``controller.attach``) before it starts. PhaseStarted(0) writes the session
row; each later PhaseStarted or Ended writes the phase that just finished in
one transaction; Paused(hurt) writes the "that hurts" event at once; Ended
writes the end time, completed or stopped, and the totals. Any
``sqlite3.Error`` turns the recorder into a no-op with one clear message.

A finished phase is written through ``defer`` (at once by default): the app
passes "on the next turn of the event loop", so the new phase is on screen
before the disk is waited for (a ``synchronous=FULL`` commit is an fsync,
1-5 ms on an idle disk, more on a busy one). What a phase start wrote is
taken then, so a later write sees the same data; every other write first
makes the waiting ones, in order. A crash loses at most the phase in
progress and a write that was waiting those milliseconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from hamstring_gui.core.history.store import HistoryStore, problem_message
from hamstring_gui.core.plan import Phase
from hamstring_gui.core.session import (
    Ended,
    Event,
    Paused,
    PauseReason,
    PhaseStarted,
    SessionEngine,
    State,
)

WallClock = Callable[[], datetime]
Write = Callable[[], None]
Defer = Callable[[Write], None]


def run_now(write: Write) -> None:
    """The default ``defer``: write at once."""
    write()


def local_now() -> datetime:
    """The wall-clock time now, with the local UTC offset."""
    return datetime.now().astimezone()


class SessionRecorder:
    """Writes one engine's session into a :class:`HistoryStore` as it happens.

    The app builds one per session through ``SessionController.attach``, before
    the engine starts (built later, it writes the session row at once). It
    never raises into the engine: the first
    storage error sets :attr:`recording_problem`, calls ``on_problem`` once
    and makes every later call a no-op.

    Args:
        store: where to write.
        engine: the session to follow (the recorder subscribes itself).
        wall_clock: the local time now, with a time zone; stamps start and
            end and picks the session's local date.
        on_problem: told the message once if recording stops working.
        defer: runs the write of a finished phase, now or a moment later
            (see the module docstring); the default writes at once.
    """

    def __init__(
        self,
        store: HistoryStore,
        engine: SessionEngine,
        *,
        wall_clock: WallClock = local_now,
        on_problem: Callable[[str], None] | None = None,
        defer: Defer = run_now,
    ) -> None:
        self.store = store
        self.engine = engine
        self.wall_clock = wall_clock
        self.on_problem = on_problem
        self._defer = defer
        self._waiting: list[Write] = []  # finished phases handed to defer, oldest first
        self.session_id: int | None = None
        self.recording_problem: str | None = None
        self._current: int | None = None  # index of the phase run in progress
        self._credited = 0.0  # summary seconds already written
        self._skips_seen = 0
        self._hurts_written: set[int] = set()
        self._ended = False
        engine.subscribe(self._on_event)
        if engine.state is not State.IDLE:
            self._safely(self._begin)
            self._current = engine.index

    @property
    def active(self) -> bool:
        """Whether writes still go to the store."""
        return self.recording_problem is None

    def set_feeling(self, value: int | None) -> None:
        """The back feeling for this session (no-op once recording failed)."""
        if self.session_id is not None:
            session_id = self.session_id
            self.flush()
            self._safely(lambda: self.store.set_feeling(session_id, value))

    def flush(self) -> None:
        """Make the finished phases that wait for ``defer`` now, oldest first."""
        while self._waiting:
            self._safely(self._waiting.pop(0))

    # -- events ---------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if self._ended or not self.active:
            return
        if isinstance(event, PhaseStarted):
            if self.session_id is None:
                self._safely(self._begin)
            elif self._current is not None:
                self._waiting.append(self._finished_current())
                if len(self._waiting) == 1:
                    self._defer(self.flush)
            self._current = event.index
        elif isinstance(event, Paused) and event.reason is PauseReason.HURT:
            self.flush()
            self._safely(self._write_hurts)
        elif isinstance(event, Ended):
            self.flush()
            self._ended = True
            if self.session_id is None:
                self._safely(self._begin)
            if self._current is not None:
                self._safely(self._finished_current())
            self._safely(self._end)

    def _begin(self) -> None:
        self.session_id = self.store.begin_session(self.engine.plan.routine, self.wall_clock())

    def _finished_current(self) -> Write:
        """The write of the phase that just finished, with its data taken now."""
        assert self.session_id is not None and self._current is not None
        summary = self.engine.summary
        total = sum(summary.seconds.values())
        seconds = max(0.0, total - self._credited)
        phases = self.engine.plan.phases
        new_skips = summary.skipped[self._skips_seen :]
        events = [("skip", index, phases[index]) for index in new_skips]
        events += self._pending_hurts()
        session_id, index = self.session_id, self._current
        side_seconds, outcomes = dict(summary.seconds), self.engine.outcomes()
        self._credited = total
        self._skips_seen = len(summary.skipped)
        self._hurts_written.update(summary.hurt)

        def write() -> None:
            self.store.finish_phase(
                session_id,
                index,
                phases[index],
                seconds,
                side_seconds,
                skipped=index in new_skips,
                events=events,
                outcomes=outcomes,
            )

        return write

    def _pending_hurts(self) -> list[tuple[str, int, Phase]]:
        phases = self.engine.plan.phases
        return [
            ("hurt", index, phases[index])
            for index in self.engine.summary.hurt
            if index not in self._hurts_written
        ]

    def _write_hurts(self) -> None:
        if self.session_id is None:
            return
        pending = self._pending_hurts()
        if pending:
            self.store.add_events(self.session_id, pending)
            self._hurts_written.update(index for _, index, _ in pending)

    def _end(self) -> None:
        assert self.session_id is not None
        summary = self.engine.summary
        self.store.end_session(
            self.session_id,
            self.wall_clock(),
            completed=summary.completed,
            side_seconds=dict(summary.seconds),
            outcomes=summary.outcomes or self.engine.outcomes(),
        )

    def _safely(self, write: Callable[[], None]) -> None:
        if not self.active:
            return
        try:
            write()
        except sqlite3.Error as error:
            self.recording_problem = problem_message(error)
            if self.on_problem is not None:
                self.on_problem(self.recording_problem)
