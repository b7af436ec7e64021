"""The history window: streaks, this week, 12 weeks, balance, feeling and the self-test.

Every number comes from :class:`~hamstring_gui.core.history.HistoryStore`
queries (aggregated in SQL), so years of daily sessions open quickly. The
charts are small ``QWidget`` subclasses painted with ``QPainter``: no
QtCharts, which would cost start-up time for a handful of bars.

Lifecycle::

    HistoryWindow(store, catalog)      queries once and lays out
      .refresh()                       queries again (after a session, say)
      "New self-test..."               SelfTestDialog.ask(); a result is saved and shown
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core import words
from hamstring_gui.core.catalog import Catalog, Stretch
from hamstring_gui.core.history import (
    EXPECTATION_TEXT,
    HistoryStore,
    HoldSuggestion,
    SelfTest,
    StretchCount,
)
from hamstring_gui.core.history.period import build_report
from hamstring_gui.core.i18n import N_, _, format_date, ngettext
from hamstring_gui.core.routine import Routine
from hamstring_gui.ui.history.calendar_charts import BalanceBar, CalendarGrid, WeekBars
from hamstring_gui.ui.history.chart_style import minutes_text
from hamstring_gui.ui.history.past_sessions import PastSessions
from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog
from hamstring_gui.ui.history.time_charts import FeelingChart, SelfTestChart
from hamstring_gui.ui.paper.actions import Choose, export_csv, save_progress_report
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea
from hamstring_gui.ui.window_fit import fit_on_screen

BALANCE_DAYS = 28
REPORT_WEEKS = 12  # what the window reads and the report button prints
SELF_TEST_TEXT = N_(
    "The 90/90 knee test: thigh straight up, then straighten the knee yourself. "
    "The chart shows how many degrees short of straight each knee stays; "
    "within about 20° of straight is typical. Test every few weeks, not every day."
)
FEELING_TEXT = N_(
    "How your back felt after sessions (0 = fine, 10 = very sore). Stretching is part of "
    "staying active; it is not a treatment for back pain."
)


def _card(title: str, *widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    base = theme.base_pixel_size()
    layout.setContentsMargins(base, base, base, base)
    layout.setSpacing(round(base * 0.5))
    caption = QLabel(title)
    caption.setFont(theme.scaled_font(1.15, bold=True))
    layout.addWidget(caption)
    for widget in widgets:
        layout.addWidget(widget)
    return frame


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class HistoryWindow(QDialog):
    """The user's record, read from a :class:`HistoryStore`.

    A modeless dialog: screen readers meet a window with its title, and Esc
    or Ctrl+W close it like any dialog.

    Args:
        store: the open history.
        names: stretch id -> :class:`Stretch` (the catalog) for readable names.
        routines: routine id -> :class:`Routine` (built-in and the user's) for
            the names in the past sessions; see :meth:`set_routines`.
        today: the local date (tests pin it).
        hold: ``(current hold, target hold)`` in seconds to show a gentle
            progression offer, or ``None`` for no offer.

    Signals:
        selfTestRecorded(object): a :class:`SelfTest` that was just saved.
        holdChangeAccepted(int): the user took the offered hold, in seconds;
            the caller changes the setting (this window never does).
    """

    selfTestRecorded = Signal(object)  # noqa: N815 - Qt signal naming
    holdChangeAccepted = Signal(int)  # noqa: N815

    def __init__(
        self,
        store: HistoryStore,
        names: Mapping[str, Stretch] | None = None,
        *,
        routines: Mapping[str, Routine] | None = None,
        today: Callable[[], date] = date.today,
        hold: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(_("Your stretching record"))
        self.store = store
        self.names = names or {}
        self.routines = routines or {}
        self.today = today
        self.hold = hold
        self.offer: HoldSuggestion | None = None
        base = theme.base_pixel_size()

        title = QLabel(_("Your stretching record"))
        title.setFont(theme.scaled_font(1.7, bold=True))
        self.streak_value = QLabel()
        self.streak_value.setObjectName("streakValue")
        self.streak_value.setFont(theme.scaled_font(2.4, bold=True))
        self.best_value = QLabel()
        self.best_value.setObjectName("bestStreakValue")
        self.best_value.setFont(theme.scaled_font(2.4, bold=True))
        streaks = QHBoxLayout()
        streaks.setSpacing(base * 2)
        for caption, value in (
            (_("Current streak"), self.streak_value),
            (_("Best streak"), self.best_value),
        ):
            column = QVBoxLayout()
            column.setSpacing(0)
            label = QLabel(caption)
            label.setFont(theme.scaled_font(1.0))
            column.addWidget(label)
            column.addWidget(value)
            streaks.addLayout(column)
        expectation = _note(
            _(
                "Days in a row with at least one completed session. Flexibility builds over "
                "about 4–6 weeks of near-daily stretching and fades within weeks of stopping."
            )
        )
        expectation.setMinimumWidth(base * 20)
        streaks.addWidget(expectation, 1)

        self.offer_label = _note(name="holdOffer")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("acceptHoldOffer")
        self.offer_button.clicked.connect(self._accept_offer)
        offer_row = QHBoxLayout()
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_button)
        self.offer_box = QFrame()
        self.offer_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer_box.setLayout(offer_row)

        self.week_chart = WeekBars()
        self.week_note = _note(name="weekNote")
        self.calendar = CalendarGrid()
        self.calendar_note = _note(name="calendarNote")
        self.balance_bar = BalanceBar()
        self.balance_note = _note(name="balanceNote")
        self.done_label = _note(name="mostDone")
        self.skipped_label = _note(name="mostSkipped")
        self.feeling_chart = FeelingChart()
        self.self_test_chart = SelfTestChart()
        self.self_test_note = _note(name="selfTestNote")
        self.new_test_button = QPushButton(_("New self-test…"))
        self.new_test_button.setObjectName("newSelfTest")
        self.new_test_button.clicked.connect(self.new_self_test)
        self.status = _note(name="historyStatus")
        self.status.hide()
        self.past_sessions = PastSessions()
        self.export_button = QPushButton(_("Export CSV…"))
        self.export_button.setObjectName("exportCsv")
        self.export_button.setToolTip(_("The whole record as a table, as history --csv writes it"))
        self.export_button.clicked.connect(self.export_csv)
        self.report_button = QPushButton(_("Progress report (PDF)…"))
        self.report_button.setObjectName("progressReport")
        self.report_button.setToolTip(_("The last 12 weeks on paper, to take to a physiotherapist"))
        self.report_button.clicked.connect(self.save_report)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.report_button)

        test_row = QHBoxLayout()
        test_row.addWidget(self.self_test_note, 1)
        test_row.addWidget(self.new_test_button, 0, Qt.AlignmentFlag.AlignBottom)
        test_box = QWidget()
        test_box.setLayout(test_row)
        test_row.setContentsMargins(0, 0, 0, 0)

        grid = QGridLayout()
        grid.setSpacing(base)
        grid.addWidget(_card(_("This week (minutes)"), self.week_chart, self.week_note), 0, 0)
        grid.addWidget(_card(_("Last 12 weeks"), self.calendar, self.calendar_note), 0, 1)
        grid.addWidget(
            _card(
                _("Left and right, last {weeks} weeks").format(weeks=BALANCE_DAYS // 7),
                self.balance_bar,
                self.balance_note,
                self.done_label,
                self.skipped_label,
            ),
            1,
            0,
        )
        grid.addWidget(
            _card(_("Back feeling, last 12 weeks"), self.feeling_chart, _note(_(FEELING_TEXT))),
            1,
            1,
        )
        grid.addWidget(
            _card(
                _("Self-test: 90/90 knee extension"),
                _note(_(SELF_TEST_TEXT)),
                self.self_test_chart,
                test_box,
            ),
            2,
            0,
            1,
            2,
        )
        grid.addWidget(_card(_("Past sessions, last 12 weeks"), self.past_sessions), 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        content.setObjectName("historyContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        column.setSpacing(base)
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addLayout(actions)
        column.addLayout(heading)
        column.addLayout(streaks)
        column.addWidget(self.offer_box)
        column.addWidget(self.status)
        column.addLayout(grid)
        column.addStretch(1)
        scroll = NamedScrollArea(_("Your stretching record"), content)
        scroll.setObjectName("historyScroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        close = QShortcut(QKeySequence("Ctrl+W"), self)  # Esc: every dialog's own
        close.activated.connect(self.close)
        self.resize(base * 62, base * 60)
        fit_on_screen(self)
        self.refresh()

    # -- data ---------------------------------------------------------------

    def name(self, stretch_id: str) -> str:
        """A stretch's name for people (its id when unknown)."""
        stretch = self.names.get(stretch_id)
        return stretch.name if stretch is not None else stretch_id

    def routine_name(self, routine_id: str) -> str:
        """A routine's name for people (a readable id when it no longer exists)."""
        return words.routine_title(routine_id, self.routines)

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """New routine list (one was saved, renamed or deleted): the past sessions follow."""
        self.routines = dict(routines)
        self.past_sessions.set_report(self.report, self.name, self.routine_name)

    def refresh(self) -> None:
        """Read the record again (one :class:`HistoryReport`) and update every section."""
        today = self.today()
        store = self.store
        report = build_report(store, today, today - timedelta(weeks=REPORT_WEEKS))
        self.report = report
        self.past_sessions.set_report(report, self.name, self.routine_name)
        streak = report.streak
        self.streak_value.setText(_days(streak.current))
        self.best_value.setText(_days(streak.best))

        week = report.week()
        self.week_chart.set_days(week, today)
        week_days = sum(1 for d in week if d.completed)
        self.week_note.setText(
            ngettext(
                "{minutes} min on {days} day with a completed session. "
                "3 or more a week keeps what you have gained.",
                "{minutes} min on {days} days with a completed session. "
                "3 or more a week keeps what you have gained.",
                week_days,
            ).format(minutes=f"{sum(d.minutes for d in week):.0f}", days=week_days)
        )
        calendar = report.calendar()
        self.calendar.set_days(calendar, today)
        done = sum(1 for d in calendar if d.completed)
        self.calendar_note.setText(
            _(
                "Completed sessions on {days} in these 12 weeks. "
                "Darker squares: more minutes; grey: stopped early."
            ).format(days=_days(done))
        )

        balance = report.balance(BALANCE_DAYS)
        self.balance_bar.set_balance(balance)
        if balance.left_share is None:
            self.balance_note.setText(_("No one-leg stretching in the last 4 weeks."))
        else:
            minutes = {"left": minutes_text(balance.left), "right": minutes_text(balance.right)}
            self.balance_note.setText(
                _("Left {left} min · right {right} min. Even.").format(**minutes)
                if abs(balance.left_share - 0.5) < 0.05
                else _(
                    "Left {left} min · right {right} min. "
                    "The shorter side could use a little more time."
                ).format(**minutes)
            )
        since = today - timedelta(weeks=12)
        self.done_label.setText(self._counts(_("Done most"), report.done[:3], _("nothing yet")))
        self.skipped_label.setText(self._counts(_("Skipped most"), report.skipped[:3], _("none")))
        feelings = [f for f in report.feelings if f.day >= since]
        self.feeling_chart.set_feelings(feelings, since, today)

        tests = list(report.self_tests)
        self.self_test_chart.set_tests(tests, today)
        self.self_test_note.setText(_self_test_words(tests) + " " + _(EXPECTATION_TEXT))

        self.offer = None
        if self.hold is not None:
            current, target = self.hold
            self.offer = store.suggest_hold_change(current, target, today)
        self.offer_box.setVisible(self.offer is not None)
        if self.offer is not None:
            self.offer_label.setText(
                _("{reason} Only if it feels right.").format(reason=self.offer.reason)
            )
            self.offer_button.setText(
                _("Use {seconds} s holds").format(seconds=self.offer.suggested)
            )

    def _counts(self, title: str, counts: Sequence[StretchCount], empty: str) -> str:
        items = ", ".join(f"{html.escape(self.name(c.stretch))} ({c.sessions}×)" for c in counts)
        return _("<b>{title}</b> (12 weeks): {items}").format(title=title, items=items or empty)

    def new_self_test(self) -> None:
        """Ask for a self-test result and record it (nothing when stopped or cancelled)."""
        result = SelfTestDialog.ask(self)
        if result is None:
            return
        self.record_self_test(*result)

    def record_self_test(self, left: int, right: int) -> None:
        """Save a result dated today and show it."""
        test = SelfTest(self.today(), left, right)
        try:
            self.store.add_self_test(test.day, left, right)
        except sqlite3.Error as error:
            self._show_status(
                _("The self-test could not be saved ({problem}).").format(problem=error)
            )
            return
        self.refresh()
        self.selfTestRecorded.emit(test)

    def export_csv(self) -> None:
        """Ask where, then write the whole record as CSV (the same table as ``history --csv``)."""
        path = Choose.save_file(
            self,
            _("Export your record"),
            # TRANSLATORS: a suggested file name: lowercase, no spaces; keep {date} and .csv.
            _("stretching-{date}.csv").format(date=self.today().isoformat()),
            _("CSV files (*.csv)"),
        )
        if path is None:
            return
        try:
            export_csv(self.store, path)
        except (OSError, sqlite3.Error) as error:
            self._show_status(_("The record was not exported ({problem}).").format(problem=error))
            return
        self._show_status(_("Exported your record to {path}.").format(path=path))

    def save_report(self) -> None:
        """Ask where, then write the progress report of the weeks shown as a PDF."""
        message = save_progress_report(self, self.report, self.names_catalog(), self.today())
        if message:
            self._show_status(message)

    def names_catalog(self) -> Catalog:
        """The stretch names as a catalog for the papers."""
        return self.names if isinstance(self.names, Catalog) else Catalog(list(self.names.values()))

    def _accept_offer(self) -> None:
        if self.offer is None:
            return
        seconds = self.offer.suggested
        try:
            self.store.note_hold_change(self.today(), seconds)
        except sqlite3.Error as error:
            self._show_status(_("Could not note the change ({problem}).").format(problem=error))
        self.hold = (seconds, self.hold[1]) if self.hold else None
        self.holdChangeAccepted.emit(seconds)
        self.refresh()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def _self_test_words(tests: Sequence[SelfTest]) -> str:
    if not tests:
        return _("No results yet.")
    last = tests[-1]
    words = _("Last test {date}: left {left}°, right {right}° short of straight.").format(
        date=format_date(last.day), left=last.left_degrees, right=last.right_degrees
    )
    if len(tests) > 1:
        first = tests[0]
        change = (
            first.left_degrees + first.right_degrees - last.left_degrees - last.right_degrees
        ) / 2
        if change >= 1:
            words += " " + _("About {degrees}° closer to straight than your first test.").format(
                degrees=f"{change:.0f}"
            )
    return words
