"""Light and dark, as chosen in preferences, even where the platform cannot switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from hamstring_gui.app import apply_colour_scheme
from hamstring_gui.ui.style.palette import system_is_dark
from hamstring_gui.ui.style.theme import fallback_palette, is_dark


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    qapp.styleHints().setColorScheme(Qt.ColorScheme.Unknown)
    qapp.setPalette(QPalette())  # other tests expect the default palette


def test_dark_choice_gives_a_dark_palette_and_dark_pictures(app: QApplication) -> None:
    assert not is_dark(app.palette())
    apply_colour_scheme(app, "dark")
    assert is_dark(app.palette())
    assert system_is_dark()


def test_light_and_system_choices_go_back(app: QApplication) -> None:
    apply_colour_scheme(app, "dark")
    apply_colour_scheme(app, "light")
    assert not is_dark(app.palette())
    apply_colour_scheme(app, "dark")
    apply_colour_scheme(app, "system")
    assert not is_dark(app.palette())
    assert not system_is_dark()


def test_dark_palette_text_has_strong_contrast() -> None:
    palette = fallback_palette(dark=True)
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    assert text - window > 150


def test_the_remembered_font_size_follows_a_new_app_font(app: QApplication) -> None:
    from PySide6.QtGui import QFont, QFontInfo

    from hamstring_gui.ui.style.theme import base_pixel_size

    original = QFont(app.font())
    try:
        assert base_pixel_size() == QFontInfo(app.font()).pixelSize()
        bigger = QFont(original)
        bigger.setPixelSize(QFontInfo(original).pixelSize() * 2)
        app.setFont(bigger)  # a larger text scale in Preferences
        assert base_pixel_size() == QFontInfo(bigger).pixelSize()
    finally:
        app.setFont(original)
    assert base_pixel_size() == QFontInfo(original).pixelSize()


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_new_text_size_applies_at_once(app: QApplication, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Preferences' text size rescales the open window: no restart."""
    import dataclasses

    from PySide6.QtGui import QFont, QFontInfo

    from hamstring_gui import app as app_module
    from hamstring_gui.core.settings.store import SettingsStore
    from tests.helpers.stubs import FakeClock

    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    original = QFont(app.font())
    window = app_module.build_window(FakeClock(), store)
    qtbot.addWidget(window)
    window.model.changed.connect(lambda s: app_module.apply_appearance(app, s.appearance))
    app_module.follow_font_changes(app)
    window.start_routine("desk-break")
    title = window.session_screen.stretch_title
    before = QFontInfo(title.font()).pixelSize()
    try:
        appearance = dataclasses.replace(store.settings.appearance, text_scale=200)
        window.model.update(dataclasses.replace(window.model.settings, appearance=appearance))
        after = QFontInfo(title.font()).pixelSize()
        assert after == pytest.approx(before * 2, abs=2)
        appearance = dataclasses.replace(appearance, text_scale=100)
        window.model.update(dataclasses.replace(window.model.settings, appearance=appearance))
        assert QFontInfo(title.font()).pixelSize() == before
    finally:
        app.setProperty("hamstringSystemFont", None)
        app.setFont(original)
