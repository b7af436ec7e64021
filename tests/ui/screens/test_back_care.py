"""The sore-back mark, its B skip and the Stretch library entry, on the session screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from hamstring_gui.core.outcome import SkipReason, Status
from hamstring_gui.ui.sore_back import SORE_BACK_KEY, SORE_BACK_TEXT
from tests.ui.screens.conftest import second

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_cautions_are_open_before_the_first_hold_and_fold_during_it(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("mixed")
    panel = window.session_screen.cautions
    chair = window.catalog["chair-stretch"]
    assert panel.isVisible() and panel.expanded() and panel.lines.isVisible()
    assert panel.lines.text().splitlines() == [f"•  {line}" for line in chair.cautions]
    assert not panel.back_row.isVisible()  # the chair stretch is fine for a sore back
    assert not window.back_care.sore_back.isEnabled()
    second(window, clock, 5)  # into the first hold
    assert panel.isVisible() and not panel.expanded() and not panel.lines.isVisible()
    assert panel.toggle.text().endswith("3 cautions")
    panel.toggle.click()  # expandable at any time
    assert panel.lines.isVisible()
    assert panel.toggle.accessibleName().startswith("Hide")


def test_a_sore_back_stretch_is_marked_and_b_skips_it(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("mixed")
    second(window, clock, 5 + 30 + 5 + 30 + 10)  # the chair stretch, then the rest
    screen = window.session_screen
    assert screen.stretch_title.text() == "Seated toe touch"
    panel = screen.cautions
    assert panel.back_row.isVisible() and panel.back_mark.text() == SORE_BACK_TEXT
    assert f"({SORE_BACK_KEY})" in panel.skip_button.text()
    assert f"({SORE_BACK_KEY})" in panel.skip_button.toolTip()
    assert panel.expanded()  # before its first hold
    assert window.back_care.sore_back.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_B)
    assert not window.controller.active
    outcomes = window.controller.engine.summary.outcomes
    assert [(o.stretch, o.status) for o in outcomes] == [
        ("chair-stretch", Status.DONE),
        ("seated-toe-touch", Status.SKIPPED),
    ]
    assert outcomes[1].reason is SkipReason.SORE_BACK


def test_b_does_nothing_on_a_stretch_that_is_fine_for_the_back(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("mixed")
    second(window, clock, 2)
    QTest.keyClick(window, Qt.Key.Key_B)
    assert window.controller.active
    assert window.session_screen.stretch_title.text() == "Chair hamstring stretch"


def test_the_skip_key_collides_with_no_other_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    mine = QKeySequence(SORE_BACK_KEY)
    others = [
        sequence
        for action in window.actions()
        if action is not window.back_care.sore_back
        for sequence in action.shortcuts()
    ]
    assert others  # Space, arrows, Esc, +/−, F11, Ctrl+M/,/H/Q/E ...
    assert all(sequence != mine for sequence in others)
    assert window.back_care.sore_back.shortcuts() == [mine]


def test_help_opens_the_stretch_library_once(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.dialogs.stretch_library import StretchLibraryDialog

    opened = []
    monkeypatch.setattr(
        StretchLibraryDialog, "show_for", classmethod(lambda cls, p, c: opened.append((p, c)))
    )
    assert window.back_care.library.text() == "Stretch &library…"
    window.back_care.library.trigger()
    assert opened == [(window, window.catalog)]
