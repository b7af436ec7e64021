"""What the record says: streaks, days, balance, most done and skipped, feelings, self-tests.

Every answer is aggregated in SQL, so years of daily sessions stay quick.
:class:`HistoryStats` holds the queries; :class:`~hamstring_gui.core.history.store.HistoryStore`
inherits them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from hamstring_gui.core.holds import HOLD_MAX_SECONDS, HOLD_MIN_SECONDS
from hamstring_gui.core.i18n import N_, _

# The typical band of the 90/90 active knee extension: within about 20 degrees
# of straight (Yildirim 2018 norms 13-18 degrees; clinical cut-off 20, Lim 2023).
TYPICAL_DEGREES = 20
MAX_DEGREES = 90
HOLD_STEP = 5
# Gentle progression looks at this many days.
PROGRESSION_DAYS = 14
# ... and wants completed sessions on at least this many of them (>= 3 a week).
PROGRESSION_MIN_DAYS = 6

EXPECTATION_TEXT = N_(
    "Measurable change usually takes about 4–6 weeks of near-daily stretching. "
    "Keep at least 3 sessions a week to hold it; gains fade within weeks of stopping."
)


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


class HistoryStats:
    """The read side of the history (mixed into the store, which opens ``_conn``)."""

    _conn: sqlite3.Connection

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
        """Stretches *done* (the counting rule) in the most sessions; never mere attempts."""
        from hamstring_gui.core.outcome import Status  # the rule's module brings the plan's

        rows = self._conn.execute(
            "WITH done AS (SELECT DISTINCT o.session_id, o.stretch"
            " FROM outcomes o JOIN sessions s ON s.id = o.session_id"
            f" WHERE o.status = '{Status.DONE}' AND s.day >= ?)"
            " SELECT d.stretch, COUNT(DISTINCT d.session_id), TOTAL(p.seconds)"
            " FROM done d LEFT JOIN phases p"
            " ON p.session_id = d.session_id AND p.stretch = d.stretch"
            " GROUP BY d.stretch ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?",
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
        minimum: int = HOLD_MIN_SECONDS,
        maximum: int = HOLD_MAX_SECONDS,
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
                    _(
                        "Something hurt in a recent session. A shorter hold may feel better; "
                        "a mild pull is enough."
                    ),
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
                _(
                    "Two steady weeks without anything hurting. If it feels right, "
                    "you could hold {seconds} s on your way to {target} s."
                ).format(seconds=upper, target=target),
            )
        return None
