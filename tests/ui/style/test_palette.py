"""The figure's light and dark palettes, and the dark check they follow."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from hamstring_gui.core.figure import Role
from hamstring_gui.ui.style.palette import DARK, LIGHT, palette_for, system_is_dark
from hamstring_gui.ui.style.theme import fallback_palette


def test_each_palette_colours_every_role() -> None:
    for palette in (LIGHT, DARK):
        assert set(palette.colours) == set(Role)
        assert all(palette.colour(role).isValid() for role in Role)
    assert palette_for(True) is DARK and palette_for(False) is LIGHT


def test_system_is_dark_follows_the_app_palette() -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    try:
        app.setPalette(fallback_palette(True))
        assert system_is_dark()
        app.setPalette(fallback_palette(False))
        assert not system_is_dark()
    finally:
        app.setPalette(before)
