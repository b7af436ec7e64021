"""Sessions for the history tests: a small plan, a hand-moved wall clock, rows written directly."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.recorder import SessionRecorder
from hamstring_gui.core.outcome import ItemOutcome, judge
from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side
from hamstring_gui.core.session import SessionEngine
from tests.helpers.stubs import FakeClock

ROOT = Path(__file__).resolve().parents[3]
TZ = timezone(timedelta(hours=2))
TODAY = date(2026, 3, 18)  # a Wednesday
L, R = Side.LEFT, Side.RIGHT


def small_plan() -> Plan:
    specs = [
        (PhaseKind.PREPARE, "a", L, 5, 0),
        (PhaseKind.HOLD, "a", L, 30, 0),
        (PhaseKind.SWITCH, "a", R, 5, 0),
        (PhaseKind.HOLD, "a", R, 30, 0),
        (PhaseKind.REST, None, None, 10, 0),
        (PhaseKind.HOLD, "b", None, 20, 1),
        (PhaseKind.HOLD, "c", L, 30, 2),
        (PhaseKind.HOLD, "c", R, 30, 2),
    ]
    phases = tuple(Phase(kind, s, side, 1, sec, item) for kind, s, side, sec, item in specs)
    return Plan("test-routine", phases, 3)


class Wall:
    """A wall clock that tests move by hand."""

    def __init__(self, start: datetime) -> None:
        self.time = start

    def __call__(self) -> datetime:
        return self.time


def run_for(engine: SessionEngine, clock: FakeClock, seconds: float) -> None:
    for _ in range(int(seconds)):
        clock.advance(1.0)
        engine.tick()


def recorded(
    store: HistoryStore, when: datetime | None = None
) -> tuple[SessionEngine, FakeClock, SessionRecorder, Wall]:
    clock = FakeClock()
    engine = SessionEngine(small_plan(), clock)
    wall = Wall(when or datetime(2026, 3, 18, 7, 30, tzinfo=TZ))
    recorder = SessionRecorder(store, engine, wall_clock=wall)
    return engine, clock, recorder, wall


def write_session(
    store: HistoryStore,
    day: date,
    *,
    completed: bool = True,
    left: float = 90,
    right: float = 90,
    both: float = 0,
    hurt: bool = False,
    skip: str | None = None,
    stretch: str = "a",
    feeling: int | None = None,
) -> int:
    sid = store.begin_session(
        "r", datetime.combine(day, datetime.min.time(), TZ) + timedelta(hours=9)
    )  # noqa: E501
    phase = Phase(PhaseKind.HOLD, stretch, L, 1, 30, 0)
    events = [("hurt", 0, phase)] if hurt else []
    if skip:
        events.append(("skip", 1, Phase(PhaseKind.HOLD, skip, R, 1, 30, 1)))
    status = judge({"left": 90}, {"left": left}, hurt=hurt)
    store.finish_phase(
        sid,
        0,
        phase,
        left,
        {"left": left, "right": right, "both": both},
        skipped=False,
        events=events,
        outcomes=[ItemOutcome(0, stretch, status, {"left": 90}, {"left": left})],
    )
    store.end_session(
        sid,
        datetime.combine(day, datetime.min.time(), TZ),
        completed=completed,
        side_seconds={"left": left, "right": right, "both": both},
    )
    if feeling is not None:
        store.set_feeling(sid, feeling)
    return sid
