"""The history file: opened, checked, migrated, validated writes, plain messages."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from hamstring_gui.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryDamagedError,
    HistoryError,
    HistoryStore,
    problem_message,
    validate_degrees,
)
from tests.core.history.sessions import (
    TODAY,
    TZ,
)


def test_new_file_is_wal_at_current_version(store: HistoryStore) -> None:
    assert store.version == SCHEMA_VERSION == 3
    assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.session_count() == 0
    assert store.export_json(TODAY) == {"sessions": [], "streak_days": 0, "self_tests": []}


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
    assert store.sessions()[0]["feeling"] is None
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
        assert store.version == SCHEMA_VERSION
        (record,) = store.sessions()
        assert record["routine"] == "desk-break" and record["left_seconds"] == 90.0
        assert record["hurt"] == ["chair-stretch"]
        assert record["stretches"] == []  # it hurt: an old session's hurt stretch is never "done"
        assert store.most_done() == []
        assert record["feeling"] is None
        store.set_feeling(1, 3)
        store.add_self_test(date(2026, 3, 2), 22, 19)
        assert store.sessions()[0]["feeling"] == 3
    with HistoryStore(path) as again:  # migrating twice is a no-op
        assert again.version == SCHEMA_VERSION and len(again.self_tests()) == 1


def test_version_2_sessions_keep_only_what_was_surely_done(tmp_path: Path) -> None:
    """Before outcomes were stored: done = a completed session's stretch not skipped or hurt."""
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + ";" + MIGRATIONS[1])
    conn.execute("PRAGMA user_version = 2")
    for sid, completed in ((1, 1), (2, 0)):
        conn.execute(
            "INSERT INTO sessions (id, started, day, routine, completed) VALUES"
            f" ({sid}, '2026-03-0{sid}T08:00:00+01:00', '2026-03-0{sid}', 'r', {completed})"
        )
    phases = [(1, 0, "a", 30), (1, 2, "a", 30), (1, 4, "b", 3), (1, 6, "c", 30), (2, 0, "a", 30)]
    conn.executemany(
        "INSERT INTO phases (session_id, phase_index, kind, stretch, side, seconds)"
        " VALUES (?, ?, 'hold', ?, 'left', ?)",
        phases,
    )
    conn.execute(
        "INSERT INTO events (session_id, kind, phase_index, stretch) VALUES (1, 'skip', 4, 'b')"
    )
    conn.execute(
        "INSERT INTO events (session_id, kind, phase_index, stretch) VALUES (1, 'hurt', 6, 'c')"
    )
    conn.commit()
    conn.close()
    with HistoryStore(path) as store:
        first, stopped = store.sessions()
        assert first["stretches"] == [{"stretch": "a", "status": "done"}]
        assert stopped["stretches"] == []  # a stopped session proves nothing was held in full
        assert [(c.stretch, c.sessions) for c in store.most_done()] == [("a", 1)]


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


def test_store_that_cannot_be_created_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(HistoryError, match="cannot open"):
        HistoryStore(blocker / "sub" / "history.sqlite3")


def test_problem_messages_are_plain() -> None:
    assert "another program" in problem_message(sqlite3.OperationalError("database is locked"))
    assert "(disk I/O error)" in problem_message(sqlite3.OperationalError("disk I/O error"))
