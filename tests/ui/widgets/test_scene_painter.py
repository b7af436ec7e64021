"""The scene painter: the L/R badge stays readable and inside its ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from hamstring_gui.ui.widgets.scene_painter import _badge_radius, badge_font


@pytest.fixture(autouse=True)
def _app(qapp):  # type: ignore[no-untyped-def]
    """Font metrics need a QGuiApplication."""
    return qapp


def test_the_side_badge_is_big_enough_in_a_small_picture() -> None:
    assert _badge_radius(QRectF(0, 0, 200, 150)) >= 11  # a 22 px disc, never ~12 px


@pytest.mark.parametrize("text", ["L", "I", "‹Ľ·›"])
def test_a_badge_letter_stays_inside_its_ring(text: str) -> None:
    """The pseudo-locale's "‹Ľ·›" spilled over the leg at 150 % text; now it shrinks to fit."""
    font = badge_font(QFont(), 20, text)
    assert QFontMetricsF(font).horizontalAdvance(text) <= 20 * 1.5
    assert font.bold()
    if len(text) == 1:
        assert font.pixelSize() == 24  # a letter keeps its size
    else:
        assert font.pixelSize() < 24  # shrunk from the one-letter size
