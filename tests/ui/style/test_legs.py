"""The left/right pair: apart from each other and from the working-leg orange, readable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from hamstring_gui.core.figure import Role
from hamstring_gui.ui.style.legs import LEG_COLOURS, leg_colour
from hamstring_gui.ui.style.palette import DARK, LIGHT


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("dark", "background"), [(False, "#ffffff"), (True, "#1d1f23")])
def test_each_leg_reads_as_text_on_its_background(dark: bool, background: str) -> None:
    for side in LEG_COLOURS:
        assert _contrast(leg_colour(side, dark), QColor(background)) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_the_legs_are_not_the_working_orange_nor_each_other(dark: bool) -> None:
    work = (DARK if dark else LIGHT).colour(Role.WORK)
    left, right = leg_colour("left", dark), leg_colour("right", dark)
    assert left != right
    for leg in (left, right):
        # well away in hue from the orange (about 22°) that marks the working leg
        distance = abs(leg.hslHue() - work.hslHue()) % 360
        assert min(distance, 360 - distance) > 45
