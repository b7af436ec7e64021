"""One read of the history for a period: what the CLI, the window and the papers show.

:func:`build_report` reads the period's sessions with their skips, hurts and
outcomes (:func:`~hamstring_gui.core.history.report.read_sessions`), the
streak, the self-tests and, when asked, the stretch counts, and derives the
days and weeks in Python from the session rows it has read anyway, so the
three views agree by construction. Each session is one dict, the very object
``history --json`` prints (:class:`SessionRecord`), built once. Ten years
(11k sessions, 263k phases) read in ~100 ms of CPU for all time, a few
milliseconds for twelve weeks.

Lifecycle: built on demand, immutable (its session dicts are read-only by
convention); build a new one after a session.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from hamstring_gui.core.history.report import SessionRecord, read_sessions
from hamstring_gui.core.history.stats import (
    Balance,
    DayTotal,
    Feeling,
    SelfTest,
    Streak,
    StretchCount,
    week_start,
)
from hamstring_gui.core.history.store import HistoryStore

# julianday() of a date at midnight is N.5; CAST truncates it to N, which is
# the date's proleptic Gregorian ordinal plus this.
_JULIAN_OFFSET = 1721424


@dataclass(frozen=True)
class HurtRecord:
    """One "that hurts": the day, the stretch and the side (``None``: between stretches)."""

    day: date
    stretch: str
    side: str | None


@dataclass(frozen=True)
class DayRecord:
    """One local day of the period: seconds per side and whether a session was completed."""

    day: date
    left: float
    right: float
    both: float
    sessions: int
    completed: bool

    @property
    def seconds(self) -> float:
        """Seconds stretched that day."""
        return self.left + self.right + self.both

    def total(self) -> DayTotal:
        """The shape the charts take."""
        return DayTotal(self.day, self.seconds, self.completed)


@dataclass(frozen=True)
class WeekRecord:
    """One Monday-to-Sunday week of the period."""

    monday: date
    days_stretched: int  # days with a completed session
    seconds: float
    sessions: int

    @property
    def minutes(self) -> float:
        """The week's stretching in minutes."""
        return self.seconds / 60


class ListedSession(NamedTuple):
    """A session with its local day, for lists and reports (a tuple: one per session)."""

    day: date
    record: SessionRecord


@dataclass(frozen=True)
class HistoryReport:
    """The record of one period, ``first`` to ``today`` (whole weeks for the calendar).

    ``days`` runs from ``first`` to the Sunday of ``today``'s week; days after
    ``today`` are empty and views must not draw them as missed.
    """

    today: date
    first: date
    streak: Streak
    days: tuple[DayRecord, ...]
    sessions: tuple[ListedSession, ...]
    done: tuple[StretchCount, ...]
    skipped: tuple[StretchCount, ...]
    hurts: tuple[HurtRecord, ...]
    feelings: tuple[Feeling, ...]
    self_tests: tuple[SelfTest, ...]

    # -- derived ---------------------------------------------------------------

    def days_between(self, first: date, last: date) -> list[DayRecord]:
        """The period's days from ``first`` to ``last``."""
        return [d for d in self.days if first <= d.day <= last]

    def week(self) -> list[DayTotal]:
        """Monday to Sunday of ``today``'s week."""
        monday = week_start(self.today)
        return [d.total() for d in self.days_between(monday, monday + timedelta(days=6))]

    def calendar(self, weeks: int = 12) -> list[DayTotal]:
        """``weeks`` whole weeks ending with ``today``'s week."""
        last = week_start(self.today) + timedelta(days=6)
        return [d.total() for d in self.days_between(last - timedelta(days=7 * weeks - 1), last)]

    def balance(self, days: int | None = None) -> Balance:
        """Seconds per leg over the last ``days`` days (the whole period when ``None``)."""
        first = self.first if days is None else self.today - timedelta(days=days - 1)
        chosen = self.days_between(first, self.today)
        return Balance(sum(d.left for d in chosen), sum(d.right for d in chosen))

    def weeks(self) -> list[WeekRecord]:
        """Every whole week of the period, oldest first."""
        out: list[WeekRecord] = []
        for start in range(0, len(self.days), 7):
            chunk = self.days[start : start + 7]
            out.append(
                WeekRecord(
                    chunk[0].day,
                    sum(1 for d in chunk if d.completed),
                    sum(d.seconds for d in chunk),
                    sum(d.sessions for d in chunk),
                )
            )
        return out

    @property
    def seconds(self) -> float:
        """All stretching in the period."""
        return sum(d.seconds for d in self.days)

    @property
    def days_stretched(self) -> int:
        """Days of the period with a completed session."""
        return sum(1 for d in self.days if d.completed)

    @property
    def days_so_far(self) -> int:
        """Days of the period up to and including today."""
        return sum(1 for d in self.days if d.day <= self.today)

    def to_json(self) -> dict[str, Any]:
        """The shape ``hamstring-gui history --json`` prints (fixed by the CLI contract)."""
        return {
            "sessions": [listed.record for listed in self.sessions],
            "streak_days": self.streak.current,
            "self_tests": [test.to_json() for test in self.self_tests],
        }


def build_report(
    store: HistoryStore,
    today: date,
    since: date | None = None,
    *,
    counts: bool = True,
) -> HistoryReport:
    """Read the record from ``since`` (all time when ``None``) to ``today``.

    The period starts on the Monday of ``since``'s week (of the first
    session's when ``None``), so weeks are whole. ``counts=False`` leaves
    :attr:`HistoryReport.done` and ``skipped`` empty: counting every phase
    of ten years takes longer than the rest together, and the CLI's JSON
    does not show them.
    """
    conn = store.connection
    bound = (date.min if since is None else week_start(min(since, today))).isoformat()
    rows = read_sessions(conn, None if since is None else bound)
    sessions: list[ListedSession] = []
    day_of: dict[int, date] = {}
    per_day: dict[date, list[float]] = {}  # left, right, both, sessions, completed
    feeling_sums: dict[date, list[int]] = {}
    dates: dict[str, date] = {}  # a few sessions a day: parse each date once
    # Summed here, from the rows the list needs anyway: a GROUP BY day in SQL
    # reads the table a second time (ten years: ~60 M more instructions).
    for row, record in rows.sessions:
        day = dates.get(row[9])
        if day is None:
            day = dates[row[9]] = date.fromisoformat(row[9])
        day_of[row[0]] = day
        sessions.append(ListedSession(day, record))
        totals = per_day.setdefault(day, [0.0, 0.0, 0.0, 0, 0])
        totals[0] += row[5]
        totals[1] += row[6]
        totals[2] += row[7]
        totals[3] += 1
        totals[4] = max(totals[4], row[4])
        if row[8] is not None:
            feeling_sums.setdefault(day, []).append(row[8])
    if since is None:  # the days read are all there are: the streak needs no query
        since = min(per_day, default=today)
        completed_days = sorted(day.toordinal() for day, totals in per_day.items() if totals[4])
    else:
        completed_days = _completed_days(conn)
    first = week_start(min(since, today))
    days = []
    day, last = first, week_start(today) + timedelta(days=6)
    while day <= last:
        left, right, both, count, completed = per_day.get(day, (0.0, 0.0, 0.0, 0, 0))
        days.append(DayRecord(day, left, right, both, int(count), bool(completed)))
        day += timedelta(days=1)
    return HistoryReport(
        today=today,
        first=first,
        streak=_streak(completed_days, today),
        days=tuple(days),
        sessions=tuple(sessions),
        done=tuple(_counts(conn, bound, done=True) if counts else ()),
        skipped=tuple(_counts(conn, bound, done=False) if counts else ()),
        hurts=tuple(HurtRecord(day_of[sid], stretch, side) for sid, stretch, side in rows.hurts),
        feelings=tuple(
            Feeling(day, sum(values) / len(values)) for day, values in sorted(feeling_sums.items())
        ),
        self_tests=tuple(
            SelfTest(date.fromisoformat(day), left, right)
            for day, left, right in conn.execute(
                "SELECT date, left_degrees, right_degrees FROM self_tests ORDER BY date, id"
            )
        ),
    )


def _counts(conn: sqlite3.Connection, bound: str, *, done: bool) -> list[StretchCount]:
    """Every stretch held (or skipped) in the period, most sessions first."""
    from hamstring_gui.core.outcome import Status  # not for history --json: it brings the plan

    if done:  # done by the counting rule (core/outcome.py), never a mere attempt
        query = (
            "WITH done AS (SELECT DISTINCT o.session_id, o.stretch FROM outcomes o"
            f" WHERE o.status = '{Status.DONE}'"
            " AND o.session_id IN (SELECT id FROM sessions WHERE day >= ?))"
            " SELECT d.stretch, COUNT(DISTINCT d.session_id), TOTAL(p.seconds)"
            " FROM done d LEFT JOIN phases p"
            " ON p.session_id = d.session_id AND p.stretch = d.stretch"
            " GROUP BY d.stretch ORDER BY 2 DESC, 3 DESC, 1"
        )
        return [StretchCount(s, n, t) for s, n, t in conn.execute(query, (bound,))]
    query = (
        "SELECT e.stretch, COUNT(DISTINCT e.session_id) FROM events e"
        " JOIN sessions s ON s.id = e.session_id"
        " WHERE e.kind = 'skip' AND e.stretch IS NOT NULL AND s.day >= ?"
        " GROUP BY e.stretch ORDER BY 2 DESC, 1"
    )
    return [StretchCount(s, n) for s, n in conn.execute(query, (bound,))]


def _completed_days(conn: sqlite3.Connection) -> list[int]:
    """Every day with a completed session, as day numbers (``date.toordinal``), in order.

    Whole day numbers from SQLite: no date parsing in Python.
    """
    return [
        number - _JULIAN_OFFSET
        for (number,) in conn.execute(
            "SELECT DISTINCT CAST(julianday(day) AS INTEGER) FROM sessions"
            " WHERE completed = 1 ORDER BY 1"
        )
    ]


def _streak(days: Iterable[int], today: date) -> Streak:
    """Current and best run of ``days`` (ordered day numbers with a completed session).

    As :meth:`HistoryStore.streak`, in Python: ~3 ms for ten years where its
    window-function query takes ~30 ms.
    """
    best = current = run = 0
    previous = None
    last_counted = today.toordinal()
    for ordinal in days:
        run = run + 1 if previous is not None and ordinal - previous == 1 else 1
        best = max(best, run)
        previous = ordinal
        if last_counted - 1 <= ordinal <= last_counted:
            current = run
    return Streak(current, best)
