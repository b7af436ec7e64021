"""Two window commands for the library's care of backs: the B skip and the Stretch library.

Session ▸ Skip: not for a sore back (B) leaves out the stretch on screen when
it carries the sore-back mark (enabled only then), and the session screen's
"Skip it (B)" button is the same command. Help ▸ Stretch library… opens every
entry to read. Its own object, following the controller and the window's
pages, so the main window only builds it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.sore_back import SORE_BACK_ACTION, SORE_BACK_KEY, SORE_BACK_TIP, flagged


class BackCare(QObject):
    """The sore-back skip (``sore_back``) and the Stretch library entry (``library``)."""

    def __init__(
        self,
        window: QMainWindow,
        controller: SessionController,
        catalog: Catalog,
        session_menu: QMenu,
        help_menu: QMenu,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.catalog = catalog
        self.sore_back = QAction(SORE_BACK_ACTION, window)
        self.sore_back.setShortcut(QKeySequence(SORE_BACK_KEY))
        self.sore_back.setToolTip(f"{SORE_BACK_TIP} ({SORE_BACK_KEY})")
        self.sore_back.setStatusTip(SORE_BACK_TIP)
        self.sore_back.setEnabled(False)
        window.addAction(self.sore_back)
        session_menu.addAction(self.sore_back)
        self.sore_back.triggered.connect(controller.skip_for_sore_back)
        self.library = help_menu.addAction("Stretch &library…")  # no key: rarely needed
        self.library.triggered.connect(self.show_library)
        for signal in (controller.phaseStarted, controller.paused, controller.resumed):
            signal.connect(self._follow)
        controller.ended.connect(lambda _summary: self.sore_back.setEnabled(False))
        page_built = getattr(window, "pageBuilt", None)
        if page_built is not None:
            page_built.connect(self._wire_page)

    def show_library(self) -> None:
        """Help ▸ Stretch library: every entry's steps, cautions, sources and picture."""
        from hamstring_gui.ui.dialogs.stretch_library import StretchLibraryDialog

        StretchLibraryDialog.show_for(self.window, self.catalog)

    def _follow(self, *_: object) -> None:
        """B works only during a session, on a stretch that carries the mark."""
        active = self.controller.active
        self.sore_back.setEnabled(active and flagged(self.catalog, self.controller.phase))

    def _wire_page(self, page: QWidget) -> None:
        cautions = getattr(page, "cautions", None)  # the session screen's caution panel
        if cautions is not None:
            cautions.skipRequested.connect(self.sore_back.trigger)
            cautions.skip_button.setToolTip(self.sore_back.toolTip())
