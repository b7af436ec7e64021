"""The whole record for the user to keep: ``history --json`` and ``--csv``.

:class:`HistoryExport` lists every session with the stretches skipped and
that hurt, and writes them with the self-tests as JSON or one CSV table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from hamstring_gui.core.history.stats import HistoryStats


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
    stretches: list[tuple[str, str]] = field(default_factory=list)

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
            "stretches": [
                {"stretch": stretch, "status": status} for stretch, status in self.stretches
            ],
        }


SESSION_COLUMNS = (
    "id, started, ended, routine, completed, left_seconds, right_seconds, both_seconds, feeling"
)
"""What :func:`session_record` takes from a ``sessions`` row, in this order."""


def session_record(
    row: Sequence[Any],
    marks: Mapping[tuple[int, str], list[str]],
    fates: Mapping[int, list[tuple[str, str]]] | None = None,
) -> SessionRecord:
    """A row of :data:`SESSION_COLUMNS` as exported; ``marks``: (id, skip|hurt) -> stretches.

    ``fates``: session id -> (stretch, status) per routine item, from ``outcomes``.
    """
    sid, started, ended, routine, completed, left, right, both, feeling = row[:9]
    return SessionRecord(
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
        (fates or {}).get(sid, []),
    )


class HistoryExport(HistoryStats):
    """Every session, and the exports (mixed into the store)."""

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
        fates: dict[int, list[tuple[str, str]]] = {}
        for session_id, stretch, status in self._conn.execute(
            "SELECT session_id, stretch, status FROM outcomes ORDER BY session_id, item"
        ):
            fates.setdefault(session_id, []).append((stretch, status))
        rows = self._conn.execute(f"SELECT {SESSION_COLUMNS} FROM sessions ORDER BY id")
        return [session_record(row, marks, fates) for row in rows]

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
