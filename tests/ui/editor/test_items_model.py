"""The list model of a routine's items: rows, words, and moves handed back."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.items_model import RoutineItemsModel, describe_item

CATALOG = load_catalog()
SETTINGS = SessionSettings()


def test_describe_marks_overrides_and_the_rest_after() -> None:
    item = RoutineItem("supine-hand-towel", hold_seconds=45, sides=ItemSides.LEFT)
    first = describe_item(0, item, 2, CATALOG, SETTINGS)
    assert first.startswith(f"1. {CATALOG['supine-hand-towel'].name}  (changed: hold, legs)")
    assert "45 s ×" in first and "left leg only" in first and "rest " in first
    last = describe_item(1, RoutineItem("chair-stretch"), 2, CATALOG, SETTINGS)
    assert "changed" not in last and "rest " not in last


def test_one_rep_is_said_in_the_singular() -> None:
    once = describe_item(
        0, RoutineItem("chair-stretch", hold_seconds=10, reps=1), 1, CATALOG, SETTINGS
    )
    assert "10 s × 1 rep," in once
    twice = describe_item(
        0, RoutineItem("chair-stretch", hold_seconds=10, reps=2), 1, CATALOG, SETTINGS
    )
    assert "10 s × 2 reps," in twice


def test_rows_and_drag_moves_go_through_the_callback() -> None:
    moves: list[tuple[int, int]] = []
    model = RoutineItemsModel(lambda row, item: item.stretch, lambda a, b: not moves.append((a, b)))
    model.set_items((RoutineItem("a"), RoutineItem("b"), RoutineItem("c")))
    assert model.rowCount() == 3
    assert model.data(model.index(1, 0)) == "b"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.UserRole) == "b"
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)  # drop before the first
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # drop after the last
    assert not model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 3)  # one at a time
    assert moves == [(2, 0), (0, 2)]
    assert model.rowCount() == 3  # the model never changes itself
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
