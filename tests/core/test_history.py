"""The history store and the session recorder."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from hamstring_gui.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryDamagedError,
    HistoryError,
    HistoryStore,
    SessionRecorder,
    problem_message,
    validate_degrees,
)
from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side
from hamstring_gui.core.session import SessionEngine, State
from tests.helpers.history import fill
from tests.helpers.stubs import FakeClock

ROOT = Path(__file__).resolve().parents[2]
TZ = timezone(timedelta(hours=2))
TODAY = date(2026, 3, 18)  # a Wednesday
L, R = Side.LEFT, Side.RIGHT


def _plan() -> Plan:
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


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    with HistoryStore(tmp_path / "data" / "history.sqlite3") as opened:
        yield opened


def _run(engine: SessionEngine, clock: FakeClock, seconds: float) -> None:
    for _ in range(int(seconds)):
        clock.advance(1.0)
        engine.tick()


def _recorded(
    store: HistoryStore, when: datetime | None = None
) -> tuple[SessionEngine, FakeClock, SessionRecorder, Wall]:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    wall = Wall(when or datetime(2026, 3, 18, 7, 30, tzinfo=TZ))
    recorder = SessionRecorder(store, engine, wall_clock=wall)
    return engine, clock, recorder, wall


# -- store basics ---------------------------------------------------------------


def test_new_file_is_wal_at_current_version(store: HistoryStore) -> None:
    assert store.version == SCHEMA_VERSION == 2
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.session_count() == 0
    assert store.export_json(TODAY) == {"sessions": [], "streak_days": 0, "self_tests": []}


def test_round_trip_through_a_session(store: HistoryStore, tmp_path: Path) -> None:
    engine, clock, recorder, wall = _recorded(store)
    engine.start()
    _run(engine, clock, 5 + 30 + 5 + 10)  # into the right hold, 10 s held
    engine.skip()  # right hold: skipped after 10 s
    _run(engine, clock, 10 + 5)  # rest, 5 s into "b"
    engine.report_hurt()
    # "That hurts" is on disk at once, before the phase ends.
    with HistoryStore(store.path) as other:
        assert other.sessions()[0].hurt == ["b"]
    engine.skip_stretch()  # leave "b"
    engine.resume()
    _run(engine, clock, 60)
    assert engine.state is State.FINISHED
    wall.time += timedelta(minutes=3)
    recorder.set_feeling(2)
    assert recorder.recording_problem is None

    with HistoryStore(store.path) as reopened:
        (record,) = reopened.sessions()
        assert record.started == "2026-03-18T07:30:00+02:00"
        assert record.ended == "2026-03-18T07:30:00+02:00"  # the end was stamped before the move
        assert record.routine == "test-routine"
        assert record.completed is True
        assert (record.left_seconds, record.right_seconds) == (60.0, 40.0)
        assert record.both_seconds == 5.0
        assert record.skipped == ["a", "b"]
        assert record.hurt == ["b"]
        assert record.feeling == 2
        rows = reopened.connection.execute(
            "SELECT phase_index, seconds, skipped FROM phases ORDER BY id"
        ).fetchall()
    assert [index for index, _, _ in rows] == [0, 1, 2, 3, 4, 5, 6, 7]
    assert rows[3] == (3, 10.0, 1)
    assert rows[5] == (5, 5.0, 1)
    assert sum(seconds for _, seconds, _ in rows) == sum(engine.summary.seconds.values())


def test_ended_time_and_stopped_session(store: HistoryStore) -> None:
    engine, clock, recorder, wall = _recorded(store)
    engine.start()
    _run(engine, clock, 20)
    wall.time += timedelta(seconds=20)
    engine.stop()
    (record,) = store.sessions()
    assert record.completed is False
    assert record.ended == "2026-03-18T07:30:20+02:00"
    assert record.left_seconds == 15.0
    assert recorder.session_id is not None


def test_recorder_attached_after_start_still_writes_the_session(store: HistoryStore) -> None:
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    engine.start()
    recorder = SessionRecorder(store, engine, wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ))
    _run(engine, clock, 200)
    assert engine.state is State.FINISHED
    (record,) = store.sessions()
    assert record.completed and record.left_seconds == 60.0
    assert recorder.session_id == 1


def test_feeling_and_self_test_validation(store: HistoryStore) -> None:
    sid = store.begin_session("r", datetime(2026, 3, 1, 9, tzinfo=TZ))
    with pytest.raises(ValueError, match="0 to 10"):
        store.set_feeling(sid, 11)
    with pytest.raises(ValueError):
        store.set_feeling(sid, True)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        store.set_feeling(sid + 1, 3)
    store.set_feeling(sid, 4)
    store.set_feeling(sid, None)
    assert store.sessions()[0].feeling is None
    with pytest.raises(ValueError, match="short of straight"):
        store.add_self_test(TODAY, 91, 10)
    with pytest.raises(ValueError):
        validate_degrees(-1)
    store.add_self_test(TODAY, 25, 18)
    assert [t.to_json() for t in store.self_tests()] == [
        {"date": "2026-03-18", "left_degrees": 25, "right_degrees": 18}
    ]


def test_timestamps_need_a_time_zone(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="time zone"):
        store.begin_session("r", datetime(2026, 3, 1, 9))


# -- migrations -----------------------------------------------------------------


def _make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO sessions (started, day, ended, routine, completed, left_seconds)"
            " VALUES ('2026-03-01T08:00:00+01:00', '2026-03-01', '2026-03-01T08:10:00+01:00',"
            " 'desk-break', 1, 90)"
        )
        conn.execute(
            "INSERT INTO events (session_id, kind, phase_index, stretch, side)"
            " VALUES (1, 'hurt', 3, 'chair-stretch', 'left')"
        )
        conn.commit()
    finally:
        conn.close()


def test_migrates_a_version_1_file(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_v1(path)
    with HistoryStore(path) as store:
        assert store.version == 2
        (record,) = store.sessions()
        assert record.routine == "desk-break" and record.left_seconds == 90.0
        assert record.hurt == ["chair-stretch"]
        assert record.feeling is None
        store.set_feeling(1, 3)
        store.add_self_test(date(2026, 3, 2), 22, 19)
        assert store.sessions()[0].feeling == 3
    with HistoryStore(path) as again:  # migrating twice is a no-op
        assert again.version == 2 and len(again.self_tests()) == 1


def test_refuses_a_newer_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(HistoryError, match="newer version"):
        HistoryStore(path)


def test_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(HistoryDamagedError, match="not a database"):
        HistoryStore(path)


def test_read_only_open_needs_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_v1(path)
    with pytest.raises(HistoryError, match="schema 1"):
        HistoryStore(path, read_only=True)


# -- crashes and failures ---------------------------------------------------------


def test_sigkill_mid_session_keeps_every_finished_phase(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.core.history_driver", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert driver.stdin is not None and driver.stdout is not None
    kill_at = 7
    try:
        while True:
            line = driver.stdout.readline()
            assert line, "the driver ended before it could be killed"
            if line.strip() == f"started {kill_at}":
                break
            driver.stdin.write("\n")
            driver.stdin.flush()
        driver.send_signal(signal.SIGKILL)
        assert driver.wait(timeout=10) == -signal.SIGKILL
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
        driver.stdin.close()
        driver.stdout.close()

    with HistoryStore(path) as store:
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (record,) = store.sessions()
        indices = [
            row[0] for row in store.connection.execute("SELECT phase_index FROM phases ORDER BY id")
        ]
        held = store.connection.execute("SELECT TOTAL(seconds) FROM phases").fetchone()[0]
    assert indices == list(range(kill_at))  # every finished phase, none in progress
    assert record.ended is None and record.completed is False
    # phases 0-6 of gentle-lying: prepare, L, switch, R, switch, L, switch
    assert (record.left_seconds, record.right_seconds) == (60.0, 30.0)
    assert held == 90.0


def test_read_only_file_gives_one_message_and_the_session_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    HistoryStore(path).close()
    messages: list[str] = []
    with HistoryStore(path, read_only=True) as store:
        clock = FakeClock()
        engine = SessionEngine(_plan(), clock)
        recorder = SessionRecorder(
            store,
            engine,
            wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ),
            on_problem=messages.append,
        )
        engine.start()
        _run(engine, clock, 200)
        recorder.set_feeling(3)
        assert engine.state is State.FINISHED
        assert engine.summary.completed
    assert len(messages) == 1
    assert recorder.recording_problem == messages[0]
    assert "read-only" in messages[0] and "session goes on" in messages[0]
    assert not recorder.active


def test_full_disk_mid_session_gives_one_message_and_the_session_goes_on(
    store: HistoryStore,
) -> None:
    messages: list[str] = []
    clock = FakeClock()
    engine = SessionEngine(_plan(), clock)
    recorder = SessionRecorder(
        store,
        engine,
        wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ),
        on_problem=messages.append,
    )
    engine.start()
    _run(engine, clock, 40)  # prepare, left hold and switch written
    assert len(store.connection.execute("SELECT * FROM phases").fetchall()) == 3
    # Fill the "disk": no more pages than the file has now, and use up the room
    # left in them with rows (of another session) down to the smallest.
    conn = store.connection
    junk = conn.execute("INSERT INTO sessions (started, day, routine) VALUES ('', '', '')")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    for size in (500, 100, 20, 0):
        with pytest.raises(sqlite3.OperationalError, match="full"):  # noqa: PT012
            while True:
                conn.execute(
                    "INSERT INTO phases (session_id, phase_index, kind, seconds)"
                    " VALUES (?, 0, ?, 0)",
                    (junk.lastrowid, "x" * size),
                )
    _run(engine, clock, 200)
    assert engine.state is State.FINISHED and engine.summary.completed
    assert messages == [recorder.recording_problem]
    assert "disk is full" in messages[0] and "session goes on" in messages[0]
    # What was committed before the disk filled is intact.
    mine = conn.execute("SELECT COUNT(*) FROM phases WHERE session_id = ?", (recorder.session_id,))
    assert mine.fetchone()[0] == 3


def test_store_that_cannot_be_created_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(HistoryError, match="cannot open"):
        HistoryStore(blocker / "sub" / "history.sqlite3")


def test_problem_messages_are_plain() -> None:
    assert "another program" in problem_message(sqlite3.OperationalError("database is locked"))
    assert "(disk I/O error)" in problem_message(sqlite3.OperationalError("disk I/O error"))


# -- queries ----------------------------------------------------------------------


def _session(
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
    store.finish_phase(
        sid,
        0,
        phase,
        left,
        {"left": left, "right": right, "both": both},
        skipped=False,
        events=events,
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


def test_streaks(store: HistoryStore) -> None:
    for back in (0, 1, 2, 5, 6, 7, 8, 9, 20):
        _session(store, TODAY - timedelta(days=back))
    _session(store, TODAY - timedelta(days=3), completed=False)  # stopped: does not count
    _session(store, TODAY, completed=True)  # two on one day count once
    streak = store.streak(TODAY)
    assert (streak.current, streak.best) == (3, 5)
    # Today not done yet: yesterday's run still counts.
    assert store.streak(TODAY + timedelta(days=1)).current == 3
    assert store.streak(TODAY + timedelta(days=2)).current == 0
    assert store.export_json(TODAY)["streak_days"] == 3


def test_week_calendar_and_balance(store: HistoryStore) -> None:
    _session(store, TODAY, left=60, right=30, both=30)
    _session(store, TODAY, left=60, right=60, completed=False)
    _session(store, TODAY - timedelta(days=2), left=30, right=30)  # Monday
    _session(store, TODAY - timedelta(days=3), left=30, right=30)  # last Sunday
    week = store.week(TODAY)
    assert [d.day.isoformat() for d in (week[0], week[-1])] == ["2026-03-16", "2026-03-22"]
    assert [d.minutes for d in week] == [1.0, 0, 4.0, 0, 0, 0, 0]
    assert week[2].completed
    calendar = store.calendar(TODAY)
    assert len(calendar) == 84 and calendar[0].day.weekday() == 0
    assert calendar[-1].day == date(2026, 3, 22)
    assert calendar[-8].seconds == 60
    assert store.balance() == store.balance(TODAY - timedelta(days=30))
    balance = store.balance(TODAY)
    assert (balance.left, balance.right) == (120, 90)
    assert balance.left_share == pytest.approx(120 / 210)
    assert store.balance(TODAY + timedelta(days=1)).left_share is None


def test_most_done_skipped_and_feelings(store: HistoryStore) -> None:
    _session(store, TODAY - timedelta(days=3), stretch="a", skip="c", feeling=6)
    _session(store, TODAY - timedelta(days=2), stretch="a", skip="c", feeling=4)
    _session(store, TODAY - timedelta(days=2), stretch="b", skip="d", feeling=2)
    _session(store, TODAY, stretch="b", left=0)  # nothing held: not "done"
    done = store.most_done()
    assert [(s.stretch, s.sessions) for s in done] == [("a", 2), ("b", 1)]
    assert [(s.stretch, s.sessions) for s in store.most_skipped()] == [("c", 2), ("d", 1)]
    assert store.most_skipped(since=TODAY) == []
    feelings = store.feelings()
    assert [(f.day.day, f.value) for f in feelings] == [(15, 6.0), (16, 3.0)]


# -- gentle progression -----------------------------------------------------------------


def test_suggests_a_longer_hold_after_two_steady_weeks(store: HistoryStore) -> None:
    for back in range(0, 14, 2):  # 7 days out of 14
        _session(store, TODAY - timedelta(days=back))
    offer = store.suggest_hold_change(30, 45, TODAY)
    assert offer is not None and (offer.current, offer.suggested, offer.delta) == (30, 35, 5)
    assert "45 s" in offer.reason
    assert store.suggest_hold_change(43, 45, TODAY).suggested == 45  # type: ignore[union-attr]
    assert store.suggest_hold_change(45, 45, TODAY) is None  # at the target
    # Accepting starts the two weeks afresh.
    store.note_hold_change(TODAY, 35)
    assert store.suggest_hold_change(35, 45, TODAY + timedelta(days=1)) is None


def test_no_longer_hold_without_enough_sessions(store: HistoryStore) -> None:
    for back in range(0, 14, 3):  # 5 days out of 14
        _session(store, TODAY - timedelta(days=back))
    assert store.suggest_hold_change(30, 45, TODAY) is None


def test_suggests_a_shorter_hold_after_that_hurts(store: HistoryStore) -> None:
    for back in range(14):
        _session(store, TODAY - timedelta(days=back))
    _session(store, TODAY - timedelta(days=1), hurt=True)
    offer = store.suggest_hold_change(30, 45, TODAY)
    assert offer is not None and offer.suggested == 25 and offer.delta == -5
    assert "hurt" in offer.reason
    assert store.suggest_hold_change(10, 45, TODAY) is None  # already at the minimum
    store.note_hold_change(TODAY, 25)  # accepted: no second offer for the same hurt
    assert store.suggest_hold_change(25, 45, TODAY) is None
    # A hurt more than two weeks ago is forgotten.
    assert store.suggest_hold_change(30, 45, TODAY + timedelta(days=15)) is None


# -- export -------------------------------------------------------------------------


def test_json_and_csv_export(store: HistoryStore) -> None:
    _session(store, TODAY, skip="c", hurt=True, feeling=3)
    store.add_self_test(TODAY, 24, 20)
    data = store.export_json(TODAY)
    assert json.loads(json.dumps(data)) == data
    (session,) = data["sessions"]
    assert list(session) == [
        "started",
        "ended",
        "routine",
        "completed",
        "left_seconds",
        "right_seconds",
        "both_seconds",
        "skipped",
        "hurt",
        "feeling",
    ]
    assert session["skipped"] == ["c"] and session["hurt"] == ["a"] and session["feeling"] == 3
    rows = list(csv.DictReader(io.StringIO(store.export_csv_text())))
    assert [row["record"] for row in rows] == ["session", "self-test"]
    assert rows[0]["completed"] == "1" and rows[0]["skipped"] == "c"
    assert rows[1]["left_degrees"] == "24" and rows[1]["started"] == ""


def test_many_sessions_aggregate(store: HistoryStore) -> None:
    count = fill(store, TODAY, 400, every_day=True)
    assert count == 400 == store.session_count()
    assert store.streak(TODAY).current == 400
    assert sum(d.minutes for d in store.week(TODAY)) == pytest.approx(3 * 6)  # Monday to Wednesday
