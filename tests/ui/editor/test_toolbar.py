"""The editor's toolbar: undo and redo follow the stack; Open lists routines."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from pytestqt.qtbot import QtBot

from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.ui.editor.toolbar import EditorToolbar


def test_undo_and_redo_follow_the_stack(qtbot: QtBot) -> None:
    stack = QUndoStack()
    bar = EditorToolbar(stack)
    qtbot.addWidget(bar)
    assert not bar.undo_action.isEnabled() and not bar.redo_action.isEnabled()
    stack.push(QUndoCommand("Add chair stretch"))
    assert bar.undo_action.isEnabled()
    assert bar.undo_action.toolTip() == "Undo: Add chair stretch"
    assert bar.undo_action.text() == "Undo"  # the label never jumps
    bar.undo_action.trigger()
    assert bar.redo_action.isEnabled() and not bar.undo_action.isEnabled()


def test_open_menu_lists_yours_then_the_builtins(qtbot: QtBot) -> None:
    bar = EditorToolbar(QUndoStack())
    qtbot.addWidget(bar)
    opened: list[str] = []
    routines = list(builtin_routines().values())
    bar.fill_open_menu(routines, opened.append)
    actions = bar.open_menu.actions()
    assert actions[0].text() == "Your routines" and actions[1].text() == "(none yet)"
    assert not actions[1].isEnabled()
    names = [a.text() for a in actions[3:]]
    assert names == [r.name for r in routines]
    actions[3].trigger()
    assert opened == [routines[0].id]
