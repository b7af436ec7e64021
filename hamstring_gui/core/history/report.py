"""The whole record for the user to keep: ``history --json`` and ``--csv``.

:class:`HistoryExport` lists every session with the stretches skipped and
that hurt, and writes them with the self-tests as JSON or one CSV table.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple, TextIO, TypedDict

from hamstring_gui.core.history.stats import HistoryStats


class StretchOutcome(TypedDict):
    """What became of one routine item of a session (``core/outcome.py``'s rule)."""

    stretch: str
    status: str


class SessionRecord(TypedDict):
    """One session as exported: the JSON object ``history --json`` prints for it.

    The keys, in this order, are the CLI contract. A plain dict, read-only by
    convention: the views read it and the CLI prints it as it is, so each
    session is built once, not as a record and then again as JSON (ten years,
    11k sessions: ~180 M fewer instructions, ~9 % of ``history --json``,
    counted with callgrind).
    """

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
    stretches: list[StretchOutcome]  # per routine item, in routine order


SESSION_COLUMNS = (
    "id, started, ended, routine, completed, left_seconds, right_seconds, both_seconds, feeling"
)
"""What :func:`session_record` takes from a ``sessions`` row, in this order."""


def session_record(
    row: Sequence[Any],
    marks: Mapping[tuple[int, str], list[str]],
    fates: Mapping[int, list[StretchOutcome]],
) -> SessionRecord:
    """A row of :data:`SESSION_COLUMNS` as exported; ``marks``: (id, skip|hurt) -> stretches.

    ``fates``: session id -> each routine item's outcome, from ``outcomes``.
    """
    sid = row[0]
    return {
        "started": row[1],
        "ended": row[2],
        "routine": row[3],
        "completed": bool(row[4]),
        "left_seconds": round(row[5], 1),
        "right_seconds": round(row[6], 1),
        "both_seconds": round(row[7], 1),
        "skipped": marks.get((sid, "skip"), []),
        "hurt": marks.get((sid, "hurt"), []),
        "feeling": row[8],
        "stretches": fates.get(sid, []),
    }


class SessionRows(NamedTuple):
    """Sessions as read and each "that hurts".

    ``sessions``: in id order, each row (:data:`SESSION_COLUMNS`, then ``day``)
    with its record; ``hurts``: (session id, stretch, side), in order.
    """

    sessions: list[tuple[tuple[Any, ...], SessionRecord]]
    hurts: list[tuple[int, str, str | None]]


def read_sessions(conn: sqlite3.Connection, since: str | None = None) -> SessionRows:
    """Every session from the day ``since`` (``YYYY-MM-DD``; all when ``None``), in full.

    In full: with the stretches skipped and that hurt, and each routine item's
    outcome. All time reads each table whole, in order; a period takes the sessions of
    its days through the day index.
    """
    of_session = (
        "TRUE" if since is None else "session_id IN (SELECT id FROM sessions WHERE day >= ?)"
    )
    arguments = () if since is None else (since,)
    marks: dict[tuple[int, str], list[str]] = {}
    hurts: list[tuple[int, str, str | None]] = []
    for session_id, kind, stretch, side in conn.execute(
        "SELECT session_id, kind, stretch, side FROM events"
        f" WHERE stretch IS NOT NULL AND {of_session} ORDER BY session_id, phase_index, id",
        arguments,
    ):
        names = marks.setdefault((session_id, kind), [])
        if stretch not in names:
            names.append(stretch)
        if kind == "hurt":
            hurts.append((session_id, stretch, side))
    fates: dict[int, list[StretchOutcome]] = {}
    for session_id, stretch, status in conn.execute(
        f"SELECT session_id, stretch, status FROM outcomes WHERE {of_session}"
        " ORDER BY session_id, item",
        arguments,
    ):
        fates.setdefault(session_id, []).append({"stretch": stretch, "status": status})
    rows = conn.execute(
        f"SELECT {SESSION_COLUMNS}, day FROM sessions"
        f" WHERE {'TRUE' if since is None else 'day >= ?'} ORDER BY id",
        arguments,
    )
    return SessionRows([(row, session_record(row, marks, fates)) for row in rows], hurts)


class HistoryExport(HistoryStats):
    """Every session, and the exports (mixed into the store)."""

    def sessions(self) -> list[SessionRecord]:
        """Every session in the order recorded, with the stretches skipped and that hurt."""
        return [record for _, record in read_sessions(self._conn).sessions]

    def export_json(self, today: date) -> dict[str, Any]:
        """Everything, in the shape ``hamstring-gui history --json`` prints."""
        return {
            "sessions": self.sessions(),
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
            row: dict[str, object] = {
                **record,
                "completed": int(record["completed"]),
                "skipped": ";".join(record["skipped"]),
                "hurt": ";".join(record["hurt"]),
            }
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
