"""The routine editor's toolbar: new, open, import, export, undo and redo."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from hamstring_gui.core.i18n import _
from hamstring_gui.core.routine import Routine


class EditorToolbar(QToolBar):
    """The editor's file and undo actions; the window connects what they do.

    Undo and Redo follow ``undo_stack`` themselves. ``open_menu`` is empty
    until its ``aboutToShow`` is answered.
    """

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(_("Routine"), parent)
        self.setObjectName("editorToolbar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = QAction(_("New"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setToolTip(_("Start an empty routine (Ctrl+N)"))
        self.addAction(self.new_action)
        self.open_menu = QMenu(_("Open"), self)
        self.open_button = QToolButton()
        self.open_button.setText(_("Open"))
        self.open_button.setToolTip(_("Open one of your routines, or copy a built-in one"))
        self.open_button.setMenu(self.open_menu)
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(self.open_button)
        self.import_action = QAction(_("Import…"), self)
        self.import_action.setToolTip(_("Add a routine file someone gave you"))
        self.addAction(self.import_action)
        self.export_action = QAction(_("Export…"), self)
        self.export_action.setToolTip(_("Write this routine to a file to share it"))
        self.addAction(self.export_action)
        self.print_action = QAction(_("Print / Save as PDF…"), self)
        self.print_action.setToolTip(_("A handout of this routine, as it is now, for paper or PDF"))
        self.addAction(self.print_action)
        self.addSeparator()
        # Fixed labels (the step goes in the tooltip) so the toolbar does not jump.
        self.undo_action = QAction(_("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(undo_stack.undo)
        undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.redo_action = QAction(_("Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(undo_stack.redo)
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_stack.redoTextChanged.connect(self._redo_text_changed)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            self.addAction(action)

    def fill_open_menu(self, routines: Iterable[Routine], on_open: Callable[[str], None]) -> None:
        """List ``routines`` in the Open menu, the user's first; choosing one calls ``on_open``."""
        self.open_menu.clear()
        routines = list(routines)
        custom = [routine for routine in routines if not routine.builtin]
        self.open_menu.addSection(_("Your routines"))
        if not custom:
            self.open_menu.addAction(_("(none yet)")).setEnabled(False)
        for routine in custom:
            self._add_open(routine, on_open)
        self.open_menu.addSection(_("Built-in (opens a copy)"))
        for routine in routines:
            if routine.builtin:
                self._add_open(routine, on_open)

    def _add_open(self, routine: Routine, on_open: Callable[[str], None]) -> None:
        action = self.open_menu.addAction(routine.name)
        action.triggered.connect(lambda _=False: on_open(routine.id))

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setToolTip(_("Undo: {step}").format(step=text) if text else _("Undo"))

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setToolTip(_("Redo: {step}").format(step=text) if text else _("Redo"))
