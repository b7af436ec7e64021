"""The list model of the routine being built, one row per item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hamstring_gui.core.catalog import Catalog, Sides
from hamstring_gui.core.routine import ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import count as count_of
from hamstring_gui.ui.editor.draft import dose_of, dose_words
from hamstring_gui.ui.widgets.stretch_text import with_back_mark

# One of each counted thing, for "10 s × 1 rep" (words.count picks the form).
ONE = {"Push cycles": "push cycle", "Sets": "set", "Reps": "rep"}

SIDES_WORDS = {
    ItemSides.EACH: "Each leg",
    ItemSides.LEFT: "Left leg only",
    ItemSides.RIGHT: "Right leg only",
}


def describe_item(
    row: int, item: RoutineItem, count: int, catalog: Catalog, settings: SessionSettings
) -> str:
    """Two lines for item ``row`` of ``count``: its name and what the session gives."""
    stretch = catalog[item.stretch]
    dose = dose_of(item, catalog, settings)
    hold_word, reps_word = dose_words(stretch)
    legs = "both legs" if stretch.sides is Sides.BOTH else SIDES_WORDS[item.sides].lower()
    counted = count_of(dose.reps, ONE[reps_word], reps_word.lower())
    details = [f"{dose.hold} s × {counted}", legs]
    if row < count - 1:
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
    name = with_back_mark(stretch.name, stretch)  # "— Not for a sore back" when flagged
    return f"{row + 1}. {name}{mark}\n     {', '.join(details)}"


class RoutineItemsModel(QAbstractListModel):
    """The routine being built, one row per item; a move by drag asks ``on_move``.

    The model never changes itself: :meth:`moveRows` (what a drag in the
    list view calls) hands the move to the editor, which records it as an
    undoable change and shows the new order with :meth:`set_items`.
    """

    def __init__(
        self,
        describe: Callable[[int, RoutineItem], str],
        on_move: Callable[[int, int], bool],
    ) -> None:
        super().__init__()
        self._describe = describe
        self._on_move = on_move
        self._items: tuple[RoutineItem, ...] = ()

    def set_items(self, items: tuple[RoutineItem, ...]) -> None:
        """Show ``items``."""
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802, D102 - Qt API
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
