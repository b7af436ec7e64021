"""The editor's routine pane: shows the draft, its total and whether it can be saved."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.draft import Draft, EditorState
from hamstring_gui.ui.editor.items_model import RoutineItemsModel
from hamstring_gui.ui.editor.routine_panel import RoutinePanel

# The offscreen platform cannot pass size hints to a window manager; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CATALOG = load_catalog()
DRAFT = Draft("Mine", "", (RoutineItem("chair-stretch"), RoutineItem("standing-hamstring")))


def panel(qtbot: QtBot) -> RoutinePanel:
    model = RoutineItemsModel(lambda row, item: item.stretch, lambda a, b: True)
    widget = RoutinePanel(CATALOG, model)
    qtbot.addWidget(widget)
    return widget


def test_shows_the_draft_total_and_the_reason_it_cannot_be_saved(qtbot: QtBot) -> None:
    routine = panel(qtbot)
    routine.show_state(EditorState(DRAFT, 1), SessionSettings(), "From here.", 125, None)
    assert routine.name_edit.text() == "Mine"
    assert routine.items_view.currentIndex().row() == 1
    assert routine.total_label.text() == "Total 2:05  ·  2 stretches"
    assert routine.up_button.isEnabled() and not routine.down_button.isEnabled()
    assert routine.save_button.isEnabled() and routine.origin_label.text() == "From here."
    routine.show_state(EditorState(Draft(), -1), SessionSettings(), "", 0, "Give a name.")
    assert routine.total_label.text() == "Total 0:00"
    assert not routine.save_button.isEnabled()
    assert routine.save_button.toolTip() == "Give a name."
    assert not routine.remove_button.isEnabled()


def test_buttons_ask_the_window(qtbot: QtBot) -> None:
    # The keys (Ctrl+Up/Down, Delete) are held by the editor window's own test.
    routine = panel(qtbot)
    routine.show_state(EditorState(DRAFT, 1), SessionSettings(), "", 100, None)
    with qtbot.waitSignal(routine.moveRequested, check_params_cb=lambda d: d == -1):
        routine.up_button.click()
    with qtbot.waitSignal(routine.removeRequested):
        routine.remove_button.click()
    routine.show_state(EditorState(DRAFT, 0), SessionSettings(), "", 100, None)
    with qtbot.waitSignal(routine.moveRequested, check_params_cb=lambda d: d == 1):
        routine.down_button.click()


def test_say_shows_and_hides_the_message(qtbot: QtBot) -> None:
    routine = panel(qtbot)
    routine.show()
    routine.say("Saved.")
    assert routine.message_label.isVisible() and routine.message_label.text() == "Saved."
    routine.say("")
    assert not routine.message_label.isVisible()
