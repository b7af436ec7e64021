"""The right pane of the routine editor: name, the items in order, one item's form, total, save.

The panel lays out and shows; the editor window owns the draft. It reports
the user's asks through its widgets' signals and :attr:`RoutinePanel.moveRequested`
/ :attr:`RoutinePanel.removeRequested`, and :meth:`RoutinePanel.show_state`
makes it follow the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.routine import DESCRIPTION_MAX_LEN, NAME_MAX_LEN
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import format_seconds
from hamstring_gui.ui.editor.draft import EditorState
from hamstring_gui.ui.editor.item_form import ItemForm
from hamstring_gui.ui.editor.items_model import RoutineItemsModel
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.wrapped_list import wrap_long_items


class RoutinePanel(QWidget):
    """The routine being built.

    Signals:
        moveRequested(int): move the selected item this many places (negative: earlier).
        removeRequested(): take the selected item out.
    """

    moveRequested = Signal(int)  # noqa: N815 - Qt signal naming
    removeRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(
        self, catalog: Catalog, items_model: RoutineItemsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        base = theme.base_pixel_size()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(base // 2, base, base, base)
        self.origin_label = QLabel()
        self.origin_label.setObjectName("editorOrigin")
        self.origin_label.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("routineName")
        self.name_edit.setAccessibleName(_("Routine name"))
        self.name_edit.setPlaceholderText(_("Name, e.g. My desk break"))
        self.name_edit.setMaxLength(NAME_MAX_LEN)
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("routineDescription")
        self.description_edit.setAccessibleName(_("Routine description (optional)"))
        self.description_edit.setPlaceholderText(_("Optional, e.g. From my physio, March"))
        self.description_edit.setMaxLength(DESCRIPTION_MAX_LEN)
        names = QFormLayout()
        names.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        names.addRow(_("Name"), self.name_edit)
        names.addRow(_("Description"), self.description_edit)

        self.items_model = items_model
        self.items_view = QListView()
        self.items_view.setObjectName("routineItems")
        self.items_view.setAccessibleName(_("Stretches in this routine, in order"))
        self.items_view.setModel(items_model)
        self.items_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items_view.setDropIndicatorShown(True)
        self.items_view.setSpacing(1)
        self.items_view.setMinimumHeight(base * 11)  # room for four stretches at least
        wrap_long_items(self.items_view)
        for keys, slot in (
            ("Ctrl+Up", lambda: self.moveRequested.emit(-1)),
            ("Ctrl+Down", lambda: self.moveRequested.emit(1)),
            ("Delete", self.removeRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.items_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.up_button = QPushButton(_("Move up"))
        self.up_button.setToolTip(_("Move the selected stretch earlier (Ctrl+Up; or drag it)"))
        self.up_button.clicked.connect(lambda: self.moveRequested.emit(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.setToolTip(_("Move the selected stretch later (Ctrl+Down; or drag it)"))
        self.down_button.clicked.connect(lambda: self.moveRequested.emit(1))
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setToolTip(_("Take the selected stretch out of the routine (Delete)"))
        self.remove_button.clicked.connect(self.removeRequested.emit)
        row_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        self.item_form = ItemForm(catalog)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.total_label = QLabel()
        self.total_label.setObjectName("routineTotal")
        self.total_label.setFont(theme.scaled_font(1.25, bold=True))
        self.total_label.setAccessibleDescription(_("Total length"))
        self.save_button = QPushButton(_("Save"))
        self.save_button.setObjectName("saveRoutine")
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(base * 8)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.save_button)
        self.message_label = QLabel()
        self.message_label.setObjectName("editorMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout.addWidget(self.origin_label)
        layout.addLayout(names)
        order = QLabel(_("Stretches, in order (drag, or Ctrl+Up / Ctrl+Down to reorder)"))
        order.setWordWrap(True)
        layout.addWidget(order)
        layout.addWidget(self.items_view, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.item_form)
        layout.addWidget(line)
        layout.addLayout(bottom)
        layout.addWidget(self.message_label)

    def show_state(
        self,
        state: EditorState,
        settings: SessionSettings,
        origin: str,
        total_seconds: int,
        problem: str | None,
    ) -> None:
        """Show ``state``: where it came from, its items, its total and whether it can be saved."""
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
        self.show_item(state, settings)
        self.origin_label.setText(origin)
        count = len(draft.items)
        if count:
            total = ngettext(
                "Total {time}  ·  {count} stretch", "Total {time}  ·  {count} stretches", count
            )
            self.total_label.setText(total.format(time=format_seconds(total_seconds), count=count))
        else:
            self.total_label.setText(_("Total {time}").format(time=format_seconds(0)))
        self.save_button.setEnabled(problem is None)
        self.save_button.setToolTip(problem or _("Save the routine (Ctrl+S)"))

    def show_item(self, state: EditorState, settings: SessionSettings) -> None:
        """Show the selected item in the form and which moves it allows."""
        items, row = state.draft.items, state.row
        valid = 0 <= row < len(items)
        for button, allowed in (
            (self.up_button, valid and row > 0),
            (self.down_button, valid and row < len(items) - 1),
            (self.remove_button, valid),
        ):
            button.setEnabled(allowed)
        self.item_form.show_item(items, row, settings)

    def say(self, message: str) -> None:
        """Show ``message`` under the save button; an empty one hides it."""
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
