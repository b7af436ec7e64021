"""Is a history database whole? Checked on every open, and what to do when it is not.

A file can be damaged by a disk, a crash of another program, or a hand with
``sqlite3``: damaged pages, text in a number column, 30 February. Each would
trace back in some query much later, so :func:`check_pages` (``PRAGMA
quick_check``) and :func:`check_rows` (the types the app writes) run when
the file is opened; a damaged file is renamed aside (:func:`keep_aside`) and
a new one started (``history.open_history``). Files are created private.

Standard library only: no Qt.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from hamstring_gui.core.safe_file import FILE_MODE, make_private


class HistoryError(Exception):
    """The history file cannot be opened or used; the message is for the user."""


class HistoryDamagedError(HistoryError):
    """The file is damaged (pages, or rows no version of the app writes): start a new one."""


# Every row the app writes has these types; anything else is damage, found on
# open so that no query ever meets it (text in a number column, 30 February).
_NUMBER = "typeof({0}) IN ('integer', 'real')"
_WHOLE = "typeof({0}) = 'integer'"
_TEXT = "typeof({0}) = 'text'"
_MAYBE_TEXT = "({0} IS NULL OR typeof({0}) = 'text')"
# date() alone takes 30 February; a modifier makes it normalise (to 2 March).
_DATE = "(typeof({0}) = 'text' AND date({0}, '+0 days') IS {0})"
_GOOD_ROWS = {
    "sessions": [
        _TEXT.format("started"),
        _DATE.format("day"),
        _MAYBE_TEXT.format("ended"),
        _TEXT.format("routine"),
        _WHOLE.format("completed"),
        *(_NUMBER.format(f"{side}_seconds") for side in ("left", "right", "both")),
        "(feeling IS NULL OR (typeof(feeling) = 'integer' AND feeling BETWEEN 0 AND 10))",
    ],
    # Phases are only summed in SQL (which reads text as 0); only the name reaches Python.
    # Checking every column cost ~160 ms on ten years of daily sessions.
    "phases": [_MAYBE_TEXT.format("stretch")],
    "events": [
        _WHOLE.format("session_id"),
        _TEXT.format("kind"),
        _WHOLE.format("phase_index"),
        _MAYBE_TEXT.format("stretch"),
        _MAYBE_TEXT.format("side"),
    ],
    "self_tests": [
        _DATE.format("date"),
        *(
            f"({_WHOLE.format(leg)} AND {leg} BETWEEN 0 AND {{max_degrees}})"
            for leg in ("left_degrees", "right_degrees")
        ),
    ],
    "hold_changes": [_DATE.format("day"), _WHOLE.format("hold_seconds")],
}


def _bad_row_query(tables: Sequence[str], max_degrees: int) -> str:
    """One query that finds a row of ``tables`` no version of the app writes (or nothing)."""
    return " UNION ALL ".join(
        f"SELECT '{table}', id FROM (SELECT id FROM {table} WHERE NOT"
        f" ({' AND '.join(_GOOD_ROWS[table]).format(max_degrees=max_degrees)}) LIMIT 1)"
        for table in tables
    )


def check_pages(conn: sqlite3.Connection) -> None:
    """``PRAGMA quick_check`` on open: damaged pages are found before any query.

    Raises:
        HistoryDamagedError: the first problem SQLite reports.
    """
    found = [str(row[0]) for row in conn.execute("PRAGMA quick_check(1)")]
    if found != ["ok"]:
        # e.g. "*** in database main ***\nPage 4: btreeInitPage() returns error code 11"
        lines = [line for line in "\n".join(found).splitlines() if not line.startswith("***")]
        raise HistoryDamagedError("; ".join(lines) or "it fails its check")


def check_rows(conn: sqlite3.Connection, *, max_degrees: int) -> None:
    """Every table there and every row of the types the app writes.

    Raises:
        HistoryDamagedError: the first table missing or row that is wrong.
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    expected = list(_GOOD_ROWS)
    missing = [table for table in expected if table not in tables]
    if missing:
        raise HistoryDamagedError(f"the table {missing[0]!r} is missing")
    bad = conn.execute(_bad_row_query(expected, max_degrees)).fetchone()
    if bad is not None:
        raise HistoryDamagedError(f"row {bad[1]} of {bad[0]} holds impossible values")


def keep_aside(path: Path, moment: datetime) -> Path:
    """Rename the database (with its -wal and -shm, so it still opens) to ``.damaged-<stamp>``.

    Raises:
        HistoryError: it cannot be renamed (then it must not be written into).
    """
    stamp = moment.strftime("%Y%m%dT%H%M%S")
    for attempt in range(100):
        target = path.with_name(f"{path.name}.damaged-{stamp}{f'-{attempt}' if attempt else ''}")
        if not target.exists():
            break
    try:
        for suffix in ("-wal", "-shm", ""):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{path}{suffix}", f"{target}{suffix}")
    except OSError as error:
        raise HistoryError(
            f"the history file {path} is damaged and cannot be moved aside "
            f"({error.strerror or error}); history is not recorded"
        ) from error
    return target


def create_private(path: Path) -> None:
    """Make a missing database file 0600 before SQLite does (its -wal and -shm follow it)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        make_private(path)
