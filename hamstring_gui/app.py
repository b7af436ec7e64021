"""The composition root: the one place that builds the app and wires its parts.

``run_gui(args)`` makes the ``QApplication``, the clock, the settings store
and model, the session controller and the main window, then runs the event
loop. ``hamstring-gui start ROUTINE`` opens the window with that routine
already running (after the one-time safety screen on first run).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

# First: the binding's workarounds (ui/compat.py) must be in place before the
# app's own modules load, or PySide6 reads each one's source (see compat.py).
import hamstring_gui.ui  # noqa: F401

# isort: split
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from hamstring_gui import APP_ID, __version__, paths
from hamstring_gui.core import i18n
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.clock import Clock, SystemClock
from hamstring_gui.core.i18n import _
from hamstring_gui.core.settings import AppearanceSettings
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.library import all_routines, routine_problems
from hamstring_gui.platform.autostart import DESKTOP_ID
from hamstring_gui.ui import trace, translations
from hamstring_gui.ui.controller import SessionController
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.startup import after_first_paint
from hamstring_gui.ui.style import clear_style
from hamstring_gui.ui.style.theme import (
    fallback_palette,
    follow_font_changes,
    is_dark,
    readable_highlight,
)

if TYPE_CHECKING:
    from hamstring_gui.core.catalog import Catalog
    from hamstring_gui.core.session import SessionEngine
    from hamstring_gui.ui.audio.sound import QtCuePlayer
    from hamstring_gui.ui.dialogs.sound_check import SoundCheck
    from hamstring_gui.ui.editor.window import RoutineEditor
    from hamstring_gui.ui.history.link import HistoryLink

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
    if is_dark(app.palette()) != wants_dark:
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
    close_to_tray: Callable[[], bool] | None = None,
    sound_check: Callable[[], SoundCheck] | None = None,
    before_sessions: Callable[[SessionController, SettingsModel, Catalog], None] | None = None,
) -> MainWindow:
    """Wire core, storage and UI into a main window (the app must exist already).

    With ``routine`` the window opens with it running (``start ROUTINE``);
    ``before_sessions`` is called before that can happen (the cues: :class:`Cues`).
    """
    model = SettingsModel(store)
    controller = SessionController(clock)
    catalog = load_catalog()
    if before_sessions is not None:
        before_sessions(controller, model, catalog)
    window = MainWindow(
        controller,
        catalog,
        all_routines(),
        model,
        state_file=state_file,
        routine=routine,
        close_to_tray=close_to_tray,
        sound_check=sound_check,
    )
    model.setParent(window)
    controller.setParent(window)
    return window


def settle_start_up_objects() -> None:
    """Take what start-up built, which lives as long as the app, out of the cycle collector.

    Why: a full collection walks every object; over start-up's it took 26 ms
    on the GUI thread (32 s into ``make bench``'s short-phase session, the one
    such pass in its first 100 s), and one that lands on a phase change or a
    cue holds it up that long. After ``gc.freeze`` (what the ``gc`` docs
    advise for objects that live until exit) no collection took over 2 ms in
    the same 100 s. The one collection here costs ~20 ms once, right after
    the first paint, seconds before the first phase change.
    """
    gc.collect()
    gc.freeze()


class Cues:
    """Sound and voice for every session, attached to each engine before it starts.

    Built before the window, so ``start ROUTINE``'s session, which starts while
    the window is built, is announced from its first phase, on time. The
    player and the cue schedule are imported with the first session (a plain
    start paints without them); once the window is up, :meth:`open` opens the
    sound path (and the voice, when it is on) in the background, so the first
    cue of a session started later is on time too.
    """

    def __init__(
        self,
        controller: SessionController,
        model: SettingsModel,
        catalog: Catalog,
        *,
        session_soon: bool = False,
    ):
        """Follow every session of ``controller``.

        ``session_soon``: one starts while the window is built (``start ROUTINE``),
        so the sound path starts opening now, in the background, to be ready for it.
        """
        self.controller = controller
        self.model = model
        self.catalog = catalog
        self.player: QtCuePlayer | None = None
        controller.attach(self._attach)
        controller.ended.connect(self._on_ended)
        sound = model.settings.sound
        if session_soon and (sound.enabled or sound.eyes_closed):
            self.ensure_player().open()

    def ensure_player(self) -> QtCuePlayer:
        """The player, built on first use (also the Sounds page's "Test sound")."""
        if self.player is None:
            from hamstring_gui.ui.audio.sound import QtCuePlayer

            self.player = QtCuePlayer(parent=self.controller)
            self.player.set_volume(self.model.settings.sound.volume)
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.player.close)
        return self.player

    def open(self) -> None:
        """Once the window is up: open the sound path, and start the voice if it is on."""
        player = self.ensure_player()
        sound = self.model.settings.sound
        if sound.enabled or sound.eyes_closed:
            player.open()
        if sound.voice or sound.eyes_closed:
            player.warm_up()  # speech-dispatcher may take a second to spawn

    def _attach(self, engine: SessionEngine) -> None:
        from hamstring_gui.core.cues import attach_cues

        player = self.ensure_player()
        sound = self.model.settings.sound
        player.prepare(voice=sound.voice or sound.eyes_closed)
        if sound.enabled or sound.eyes_closed:
            # The session starts right after this: its first cue must find the path open.
            player.wait_open()
        attach_cues(engine, lambda: self.model.settings.sound, player, catalog=self.catalog)

    def _on_ended(self, _summary: object) -> None:
        if self.player is not None:
            self.player.idle()


class Services:
    """What the first frame does not need, wired to the window once it is on screen.

    History, reminders and tray, the control socket, the routine
    editor and the window icon: imported and built here, off the start-up path.
    Each service gets the controller, the settings model, the catalog and the
    window's :class:`~hamstring_gui.ui.shell.Shell`, never the window itself.
    :attr:`file_problems` holds what was wrong with the history file, for
    :func:`tell_file_problems`.
    """

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        from hamstring_gui.ui.desktop.activation import LaunchActivation
        from hamstring_gui.ui.desktop.break_reminders import BreakReminders
        from hamstring_gui.ui.desktop.commands import RemoteCommands
        from hamstring_gui.ui.desktop.control_server import ControlServer
        from hamstring_gui.ui.style.icon import app_icon

        self.app = app
        self.window = window
        self.controller = window.controller
        self.model = window.model
        self.catalog = window.catalog
        app.setWindowIcon(app_icon())
        self.file_problems: list[str] = []
        self.history: HistoryLink | None = None  # None without a usable history file
        self._connect_history()
        self.reminders = BreakReminders(
            self.controller, self.model, self.catalog, window, parent=window
        )
        self._connect_routine_editor()
        app.aboutToQuit.connect(self.reminders.close)
        if self.reminders.tray is not None:
            app.setQuitOnLastWindowClosed(False)  # closing the window keeps the tray
        self.server = ControlServer(
            RemoteCommands(window, self.controller, self.reminders),
            window,
            on_launch=LaunchActivation(window),
        )
        app.aboutToQuit.connect(self.server.close)

    def keep_running_on_close(self) -> bool:
        """Whether closing the window keeps the app in the tray."""
        return self.reminders.keep_running_on_close()

    def _connect_history(self) -> None:
        """Record sessions; without a usable history file the app still runs, and says so.

        What was wrong with a damaged history file (kept aside) goes to
        :attr:`file_problems`, for the user.
        """
        from hamstring_gui.core.history import HistoryError, open_history
        from hamstring_gui.ui.history.link import HistoryLink

        try:
            store, damage = open_history(paths.history_file())
        except HistoryError as error:
            print(f"hamstring-gui: {error}", file=sys.stderr)
            self.window.show_message(
                _("History is not recorded: {problem}").format(problem=error), 15000
            )
            return
        if damage is not None:
            print(f"hamstring-gui: {damage}", file=sys.stderr)
            self.file_problems.append(damage)
        link = HistoryLink(
            store,
            self.controller,
            self.model,
            self.catalog,
            self.window,
            parent=self.window,
            routines=self.window.routines,
        )
        self.history = link
        self.app.aboutToQuit.connect(link.flush)  # a phase write still waiting, first
        self.app.aboutToQuit.connect(store.close)
        self.window.feelingRated.connect(link.set_feeling)
        self.window.enable_history(link.open_history)

    def _connect_routine_editor(self) -> None:
        """Edit routines… opens the editor; what it saves shows up everywhere at once.

        The editor's modules load when it is first opened: most sessions never
        open it, and its eleven modules cost start-up time and memory.
        """
        editors: list[RoutineEditor] = []
        window, model = self.window, self.model

        def refresh() -> None:
            routines = all_routines()
            window.set_routines(routines)
            self.reminders.set_routines(routines)
            if self.history is not None:
                self.history.set_routines(routines)

        def open_editor() -> None:
            if not editors:
                from hamstring_gui.ui.editor.window import RoutineEditor

                editor = RoutineEditor(self.catalog, paths.routines_dir(), model.settings.session)
                editor.routinesChanged.connect(refresh)
                model.changed.connect(lambda settings: editor.set_settings(settings.session))
                editors.append(editor)
            editors[0].show()
            editors[0].raise_()
            editors[0].activateWindow()

        window.enable_routine_editor(open_editor)


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
    # argv[0] is the X11 WM_CLASS instance name the menu entry's StartupWMClass
    # names, whether the program runs as hamstring-gui or as python -m.
    app = QApplication.instance() or QApplication([APP_ID])
    assert isinstance(app, QApplication)
    # The application name is the tray's StatusNotifierItem Title (Qt's
    # QStatusNotifierItemAdaptor::title() returns it) and the WM_CLASS class.
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Wayland matches the window to its menu entry and icon by this id.
    app.setDesktopFileName(DESKTOP_ID)
    # The language was chosen by cli.main; Qt's own words (dialog buttons) follow it.
    translations.install(app, i18n.current())

    store = SettingsStore(paths.settings_file())
    file_problems = store.load()
    for message in file_problems:
        print(f"hamstring-gui: {message}", file=sys.stderr)
    clear_style.install(app)  # before the palette: a new style resets it
    apply_appearance(app, store.settings.appearance)

    # `start ROUTINE` builds the session page first: the routine list can wait.
    routine = args.routine if getattr(args, "command", None) == "start" else None
    services: list[Services] = []
    cues: list[Cues] = []
    window = build_window(
        SystemClock(),
        store,
        state_file=paths.config_dir() / WINDOW_STATE_FILE,
        routine=routine,
        # The window asks these before the services exist only in the first frame.
        close_to_tray=lambda: bool(services) and services[0].keep_running_on_close(),
        sound_check=lambda: cues[0].ensure_player(),
        before_sessions=lambda *parts: cues.append(Cues(*parts, session_soon=bool(routine))),
    )
    follow_font_changes(app)
    window.model.changed.connect(lambda settings: apply_appearance(app, settings.appearance))
    trace.install(window)  # HAMSTRING_GUI_TRACE only (make bench); otherwise nothing

    def connect_services() -> None:
        if not services:
            services.append(Services(app, window))
            cues[0].open()
            problems = [*file_problems, *services[0].file_problems, *routine_problems()]
            tell_file_problems(window, problems)
            settle_start_up_objects()

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
