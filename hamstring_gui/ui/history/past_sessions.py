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
from hamstring_gui.core.i18n import N_, _, format_date, format_decimal, format_time, ngettext

COLUMNS = (
    N_("Date"),
    N_("Routine"),
    N_("Minutes"),
    N_("Left / right"),
    N_("Finished"),
    N_("Back feeling"),
    N_("Hurt"),
)


def session_cells(
    listed: ListedSession, name: Callable[[str], str], routine: Callable[[str], str]
) -> list[str]:
    """The words of one row; ``name`` and ``routine`` turn stretch and routine ids into words."""
    record = listed.record
    started = datetime.fromisoformat(record["started"])
    seconds = record["left_seconds"] + record["right_seconds"] + record["both_seconds"]
    return [
        f"{format_date(listed.day)} {format_time(started)}",
        routine(record["routine"]),
        format_decimal(seconds / 60),
        f"{record['left_seconds']:.0f} s / {record['right_seconds']:.0f} s",
        _("yes")
        if record["completed"]
        else (_("stopped early") if record["ended"] else _("not finished")),
        "" if record["feeling"] is None else _("{value} of 10").format(value=record["feeling"]),
        ", ".join(name(stretch) for stretch in record["hurt"]),
    ]


class PastSessions(QTreeWidget):
    """Every session of the report's period, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastSessions")
        self.setAccessibleName(_("Past sessions"))
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels([_(title) for title in COLUMNS])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(self.fontMetrics().height() * 10)

    def set_report(
        self, report: HistoryReport, name: Callable[[str], str], routine: Callable[[str], str]
    ) -> None:
        """Show the sessions of ``report``; ``name`` and ``routine`` turn ids into words."""
        self.clear()
        rows = [QTreeWidgetItem(session_cells(s, name, routine)) for s in reversed(report.sessions)]
        self.addTopLevelItems(rows)
        for column in range(len(COLUMNS) - 1):
            self.resizeColumnToContents(column)
        self.setAccessibleDescription(
            ngettext(
                "{count} session in the last 12 weeks, newest first",
                "{count} sessions in the last 12 weeks, newest first",
                len(rows),
            ).format(count=len(rows))
        )
