"""The stretching record: sessions, phases, back feeling and self-tests in SQLite.

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

Damage: the file is checked when it is opened (:mod:`~hamstring_gui.core.history_check`);
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
import csv
import io
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from hamstring_gui.core.history_check import (
    HistoryDamagedError,
    HistoryError,
    check_pages,
    check_rows,
    create_private,
    keep_aside,
)
from hamstring_gui.core.plan import Phase
from hamstring_gui.core.safe_file import make_private, private_folder
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

# The typical band of the 90/90 active knee extension: within about 20 degrees
# of straight (Yildirim 2018 norms 13-18 degrees; clinical cut-off 20, Lim 2023).
TYPICAL_DEGREES = 20
MAX_DEGREES = 90
HOLD_STEP = 5
# Gentle progression looks at this many days.
PROGRESSION_DAYS = 14
# ... and wants completed sessions on at least this many of them (>= 3 a week).
PROGRESSION_MIN_DAYS = 6

EXPECTATION_TEXT = (
    "Measurable change usually takes about 4–6 weeks of near-daily stretching. "
    "Keep at least 3 sessions a week to hold it; gains fade within weeks of stopping."
)


def local_now() -> datetime:
    """The wall-clock time now, with the local UTC offset."""
    return datetime.now().astimezone()


# ---------------------------------------------------------------------------
# Schema

_V1 = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,              -- ISO 8601 with UTC offset
    day TEXT NOT NULL,                  -- local date of ``started``, YYYY-MM-DD
    ended TEXT,                         -- NULL while running or if the app was killed
    routine TEXT NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0,
    left_seconds REAL NOT NULL DEFAULT 0,
    right_seconds REAL NOT NULL DEFAULT 0,
    both_seconds REAL NOT NULL DEFAULT 0
);
CREATE INDEX sessions_day ON sessions (day);
CREATE TABLE phases (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    phase_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    stretch TEXT,
    side TEXT,                          -- left, right, both; NULL between stretches
    seconds REAL NOT NULL,              -- seconds actually stretched (engine credit)
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX phases_session ON phases (session_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('skip', 'hurt')),
    phase_index INTEGER NOT NULL,
    stretch TEXT,
    side TEXT
);
CREATE INDEX events_session ON events (session_id);
"""

_V2 = """
ALTER TABLE sessions ADD COLUMN feeling INTEGER CHECK (feeling BETWEEN 0 AND 10);
CREATE TABLE self_tests (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,                 -- local date, YYYY-MM-DD
    left_degrees INTEGER NOT NULL CHECK (left_degrees BETWEEN 0 AND 90),
    right_degrees INTEGER NOT NULL CHECK (right_degrees BETWEEN 0 AND 90)
);
CREATE INDEX self_tests_date ON self_tests (date);
CREATE TABLE hold_changes (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    hold_seconds INTEGER NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
"""``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)


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


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Streak:
    """Runs of days with at least one completed session."""

    current: int
    best: int


@dataclass(frozen=True)
class DayTotal:
    """Seconds stretched on one local day, and whether a session was completed."""

    day: date
    seconds: float
    completed: bool

    @property
    def minutes(self) -> float:
        """The day's stretching in minutes."""
        return self.seconds / 60


@dataclass(frozen=True)
class Balance:
    """Seconds stretched per leg (both-legs work counts for neither)."""

    left: float
    right: float

    @property
    def left_share(self) -> float | None:
        """Left leg's share of one-leg time, 0-1, or ``None`` with no one-leg time."""
        total = self.left + self.right
        return self.left / total if total else None


@dataclass(frozen=True)
class StretchCount:
    """How often a stretch was done or skipped."""

    stretch: str
    sessions: int
    seconds: float = 0.0


@dataclass(frozen=True)
class Feeling:
    """The average 0-10 back feeling of one day (0 = fine, 10 = very sore)."""

    day: date
    value: float


@dataclass(frozen=True)
class SelfTest:
    """One 90/90 active knee extension result: degrees short of straight per leg."""

    day: date
    left_degrees: int
    right_degrees: int

    def to_json(self) -> dict[str, object]:
        """The export shape."""
        return {
            "date": self.day.isoformat(),
            "left_degrees": self.left_degrees,
            "right_degrees": self.right_degrees,
        }


@dataclass(frozen=True)
class HoldSuggestion:
    """An offer (never applied by the store) to change the hold."""

    current: int
    suggested: int
    reason: str

    @property
    def delta(self) -> int:
        """Seconds added (negative: taken away)."""
        return self.suggested - self.current


@dataclass(frozen=True)
class SessionRecord:
    """One session as exported."""

    started: str
    ended: str | None
    routine: str
    completed: bool
    left_seconds: float
    right_seconds: float
    both_seconds: float
    skipped: list[str]
    hurt: list[str]
    feeling: int | None

    def to_json(self) -> dict[str, object]:
        """The export shape (keys fixed by the CLI contract)."""
        return {
            "started": self.started,
            "ended": self.ended,
            "routine": self.routine,
            "completed": self.completed,
            "left_seconds": self.left_seconds,
            "right_seconds": self.right_seconds,
            "both_seconds": self.both_seconds,
            "skipped": self.skipped,
            "hurt": self.hurt,
            "feeling": self.feeling,
        }


def _day(text: str) -> date:
    return date.fromisoformat(text)


def week_start(today: date) -> date:
    """The Monday of ``today``'s week."""
    return today - timedelta(days=today.weekday())


def validate_degrees(value: int) -> int:
    """A self-test angle, whole degrees short of straight, 0-90.

    Raises:
        ValueError: not a whole number in range.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DEGREES:
        raise ValueError(f"an angle is 0 to {MAX_DEGREES} degrees short of straight, not {value!r}")
    return value


# ---------------------------------------------------------------------------
# The store


class HistoryStore:
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
            if read_only:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                private_folder(self.path.parent)
                create_private(self.path)
                self._conn = sqlite3.connect(self.path, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise HistoryError(f"cannot open the history file {self.path}: {error}") from error
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 2000")
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
            check_rows(self._conn, max_degrees=MAX_DEGREES)
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
                for statement in _statements(MIGRATIONS[target - 1]):
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
    ) -> None:
        """One finished phase, its skip/hurt events and the session's running totals.

        ``side_seconds`` are the session's totals so far per side, from the
        engine's summary.
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
    ) -> None:
        """Stamp the end, the outcome and the final totals."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sessions SET ended = ?, completed = ? WHERE id = ?",
                (_iso(ended), int(completed), session_id),
            )
            self._set_totals(conn, session_id, side_seconds)

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

    # -- queries (aggregated in SQL) -------------------------------------------

    def session_count(self) -> int:
        """How many sessions are recorded."""
        return int(self._conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    def streak(self, today: date) -> Streak:
        """Current and best run of days with a completed session.

        The current streak still counts when today has no session yet but
        yesterday had one: the day is not over.
        """
        rows = self._conn.execute(
            """
            WITH days AS (SELECT DISTINCT day FROM sessions WHERE completed = 1),
            runs AS (
                SELECT day, julianday(day) - ROW_NUMBER() OVER (ORDER BY day) AS run FROM days
            )
            SELECT MAX(day), COUNT(*) FROM runs GROUP BY run
            """
        ).fetchall()
        best = max((count for _, count in rows), default=0)
        current = 0
        for last, count in rows:
            if _day(last) >= today - timedelta(days=1) and _day(last) <= today:
                current = count
        return Streak(current, best)

    def day_totals(self, first: date, last: date) -> list[DayTotal]:
        """Every local day from ``first`` to ``last``, with seconds stretched."""
        found = {
            day: (seconds, bool(completed))
            for day, seconds, completed in self._conn.execute(
                "SELECT day, SUM(left_seconds + right_seconds + both_seconds), MAX(completed)"
                " FROM sessions WHERE day BETWEEN ? AND ? GROUP BY day",
                (first.isoformat(), last.isoformat()),
            )
        }
        out = []
        day = first
        while day <= last:
            seconds, completed = found.get(day.isoformat(), (0.0, False))
            out.append(DayTotal(day, float(seconds), completed))
            day += timedelta(days=1)
        return out

    def week(self, today: date) -> list[DayTotal]:
        """Monday to Sunday of ``today``'s week."""
        first = week_start(today)
        return self.day_totals(first, first + timedelta(days=6))

    def calendar(self, today: date, weeks: int = 12) -> list[DayTotal]:
        """``weeks`` whole weeks (Monday first) ending with ``today``'s week."""
        last = week_start(today) + timedelta(days=6)
        return self.day_totals(last - timedelta(days=7 * weeks - 1), last)

    def balance(self, since: date | None = None) -> Balance:
        """Seconds per leg since ``since`` (all time when ``None``)."""
        left, right = self._conn.execute(
            "SELECT TOTAL(left_seconds), TOTAL(right_seconds) FROM sessions WHERE day >= ?",
            ((since or date.min).isoformat(),),
        ).fetchone()
        return Balance(float(left), float(right))

    def most_done(self, limit: int = 3, since: date | None = None) -> list[StretchCount]:
        """Stretches held in the most sessions."""
        rows = self._conn.execute(
            "SELECT p.stretch, COUNT(DISTINCT p.session_id), TOTAL(p.seconds)"
            " FROM phases p JOIN sessions s ON s.id = p.session_id"
            " WHERE p.seconds > 0 AND p.stretch IS NOT NULL AND s.day >= ?"
            " GROUP BY p.stretch ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?",
            ((since or date.min).isoformat(), limit),
        )
        return [StretchCount(stretch, count, seconds) for stretch, count, seconds in rows]

    def most_skipped(self, limit: int = 3, since: date | None = None) -> list[StretchCount]:
        """Stretches skipped in the most sessions."""
        rows = self._conn.execute(
            "SELECT e.stretch, COUNT(DISTINCT e.session_id)"
            " FROM events e JOIN sessions s ON s.id = e.session_id"
            " WHERE e.kind = 'skip' AND e.stretch IS NOT NULL AND s.day >= ?"
            " GROUP BY e.stretch ORDER BY 2 DESC, 1 LIMIT ?",
            ((since or date.min).isoformat(), limit),
        )
        return [StretchCount(stretch, count) for stretch, count in rows]

    def feelings(self, since: date | None = None) -> list[Feeling]:
        """Average back feeling per day, oldest first."""
        rows = self._conn.execute(
            "SELECT day, AVG(feeling) FROM sessions WHERE feeling IS NOT NULL AND day >= ?"
            " GROUP BY day ORDER BY day",
            ((since or date.min).isoformat(),),
        )
        return [Feeling(_day(day), float(value)) for day, value in rows]

    def self_tests(self) -> list[SelfTest]:
        """Every self-test result, oldest first."""
        rows = self._conn.execute(
            "SELECT date, left_degrees, right_degrees FROM self_tests ORDER BY date, id"
        )
        return [SelfTest(_day(day), left, right) for day, left, right in rows]

    def suggest_hold_change(
        self,
        current: int,
        target: int,
        today: date,
        *,
        minimum: int = 10,
        maximum: int = 120,
    ) -> HoldSuggestion | None:
        """An offer to step the hold by 5 s, or ``None``; nothing is changed.

        Looks at the days since the last accepted change (see
        :meth:`note_hold_change`), at most the last 14:

        * a "that hurts" event there: offer 5 s less (not below ``minimum``);
        * otherwise, completed sessions on at least 6 of the last 14 days, the
          last change at least 14 days ago and ``current`` short of ``target``:
          offer up to 5 s more, never past ``target`` or ``maximum``.
        """
        window_start = today - timedelta(days=PROGRESSION_DAYS - 1)
        changed = self._conn.execute("SELECT MAX(day) FROM hold_changes").fetchone()[0]
        since = max(window_start, _day(changed)) if changed else window_start
        hurts = self._conn.execute(
            "SELECT COUNT(*) FROM events e JOIN sessions s ON s.id = e.session_id"
            " WHERE e.kind = 'hurt' AND s.day BETWEEN ? AND ?",
            (since.isoformat(), today.isoformat()),
        ).fetchone()[0]
        if hurts:
            lower = max(minimum, current - HOLD_STEP)
            if lower < current:
                return HoldSuggestion(
                    current,
                    lower,
                    "Something hurt in a recent session. A shorter hold may feel better; "
                    "a mild pull is enough.",
                )
            return None
        if changed and since > window_start:
            return None
        days = self._conn.execute(
            "SELECT COUNT(DISTINCT day) FROM sessions WHERE completed = 1 AND day BETWEEN ? AND ?",
            (window_start.isoformat(), today.isoformat()),
        ).fetchone()[0]
        upper = min(target, maximum, current + HOLD_STEP)
        if days >= PROGRESSION_MIN_DAYS and upper > current:
            return HoldSuggestion(
                current,
                upper,
                f"Two steady weeks without anything hurting. If it feels right, "
                f"you could hold {upper} s on your way to {target} s.",
            )
        return None

    # -- export ---------------------------------------------------------------

    def sessions(self) -> list[SessionRecord]:
        """Every session in the order recorded, with the stretches skipped and that hurt."""
        marks: dict[tuple[int, str], list[str]] = {}
        for session_id, kind, stretch in self._conn.execute(
            "SELECT session_id, kind, stretch FROM events WHERE stretch IS NOT NULL"
            " ORDER BY session_id, phase_index, id"
        ):
            names = marks.setdefault((session_id, kind), [])
            if stretch not in names:
                names.append(stretch)
        rows = self._conn.execute(
            "SELECT id, started, ended, routine, completed, left_seconds, right_seconds,"
            " both_seconds, feeling FROM sessions ORDER BY id"
        )
        return [
            SessionRecord(
                started,
                ended,
                routine,
                bool(completed),
                round(left, 1),
                round(right, 1),
                round(both, 1),
                marks.get((sid, "skip"), []),
                marks.get((sid, "hurt"), []),
                feeling,
            )
            for sid, started, ended, routine, completed, left, right, both, feeling in rows
        ]

    def export_json(self, today: date) -> dict[str, Any]:
        """Everything, in the shape ``hamstring-gui history --json`` prints."""
        return {
            "sessions": [record.to_json() for record in self.sessions()],
            "streak_days": self.streak(today).current,
            "self_tests": [test.to_json() for test in self.self_tests()],
        }

    def export_csv(self, out: TextIO) -> None:
        """Everything as one CSV table; the ``record`` column says ``session`` or ``self-test``.

        Lists (stretches skipped, that hurt) are joined with ``;``.
        """
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for record in self.sessions():
            row = record.to_json()
            row["completed"] = int(record.completed)
            row["skipped"] = ";".join(record.skipped)
            row["hurt"] = ";".join(record.hurt)
            writer.writerow(["session", *(_csv(row.get(c)) for c in CSV_COLUMNS[1:])])
        for test in self.self_tests():
            data = test.to_json()
            writer.writerow(["self-test", *(_csv(data.get(c)) for c in CSV_COLUMNS[1:])])

    def export_csv_text(self) -> str:
        """:meth:`export_csv` as a string."""
        buffer = io.StringIO()
        self.export_csv(buffer)
        return buffer.getvalue()


CSV_COLUMNS = (
    "record",
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
    "date",
    "left_degrees",
    "right_degrees",
)


def _csv(value: object) -> object:
    return "" if value is None else value


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history timestamps need a time zone (use datetime.now().astimezone())")
    return moment.isoformat(timespec="seconds")


def _side(phase: Phase) -> str | None:
    if phase.side is not None:
        return str(phase.side)
    return "both" if phase.stretch is not None else None


def _statements(script: str) -> list[str]:
    """Split a migration script on ``;`` (our DDL has none inside literals)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


# ---------------------------------------------------------------------------
# The recorder


class SessionRecorder:
    """Writes one engine's session into a :class:`HistoryStore` as it happens.

    Attach it before ``engine.start()`` (or right after: the session row is
    then written at once). It never raises into the engine: the first
    storage error sets :attr:`recording_problem`, calls ``on_problem`` once
    and makes every later call a no-op.

    Args:
        store: where to write.
        engine: the session to follow (the recorder subscribes itself).
        wall_clock: the local time now, with a time zone; stamps start and
            end and picks the session's local date.
        on_problem: told the message once if recording stops working.
    """

    def __init__(
        self,
        store: HistoryStore,
        engine: SessionEngine,
        *,
        wall_clock: WallClock = local_now,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.wall_clock = wall_clock
        self.on_problem = on_problem
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
            self._safely(lambda: self.store.set_feeling(session_id, value))

    # -- events ---------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if self._ended or not self.active:
            return
        if isinstance(event, PhaseStarted):
            if self.session_id is None:
                self._safely(self._begin)
            elif self._current is not None:
                self._safely(self._finish_current)
            self._current = event.index
        elif isinstance(event, Paused) and event.reason is PauseReason.HURT:
            self._safely(self._write_hurts)
        elif isinstance(event, Ended):
            self._ended = True
            if self.session_id is None:
                self._safely(self._begin)
            if self._current is not None:
                self._safely(self._finish_current)
            self._safely(self._end)

    def _begin(self) -> None:
        self.session_id = self.store.begin_session(self.engine.plan.routine, self.wall_clock())

    def _finish_current(self) -> None:
        assert self.session_id is not None and self._current is not None
        summary = self.engine.summary
        total = sum(summary.seconds.values())
        seconds = max(0.0, total - self._credited)
        phases = self.engine.plan.phases
        new_skips = summary.skipped[self._skips_seen :]
        events = [("skip", index, phases[index]) for index in new_skips]
        events += self._pending_hurts()
        index = self._current
        self.store.finish_phase(
            self.session_id,
            index,
            phases[index],
            seconds,
            dict(summary.seconds),
            skipped=index in new_skips,
            events=events,
        )
        self._credited = total
        self._skips_seen = len(summary.skipped)
        self._hurts_written.update(summary.hurt)

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
