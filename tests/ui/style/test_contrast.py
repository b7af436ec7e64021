"""WCAG AA over the app's colours, light and dark: 4.5:1 for text, 3:1 for controls.

Computed from the palettes and theme colours the app paints with, and from
pixels the style draws (check box outlines, the focus ring), so a colour
change that makes something faint fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style import clear_style, theme
from hamstring_gui.ui.style.theme import contrast, fallback_palette

TEXT = 4.5
CONTROL = 3.0
Role = QPalette.ColorRole
PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Text, Role.AlternateBase),
)


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> QPalette:
    return fallback_palette(dark=request.param)


def test_contrast_of_known_colours() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_palette_text_reads(palette: QPalette) -> None:
    for text, background in PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= TEXT, (text, background, ratio)


def test_the_apps_own_text_colours_read(palette: QPalette, qapp) -> None:
    widget = QWidget()
    widget.setPalette(palette)
    window = palette.color(Role.Window)
    base = palette.color(Role.Base)
    ink = palette.color(Role.WindowText)
    checks = {
        "muted line": (theme.muted(widget), window),
        "card description": (_alpha(palette.color(Role.Text), 0.72), base),
        "paused number": (_alpha(ink, 0.75), window),
        "warning heading": (theme.warning_colour(widget), window),
        "link": (palette.color(Role.Link), window),
    }
    for kind in PhaseKind:
        fill = theme.phase_colour(kind, widget)
        checks[f"banner {kind}"] = (theme.text_on(fill), fill)
        checks[f"step number {kind}"] = (theme.phase_text_colour(kind, widget), window)
    for what, (fg, bg) in checks.items():
        assert contrast(fg, bg) >= TEXT, (what, contrast(fg, bg))


def test_the_apps_controls_stand_out(palette: QPalette, qapp) -> None:
    widget = QWidget()
    widget.setPalette(palette)
    window = palette.color(Role.Window)
    checks = {
        "session progress": (palette.color(Role.Highlight), window),
        "focus ring": (clear_style.focus_colour(palette), window),
        "check box outline": (clear_style.outline_colour(palette), window),
    }
    for kind in PhaseKind:
        checks[f"ring {kind}"] = (theme.phase_colour(kind, widget), window)
    for what, (fg, bg) in checks.items():
        assert contrast(fg, bg) >= CONTROL, (what, contrast(fg, bg))


def _alpha(colour: QColor, alpha: float) -> QColor:
    colour = QColor(colour)
    colour.setAlphaF(alpha)
    return colour
