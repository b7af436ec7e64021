"""The last fallback for a reminder: a small window with Start / Snooze / Skip.

Used when the desktop has neither a notification server nor a tray.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


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
        self.setWindowTitle("Time for a stretch")
        self.summary = QLabel()
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.start_button = QPushButton("Start")
        self.snooze_button = QPushButton("Snooze")
        self.skip_button = QPushButton("Skip")
        self.start_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.snooze_button, self.skip_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self._answered = False
        self.start_button.clicked.connect(lambda: self._answer(self.startClicked))
        self.snooze_button.clicked.connect(lambda: self._answer(self.snoozeClicked))
        self.skip_button.clicked.connect(lambda: self._answer(self.skipClicked))

    def ask(self, summary: str, body: str, snooze_label: str | None) -> None:
        """Show the reminder on top; ``snooze_label`` None hides Snooze (limit used)."""
        self._answered = False
        self.summary.setText(f"<b>{summary}</b>")
        self.body.setText(body)
        self.snooze_button.setVisible(snooze_label is not None)
        self.snooze_button.setText(snooze_label or "Snooze")
        self.show()
        self.raise_()
        self.activateWindow()

    def withdraw(self) -> None:
        """Hide without counting it as a dismissal."""
        self._answered = True
        self.hide()

    def _answer(self, signal: SignalInstance) -> None:
        self._answered = True
        self.hide()
        signal.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing the window without an answer asks again later."""
        if not self._answered:
            self._answered = True
            self.dismissed.emit()
        super().closeEvent(event)
