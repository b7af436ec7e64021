"""A damaged history database: found on open, kept aside, a new one started (issue 17)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from hamstring_gui.core.history import (
    HistoryDamagedError,
    HistoryError,
    HistoryStore,
    open_history,
)
from tests.helpers.history import add_self_tests, fill

TODAY = date(2026, 3, 10)
MOMENT = datetime(2026, 3, 10, 9, 30, 0)


def make_history(path: Path) -> None:
    with HistoryStore(path) as store:
        fill(store, TODAY, 60)
        add_self_tests(store, TODAY)


def damage_pages(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 4 * page] = bytes(range(256)) * (2 * page // 256)
    path.write_bytes(bytes(data))


def sql(statement: str) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA ignore_check_constraints = 1")  # as another program might
            conn.execute(statement)
        with sqlite3.connect(path) as conn:  # into the file itself, as after any close
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    return change


DAMAGE = {
    "pages": damage_pages,
    "text-in-number": sql("UPDATE sessions SET left_seconds = 'lots' WHERE id = 3"),
    "impossible-date": sql("UPDATE sessions SET day = '2026-02-30' WHERE id = 2"),
    "impossible-test-date": sql("UPDATE self_tests SET date = 'yesterday' WHERE id = 1"),
    "angle-as-text": sql("UPDATE self_tests SET left_degrees = 'ten' WHERE id = 1"),
    "feeling-out-of-range": sql("UPDATE sessions SET feeling = 99 WHERE id = 1"),
    "stretch-as-bytes": sql("UPDATE phases SET stretch = x'00ff' WHERE id = 1"),
    "table-dropped": sql("DROP TABLE events"),
    "not-a-database": lambda path: path.write_bytes(b"SQLite format 2\0" + b"x" * 5000),
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damage_is_found_on_open(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "history.sqlite3"
    make_history(path)
    DAMAGE[kind](path)
    with pytest.raises(HistoryDamagedError) as caught:
        HistoryStore(path)
    assert "\n" not in str(caught.value)
    with pytest.raises(HistoryDamagedError):
        HistoryStore(path, read_only=True)


@pytest.mark.parametrize("kind", ["pages", "text-in-number", "impossible-date"])
def test_the_app_keeps_a_damaged_file_aside_and_starts_afresh(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "history.sqlite3"
    make_history(path)
    DAMAGE[kind](path)
    damaged = path.read_bytes()
    store, message = open_history(path, lambda: MOMENT)
    kept = tmp_path / "history.sqlite3.damaged-20260310T093000"
    assert message is not None and "\n" not in message
    assert kept.name in message
    assert kept.read_bytes() == damaged  # the damaged file is kept, as it was
    assert store.session_count() == 0  # a fresh history, recording again
    store.begin_session("desk-break", MOMENT.astimezone())
    assert store.session_count() == 1
    store.close()
    assert open_history(path, lambda: MOMENT)[1] is None  # healthy from now on


def test_a_second_damage_in_the_same_second_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    for _ in range(2):
        path.write_bytes(b"not a database at all" * 300)
        store, message = open_history(path, lambda: MOMENT)
        store.close()
    assert len(list(tmp_path.glob("history.sqlite3.damaged-*"))) == 2


def test_a_good_file_opens_without_a_message(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_history(path)
    store, message = open_history(path)
    assert message is None and store.session_count() > 0
    store.close()


def test_a_newer_file_is_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(HistoryError, match="newer version") as caught:
        open_history(path)
    assert not isinstance(caught.value, HistoryDamagedError)
    assert path.exists()


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_the_database_and_its_wal_are_private_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    path = tmp_path / "data" / "hamstring-gui" / "history.sqlite3"
    old = os.umask(umask)
    try:
        store = HistoryStore(path)
        store.begin_session("desk-break", MOMENT.astimezone())
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        for file in files:
            assert file.exists(), file
            assert file.stat().st_mode & 0o777 == 0o600, file
        store.close()
    finally:
        os.umask(old)
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.parent.parent.stat().st_mode & 0o777 == 0o700


def test_an_older_readable_database_becomes_private(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    make_history(path)
    path.chmod(0o644)
    HistoryStore(path).close()
    assert path.stat().st_mode & 0o777 == 0o600
