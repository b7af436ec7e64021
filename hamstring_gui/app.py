"""The composition root: the one place that builds the app and wires its parts.

``run_gui(args)`` makes the ``QApplication``, the clock, the settings store
and model, the session controller and the main window, then runs the event
loop. ``hamstring-gui start ROUTINE`` opens the window with that routine
already running (after the one-time safety screen on first run).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hamstring_gui import APP_ID, __version__, paths
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.clock import Clock, SystemClock
from hamstring_gui.core.settings import AppearanceSettings
from hamstring_gui.core.settings_store import SettingsStore
from hamstring_gui.library import all_routines, routine_problems
from hamstring_gui.platform.autostart import DESKTOP_ID
from hamstring_gui.ui import trace
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.startup import after_first_paint
from hamstring_gui.ui.style import clear_style
from hamstring_gui.ui.style.theme import (
    fallback_palette,
    follow_font_changes,
    palette_is_dark,
    readable_highlight,
)

if TYPE_CHECKING:
    from hamstring_gui.ui.desktop.break_reminders import BreakReminders

APP_NAME = "Hamstring Coach"
WINDOW_STATE_FILE = "window.json"

_SCHEMES = {
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
    "system": Qt.ColorScheme.Unknown,  # follow the desktop
}


def apply_colour_scheme(app: QGuiApplication, theme_name: str) -> None:
    """Light, dark or the system's scheme; live, from preferences too.

    Qt switches the palette itself where the platform supports colour
    schemes; where it cannot (plain X11, offscreen), an explicit choice gets
    the app's own light or dark palette, and "system" goes back to the default.
    """
    app.styleHints().setColorScheme(_SCHEMES.get(theme_name, Qt.ColorScheme.Unknown))
    if theme_name not in ("light", "dark"):
        app.setPalette(readable_highlight(QPalette()))  # the desktop's, selection readable
        return
    wants_dark = theme_name == "dark"
    if palette_is_dark(app.palette()) != wants_dark:
        app.setPalette(fallback_palette(wants_dark))


# Set on the QApplication: the desktop's font before any text scale was applied.
_SYSTEM_FONT = "hamstringSystemFont"


def apply_appearance(app: QGuiApplication, appearance: AppearanceSettings) -> None:
    """Colour scheme and text size from the user's appearance settings; live, from preferences.

    The text scale multiplies the desktop's font, so it still follows the
    desktop's font setting. Open windows rescale their words at once
    (``theme.follow_font_changes``): no restart.
    """
    apply_colour_scheme(app, appearance.theme)
    system = app.property(_SYSTEM_FONT)
    if not isinstance(system, QFont):
        system = QFont(app.font())
        app.setProperty(_SYSTEM_FONT, system)
    font = QFont(system)
    if appearance.text_scale != 100:
        font.setPointSizeF(system.pointSizeF() * appearance.text_scale / 100)
    if font != app.font():
        app.setFont(font)


def build_window(
    clock: Clock,
    store: SettingsStore,
    *,
    state_file: Path | None = None,
    routine: str | None = None,
) -> MainWindow:
    """Wire core, storage and UI into a main window (the app must exist already).

    With ``routine`` the window opens with it running (``start ROUTINE``).
    """
    model = SettingsModel(store)
    controller = SessionController(clock)
    window = MainWindow(
        controller, load_catalog(), all_routines(), model, state_file=state_file, routine=routine
    )
    model.setParent(window)
    controller.setParent(window)
    return window


def _connect_history(window: MainWindow) -> str | None:
    """Record sessions; without a usable history file the app still runs, and says so.

    Returns:
        What was wrong with a damaged history file (kept aside), for the user.
    """
    from hamstring_gui.core.history import HistoryError, open_history
    from hamstring_gui.ui.history.link import HistoryLink

    try:
        store, damage = open_history(paths.history_file())
    except HistoryError as error:
        print(f"hamstring-gui: {error}", file=sys.stderr)
        window.statusBar().showMessage(f"History is not recorded: {error}", 15000)
        return None
    if damage is not None:
        print(f"hamstring-gui: {damage}", file=sys.stderr)
    QApplication.instance().aboutToQuit.connect(store.close)  # type: ignore[union-attr]
    HistoryLink(store, window)
    return damage


def _connect_sound(window: MainWindow) -> None:
    """Sound and voice cues for every session; Qt Multimedia loads only on the first cue."""
    from hamstring_gui.core.cues import attach_cues
    from hamstring_gui.ui.audio.sound import QtCuePlayer

    player = QtCuePlayer(parent=window)
    QApplication.instance().aboutToQuit.connect(player.close)  # type: ignore[union-attr]
    controller = window.controller

    def on_session_started(_plan: object) -> None:
        sound = window.model.settings.sound
        if sound.voice or sound.eyes_closed:
            player.warm_up()  # the speech engine blocks ~2 s once (see sound.py)
        if controller.engine is not None:
            attach_cues(
                controller.engine,
                lambda: window.model.settings.sound,
                player,
                catalog=window.catalog,
            )

    controller.follow_sessions(on_session_started)

    def notes() -> dict[str, list[str]]:
        reasons = (player.sound_unavailable_reason(), player.voice_unavailable_reason())
        return {"sounds": [reason for reason in reasons if reason]}

    window.preference_notes = notes


def _connect_routine_editor(window: MainWindow, reminders: BreakReminders) -> None:
    """Edit routines… opens the editor; what it saves shows up everywhere at once."""
    from hamstring_gui.ui.editor.window import RoutineEditor

    editors: list[RoutineEditor] = []

    def refresh() -> None:
        window.set_routines(all_routines())
        if reminders.tray is not None:
            reminders.tray.set_routines({rid: r.name for rid, r in window.routines.items()})

    def open_editor() -> None:
        if not editors:
            editor = RoutineEditor(window.catalog, paths.routines_dir(), window.settings.session)
            editor.routinesChanged.connect(refresh)
            window.model.changed.connect(lambda settings: editor.set_settings(settings.session))
            editors.append(editor)
        editors[0].show()
        editors[0].raise_()
        editors[0].activateWindow()

    window.edit_routines_action.triggered.connect(open_editor)
    window.edit_routines_action.setEnabled(True)


class Services:
    """What the first frame does not need, wired to the window once it is on screen.

    History, sound, reminders and tray, the control socket, the routine
    editor and the window icon: imported and built here, off the start-up path.
    :attr:`file_problems` holds what was wrong with the history file, for
    :func:`tell_file_problems`.
    """

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        from hamstring_gui.ui.desktop.break_reminders import BreakReminders
        from hamstring_gui.ui.desktop.commands import RemoteCommands
        from hamstring_gui.ui.desktop.control_server import ControlServer
        from hamstring_gui.ui.style.icon import app_icon

        app.setWindowIcon(app_icon())
        damage = _connect_history(window)
        self.file_problems = [damage] if damage else []
        _connect_sound(window)
        self.reminders = BreakReminders(window)
        _connect_routine_editor(window, self.reminders)
        app.aboutToQuit.connect(self.reminders.close)
        if self.reminders.tray is not None:
            app.setQuitOnLastWindowClosed(False)  # closing the window keeps the tray
        self.server = ControlServer(
            RemoteCommands(window, window.controller, self.reminders), window
        )
        app.aboutToQuit.connect(self.server.close)


def tell_file_problems(window: MainWindow, problems: Sequence[str]) -> None:
    """Show what was wrong with the user's files (settings, history) in the window, once."""
    if problems:
        from hamstring_gui.ui.dialogs.file_notice import show_file_notice

        show_file_notice(window, problems)


def run_gui(args: argparse.Namespace, instance: IO[bytes]) -> int:
    """Open the window (running ``args.routine`` for ``start``) and run until it closes.

    Only one launch becomes the app: the one holding the instance lock
    (``instance``, taken by ``cli.main``). It answers later launches and
    control commands on the control socket.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Wayland matches the window to its menu entry and icon by this id.
    app.setDesktopFileName(DESKTOP_ID)

    store = SettingsStore(paths.settings_file())
    file_problems = store.load()
    for message in file_problems:
        print(f"hamstring-gui: {message}", file=sys.stderr)
    clear_style.install(app)  # before the palette: a new style resets it
    apply_appearance(app, store.settings.appearance)

    # `start ROUTINE` builds the session page first: the routine list can wait.
    routine = args.routine if getattr(args, "command", None) == "start" else None
    window = build_window(
        SystemClock(), store, state_file=paths.config_dir() / WINDOW_STATE_FILE, routine=routine
    )
    follow_font_changes(app)
    window.model.changed.connect(lambda settings: apply_appearance(app, settings.appearance))
    trace.install(window)  # HAMSTRING_GUI_TRACE only (make bench); otherwise nothing
    services: list[Services] = []

    def connect_services() -> None:
        if not services:
            services.append(Services(app, window))
            problems = [*file_problems, *services[0].file_problems, *routine_problems()]
            tell_file_problems(window, problems)

    if getattr(args, "tray", False):
        # --tray (the login autostart entry): no window to paint first; stay in
        # the tray when there is one.
        connect_services()
        if services[0].reminders.tray is None:
            window.show()
    else:
        # What the first frame does not need waits until it is on screen.
        after_first_paint(window, connect_services)
        window.show()
    if routine is not None:
        window.bring_to_front()
    try:
        return app.exec()
    finally:
        instance.close()
