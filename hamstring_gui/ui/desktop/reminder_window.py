"""The fallback for a break notice or reminder: a small window with Start / Snooze / Skip.

Used when the desktop has no notification server with buttons. It comes up
on top **without taking the focus** and has no default button, so typing
in another window never answers it: only a click on Start starts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hamstring_gui.core import words


class ReminderWindow(QWidget):
    """A "Time for a stretch" window with three buttons; closing it is a dismissal.

    Signals:
        startClicked(), snoozeClicked(), skipClicked(): the user's answer.
        dismissed(): closed without an answer.
    """

    startClicked = Signal()  # noqa: N815 - Qt's camelCase for signals
    snoozeClicked = Signal()  # noqa: N815
    skipClicked = Signal()  # noqa: N815
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(words.REMINDER_SUMMARY)
        self.summary = QLabel()
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.start_button = QPushButton(words.START)
        self.snooze_button = QPushButton(words.snooze_label(10))
        self.skip_button = QPushButton(words.SKIP)
        for button in (self.start_button, self.snooze_button, self.skip_button):
            button.setAutoDefault(False)  # Enter typed elsewhere must never start
        buttons = QHBoxLayout()
        for button in (self.start_button, self.snooze_button, self.skip_button):
            buttons.addWidget(button)
        # Room for the title and the three buttons at any text size.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self._answered = False
        self.start_button.clicked.connect(lambda: self._answer(self.startClicked))
        self.snooze_button.clicked.connect(lambda: self._answer(self.snoozeClicked))
        self.skip_button.clicked.connect(lambda: self._answer(self.skipClicked))

    def ask(self, summary: str, body: str, start_label: str, snooze_label: str | None) -> None:
        """Show on top, without the focus; ``snooze_label`` None: no snoozes left today."""
        self._answered = False
        self.setWindowTitle(summary)
        self.summary.setText(f"<b>{summary}</b>")
        self.body.setText(body)
        self.start_button.setText(start_label)
        self.snooze_button.setEnabled(snooze_label is not None)
        self.snooze_button.setText(snooze_label or words.NO_SNOOZES_LEFT)
        self.show()
        self.raise_()

    def withdraw(self) -> None:
        """Hide without counting it as a dismissal."""
        self._answered = True
        self.hide()

    def _answer(self, signal: SignalInstance) -> None:
        self._answered = True
        self.hide()
        signal.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Escape closes it, as a dismissal."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing the window without an answer asks again later."""
        if not self._answered:
            self._answered = True
            self.dismissed.emit()
        super().closeEvent(event)
