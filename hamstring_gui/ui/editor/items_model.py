"""The list model of the routine being built, one row per item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hamstring_gui.core.catalog import Catalog, Kind, Sides, Stretch
from hamstring_gui.core.i18n import N_, TranslatedWords, _, ngettext
from hamstring_gui.core.routine import ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.draft import dose_of
from hamstring_gui.ui.widgets.stretch_text import with_back_mark

SIDES_WORDS = TranslatedWords(
    {
        ItemSides.EACH: N_("Each leg"),
        ItemSides.LEFT: N_("Left leg only"),
        ItemSides.RIGHT: N_("Right leg only"),
    }
)
# The same in the middle of a line (whole phrases: German keeps its capitals).
_LEGS_IN_LINE = TranslatedWords(
    {
        ItemSides.EACH: N_("each leg"),
        ItemSides.LEFT: N_("left leg only"),
        ItemSides.RIGHT: N_("right leg only"),
    }
)


def _counted(stretch: Stretch, number: int) -> str:
    """``1 rep``, ``2 push cycles``, ``3 sets``: the stretch's own unit, counted."""
    if stretch.kind is Kind.PNF:
        words = ngettext("{count} push cycle", "{count} push cycles", number)
    elif stretch.kind.is_timed_move:
        words = ngettext("{count} set", "{count} sets", number)
    else:
        words = ngettext("{count} rep", "{count} reps", number)
    return words.format(count=number)


def _changed_words(stretch: Stretch) -> tuple[str, str]:
    """The two dose numbers in the "(changed: …)" list (cf. ``draft.dose_words``)."""
    if stretch.kind is Kind.PNF:
        return _("first hold"), _("push cycles")
    if stretch.kind.is_timed_move:
        return _("set length"), _("sets")
    return _("hold"), _("reps")


def describe_item(
    row: int, item: RoutineItem, count: int, catalog: Catalog, settings: SessionSettings
) -> str:
    """Two lines for item ``row`` of ``count``: its name and what the session gives."""
    stretch = catalog[item.stretch]
    dose = dose_of(item, catalog, settings)
    hold_word, reps_word = _changed_words(stretch)
    legs = _("both legs") if stretch.sides is Sides.BOTH else _LEGS_IN_LINE[item.sides]
    details = [f"{dose.hold} s × {_counted(stretch, dose.reps)}", legs]
    if row < count - 1:
        details.append(_("rest {seconds} s").format(seconds=dose.rest_after))
    if item.warm_up:
        details.append(_("warm-up"))
    overrides = (
        (hold_word, item.hold_seconds),
        (reps_word, item.reps),
        (_("rest"), item.rest_seconds),
    )
    changed = [word for word, value in overrides if value is not None]
    if item.sides is not ItemSides.EACH:
        changed.append(_("legs"))
    mark = "  " + _("(changed: {what})").format(what=", ".join(changed)) if changed else ""
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
