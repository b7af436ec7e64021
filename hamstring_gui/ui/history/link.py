"""Connects sessions and the window to the history store.

Lifecycle: built once by the composition root when the history store opened,
with the session controller, the settings model, the catalog and the window's
:class:`~hamstring_gui.ui.shell.Shell`. Each session the controller starts
gets a :class:`SessionRecorder`; the summary's back-feeling answer goes to
:meth:`HistoryLink.set_feeling`; a finished self-test routine asks for its
result; :meth:`HistoryLink.open_history` shows the history window. If the
store cannot be written, the user is told once and sessions go on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.history.recorder import SessionRecorder
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.session import SessionEngine, Summary
from hamstring_gui.core.settings import HOLD_FOR_AGE
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.shell import Shell

if TYPE_CHECKING:
    from hamstring_gui.ui.history.window import HistoryWindow

SELF_TEST_ROUTINE = "self-test"


class HistoryLink(QObject):
    """Records every session and opens the history window."""

    def __init__(
        self,
        store: HistoryStore,
        controller: SessionController,
        model: SettingsModel,
        catalog: Catalog,
        shell: Shell,
        parent: QWidget | None = None,
        *,
        routines: Mapping[str, Routine] | None = None,
    ) -> None:
        """``parent`` also parents the self-test question; ``routines`` name past sessions."""
        super().__init__(parent)
        self.store = store
        self.controller = controller
        self.model = model
        self.catalog = catalog
        self.shell = shell
        self.routines = dict(routines or {})
        self._dialog_parent = parent
        self.recorder: SessionRecorder | None = None
        self.history_window: HistoryWindow | None = None
        self._told = False
        self.controller.attach(self._record)
        self.controller.ended.connect(self._on_ended)

    def _record(self, engine: SessionEngine) -> None:
        # A finished phase is written on the next turn of the event loop, so the
        # screen shows the new phase without waiting for the disk (recorder docstring).
        self.recorder = SessionRecorder(
            self.store, engine, on_problem=self._tell, defer=self._later
        )

    def _later(self, write: Callable[[], None]) -> None:
        QTimer.singleShot(0, self, write)

    def flush(self) -> None:
        """Write what waits for the event loop now (before the store closes at quit)."""
        if self.recorder is not None:
            self.recorder.flush()

    def set_feeling(self, value: int) -> None:
        """The summary's "how does your back feel" answer, 0–10, for the last session."""
        if self.recorder is not None:
            self.recorder.set_feeling(value)

    def _on_ended(self, summary: Summary) -> None:
        if self.history_window is not None:
            self.history_window.refresh()
        if summary.routine == SELF_TEST_ROUTINE and summary.completed:
            from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog

            result = SelfTestDialog.ask(self._dialog_parent)
            if result is not None:
                self.open_history().record_self_test(*result)

    def _tell(self, message: str) -> None:
        if not self._told:
            self._told = True
            self.shell.show_message(message, 15000)

    def open_history(self) -> HistoryWindow:
        """Show the history window (one, reused), with a gentle hold offer."""
        settings = self.model.settings
        target = HOLD_FOR_AGE.get(settings.profile.age_band, 30)
        hold = (settings.session.hold_seconds, target)
        if self.history_window is None:
            # Built on first use, like the window's pages: its charts and list are
            # ~1.5 MB a session that never opens them would carry.
            from hamstring_gui.ui.history.window import HistoryWindow

            self.history_window = HistoryWindow(
                self.store, self.catalog, routines=self.routines, hold=hold
            )
            self.history_window.holdChangeAccepted.connect(self._accept_hold)
        else:
            self.history_window.hold = hold
            self.history_window.refresh()
        self.history_window.show()
        self.history_window.raise_()
        self.history_window.activateWindow()
        return self.history_window

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """New routine list (the editor saved, imported or deleted one)."""
        self.routines = dict(routines)
        if self.history_window is not None:
            self.history_window.set_routines(routines)

    def _accept_hold(self, seconds: int) -> None:
        model = self.model
        session = dataclasses.replace(model.settings.session, hold_seconds=seconds)
        model.update(dataclasses.replace(model.settings, session=session))
