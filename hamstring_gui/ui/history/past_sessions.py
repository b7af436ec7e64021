"""The list of past sessions in the history window: newest first, one row each.

Fed by the window's :class:`~hamstring_gui.core.history.period.HistoryReport`
(the sessions of its period), so the list agrees with the charts beside it.
A plain ``QTreeWidget``: arrow keys move, screen readers read each cell.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from hamstring_gui.core.history.period import HistoryReport, ListedSession

COLUMNS = ("Date", "Routine", "Minutes", "Left / right", "Finished", "Back feeling", "Hurt")


def session_cells(listed: ListedSession, name: Callable[[str], str]) -> list[str]:
    """The words of one row."""
    record = listed.record
    started = datetime.fromisoformat(record.started)
    seconds = record.left_seconds + record.right_seconds + record.both_seconds
    return [
        f"{listed.day.strftime('%a %d %b %Y')} {started.strftime('%H:%M')}",
        record.routine,
        f"{seconds / 60:.1f}",
        f"{record.left_seconds:.0f} s / {record.right_seconds:.0f} s",
        "yes" if record.completed else ("stopped early" if record.ended else "not finished"),
        "" if record.feeling is None else f"{record.feeling} of 10",
        ", ".join(name(stretch) for stretch in record.hurt),
    ]


class PastSessions(QTreeWidget):
    """Every session of the report's period, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastSessions")
        self.setAccessibleName("Past sessions")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(self.fontMetrics().height() * 10)

    def set_report(self, report: HistoryReport, name: Callable[[str], str]) -> None:
        """Show the sessions of ``report``; ``name`` turns a stretch id into words."""
        self.clear()
        rows = [QTreeWidgetItem(session_cells(s, name)) for s in reversed(report.sessions)]
        self.addTopLevelItems(rows)
        for column in range(len(COLUMNS) - 1):
            self.resizeColumnToContents(column)
        self.setAccessibleDescription(f"{len(rows)} sessions in the last 12 weeks, newest first")
