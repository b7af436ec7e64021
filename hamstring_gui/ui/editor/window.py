"""The routine editor: build your own routine from the stretch library.

Lifecycle: build one :class:`RoutineEditor` with the library, the routines
folder and the user's session settings, then :meth:`RoutineEditor.new_routine`,
:meth:`~RoutineEditor.duplicate` a built-in or :meth:`~RoutineEditor.open_routine`
a custom one. Every change goes through the window's :class:`QUndoStack`; a
save writes ``<folder>/<id>.toml`` through :mod:`hamstring_gui.core.routine_store`
and emits ``routinesChanged`` so the start screen and the tray menu can
reload (:func:`~hamstring_gui.core.routine_store.load_all`).

The window owns the draft and the undo stack; its panes only show and ask:
:class:`~hamstring_gui.ui.editor.library_panel.LibraryPanel` (the library),
:class:`~hamstring_gui.ui.editor.preview.StretchPreview` (the chosen stretch),
:class:`~hamstring_gui.ui.editor.items_model.RoutineItemsModel` (the routine's
items) and :class:`~hamstring_gui.ui.editor.item_form.ItemForm` (one item's
overrides).

Built-in routines are never changed: opening one makes a copy with a new id.
The ranges offered per item are the ones the routine loader enforces.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from hamstring_gui.core import routine_store
from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import Side, build_plan
from hamstring_gui.core.routine import (
    MAX_ITEMS,
    NAME_MAX_LEN,
    ItemSides,
    Routine,
    RoutineItem,
)
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import data_problem
from hamstring_gui.ui.editor.back_caution import BackCautionGuard, import_notice
from hamstring_gui.ui.editor.draft import (
    MERGE_DESCRIPTION,
    MERGE_ITEM,
    MERGE_NAME,
    Dose,
    Draft,
    EditCommand,
    EditorState,
    dose_of,
    taken_ids,
)
from hamstring_gui.ui.editor.item_form import ItemChanges
from hamstring_gui.ui.editor.items_model import RoutineItemsModel, describe_item
from hamstring_gui.ui.editor.library_panel import LibraryPanel
from hamstring_gui.ui.editor.panes import EditorPanes
from hamstring_gui.ui.editor.preview import StretchPreview
from hamstring_gui.ui.editor.routine_panel import RoutinePanel
from hamstring_gui.ui.editor.toolbar import EditorToolbar
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.window_fit import fit_on_screen


def _saved_as(routine_id: str) -> str:
    """Where a custom routine lives, as the editor's header says it."""
    return _("Your routine, saved as {file}.").format(file=f"{routine_id}.toml")


class RoutineEditor(QMainWindow):
    """A window to build, change, import and export custom routines.

    Signals:
        routinesChanged(): a custom routine was saved or imported; list routines again.
        routineSaved(str): the id of the routine just saved.
    """

    routinesChanged = Signal()  # noqa: N815 - Qt signal naming
    routineSaved = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(
        self,
        catalog: Catalog,
        folder: Path,
        settings: SessionSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineEditor")
        self.catalog = catalog
        self.back_caution = BackCautionGuard()
        self.folder = folder
        self.settings = settings
        self._state = EditorState(Draft(), -1)
        self._routine_id: str | None = None  # set once the draft has a file of its own
        self._origin = ""  # what the header says the draft came from
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        base = theme.base_pixel_size()

        self.toolbar = EditorToolbar(self.undo_stack)
        self.addToolBar(self.toolbar)
        self.toolbar.new_action.triggered.connect(self._ask_new)
        self.toolbar.open_menu.aboutToShow.connect(self._fill_open_menu)
        self.toolbar.import_action.triggered.connect(self._ask_import)
        self.toolbar.export_action.triggered.connect(self._ask_export)
        self.toolbar.print_action.triggered.connect(self._ask_print)
        self.save_action = QAction(_("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.library = LibraryPanel(catalog)
        self.library.currentChanged.connect(self._library_selected)
        self.library.stretchActivated.connect(self.add_stretch)
        self.preview = StretchPreview()
        self.preview.add_button.clicked.connect(self.add_selected_stretch)
        self.items_model = RoutineItemsModel(self._describe_item, self._move_row)
        self.routine_panel = RoutinePanel(catalog, self.items_model)
        panel = self.routine_panel
        panel.name_edit.textEdited.connect(self._name_edited)
        panel.description_edit.textEdited.connect(self._description_edited)
        panel.items_view.selectionModel().currentRowChanged.connect(self._item_selected)
        panel.moveRequested.connect(self.move_selected)
        panel.removeRequested.connect(self.remove_selected)
        panel.item_form.edited.connect(self._change_item)
        panel.save_button.clicked.connect(self.save)
        # Each pane scrolls: at large text the three side by side are wider and
        # taller than a laptop screen.
        panes = (
            (_("Stretch library"), self.library, 4),
            (_("Preview"), self.preview, 3),
            (_("Routine"), panel, 5),
        )
        tallest = max(pane.sizeHint().height() for _name, pane, _stretch in panes)
        self.setCentralWidget(EditorPanes(panes))
        # Esc and Ctrl+W close the editor (it asks first about unsaved changes).
        self.close_action = QAction(_("Close"), self)
        self.close_action.setShortcuts([QKeySequence("Ctrl+W"), QKeySequence("Esc")])
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        # As tall as the panes want: they only scroll when the screen is too small.
        self.resize(base * 86, max(base * 50, tallest + base * 5))
        fit_on_screen(self)

        self.library.apply_filter()
        self.new_routine()

    # -- public API ----------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        """The routine as it stands in the editor."""
        return self._state.draft

    @property
    def routine_id(self) -> str | None:
        """The id the draft is saved under, ``None`` until its first save."""
        return self._routine_id

    def set_settings(self, settings: SessionSettings) -> None:
        """Use the user's new session settings for lengths and defaults."""
        self.settings = settings
        self._show_state(self._state)

    def new_routine(self) -> None:
        """Start an empty routine (unsaved changes are dropped: ask first)."""
        self._load(Draft(), None, _("A new routine of your own."))

    def duplicate(self, routine_id: str) -> None:
        """Start a copy of any routine; the original stays as it is."""
        routine = self._routines()[routine_id]
        name = _("{name} (my copy)").format(name=routine.name)[:NAME_MAX_LEN]
        if routine.builtin:
            origin = _("A copy of the built-in routine “{name}”; the original stays as it is.")
        else:
            origin = _("A copy of the routine “{name}”; the original stays as it is.")
        self._load(
            Draft(name, routine.description, routine.items),
            None,
            origin.format(name=routine.name),
        )

    def open_routine(self, routine_id: str) -> None:
        """Edit a custom routine in place, or a copy of a built-in one."""
        routine = self._routines()[routine_id]
        if routine.builtin:
            self.duplicate(routine_id)
            return
        self._load(
            Draft(routine.name, routine.description, routine.items),
            routine.id,
            _saved_as(routine.id),
        )

    def add_stretch(self, stretch_id: str) -> None:
        """Add a stretch at the end of the routine, with no overrides."""
        items = self.draft.items
        if len(items) >= MAX_ITEMS:
            self._say(_("A routine holds at most {count} stretches.").format(count=MAX_ITEMS))
            return
        stretch = self.catalog[stretch_id]
        if not self.back_caution.may_add(self, stretch):  # asks once, with the reason
            self._say(_("Not added: {name}.").format(name=stretch.name))
            return
        self._change(
            _("Add {name}").format(name=stretch.name),
            dataclasses.replace(self.draft, items=(*items, RoutineItem(stretch_id))),
            len(items),
        )  # noqa: E501

    def add_selected_stretch(self) -> None:
        """Add the stretch selected in the library."""
        stretch = self.library.current_stretch()
        if stretch is not None:
            self.add_stretch(stretch)

    def remove_selected(self) -> None:
        """Take the selected item out of the routine."""
        row = self._state.row
        items = self.draft.items
        if not 0 <= row < len(items):
            return
        name = self.catalog[items[row].stretch].name
        rest = items[:row] + items[row + 1 :]
        self._change(
            _("Remove {name}").format(name=name),
            dataclasses.replace(self.draft, items=rest),
            min(row, len(rest) - 1),
        )  # noqa: E501

    def move_selected(self, delta: int) -> None:
        """Move the selected item ``delta`` places (negative: earlier)."""
        row = self._state.row
        self._move_row(row, row + delta)

    def select_item(self, row: int) -> None:
        """Select routine item ``row``."""
        self.routine_panel.items_view.setCurrentIndex(self.items_model.index(row, 0))

    def dose(self, row: int) -> Dose:
        """What item ``row`` gives as the session will run it (overrides and settings applied)."""
        return dose_of(self.draft.items[row], self.catalog, self.settings)

    def current_routine(self) -> Routine:
        """The draft as a routine (with the id it has or would get on its first save)."""
        taken = taken_ids(self.folder)
        routine_id = self._routine_id or routine_store.suggest_id(self.draft.name, taken)
        return Routine(
            routine_id, self.draft.name.strip(), self.draft.description.strip(), self.draft.items
        )

    def total_seconds(self) -> int:
        """Length of the routine with the user's settings."""
        if not self.draft.items:
            return 0
        return build_plan(self.current_routine(), self.catalog, self.settings).total_seconds

    def problem(self) -> str | None:
        """Why the draft cannot be saved yet, or ``None``."""
        if not self.draft.name.strip():
            return _("Give the routine a name.")
        if not self.draft.items:
            return _("Add at least one stretch from the library.")
        return None

    def save(self) -> Routine | None:
        """Write the routine to its file; returns it, or ``None`` (the reason is shown)."""
        problem = self.problem()
        if problem:
            self._say(problem)
            return None
        routine = self.current_routine()
        try:
            routine_store.save_routine(routine, self.folder, self.catalog)
        except DataError as error:
            self._say(_("Not saved. {problem}").format(problem=data_problem(error)))
            return None
        first = self._routine_id is None
        self._routine_id = routine.id
        self._origin = _saved_as(routine.id)
        self.undo_stack.setClean()
        self._show_state(self._state)
        if first:
            saved = _("Saved “{name}”. It is now on the start screen.")
        else:
            saved = _("Saved “{name}”.")
        self._say(saved.format(name=routine.name))
        self.routinesChanged.emit()
        self.routineSaved.emit(routine.id)
        return routine

    def import_file(self, path: Path) -> Routine | None:
        """Import a routine file (asking before replacing one of yours) and open it."""
        if not self._may_discard():
            return None
        try:
            routine = routine_store.import_routine(path, self.folder, self.catalog)
        except routine_store.RoutineExistsError as error:
            if not self.ask_replace(self, error.entry or ""):
                self._say(_("Not imported: you kept your routine."))
                return None
            try:
                routine = routine_store.import_routine(
                    path, self.folder, self.catalog, replace=True
                )  # noqa: E501
            except DataError as again:
                self._say(_("Not imported. {problem}").format(problem=data_problem(again)))
                return None
        except DataError as error:
            self._say(_("Not imported. {problem}").format(problem=data_problem(error)))
            return None
        self.routinesChanged.emit()
        self.open_routine(routine.id)
        self._say(_("Imported “{name}”.").format(name=routine.name))
        notice = import_notice(routine, self.catalog)  # its sore-back stretches, and why
        if notice:
            self.back_caution.tell(self, notice)
        return routine

    def export_file(self, path: Path) -> bool:
        """Write the routine as it stands to ``path`` (to share it); says how it went."""
        problem = self.problem()
        if problem:
            self._say(_("Not exported: {problem}").format(problem=problem))
            return False
        try:
            routine_store.write_routine_file(self.current_routine(), path, self.catalog)
        except DataError as error:
            self._say(_("Not exported. {problem}").format(problem=data_problem(error)))
            return False
        self._say(_("Exported to {path}.").format(path=path))
        return True

    # -- questions (class methods, so tests can replace them) -----------------------

    @classmethod
    def ask_discard(cls, parent: QWidget) -> bool:
        """Whether unsaved changes may be dropped."""
        answer = QMessageBox.question(
            parent,
            _("Unsaved changes"),
            _("Drop the changes to this routine?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @classmethod
    def ask_replace(cls, parent: QWidget, routine_id: str) -> bool:
        """Whether an imported routine may replace the user's routine ``routine_id``."""
        answer = QMessageBox.question(
            parent,
            _("Replace your routine?"),
            _(
                "You already have a routine {id}. Replace it? The old file is kept as {file}."
            ).format(id=repr(routine_id), file=f"{routine_id}.toml.bak"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose_import_file(cls, parent: QWidget) -> Path | None:
        """The routine file to import, or ``None``."""
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Import a routine"), str(Path.home()), _("Routine files (*.toml)")
        )
        return Path(name) if name else None

    @classmethod
    def choose_export_file(cls, parent: QWidget, suggested: str) -> Path | None:
        """Where to export, or ``None``."""
        name, _filter = QFileDialog.getSaveFileName(
            parent,
            _("Export the routine"),
            str(Path.home() / suggested),
            _("Routine files (*.toml)"),
        )
        return Path(name) if name else None

    # -- Qt ------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for the three panes."""
        base = theme.base_pixel_size()
        return QSize(base * 86, base * 50)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Ask before dropping unsaved changes."""
        if self._may_discard():
            event.accept()
        else:
            event.ignore()

    # -- internals -------------------------------------------------------------------

    def _routines(self) -> dict[str, Routine]:
        routines, problems = routine_store.load_all(self.folder, self.catalog)
        if problems:
            self._say(
                _("Some routine files could not be read: {problems}").format(
                    problems="; ".join(problems)
                )
            )
        return routines

    def _may_discard(self) -> bool:
        return self.undo_stack.isClean() or self.ask_discard(self)

    def _ask_new(self) -> None:
        if self._may_discard():
            self.new_routine()

    def _ask_import(self) -> None:
        path = self.choose_import_file(self)
        if path is not None:
            self.import_file(path)

    def _ask_print(self) -> None:
        from hamstring_gui.ui.paper.actions import print_handout

        if not self.draft.items:
            self._say(_("Add a stretch first: there is nothing to print yet."))
            return
        message = print_handout(self, self.current_routine(), self.catalog, self.settings)
        if message:
            self._say(message)

    def _ask_export(self) -> None:
        path = self.choose_export_file(self, f"{self.current_routine().id}.toml")
        if path is not None:
            self.export_file(path)

    def _fill_open_menu(self) -> None:
        self.toolbar.fill_open_menu(self._routines().values(), self._ask_open)

    def _ask_open(self, routine_id: str) -> None:
        if self._may_discard():
            self.open_routine(routine_id)

    def _load(self, draft: Draft, routine_id: str | None, origin: str) -> None:
        self._routine_id = routine_id
        self._origin = origin
        self.undo_stack.clear()
        self._show_state(EditorState(draft, 0 if draft.items else -1))
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self._say("")

    def _change(
        self, text: str, draft: Draft, row: int, merge: tuple[int, object] | None = None
    ) -> None:
        after = EditorState(draft, row)
        if after == self._state:
            return
        self.undo_stack.push(EditCommand(self._show_state, text, self._state, after, merge))

    def _change_item(self, text: str, field: str, changes: ItemChanges) -> None:
        row = self._state.row
        items = list(self.draft.items)
        if not 0 <= row < len(items):
            return
        items[row] = dataclasses.replace(items[row], **changes)
        self._change(
            text,
            dataclasses.replace(self.draft, items=tuple(items)),
            row,
            (MERGE_ITEM, (field, row)),
        )

    def _move_row(self, row: int, target: int) -> bool:
        items = list(self.draft.items)
        if not (0 <= row < len(items) and 0 <= target < len(items)) or row == target:
            return False
        item = items.pop(row)
        items.insert(target, item)
        name = self.catalog[item.stretch].name
        self._change(
            _("Move {name}").format(name=name),
            dataclasses.replace(self.draft, items=tuple(items)),
            target,
        )
        return True

    def _name_edited(self, text: str) -> None:
        self._change(
            _("Rename"),
            dataclasses.replace(self.draft, name=text),
            self._state.row,
            (MERGE_NAME, None),
        )

    def _description_edited(self, text: str) -> None:
        self._change(
            _("Change the description"),
            dataclasses.replace(self.draft, description=text),
            self._state.row,
            (MERGE_DESCRIPTION, None),
        )

    def _item_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if row != self._state.row:
            # Selection is not an edit: remember it without an undo step.
            self._state = EditorState(self.draft, row)
            self.routine_panel.show_item(self._state, self.settings)
        if row >= 0:
            item = self.draft.items[row]
            side = Side.RIGHT if item.sides is ItemSides.RIGHT else Side.LEFT
            self.preview.show_stretch(self.catalog[item.stretch], side)

    def _library_selected(self, stretch_id: str) -> None:
        if stretch_id:
            self.preview.show_stretch(self.catalog[stretch_id], Side.LEFT)
        self.preview.add_button.setEnabled(self.library.current_stretch() is not None)

    def _describe_item(self, row: int, item: RoutineItem) -> str:
        return describe_item(row, item, len(self.draft.items), self.catalog, self.settings)

    def _show_state(self, state: EditorState) -> None:
        """Make every widget show ``state`` (the one place the view follows the draft)."""
        self._state = state
        problem = self.problem()
        self.routine_panel.show_state(
            state, self.settings, self._origin, self.total_seconds(), problem
        )
        name = state.draft.name.strip() or _("New routine")
        self.setWindowTitle(_("{name}[*] — Routine editor").format(name=name))
        self.save_action.setEnabled(problem is None)
        self.toolbar.export_action.setEnabled(problem is None)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _say(self, message: str) -> None:
        self.routine_panel.say(message)
