"""The history database: one SQLite file, opened, checked, migrated and written.

Plain standard library (``sqlite3``); the caller passes the file path (the
app uses :func:`hamstring_gui.paths.history_file`).

Lifecycle::

    store = HistoryStore(path)          open (creating the folder and file), migrate
    recorder = SessionRecorder(store, engine)
      PhaseStarted(0)                   session row written (wall-clock start, routine)
      each later PhaseStarted / Ended   the phase that just finished: one transaction
      Paused(hurt)                      the "that hurts" event, at once
      Ended                             ended time, completed or stopped, totals
    store.set_feeling(recorder.session_id, 3)   later, from the summary screen
    store.close()

Durability: WAL with ``synchronous=FULL`` and one transaction per finished
phase, so a crash or a power cut loses at most the phase in progress and
never earlier history. A session that was killed keeps ``ended = NULL``.

Seconds always come from the engine's :class:`~hamstring_gui.core.session.Summary`
(what it credited to each phase), never from wall-clock arithmetic; the wall
clock only stamps when a session started and ended, and gives local dates.

Damage: the file is checked when it is opened (:mod:`~hamstring_gui.core.history.check`),
unless it is unchanged since it last passed (:mod:`~hamstring_gui.core.history.verified`);
:func:`open_history` keeps a damaged file aside and starts a new one.

Failure: any ``sqlite3.Error`` while recording (full disk, read-only file)
turns the recorder into a no-op; :attr:`SessionRecorder.recording_problem`
holds one clear message and ``on_problem`` is called once. The session never
notices.

Schema versions (``PRAGMA user_version``): 1 sessions, phases, events;
2 adds the 0-10 back feeling, self-test results and hold changes.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_gui.core.history.check import (
    HistoryDamagedError,
    HistoryError,
    check_pages,
    check_rows,
    create_private,
    keep_aside,
)
from hamstring_gui.core.history.report import HistoryExport
from hamstring_gui.core.history.schema import MIGRATIONS, SCHEMA_VERSION, statements
from hamstring_gui.core.history.stats import MAX_DEGREES, validate_degrees
from hamstring_gui.core.history.verified import file_state, is_verified, mark_verified
from hamstring_gui.core.safe_file import make_private, private_folder

if TYPE_CHECKING:
    from hamstring_gui.core.outcome import ItemOutcome
    from hamstring_gui.core.plan import Phase


def open_history(
    path: Path, now: Callable[[], datetime] = datetime.now
) -> tuple[HistoryStore, str | None]:
    """Open the history for recording; a damaged file is kept aside and a new one started.

    Returns:
        The store, and a message for the user when the file was damaged
        (``None`` otherwise): what was wrong and where the old file is.

    Raises:
        HistoryError: the file cannot be opened at all (or is newer than
            this program); the app then runs without recording.
    """
    try:
        return HistoryStore(path), None
    except HistoryDamagedError as error:
        kept = keep_aside(Path(path), now())
        store = HistoryStore(path)
        return store, (
            f"Your history file was damaged ({error}). It was kept as {kept.name} "
            "and a new history was started."
        )


def problem_message(error: BaseException) -> str:
    """One clear sentence for a storage failure."""
    text = str(error).lower()
    if "full" in text:
        why = "the disk is full"
    elif "readonly" in text or "read-only" in text or "read only" in text:
        why = "the history file is read-only"
    elif "locked" in text or "busy" in text:
        why = "another program is holding the history file"
    else:
        why = f"the history file could not be written ({error})"
    return f"Your history is not being saved: {why}. The session goes on."


class HistoryStore(HistoryExport):
    """The history database: writes for the recorder, queries for the views.

    Args:
        path: the SQLite file; its folder is created.
        read_only: open with ``mode=ro`` (no folder, no migration, no writes).

    Raises:
        HistoryError: the file cannot be opened, is not a history database, or
            is newer than this program.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if not read_only:
                private_folder(self.path.parent)
                create_private(self.path)
            state = file_state(self.path)  # before SQLite touches it
            if read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                self._conn = sqlite3.connect(self.path, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise HistoryError(f"cannot open the history file {self.path}: {error}") from error
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 2000")
            verified = is_verified(self.path, state)  # unchanged since it passed its checks
            if not verified:
                check_pages(self._conn)
            if not read_only:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = FULL")
                self._migrate()
            elif self.version != SCHEMA_VERSION:
                raise HistoryError(
                    f"the history file {self.path} has schema {self.version}, "
                    f"expected {SCHEMA_VERSION}"
                )
            if not verified:
                check_rows(self._conn, max_degrees=MAX_DEGREES)
                if not read_only:
                    mark_verified(self.path, state)
        except sqlite3.DatabaseError as error:
            # "file is not a database", "database disk image is malformed": damage
            self._conn.close()
            if isinstance(error, sqlite3.OperationalError):  # locked, read-only, full
                raise HistoryError(f"cannot use the history file {self.path}: {error}") from error
            raise HistoryDamagedError(str(error)) from error
        except sqlite3.Error as error:
            self._conn.close()
            raise HistoryError(f"cannot use the history file {self.path}: {error}") from error
        except HistoryError:
            self._conn.close()
            raise
        if not read_only:
            for suffix in ("-wal", "-shm"):
                make_private(Path(f"{self.path}{suffix}"))

    # -- housekeeping ---------------------------------------------------------

    def close(self) -> None:
        """Close the connection (further calls fail)."""
        self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection (for tests that simulate a full disk)."""
        return self._conn

    @property
    def version(self) -> int:
        """The schema version of the file."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: committed on success, rolled back on any error."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"the history file {self.path} is from a newer version of Hamstring Coach "
                f"(schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self.transaction() as conn:
                for statement in statements(MIGRATIONS[target - 1]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target}")

    # -- writes (the recorder's) ---------------------------------------------

    def begin_session(self, routine: str, started: datetime) -> int:
        """A new session row; returns its id."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (started, day, routine) VALUES (?, ?, ?)",
                (_iso(started), started.date().isoformat(), routine),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_phase(
        self,
        session_id: int,
        index: int,
        phase: Phase,
        seconds: float,
        side_seconds: dict[str, float],
        *,
        skipped: bool,
        events: Sequence[tuple[str, int, Phase]] = (),
        outcomes: Sequence[ItemOutcome] = (),
    ) -> None:
        """One finished phase, its skip/hurt events and the session's running totals.

        ``side_seconds`` are the session's totals so far per side, from the
        engine's summary; ``outcomes`` (if given) replace the session's
        stretch outcomes.
        """
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO phases (session_id, phase_index, kind, stretch, side, seconds,"
                " skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    index,
                    str(phase.kind),
                    phase.stretch,
                    _side(phase),
                    seconds,
                    int(skipped),
                ),
            )
            self._insert_events(conn, session_id, events)
            self._set_totals(conn, session_id, side_seconds)
            self._set_outcomes(conn, session_id, outcomes)

    def add_events(self, session_id: int, events: Sequence[tuple[str, int, Phase]]) -> None:
        """Skip or hurt events on their own (e.g. "that hurts" the moment it is pressed)."""
        with self.transaction() as conn:
            self._insert_events(conn, session_id, events)

    def end_session(
        self,
        session_id: int,
        ended: datetime,
        *,
        completed: bool,
        side_seconds: dict[str, float],
        outcomes: Sequence[ItemOutcome] = (),
    ) -> None:
        """Stamp the end, the outcome, the final totals and each stretch's outcome."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET ended = ?, completed = ? WHERE id = ?",
                (_iso(ended), int(completed), session_id),
            )
            self._set_totals(conn, session_id, side_seconds)
            self._set_outcomes(conn, session_id, outcomes)

    def set_feeling(self, session_id: int, value: int | None) -> None:
        """The optional 0-10 back feeling after a session (``None`` clears it).

        Raises:
            ValueError: not a whole number 0-10.
            KeyError: no such session.
        """
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
        ):
            raise ValueError(f"a back feeling is a whole number 0 to 10, not {value!r}")
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE sessions SET feeling = ? WHERE id = ?", (value, session_id)
            )
            if cursor.rowcount == 0:
                raise KeyError(session_id)

    def add_self_test(self, day: date, left_degrees: int, right_degrees: int) -> None:
        """Record a 90/90 test: degrees short of straight for each knee.

        Raises:
            ValueError: an angle outside 0-90.
        """
        validate_degrees(left_degrees)
        validate_degrees(right_degrees)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO self_tests (date, left_degrees, right_degrees) VALUES (?, ?, ?)",
                (day.isoformat(), left_degrees, right_degrees),
            )

    def note_hold_change(self, day: date, hold_seconds: int) -> None:
        """The user accepted a hold change: progression starts counting afresh."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO hold_changes (day, hold_seconds) VALUES (?, ?)",
                (day.isoformat(), hold_seconds),
            )

    @staticmethod
    def _insert_events(
        conn: sqlite3.Connection, session_id: int, events: Sequence[tuple[str, int, Phase]]
    ) -> None:
        conn.executemany(
            "INSERT INTO events (session_id, kind, phase_index, stretch, side)"
            " VALUES (?, ?, ?, ?, ?)",
            [(session_id, kind, i, phase.stretch, _side(phase)) for kind, i, phase in events],
        )

    @staticmethod
    def _set_outcomes(
        conn: sqlite3.Connection, session_id: int, outcomes: Sequence[ItemOutcome]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO outcomes (session_id, item, stretch, status)"
            " VALUES (?, ?, ?, ?)",
            [(session_id, o.item, o.stretch, str(o.status)) for o in outcomes],
        )

    @staticmethod
    def _set_totals(
        conn: sqlite3.Connection, session_id: int, side_seconds: dict[str, float]
    ) -> None:
        conn.execute(
            "UPDATE sessions SET left_seconds = ?, right_seconds = ?, both_seconds = ?"
            " WHERE id = ?",
            (
                side_seconds.get("left", 0.0),
                side_seconds.get("right", 0.0),
                side_seconds.get("both", 0.0),
                session_id,
            ),
        )


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history timestamps need a time zone (use datetime.now().astimezone())")
    return moment.isoformat(timespec="seconds")


def _side(phase: Phase) -> str | None:
    if phase.side is not None:
        return str(phase.side)
    return "both" if phase.stretch is not None else None
