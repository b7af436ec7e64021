"""At 100, 150 and 200 % text every screen fits a 1280 x 800 laptop (1280 x 760 free).

Each screen is built at the text size (as the app builds it after the
Appearance setting) and its minimum size, window frame included, must fit:
a screen whose minimum is larger puts its buttons off the screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from hamstring_gui import app as app_module
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.style.theme import base_pixel_size
from hamstring_gui.ui.window_fit import FRAME_ALLOWANCE, fit_on_screen
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LAPTOP = QSize(1280, 760)  # 1280 x 800 less a panel
TITLE_BAR = 30


@pytest.fixture(params=[100, 150, 200], ids=lambda scale: f"{scale}%")
def text_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    original = QFont(qapp.font())
    font = QFont(original)
    font.setPointSizeF(original.pointSizeF() * request.param / 100)
    qapp.setFont(font)
    try:
        yield request.param
    finally:
        qapp.setFont(original)


def _window(qtbot, tmp_path: Path, *, acknowledged: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=acknowledged))
    window = app_module.build_window(FakeClock(), store)
    qtbot.addWidget(window)
    return window


def _safety(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    return _window(qtbot, tmp_path, acknowledged=False)


def _start(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    window.show_start()
    return window


def _session(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    window.start_routine("full-session")
    window.controller.tick()
    return window


def _summary(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path)
    window.start_routine("desk-break")
    window.controller.stop()
    assert window.stack.currentWidget() is window.summary_screen
    return window


def _preferences(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.dialogs.preferences import PreferencesDialog

    window = _window(qtbot, tmp_path)
    dialog = PreferencesDialog(window.model)
    qtbot.addWidget(dialog)
    return dialog


def _history(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.history.window import HistoryWindow

    store = HistoryStore(tmp_path / "history.sqlite")
    window = HistoryWindow(store, load_catalog())
    qtbot.addWidget(window)
    return window


def _editor(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.core.settings import SessionSettings
    from hamstring_gui.ui.editor.window import RoutineEditor

    editor = RoutineEditor(load_catalog(), tmp_path / "routines", SessionSettings())
    qtbot.addWidget(editor)
    return editor


def _stop_dialog(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog

    dialog = StopConfirmDialog()
    qtbot.addWidget(dialog)
    return dialog


def _hurt_dialog(qtbot, tmp_path: Path) -> QWidget:  # type: ignore[no-untyped-def]
    from hamstring_gui.ui.screens.safety import HurtDialog

    dialog = HurtDialog("Standing hamstring stretch with a step")
    qtbot.addWidget(dialog)
    return dialog


SCREENS: dict[str, Callable[..., QWidget]] = {
    "safety": _safety,
    "start": _start,
    "session": _session,
    "summary": _summary,
    "preferences": _preferences,
    "history": _history,
    "editor": _editor,
    "stop dialog": _stop_dialog,
    "hurt dialog": _hurt_dialog,
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_fits_a_laptop(qtbot, tmp_path, text_scale, screen) -> None:  # type: ignore[no-untyped-def]
    if text_scale == 200:
        assert base_pixel_size() >= 22  # the text really is twice the size
    assert_fits_a_laptop(qtbot, tmp_path, screen)


def assert_fits_a_laptop(qtbot, tmp_path: Path, screen: str) -> None:  # type: ignore[no-untyped-def]
    """Build ``screen`` at the current text size; its minimum and its opened size fit."""
    widget = SCREENS[screen](qtbot, tmp_path)
    widget.show()  # laid out as on screen: hidden widgets that keep their room count
    qtbot.waitExposed(widget)
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    assert minimum.width() <= LAPTOP.width(), (screen, minimum)
    assert minimum.height() + TITLE_BAR <= LAPTOP.height(), (screen, minimum)
    # And it opens on the screen, its buttons with it.
    fit_on_screen(widget, QRect(0, 0, LAPTOP.width(), LAPTOP.height()))
    assert widget.width() <= LAPTOP.width() - FRAME_ALLOWANCE + 1, (screen, widget.size())
    assert widget.height() <= LAPTOP.height() - FRAME_ALLOWANCE + 1, (screen, widget.size())


def test_the_window_opens_inside_a_small_screen(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On 800 x 600 the window opened at 1000 x 700, Start off the screen."""
    window = _start(qtbot, tmp_path)
    small = QRect(0, 0, 800, 600)
    window.move(300, 200)
    fit_on_screen(window, small)
    frame = window.geometry()
    assert small.contains(frame), frame
    assert window.width() >= window.minimumSizeHint().width()


def test_a_new_window_fits_the_screen_it_opens_on(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Its default size (1000 x 700) is larger than the test screen (800 wide): it shrinks."""
    window = _start(qtbot, tmp_path)
    available = window.screen().availableGeometry()
    assert available.width() < 1000
    assert window.width() <= available.width() - FRAME_ALLOWANCE
    assert window.height() <= available.height() - FRAME_ALLOWANCE
