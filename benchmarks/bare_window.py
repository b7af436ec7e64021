"""The baseline of ``make bench``: a bare PySide6 ``QMainWindow`` with one label.

Measured exactly like the app: with ``HAMSTRING_GUI_TRACE=<path>`` it appends
``{"event": "first-paint", "t": time.monotonic(), "cpu": time.process_time()}``
once the window finished its first paint (the same hook as ``hamstring_gui/ui/trace.py``), then
runs until it is terminated. It must not import ``hamstring_gui``: it stands
for what any PySide6 window costs on this machine.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, widget: QMainWindow, path: str) -> None:
        super().__init__(widget)
        self._path = path
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.Paint:
            return False
        watched.removeEventFilter(self)
        watched.event(event)
        with open(self._path, "a", encoding="utf-8") as file:
            stamps = {"t": time.monotonic(), "cpu": time.process_time()}
            file.write(json.dumps({"event": "first-paint", **stamps}) + "\n")
        self.deleteLater()
        return True


def main() -> int:
    """Show the window and run until terminated."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QLabel("Hello"))
    path = os.environ.get("HAMSTRING_GUI_TRACE")
    if path:
        _FirstPaint(window, path)
    window.resize(1000, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
