"""The routine editor: build your own routine from the stretch library.

Lifecycle: build one :class:`RoutineEditor` with the library, the routines
folder and the user's session settings, then :meth:`RoutineEditor.new_routine`,
:meth:`~RoutineEditor.duplicate` a built-in or :meth:`~RoutineEditor.open_routine`
a custom one. Every change goes through the window's :class:`QUndoStack`; a
save writes ``<folder>/<id>.toml`` through :mod:`hamstring_gui.core.routine_store`
and emits ``routinesChanged`` so the start screen and the tray menu can
reload (:func:`~hamstring_gui.core.routine_store.load_all`).

Built-in routines are never changed: opening one makes a copy with a new id.
The ranges offered per item are the ones the routine loader enforces.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core import routine_store
from hamstring_gui.core.catalog import Catalog, Kind, Sides, Stretch
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.plan import PhaseKind, Side, build_plan
from hamstring_gui.core.routine import (
    DESCRIPTION_MAX_LEN,
    HOLD_RANGE,
    MAX_ITEMS,
    NAME_MAX_LEN,
    REPS_RANGE,
    REST_RANGE,
    ItemSides,
    Routine,
    RoutineItem,
    builtin_routines,
)
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import EQUIPMENT_WORDS, KIND_WORDS, POSITION_WORDS
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea
from hamstring_gui.ui.window_fit import fit_on_screen

try:  # the illustrations are built alongside this editor; show them when present
    from hamstring_gui.ui.widgets.illustration import IllustrationView
except ImportError:  # pragma: no cover - only while the illustration module is missing
    IllustrationView = None  # type: ignore[assignment,misc]

SIDES_WORDS = {
    ItemSides.EACH: "Each leg",
    ItemSides.LEFT: "Left leg only",
    ItemSides.RIGHT: "Right leg only",
}
ANY = "any"
# Undo merge ids: typing in one field (or spinning one value) is one undo step.
_MERGE_NAME, _MERGE_DESCRIPTION, _MERGE_ITEM = 1, 2, 3


@dataclass(frozen=True)
class Draft:
    """What the editor holds: everything a routine file says except its id."""

    name: str = ""
    description: str = ""
    items: tuple[RoutineItem, ...] = ()


@dataclass(frozen=True)
class _State:
    draft: Draft
    row: int  # the selected routine item, -1 for none


@dataclass(frozen=True)
class Dose:
    """How much of a stretch a routine item gives, as the session will run it."""

    hold: int
    reps: int
    rest_after: int


def _words_for_dose(stretch: Stretch) -> tuple[str, str]:
    if stretch.kind is Kind.PNF:
        return "First hold", "Push cycles"
    if stretch.kind.is_timed_move:
        return "Set length", "Sets"
    return "Hold", "Reps"


class _EditCommand(QUndoCommand):
    """One change to the draft: redo shows ``after``, undo shows ``before``."""

    def __init__(
        self,
        editor: RoutineEditor,
        text: str,
        before: _State,
        after: _State,
        merge: tuple[int, object] | None,
    ) -> None:
        super().__init__(text)
        self._editor = editor
        self.before = before
        self.after = after
        self._merge = merge

    def id(self) -> int:  # noqa: D102 - Qt API
        return self._merge[0] if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802, D102 - Qt API
        if not isinstance(other, _EditCommand) or other._merge != self._merge:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:  # noqa: D102 - Qt API
        self._editor._show_state(self.after)

    def undo(self) -> None:  # noqa: D102 - Qt API
        self._editor._show_state(self.before)


class RoutineItemsModel(QAbstractListModel):
    """The routine being built, one row per item; a move by drag asks ``on_move``.

    The model never changes itself: :meth:`moveRows` (what a drag in the
    list view calls) hands the move to the editor, which records it as an
    undoable change and shows the new order with :meth:`set_items`.
    """

    def __init__(
        self,
        catalog: Catalog,
        describe: Callable[[int, RoutineItem], str],
        on_move: Callable[[int, int], bool],
    ) -> None:
        super().__init__()
        self._catalog = catalog
        self._describe = describe
        self._on_move = on_move
        self._items: tuple[RoutineItem, ...] = ()

    def set_items(self, items: tuple[RoutineItem, ...]) -> None:
        """Show ``items``."""
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802, D102, E501 - Qt API
        if parent is not None and parent.isValid():
            return 0
        return len(self._items)

    def data(  # noqa: D102 - Qt API
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(index.row(), item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._describe(index.row(), item).replace("\n", ", ")
        if role == Qt.ItemDataRole.UserRole:
            return item.stretch
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:  # noqa: D102 - Qt API
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drop between items, never onto one
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802, D102 - Qt API
        return Qt.DropAction.MoveAction

    def moveRows(  # noqa: N802, D102 - Qt API
        self,
        source_parent: QModelIndex | QPersistentModelIndex,
        source_row: int,
        count: int,
        destination_parent: QModelIndex | QPersistentModelIndex,
        destination_child: int,
    ) -> bool:
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        # Qt's destination is "insert before this row" in the old order.
        target = destination_child - 1 if destination_child > source_row else destination_child
        return self._on_move(source_row, target)


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
        self.folder = folder
        self.settings = settings
        self._state = _State(Draft(), -1)
        self._routine_id: str | None = None  # set once the draft has a file of its own
        self._origin = ""  # what the header says the draft came from
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        base = theme.base_pixel_size()

        self._build_toolbar()
        library = self._build_library(base)
        preview = self._build_preview(base)
        routine = self._build_routine(base)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        # Each pane scrolls: at large text the three side by side are wider and
        # taller than a laptop screen.
        panes = (("Stretch library", library, 4), ("Preview", preview, 3), ("Routine", routine, 5))
        for name, pane, stretch in panes:
            area = NamedScrollArea(name, pane)
            splitter.addWidget(area)
            splitter.setStretchFactor(splitter.indexOf(area), stretch)
        tallest = max(pane.sizeHint().height() for _name, pane, _stretch in panes)
        self.setCentralWidget(splitter)
        # Esc and Ctrl+W close the editor (it asks first about unsaved changes).
        self.close_action = QAction("Close", self)
        self.close_action.setShortcuts([QKeySequence("Ctrl+W"), QKeySequence("Esc")])
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        # As tall as the panes want: they only scroll when the screen is too small.
        self.resize(base * 86, max(base * 50, tallest + base * 5))
        fit_on_screen(self)

        self._apply_filter()
        self.new_routine()

    # -- building ----------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Routine")
        bar.setObjectName("editorToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.new_action = QAction("New", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setToolTip("Start an empty routine (Ctrl+N)")
        self.new_action.triggered.connect(self._ask_new)
        bar.addAction(self.new_action)
        self.open_menu = QMenu("Open", self)
        self.open_menu.aboutToShow.connect(self._fill_open_menu)
        self.open_button = QToolButton()
        self.open_button.setText("Open")
        self.open_button.setToolTip("Open one of your routines, or copy a built-in one")
        self.open_button.setMenu(self.open_menu)
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.open_button)
        self.import_action = QAction("Import…", self)
        self.import_action.setToolTip("Add a routine file someone gave you")
        self.import_action.triggered.connect(self._ask_import)
        bar.addAction(self.import_action)
        self.export_action = QAction("Export…", self)
        self.export_action.setToolTip("Write this routine to a file to share it")
        self.export_action.triggered.connect(self._ask_export)
        bar.addAction(self.export_action)
        bar.addSeparator()
        # Fixed labels (the step goes in the tooltip) so the toolbar does not jump.
        self.undo_action = QAction("Undo", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.redo_action = QAction("Redo", self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            bar.addAction(action)
        self.save_action = QAction("Save", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)

    def _build_library(self, base: int) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(base, base, base // 2, base)
        heading = QLabel("Stretch library")
        heading.setFont(theme.scaled_font(1.2, bold=True))
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText("Search stretches")
        self.search_edit.setAccessibleName("Search the stretch library")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.position_filter = self._filter_combo("Position", "Any position", POSITION_WORDS)
        self.equipment_filter = self._filter_combo("Equipment", "Any equipment", EQUIPMENT_WORDS)
        self.kind_filter = self._filter_combo("Kind", "Any kind", KIND_WORDS)
        filters = QFormLayout()
        filters.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        filters.addRow("Where", self.position_filter)
        filters.addRow("Needs", self.equipment_filter)
        filters.addRow("Kind", self.kind_filter)
        self.library_list = QListWidget()
        self.library_list.setObjectName("libraryList")
        self.library_list.setAccessibleName("Stretch library")
        self.library_list.setSpacing(1)
        self.library_list.setWordWrap(True)
        for stretch in self.catalog.values():
            item = QListWidgetItem(f"{stretch.name}\n{self._library_detail(stretch)}")
            item.setData(Qt.ItemDataRole.UserRole, stretch.id)
            item.setToolTip(stretch.summary)
            self.library_list.addItem(item)
        self.library_list.currentItemChanged.connect(self._library_selected)
        self.library_list.itemActivated.connect(lambda _item: self.add_selected_stretch())
        self.library_count = QLabel()
        self.library_count.setObjectName("libraryCount")
        layout.addWidget(heading)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.library_list, 1)
        layout.addWidget(self.library_count)
        return pane

    def _filter_combo(self, what: str, any_words: str, words: Mapping[StrEnum, str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter{what}")
        combo.setAccessibleName(f"Filter by {what.lower()}")
        combo.addItem(any_words, ANY)
        for value, text in words.items():
            combo.addItem(text, str(value))
        combo.currentIndexChanged.connect(self._apply_filter)
        return combo

    def _build_preview(self, base: int) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(base // 2, base, base // 2, base)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("previewTitle")
        self.preview_title.setFont(theme.scaled_font(1.2, bold=True))
        self.preview_title.setWordWrap(True)
        self.illustration = IllustrationView() if IllustrationView is not None else None
        self.preview_facts = QLabel()
        self.preview_facts.setObjectName("previewFacts")
        self.preview_facts.setWordWrap(True)
        self.preview_summary = QLabel()
        self.preview_summary.setObjectName("previewSummary")
        self.preview_summary.setWordWrap(True)
        self.add_button = QPushButton("Add to routine  ›")
        self.add_button.setObjectName("addStretch")
        self.add_button.setToolTip("Add this stretch at the end of the routine (Enter)")
        self.add_button.clicked.connect(self.add_selected_stretch)
        layout.addWidget(self.preview_title)
        if self.illustration is not None:
            self.illustration.setAccessibleName("Picture of the stretch")
            layout.addWidget(self.illustration, 1)
        layout.addWidget(self.preview_facts)
        layout.addWidget(self.preview_summary)
        layout.addStretch(0)
        layout.addWidget(self.add_button)
        return pane

    def _build_routine(self, base: int) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(base // 2, base, base, base)
        self.origin_label = QLabel()
        self.origin_label.setObjectName("editorOrigin")
        self.origin_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("routineName")
        self.name_edit.setAccessibleName("Routine name")
        self.name_edit.setPlaceholderText("Name, e.g. My desk break")
        self.name_edit.setMaxLength(NAME_MAX_LEN)
        self.name_edit.textEdited.connect(self._name_edited)
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("routineDescription")
        self.description_edit.setAccessibleName("Routine description (optional)")
        self.description_edit.setPlaceholderText("Optional, e.g. From my physio, March")
        self.description_edit.setMaxLength(DESCRIPTION_MAX_LEN)
        self.description_edit.textEdited.connect(self._description_edited)
        names = QFormLayout()
        names.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        names.addRow("Name", self.name_edit)
        names.addRow("Description", self.description_edit)

        self.items_model = RoutineItemsModel(self.catalog, self._describe_item, self._move_row)
        self.items_view = QListView()
        self.items_view.setObjectName("routineItems")
        self.items_view.setAccessibleName("Stretches in this routine, in order")
        self.items_view.setModel(self.items_model)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items_view.setDropIndicatorShown(True)
        self.items_view.setSpacing(1)
        self.items_view.setMinimumHeight(base * 11)  # room for four stretches at least
        self.items_view.setWordWrap(True)
        self.items_view.selectionModel().currentRowChanged.connect(self._item_selected)
        for keys, slot in (
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
            ("Delete", self.remove_selected),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.items_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.up_button = QPushButton("Move up")
        self.up_button.setToolTip("Move the selected stretch earlier (Ctrl+Up; or drag it)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Move down")
        self.down_button.setToolTip("Move the selected stretch later (Ctrl+Down; or drag it)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Take the selected stretch out of the routine (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        row_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        self.item_box = QGroupBox("Selected stretch")
        self.item_box.setObjectName("itemOverrides")
        self.hold_spin = self._override_spin("hold", HOLD_RANGE, " s")
        self.reps_spin = self._override_spin("reps", REPS_RANGE, "")
        self.rest_spin = self._override_spin("rest", REST_RANGE, " s")
        self.sides_combo = QComboBox()
        self.sides_combo.setObjectName("overrideSides")
        self.sides_combo.setAccessibleName("Which legs")
        for sides, words in SIDES_WORDS.items():
            self.sides_combo.addItem(words, str(sides))
        self.sides_combo.activated.connect(self._sides_chosen)
        self.warm_up_box = QCheckBox("Warm-up (left out when the warm-up is turned off)")
        self.warm_up_box.setObjectName("overrideWarmUp")
        self.warm_up_box.clicked.connect(self._warm_up_clicked)
        self.hold_label, self.reps_label = QLabel("Hold"), QLabel("Reps")
        form = QFormLayout(self.item_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.hold_label, self.hold_spin)
        form.addRow(self.reps_label, self.reps_spin)
        form.addRow("Legs", self.sides_combo)
        form.addRow("Rest after", self.rest_spin)
        form.addRow(self.warm_up_box)
        self.personal_note = QLabel()
        self.personal_note.setObjectName("personalNote")
        self.personal_note.setWordWrap(True)
        form.addRow(self.personal_note)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.total_label = QLabel()
        self.total_label.setObjectName("routineTotal")
        self.total_label.setFont(theme.scaled_font(1.25, bold=True))
        self.total_label.setAccessibleDescription("Total length")
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("saveRoutine")
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(base * 8)
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.save_button)
        self.message_label = QLabel()
        self.message_label.setObjectName("editorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout.addWidget(self.origin_label)
        layout.addLayout(names)
        layout.addWidget(QLabel("Stretches, in order (drag, or Ctrl+Up / Ctrl+Down to reorder)"))
        layout.addWidget(self.items_view, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.item_box)
        layout.addWidget(line)
        layout.addLayout(bottom)
        layout.addWidget(self.message_label)
        return pane

    def _override_spin(self, field: str, limits: tuple[int, int], suffix: str) -> QSpinBox:
        # One below the loader's minimum is "no override": the routine keeps the default.
        spin = QSpinBox()
        spin.setObjectName(f"override-{field}")
        spin.setAccessibleName(f"{field.capitalize()} for this stretch")
        spin.setRange(limits[0] - 1, limits[1])
        spin.setSuffix(suffix)
        spin.setSpecialValueText("Default")
        spin.valueChanged.connect(lambda value, name=field: self._spin_changed(name, value))
        return spin

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
        self._load(Draft(), None, "A new routine of your own.")

    def duplicate(self, routine_id: str) -> None:
        """Start a copy of any routine; the original stays as it is."""
        routine = self._routines()[routine_id]
        name = f"{routine.name} (my copy)"[:NAME_MAX_LEN]
        kind = "built-in routine" if routine.builtin else "routine"
        self._load(
            Draft(name, routine.description, routine.items),
            None,
            f"A copy of the {kind} \u201c{routine.name}\u201d; the original stays as it is.",
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
            f"Your routine, saved as {routine.id}.toml.",
        )

    def add_stretch(self, stretch_id: str) -> None:
        """Add a stretch at the end of the routine, with no overrides."""
        items = self.draft.items
        if len(items) >= MAX_ITEMS:
            self._say(f"A routine holds at most {MAX_ITEMS} stretches.")
            return
        name = self.catalog[stretch_id].name
        self._change(
            f"Add {name}",
            dataclasses.replace(self.draft, items=(*items, RoutineItem(stretch_id))),
            len(items),
        )  # noqa: E501

    def add_selected_stretch(self) -> None:
        """Add the stretch selected in the library."""
        item = self.library_list.currentItem()
        if item is not None and not item.isHidden():
            self.add_stretch(item.data(Qt.ItemDataRole.UserRole))

    def remove_selected(self) -> None:
        """Take the selected item out of the routine."""
        row = self._state.row
        items = self.draft.items
        if not 0 <= row < len(items):
            return
        name = self.catalog[items[row].stretch].name
        rest = items[:row] + items[row + 1 :]
        self._change(
            f"Remove {name}", dataclasses.replace(self.draft, items=rest), min(row, len(rest) - 1)
        )  # noqa: E501

    def move_selected(self, delta: int) -> None:
        """Move the selected item ``delta`` places (negative: earlier)."""
        row = self._state.row
        self._move_row(row, row + delta)

    def select_item(self, row: int) -> None:
        """Select routine item ``row``."""
        self.items_view.setCurrentIndex(self.items_model.index(row, 0))

    def dose(self, row: int) -> Dose:
        """What item ``row`` gives as the session will run it (overrides and settings applied)."""
        return self._dose(self.draft.items[row])

    def current_routine(self) -> Routine:
        """The draft as a routine (with the id it has or would get on its first save)."""
        taken = self._taken_ids()
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
            return "Give the routine a name."
        if not self.draft.items:
            return "Add at least one stretch from the library."
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
            self._say(f"Not saved: {error}")
            return None
        first = self._routine_id is None
        self._routine_id = routine.id
        self._origin = f"Your routine, saved as {routine.id}.toml."
        self.undo_stack.setClean()
        self._show_state(self._state)
        self._say(
            f"Saved \u201c{routine.name}\u201d."
            + (" It is now on the start screen." if first else "")
        )  # noqa: E501
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
                self._say("Not imported: you kept your routine.")
                return None
            try:
                routine = routine_store.import_routine(
                    path, self.folder, self.catalog, replace=True
                )  # noqa: E501
            except DataError as again:
                self._say(f"Not imported: {again}")
                return None
        except DataError as error:
            self._say(f"Not imported: {error}")
            return None
        self.routinesChanged.emit()
        self.open_routine(routine.id)
        self._say(f"Imported \u201c{routine.name}\u201d.")
        return routine

    def export_file(self, path: Path) -> bool:
        """Write the routine as it stands to ``path`` (to share it); says how it went."""
        problem = self.problem()
        if problem:
            self._say(f"Not exported: {problem}")
            return False
        try:
            routine_store.write_routine_file(self.current_routine(), path, self.catalog)
        except DataError as error:
            self._say(f"Not exported: {error}")
            return False
        self._say(f"Exported to {path}.")
        return True

    # -- questions (class methods, so tests can replace them) -----------------------

    @classmethod
    def ask_discard(cls, parent: QWidget) -> bool:
        """Whether unsaved changes may be dropped."""
        answer = QMessageBox.question(
            parent,
            "Unsaved changes",
            "Drop the changes to this routine?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @classmethod
    def ask_replace(cls, parent: QWidget, routine_id: str) -> bool:
        """Whether an imported routine may replace the user's routine ``routine_id``."""
        answer = QMessageBox.question(
            parent,
            "Replace your routine?",
            f"You already have a routine {routine_id!r}. Replace it? The old file is kept "
            f"as {routine_id}.toml.bak.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose_import_file(cls, parent: QWidget) -> Path | None:
        """The routine file to import, or ``None``."""
        name, _filter = QFileDialog.getOpenFileName(
            parent, "Import a routine", str(Path.home()), "Routine files (*.toml)"
        )
        return Path(name) if name else None

    @classmethod
    def choose_export_file(cls, parent: QWidget, suggested: str) -> Path | None:
        """Where to export, or ``None``."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, "Export the routine", str(Path.home() / suggested), "Routine files (*.toml)"
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
            self._say("Some routine files could not be read: " + "; ".join(problems))
        return routines

    def _taken_ids(self) -> set[str]:
        taken = set(builtin_routines())
        if self.folder.is_dir():
            # Broken files too: a new routine must never take a file's name.
            taken |= {
                path.name.removesuffix(routine_store.SUFFIX)
                for path in self.folder.glob(f"*{routine_store.SUFFIX}")
            }
        return taken

    def _may_discard(self) -> bool:
        return self.undo_stack.isClean() or self.ask_discard(self)

    def _ask_new(self) -> None:
        if self._may_discard():
            self.new_routine()

    def _ask_import(self) -> None:
        path = self.choose_import_file(self)
        if path is not None:
            self.import_file(path)

    def _ask_export(self) -> None:
        path = self.choose_export_file(self, f"{self.current_routine().id}.toml")
        if path is not None:
            self.export_file(path)

    def _fill_open_menu(self) -> None:
        self.open_menu.clear()
        routines = self._routines()
        custom = [routine for routine in routines.values() if not routine.builtin]
        self.open_menu.addSection("Your routines")
        if not custom:
            self.open_menu.addAction("(none yet)").setEnabled(False)
        for routine in custom:
            action = self.open_menu.addAction(routine.name)
            action.triggered.connect(lambda _=False, rid=routine.id: self._ask_open(rid))
        self.open_menu.addSection("Built-in (opens a copy)")
        for routine in routines.values():
            if routine.builtin:
                action = self.open_menu.addAction(routine.name)
                action.triggered.connect(lambda _=False, rid=routine.id: self._ask_open(rid))

    def _ask_open(self, routine_id: str) -> None:
        if self._may_discard():
            self.open_routine(routine_id)

    def _load(self, draft: Draft, routine_id: str | None, origin: str) -> None:
        self._routine_id = routine_id
        self._origin = origin
        self.undo_stack.clear()
        self._show_state(_State(draft, 0 if draft.items else -1))
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self._say("")

    def _change(
        self, text: str, draft: Draft, row: int, merge: tuple[int, object] | None = None
    ) -> None:
        after = _State(draft, row)
        if after == self._state:
            return
        self.undo_stack.push(_EditCommand(self, text, self._state, after, merge))

    def _change_item(self, text: str, field: str, **changes: object) -> None:
        row = self._state.row
        items = list(self.draft.items)
        if not 0 <= row < len(items):
            return
        items[row] = dataclasses.replace(items[row], **changes)  # type: ignore[arg-type]
        self._change(
            text,
            dataclasses.replace(self.draft, items=tuple(items)),
            row,
            (_MERGE_ITEM, (field, row)),
        )

    def _move_row(self, row: int, target: int) -> bool:
        items = list(self.draft.items)
        if not (0 <= row < len(items) and 0 <= target < len(items)) or row == target:
            return False
        item = items.pop(row)
        items.insert(target, item)
        name = self.catalog[item.stretch].name
        self._change(f"Move {name}", dataclasses.replace(self.draft, items=tuple(items)), target)
        return True

    def _name_edited(self, text: str) -> None:
        self._change(
            "Rename",
            dataclasses.replace(self.draft, name=text),
            self._state.row,
            (_MERGE_NAME, None),
        )

    def _description_edited(self, text: str) -> None:
        self._change(
            "Change the description",
            dataclasses.replace(self.draft, description=text),
            self._state.row,
            (_MERGE_DESCRIPTION, None),
        )

    def _spin_changed(self, field: str, value: int) -> None:
        spin = {"hold": self.hold_spin, "reps": self.reps_spin, "rest": self.rest_spin}[field]
        chosen = None if value == spin.minimum() else value
        key = {"hold": "hold_seconds", "reps": "reps", "rest": "rest_seconds"}[field]
        self._change_item(f"Change {field}", field, **{key: chosen})

    def _sides_chosen(self, index: int) -> None:
        self._change_item("Change legs", "sides", sides=ItemSides(self.sides_combo.itemData(index)))  # noqa: E501

    def _warm_up_clicked(self, checked: bool) -> None:
        self._change_item("Change warm-up", "warm_up", warm_up=checked)

    def _item_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else -1
        if row != self._state.row:
            # Selection is not an edit: remember it without an undo step.
            self._state = _State(self.draft, row)
            self._show_item(row)
        if row >= 0:
            item = self.draft.items[row]
            side = Side.RIGHT if item.sides is ItemSides.RIGHT else Side.LEFT
            self._preview(item.stretch, side)

    def _library_selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._preview(current.data(Qt.ItemDataRole.UserRole), Side.LEFT)
        self.add_button.setEnabled(current is not None and not current.isHidden())

    def _preview(self, stretch_id: str, side: Side) -> None:
        stretch = self.catalog[stretch_id]
        self.preview_title.setText(stretch.name)
        gear = ", ".join(EQUIPMENT_WORDS[thing] for thing in stretch.equipment)
        legs = "one leg at a time" if stretch.sides is Sides.EACH else "both legs together"
        facts = [
            KIND_WORDS[stretch.kind],
            POSITION_WORDS[stretch.position],
            legs,
            f"needs: {gear.lower()}",
        ]
        self.preview_facts.setText(" · ".join(facts))
        self.preview_summary.setText(stretch.summary)
        if self.illustration is not None:
            shown = side if stretch.sides is Sides.EACH else None
            self.illustration.show_phase(
                stretch.id, shown, PhaseKind.HOLD, float(stretch.hold_seconds)
            )  # noqa: E501

    def _apply_filter(self) -> None:
        words = self.search_edit.text().casefold().split()
        position = self.position_filter.currentData()
        equipment = self.equipment_filter.currentData()
        kind = self.kind_filter.currentData()
        shown = 0
        for row in range(self.library_list.count()):
            item = self.library_list.item(row)
            stretch = self.catalog[item.data(Qt.ItemDataRole.UserRole)]
            text = f"{stretch.id} {stretch.name} {stretch.summary}".casefold()
            visible = (
                all(word in text for word in words)
                and position in (ANY, str(stretch.position))
                and (equipment == ANY or equipment in {str(thing) for thing in stretch.equipment})
                and kind in (ANY, str(stretch.kind))
            )
            item.setHidden(not visible)
            shown += visible
        self.library_count.setText(f"{shown} of {self.library_list.count()} stretches")
        current = self.library_list.currentItem()
        if current is None or current.isHidden():
            first = next(
                (
                    self.library_list.item(row)
                    for row in range(self.library_list.count())
                    if not self.library_list.item(row).isHidden()
                ),
                None,
            )
            self.library_list.setCurrentItem(first)
            if first is None:
                self.add_button.setEnabled(False)

    @staticmethod
    def _library_detail(stretch: Stretch) -> str:
        gear = ", ".join(EQUIPMENT_WORDS[thing] for thing in stretch.needs())
        parts = [KIND_WORDS[stretch.kind], POSITION_WORDS[stretch.position]]
        return " · ".join(parts + ([gear] if gear else []))

    def _dose(self, item: RoutineItem) -> Dose:
        # From a one-item plan, so the editor shows exactly what a session runs.
        plan = build_plan(
            Routine("item", "item", "", (item,)),
            self.catalog,
            dataclasses.replace(self.settings, warm_up=True),
        )
        stretch = self.catalog[item.stretch]
        if stretch.kind is Kind.PNF:
            hold = next(phase.seconds for phase in plan.phases if phase.kind is PhaseKind.HOLD)
            reps = max((p.rep for p in plan.phases if p.kind is PhaseKind.CONTRACT), default=0)
        else:
            work = [p for p in plan.phases if p.kind in (PhaseKind.HOLD, PhaseKind.MOVE)]
            hold, reps = work[0].seconds, max(phase.rep for phase in work)
        rest = self.settings.rest_seconds if item.rest_seconds is None else item.rest_seconds
        return Dose(hold, reps, rest)

    def _describe_item(self, row: int, item: RoutineItem) -> str:
        stretch = self.catalog[item.stretch]
        dose = self._dose(item)
        hold_word, reps_word = _words_for_dose(stretch)
        legs = "both legs" if stretch.sides is Sides.BOTH else SIDES_WORDS[item.sides].lower()
        details = [f"{dose.hold} s × {dose.reps} {reps_word.lower()}", legs]
        if row < len(self.draft.items) - 1:
            details.append(f"rest {dose.rest_after} s")
        if item.warm_up:
            details.append("warm-up")
        overrides = (
            (hold_word.lower(), item.hold_seconds),
            (reps_word.lower(), item.reps),
            ("rest", item.rest_seconds),
        )
        changed = [word for word, value in overrides if value is not None]
        if item.sides is not ItemSides.EACH:
            changed.append("legs")
        mark = f"  (changed: {', '.join(changed)})" if changed else ""
        return f"{row + 1}. {stretch.name}{mark}\n     {', '.join(details)}"

    def _show_state(self, state: _State) -> None:
        """Make every widget show ``state`` (the one place the view follows the draft)."""
        self._state = state
        draft = state.draft
        if self.name_edit.text() != draft.name:
            self.name_edit.setText(draft.name)
        if self.description_edit.text() != draft.description:
            self.description_edit.setText(draft.description)
            self.description_edit.setCursorPosition(0)
        self.items_model.set_items(draft.items)
        if 0 <= state.row < len(draft.items):
            index = self.items_model.index(state.row, 0)
            self.items_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.items_view.scrollTo(index)
        self._show_item(state.row)
        origin = self._origin
        self.origin_label.setText(origin)
        self.setWindowTitle(f"{draft.name.strip() or 'New routine'}[*] — Routine editor")
        total = self.total_seconds()
        count = len(draft.items)
        if count:
            self.total_label.setText(
                f"Total {theme.format_seconds(total)}  ·  "
                f"{count} stretch{'es' if count != 1 else ''}"
            )
        else:
            self.total_label.setText("Total 0:00")
        problem = self.problem()
        self.save_button.setEnabled(problem is None)
        self.save_action.setEnabled(problem is None)
        self.save_button.setToolTip(problem or "Save the routine (Ctrl+S)")
        self.export_action.setEnabled(problem is None)

    def _show_item(self, row: int) -> None:
        items = self.draft.items
        valid = 0 <= row < len(items)
        self.item_box.setEnabled(valid)
        for button, allowed in (
            (self.up_button, valid and row > 0),
            (self.down_button, valid and row < len(items) - 1),
            (self.remove_button, valid),
        ):
            button.setEnabled(allowed)
        widgets = (
            self.hold_spin,
            self.reps_spin,
            self.rest_spin,
            self.sides_combo,
            self.warm_up_box,
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if not valid:
                self.item_box.setTitle("Selected stretch: none")
                for spin in (self.hold_spin, self.reps_spin, self.rest_spin):
                    spin.setValue(spin.minimum())
                self.personal_note.setText("")
                return
            item = items[row]
            stretch = self.catalog[item.stretch]
            self.item_box.setTitle(f"Stretch {row + 1}: {stretch.name}")
            hold_word, reps_word = _words_for_dose(stretch)
            self.hold_label.setText(hold_word)
            self.reps_label.setText(reps_word)
            defaults = self._dose(
                dataclasses.replace(item, hold_seconds=None, reps=None, rest_seconds=None)
            )
            self.hold_spin.setSpecialValueText(f"Default ({defaults.hold} s)")
            self.reps_spin.setSpecialValueText(f"Default ({defaults.reps})")
            self.rest_spin.setSpecialValueText(f"Default ({defaults.rest_after} s)")
            for spin, value in (
                (self.hold_spin, item.hold_seconds),
                (self.reps_spin, item.reps),
                (self.rest_spin, item.rest_seconds),
            ):
                spin.setValue(spin.minimum() if value is None else value)
            self.rest_spin.setEnabled(row < len(items) - 1)
            self.rest_spin.setToolTip(
                "" if row < len(items) - 1 else "Nothing follows the last stretch"
            )  # noqa: E501
            both = stretch.sides is Sides.BOTH
            self.sides_combo.setEnabled(not both)
            self.sides_combo.setToolTip("This stretch works both legs together" if both else "")
            self.sides_combo.setCurrentIndex(self.sides_combo.findData(str(item.sides)))
            self.warm_up_box.setChecked(item.warm_up)
            notes = []
            own_hold = self.settings.hold_for(stretch.id)
            own_reps = self.settings.reps_for(stretch.id)
            if own_hold is not None:
                notes.append(f"your own hold of {own_hold} s")
            if own_reps is not None:
                notes.append(f"your own {own_reps} reps")
            self.personal_note.setText(
                f"Sessions use {' and '.join(notes)} for this stretch (set in Preferences)."
                if notes
                else ""
            )
            self.personal_note.setVisible(bool(notes))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setToolTip(f"Undo: {text}" if text else "Undo")

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setToolTip(f"Redo: {text}" if text else "Redo")

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _say(self, message: str) -> None:
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
