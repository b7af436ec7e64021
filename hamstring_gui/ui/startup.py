"""Start-up order: paint the first frame, then build what can wait."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# If no paint ever comes (a window manager that never maps us), run anyway.
FALLBACK_MS = 2000


class _AfterFirstPaint(QObject):
    """Runs ``callback`` once, just after ``widget`` first painted (or after a fallback)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Let the paint happen, then queue the callback behind it."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._widget.removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, as soon as ``widget`` is on screen."""
    _AfterFirstPaint(widget, callback)
