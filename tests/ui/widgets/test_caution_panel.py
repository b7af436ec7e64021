"""The caution panel: one calm line per caution, foldable, and the sore-back mark."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.ui.sore_back import SORE_BACK_TEXT
from hamstring_gui.ui.widgets.caution_panel import CautionPanel

# Shown on its own, the panel is a top-level window; offscreen warns about its size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _panel(qtbot: QtBot) -> CautionPanel:
    panel = CautionPanel()
    qtbot.addWidget(panel)
    return panel


def test_open_folded_and_toggled(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    stretch = load_catalog()["knees-to-chest-one"]
    panel.show_stretch(stretch, expanded=True)
    assert not panel.isHidden()
    assert panel.lines.text().count("\n") == len(stretch.cautions) - 1  # one line each
    assert not panel.back_row.isHidden() and panel.back_mark.text() == SORE_BACK_TEXT
    panel.show_stretch(stretch, expanded=False)
    assert panel.lines.isHidden() and panel.toggle.text() == f"▸  {len(stretch.cautions)} cautions"
    panel.toggle.click()
    assert not panel.lines.isHidden() and panel.expanded()


def test_skip_button_asks_and_the_rest_hides_the_panel(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_stretch(load_catalog()["seated-toe-touch"], expanded=False)
    with qtbot.waitSignal(panel.skipRequested, timeout=1000):
        panel.skip_button.click()
    panel.show_stretch(load_catalog()["chair-stretch"], expanded=False)
    assert panel.back_row.isHidden()
    panel.show_stretch(None, expanded=True)
    assert panel.isHidden()


def test_the_compact_window_hides_it_and_it_comes_back_folded(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.show_stretch(load_catalog()["seated-toe-touch"], expanded=True)
    panel.set_compact(True)
    assert panel.isHidden()
    panel.show_stretch(load_catalog()["seated-toe-touch"], expanded=True)
    assert panel.isHidden()  # a new phase in the compact window keeps it hidden
    panel.set_compact(False)
    assert not panel.isHidden() and not panel.expanded()
