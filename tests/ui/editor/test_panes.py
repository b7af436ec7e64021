"""The editor's panes get the width they need first; none scrolls sideways on a laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from hamstring_gui.core import i18n
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.panes import EditorPanes, share_width
from hamstring_gui.ui.editor.window import RoutineEditor
from hamstring_gui.ui.window_fit import fit_on_screen

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_needs_come_first_then_the_rest_by_weight() -> None:
    assert share_width(1000, [300, 200, 300], [4, 3, 5]) == [366, 250, 383]
    assert share_width(600, [300, 200, 300], [4, 3, 5]) == [225, 150, 225]  # too narrow: by need
    assert share_width(1200, [0, 0, 0], [1, 1, 2]) == [300, 300, 600]  # the factors alone


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    original = QFont(qapp.font())
    font = QFont(original)
    font.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(font)
    yield
    qapp.setFont(original)


@pytest.mark.usefixtures("large_text")
@pytest.mark.parametrize("language", ["en", "de", "es", "pseudo"])
def test_no_pane_scrolls_sideways_at_150_percent(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    i18n.use(language)
    try:
        editor = RoutineEditor(load_catalog(), tmp_path, SessionSettings())
        qtbot.addWidget(editor)
        editor.duplicate("full-session")
        editor.select_item(1)
        fit_on_screen(editor, QRect(0, 0, 1280, 760))
        editor.show()
        qtbot.waitExposed(editor)
        panes = editor.centralWidget()
        assert isinstance(panes, EditorPanes)
        for index in range(panes.count()):
            area = panes.widget(index)
            assert isinstance(area, QScrollArea)
            assert not area.horizontalScrollBar().isVisible(), (language, area.accessibleName())
    finally:
        i18n.use("en")


def test_a_handle_moved_by_hand_stays(qtbot: QtBot, tmp_path: Path) -> None:
    editor = RoutineEditor(load_catalog(), tmp_path, SessionSettings())
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    qtbot.waitExposed(editor)
    panes = editor.centralWidget()
    assert isinstance(panes, EditorPanes)
    panes.moveSplitter(panes.sizes()[0] + 40, 1)
    moved = panes.sizes()
    editor.resize(1201, 700)
    qtbot.waitUntil(lambda: panes.width() > 0)
    assert abs(panes.sizes()[0] - moved[0]) <= 1


@pytest.mark.usefixtures("large_text")
def test_a_long_stretch_name_does_not_widen_the_routine_pane(qtbot: QtBot, tmp_path: Path) -> None:
    """The selected stretch's heading wraps (a group box title did not, in German)."""
    i18n.use("de")
    try:
        editor = RoutineEditor(load_catalog(), tmp_path, SessionSettings())
        qtbot.addWidget(editor)
        editor.duplicate("full-session")
        names = [editor.catalog[item.stretch].name for item in editor.draft.items]
        longest = max(range(len(names)), key=lambda row: len(names[row]))
        shortest = min(range(len(names)), key=lambda row: len(names[row]))
        needs = []
        for row in (shortest, longest):
            editor.select_item(row)
            needs.append(editor.routine_panel.minimumSizeHint().width())
        assert needs[0] == needs[1], (names[shortest], names[longest], needs)
    finally:
        i18n.use("en")
