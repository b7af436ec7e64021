"""The composition root: the one place that builds the app and wires its parts.

``run_gui(args)`` makes the ``QApplication``, the clock, the settings store
and model, the session controller and the main window, then runs the event
loop. ``hamstring-gui start ROUTINE`` opens the window with that routine
already running (after the one-time safety screen on first run).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import APP_ID, __version__, paths
from .core.catalog import load_catalog
from .core.clock import Clock, SystemClock
from .core.routine import builtin_routines
from .core.settings import AppearanceSettings
from .core.settings_store import SettingsStore
from .ui.commands import RemoteCommands
from .ui.controller import SessionController
from .ui.main_window import MainWindow
from .ui.remote import ControlServer, claim_instance
from .ui.settings_qt import SettingsModel

APP_NAME = "Hamstring Coach"
WINDOW_STATE_FILE = "window.json"
HAND_OVER_SECONDS = 5.0

_SCHEMES = {
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
    "system": Qt.ColorScheme.Unknown,  # follow the desktop
}


def apply_appearance(app: QGuiApplication, appearance: AppearanceSettings) -> None:
    """Colour scheme and text size from the user's appearance settings.

    The text scale multiplies the system font, so it still follows the
    desktop's font setting; views built afterwards pick it up.
    """
    app.styleHints().setColorScheme(_SCHEMES.get(appearance.theme, Qt.ColorScheme.Unknown))
    if appearance.text_scale != 100:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * appearance.text_scale / 100)
        app.setFont(font)


def build_window(
    clock: Clock, store: SettingsStore, *, state_file: Path | None = None
) -> MainWindow:
    """Wire core, storage and UI into a main window (the app must exist already)."""
    model = SettingsModel(store)
    controller = SessionController(clock)
    window = MainWindow(
        controller, load_catalog(), builtin_routines(), model, state_file=state_file
    )
    model.setParent(window)
    controller.setParent(window)
    return window


def _hand_over(args: argparse.Namespace) -> int:
    """Another launch is becoming the app right now: give it our command once it listens."""
    from .cli import forward_to_running_app

    deadline = time.monotonic() + HAND_OVER_SECONDS
    while time.monotonic() < deadline:
        if forward_to_running_app(args):
            return 0
        time.sleep(0.05)
    print("hamstring-gui: another instance is starting but does not answer", file=sys.stderr)
    return 1


def run_gui(args: argparse.Namespace) -> int:
    """Open the window (running ``args.routine`` for ``start``) and run until it closes.

    Only one launch becomes the app: it holds the instance lock and answers
    later launches and control commands on the control socket.
    """
    instance = claim_instance()
    if instance is None:
        return _hand_over(args)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

    store = SettingsStore(paths.settings_file())
    for message in store.load():
        print(f"hamstring-gui: {message}", file=sys.stderr)
    apply_appearance(app, store.settings.appearance)

    window = build_window(
        SystemClock(), store, state_file=paths.config_dir() / WINDOW_STATE_FILE
    )
    server = ControlServer(
        RemoteCommands(window, window.controller, window.routines), window
    )
    app.aboutToQuit.connect(server.close)
    window.show()
    if getattr(args, "command", None) == "start":
        window.start_routine(args.routine)
    try:
        return app.exec()
    finally:
        instance.close()
