"""An opt-in timing trace for the benchmarks (``make bench``).

With ``HAMSTRING_GUI_TRACE=<path>`` in the environment, :func:`install`
hooks a built main window so the app appends one JSON line per event to
that file, each stamped with ``t`` = ``time.monotonic()`` (the same clock in
every process on Linux, so the benchmark compares it with the moment it
started the process) and ``cpu`` = ``time.process_time()`` (user+sys CPU
seconds of the process so far: a figure the other processes on a busy
machine barely move):

* ``first-paint``: the main window finished its first paint;
* ``first-frame``: the session screen's illustration finished its first
  paint (what ``hamstring-gui start ROUTINE`` shows first);
* ``phase-start``: ``index``, ``planned`` (monotonic time the engine's
  deadline said the phase begins) and ``actual`` (monotonic time the trace
  heard the controller's signal: after the window's own slots, so once the
  session screen has taken the phase);
* ``phase-running``: ``index`` and ``planned`` of the phase a session had
  begun before the trace was installed (``start ROUTINE`` starts its
  session while the window is built), and ``first``, phase 0's instant.

Unset (always, outside benchmarks) :func:`install` returns at once: no
filter, no connection, nothing runs.
"""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from hamstring_gui.ui.screens.main_window import MainWindow

ENV = "HAMSTRING_GUI_TRACE"


def record(path: str, event: str, **fields: object) -> None:
    """Append one event line, stamped with ``time.monotonic()`` and the process's CPU time."""
    stamps = {"t": time.monotonic(), "cpu": time.process_time()}
    line = json.dumps({"event": event, **stamps, **fields})
    with open(path, "a", encoding="utf-8") as file:
        file.write(line + "\n")


class _FirstPaint(QObject):
    """Lets a widget paint once, records the moment it finished, then steps aside."""

    def __init__(self, widget: QWidget, path: str, event: str) -> None:
        super().__init__(widget)
        self._path, self._event = path, event
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Paint the widget inside its paint event, then stamp it."""
        if event.type() != QEvent.Type.Paint:
            return False
        watched.removeEventFilter(self)
        watched.event(event)  # the widget's own painting, inside the same paint cycle
        record(self._path, self._event)
        self.deleteLater()
        return True


def install(window: MainWindow) -> None:
    """Trace ``window`` when ``HAMSTRING_GUI_TRACE`` is set; otherwise do nothing."""
    path = os.environ.get(ENV)
    if not path:
        return
    _FirstPaint(window, path, "first-paint")

    def watch(page: QWidget | None) -> None:
        illustration = getattr(page, "illustration", None)  # only the session screen has one
        if illustration is not None:
            _FirstPaint(illustration, path, "first-frame")

    for index in range(window.stack.count()):  # `start ROUTINE` built it already
        watch(window.stack.widget(index))
    window.pageBuilt.connect(watch)  # otherwise built when a session first starts
    controller = window.controller

    def began(index: int) -> tuple[float, float]:
        """Now, and when phase ``index`` (the current one) began, both monotonic."""
        mono = time.monotonic()
        # The phase was due at its deadline minus its length: this long ago.
        return mono, mono - (controller.duration(index) - controller.remaining())

    def on_phase_started(index: int, _phase: object) -> None:
        if not controller.active:
            return
        mono, planned = began(index)
        record(path, "phase-start", index=index, planned=planned, actual=mono)

    controller.phaseStarted.connect(on_phase_started)
    if controller.active:
        index = controller.phase_index
        planned = began(index)[1]
        # Phase 0's instant too (a session has not paused before the window is up).
        first = planned - sum(controller.duration(i) for i in range(index))
        record(path, "phase-running", index=index, planned=planned, first=first)
