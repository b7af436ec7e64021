"""Run a real session with a recorder, in its own process, for the SIGKILL test.

Usage: ``python -m tests.core.history.driver DB``. The clock is fake and is
advanced one second per loop. Each time a phase starts (so the phase before it
is committed) the driver prints ``started N`` and waits for a line on stdin
before going on; the test kills it while it waits.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.recorder import SessionRecorder
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.session import Event, PhaseStarted, SessionEngine, State
from hamstring_gui.core.settings import SessionSettings
from tests.helpers.stubs import FakeClock


def main(path: str) -> None:
    store = HistoryStore(Path(path))
    plan = build_plan(dict(builtin_routines())["gentle-lying"], load_catalog(), SessionSettings())
    clock = FakeClock()
    engine = SessionEngine(plan, clock)
    wall = datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    SessionRecorder(store, engine, wall_clock=lambda: wall)

    def report(event: Event) -> None:
        if isinstance(event, PhaseStarted):
            print(f"started {event.index}", flush=True)
            sys.stdin.readline()

    engine.subscribe(report)
    engine.start()
    while engine.state is State.RUNNING:
        clock.advance(1.0)
        engine.tick()
    store.close()


if __name__ == "__main__":
    main(sys.argv[1])
