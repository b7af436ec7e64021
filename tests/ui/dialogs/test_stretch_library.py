"""Help ▸ Stretch library: every entry readable, by keyboard and screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.ui.dialogs.stretch_library import StretchLibraryDialog
from hamstring_gui.ui.sore_back import BACK_MARK, SORE_BACK_TEXT

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _dialog(qtbot: QtBot) -> StretchLibraryDialog:
    dialog = StretchLibraryDialog(load_catalog())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_entry_shows_steps_cautions_sources_and_disagreement(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    catalog = load_catalog()
    assert dialog.entries.count() == len(catalog)
    for row, stretch in enumerate(catalog.values()):
        dialog.entries.setCurrentRow(row)
        assert dialog.current_id() == stretch.id
        text = dialog.text.toPlainText()
        for words in (*stretch.steps, *stretch.cautions, *(s.title for s in stretch.sources)):
            assert words in text, (stretch.id, words)
        if stretch.disagreement:
            assert stretch.disagreement in text
        assert (SORE_BACK_TEXT in text) is stretch.back_pain_caution
        assert (BACK_MARK in dialog.entries.item(row).text()) is stretch.back_pain_caution
        assert dialog.picture._stretch == stretch.id


def test_keyboard_moves_through_the_list_and_tab_reaches_the_text(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.entries.setFocus()
    first = dialog.current_id()
    QTest.keyClick(dialog.entries, Qt.Key.Key_Down)
    assert dialog.current_id() != first
    assert dialog.entries.accessibleName() and dialog.text.accessibleName()
    assert dialog.picture.accessibleName()
    assert dialog.text.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_menu_opens_one_window_and_select_shows_an_entry(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = StretchLibraryDialog.show_for(parent, load_catalog())
    assert StretchLibraryDialog.show_for(parent, load_catalog()) is first
    first.select("foam-roll-lower-back")
    assert "osteoporosis" in first.text.toPlainText()


@pytest.mark.parametrize("language", ["de", "es", "pseudo"])
def test_long_names_wrap_instead_of_scrolling_sideways_at_150_percent(  # type: ignore[no-untyped-def]
    qtbot: QtBot, qapp, language: str
) -> None:
    """Every name fits the list's width on a 1280 x 800 laptop; none needs a sideways scroll."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont

    from hamstring_gui.core import i18n
    from hamstring_gui.ui.window_fit import fit_on_screen

    original = QFont(qapp.font())
    large = QFont(original)
    large.setPointSizeF(original.pointSizeF() * 1.5)
    qapp.setFont(large)
    i18n.use(language)
    try:
        dialog = StretchLibraryDialog(load_catalog())
        qtbot.addWidget(dialog)
        fit_on_screen(dialog, QRect(0, 0, 1280, 760))
        dialog.show()
        qtbot.waitExposed(dialog)
        entries = dialog.entries
        width = entries.viewport().width()
        longest = max(
            entries.fontMetrics().horizontalAdvance(entries.item(row).text())
            for row in range(entries.count())
        )
        assert longest > width  # some names are longer than the list: they must wrap
        assert not entries.horizontalScrollBar().isVisible()
        for row in range(entries.count()):
            shown = entries.visualItemRect(entries.item(row))
            assert shown.width() <= width, entries.item(row).text()
            assert shown.height() >= entries.fontMetrics().height()
    finally:
        i18n.use("en")
        qapp.setFont(original)
