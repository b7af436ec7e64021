"""A session written as it runs: every finished phase, the end, and failures that never stop it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.recorder import SessionRecorder
from hamstring_gui.core.session import SessionEngine, State
from tests.core.history.sessions import (
    ROOT,
    TZ,
    recorded,
    run_for,
    small_plan,
)
from tests.helpers.stubs import FakeClock


def test_round_trip_through_a_session(store: HistoryStore, tmp_path: Path) -> None:
    engine, clock, recorder, wall = recorded(store)
    engine.start()
    run_for(engine, clock, 5 + 30 + 5 + 10)  # into the right hold, 10 s held
    engine.skip()  # right hold: skipped after 10 s
    run_for(engine, clock, 10 + 5)  # rest, 5 s into "b"
    engine.report_hurt()
    # "That hurts" is on disk at once, before the phase ends.
    with HistoryStore(store.path) as other:
        assert other.sessions()[0]["hurt"] == ["b"]
    engine.skip_stretch()  # leave "b"
    engine.resume()
    run_for(engine, clock, 60)
    assert engine.state is State.FINISHED
    wall.time += timedelta(minutes=3)
    recorder.set_feeling(2)
    assert recorder.recording_problem is None

    with HistoryStore(store.path) as reopened:
        (record,) = reopened.sessions()
        assert record["started"] == "2026-03-18T07:30:00+02:00"
        assert record["ended"] == "2026-03-18T07:30:00+02:00"  # the end was stamped before the move
        assert record["routine"] == "test-routine"
        assert record["completed"] is True
        assert (record["left_seconds"], record["right_seconds"]) == (60.0, 40.0)
        assert record["both_seconds"] == 5.0
        assert record["skipped"] == ["a", "b"]
        assert record["hurt"] == ["b"]
        assert record["feeling"] == 2
        rows = reopened.connection.execute(
            "SELECT phase_index, seconds, skipped FROM phases ORDER BY id"
        ).fetchall()
    assert [index for index, _, _ in rows] == [0, 1, 2, 3, 4, 5, 6, 7]
    assert rows[3] == (3, 10.0, 1)
    assert rows[5] == (5, 5.0, 1)
    assert sum(seconds for _, seconds, _ in rows) == sum(engine.summary.seconds.values())


def test_ended_time_and_stopped_session(store: HistoryStore) -> None:
    engine, clock, recorder, wall = recorded(store)
    engine.start()
    run_for(engine, clock, 20)
    wall.time += timedelta(seconds=20)
    engine.stop()
    (record,) = store.sessions()
    assert record["completed"] is False
    assert record["ended"] == "2026-03-18T07:30:20+02:00"
    assert record["left_seconds"] == 15.0
    assert recorder.session_id is not None


def test_recorder_attached_after_start_still_writes_the_session(store: HistoryStore) -> None:
    clock = FakeClock()
    engine = SessionEngine(small_plan(), clock)
    engine.start()
    recorder = SessionRecorder(store, engine, wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ))
    run_for(engine, clock, 200)
    assert engine.state is State.FINISHED
    (record,) = store.sessions()
    assert record["completed"] and record["left_seconds"] == 60.0
    assert recorder.session_id == 1


def wall() -> datetime:
    return datetime(2026, 3, 18, 7, 30, tzinfo=TZ)


def _phase_rows(store: HistoryStore) -> list[tuple[int, float, int]]:
    return store.connection.execute(
        "SELECT phase_index, seconds, skipped FROM phases ORDER BY id"
    ).fetchall()


def test_a_deferred_phase_write_waits_for_defer_and_writes_what_an_immediate_one_would(
    store: HistoryStore, tmp_path: Path
) -> None:
    waiting: list[Callable[[], None]] = []

    def session(target: HistoryStore, defer: Callable[[Callable[[], None]], None] | None) -> None:
        clock = FakeClock()
        engine = SessionEngine(small_plan(), clock)
        if defer is None:
            SessionRecorder(target, engine, wall_clock=wall)
        else:
            SessionRecorder(target, engine, wall_clock=wall, defer=defer)
        engine.start()
        run_for(engine, clock, 5 + 30 + 2)  # two phases over, 2 s into the switch
        if defer is not None:
            assert _phase_rows(target) == []  # nothing on disk until defer runs it
            assert len(waiting) == 1  # one call for both waiting phases
            waiting.pop()()
            assert [row[0] for row in _phase_rows(target)] == [0, 1]
        engine.skip()  # a skipped switch, then the rest of the session
        run_for(engine, clock, 200)
        assert engine.state is State.FINISHED
        if defer is not None:
            assert len(waiting) == 1  # the end wrote the waiting phases itself, in order
            waiting.pop()()  # and a late call finds nothing left

    with HistoryStore(tmp_path / "now.sqlite3") as immediate:
        session(immediate, None)
        expected = _phase_rows(immediate)
        expected_session = immediate.sessions()
    session(store, waiting.append)
    assert _phase_rows(store) == expected
    assert store.sessions() == expected_session
    assert [row[0] for row in expected] == list(range(8)) and expected[2][2] == 1


def test_that_hurts_writes_the_waiting_phases_first(store: HistoryStore) -> None:
    waiting: list[Callable[[], None]] = []
    clock = FakeClock()
    engine = SessionEngine(small_plan(), clock)
    SessionRecorder(store, engine, wall_clock=wall, defer=waiting.append)
    engine.start()
    run_for(engine, clock, 5 + 3)
    engine.report_hurt()
    assert [row[0] for row in _phase_rows(store)] == [0]
    assert store.sessions()[0]["hurt"] == ["a"]


def test_sigkill_mid_session_keeps_every_finished_phase(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.core.history.driver", str(path)],
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
    assert record["ended"] is None and record["completed"] is False
    # phases 0-6 of gentle-lying: prepare, L, switch, R, switch, L, switch
    assert (record["left_seconds"], record["right_seconds"]) == (60.0, 30.0)
    assert held == 90.0


def test_read_only_file_gives_one_message_and_the_session_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    HistoryStore(path).close()
    messages: list[str] = []
    with HistoryStore(path, read_only=True) as store:
        clock = FakeClock()
        engine = SessionEngine(small_plan(), clock)
        recorder = SessionRecorder(
            store,
            engine,
            wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ),
            on_problem=messages.append,
        )
        engine.start()
        run_for(engine, clock, 200)
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
    engine = SessionEngine(small_plan(), clock)
    recorder = SessionRecorder(
        store,
        engine,
        wall_clock=lambda: datetime(2026, 1, 1, tzinfo=TZ),
        on_problem=messages.append,
    )
    engine.start()
    run_for(engine, clock, 40)  # prepare, left hold and switch written
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
    run_for(engine, clock, 200)
    assert engine.state is State.FINISHED and engine.summary.completed
    assert messages == [recorder.recording_problem]
    assert "disk is full" in messages[0] and "session goes on" in messages[0]
    # What was committed before the disk filled is intact.
    mine = conn.execute("SELECT COUNT(*) FROM phases WHERE session_id = ?", (recorder.session_id,))
    assert mine.fetchone()[0] == 3
