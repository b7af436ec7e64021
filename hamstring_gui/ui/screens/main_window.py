"""The main window: safety (first run), start, session and summary screens in one stack.

Lifecycle::

    MainWindow(controller, catalog, routines, settings model)
      first run        -> safety screen; "I understand" is saved, then on to ...
      start screen     -> Start / Enter -> start_routine(id)
      session screen   -> the controller runs the plan; Space, Left, Right, Esc,
                          +/-, F11 act on it; "That hurts" pauses and advises
      summary screen   -> Repeat, Choose another or Close

Every command is one ``QAction``: the buttons, the menus and the keyboard
shortcuts all trigger the same action, and session actions are enabled only
while a session is on screen (so Space still presses buttons elsewhere).
The window's size and position live in a small JSON file in the config
folder (not in QSettings, and not among the user's settings).
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import PhaseKind, Plan, build_plan
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.settings import Settings
from hamstring_gui.ui.controller import HOLD_STEP_SECONDS, SessionController
from hamstring_gui.ui.screens.back_care import BackCare
from hamstring_gui.ui.screens.closing import CloseKeeper
from hamstring_gui.ui.settings_model import SettingsModel
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.window_fit import fit_on_screen
from hamstring_gui.ui.window_state import load_window_state, save_window_state

if TYPE_CHECKING:
    from hamstring_gui.core.session import Summary
    from hamstring_gui.ui.dialogs.sound_check import SoundCheck
    from hamstring_gui.ui.screens.safety import SafetyPanel
    from hamstring_gui.ui.screens.session import SessionScreen
    from hamstring_gui.ui.screens.start import StartScreen
    from hamstring_gui.ui.screens.summary import SummaryScreen

DEFAULT_SIZE = (1000, 700)
DEFAULT_TEXT_PX = 12  # the text height DEFAULT_SIZE is meant for
COMPACT_SIZE = (380, 500)


class _Pages(QStackedWidget):
    """A stack sized by the page on show, so the compact window can be small."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: D102, N802 - Qt override
        page = self.currentWidget()
        return page.sizeHint() if page else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: D102, N802 - Qt override
        page = self.currentWidget()
        return page.minimumSizeHint() if page else super().minimumSizeHint()


class MainWindow(QMainWindow):
    """Hamstring Coach's window.

    Attributes:
        controller: Runs the session (owns the one heartbeat timer).
        start_screen, session_screen, summary_screen, safety_panel: the pages,
            each built (module imported too) the first time it is needed, so a
            start shows its first page without paying for the others.

    Signals:
        pageBuilt(QWidget): a page was just built and added to the stack.
        feelingRated(int): the summary's "how does your back feel" answer, 0–10.
    """

    pageBuilt = Signal(QWidget)  # noqa: N815
    feelingRated = Signal(int)  # noqa: N815

    def __init__(
        self,
        controller: SessionController,
        catalog: Catalog,
        routines: Mapping[str, Routine],
        model: SettingsModel,
        *,
        state_file: Path | None = None,
        routine: str | None = None,
        close_to_tray: Callable[[], bool] | None = None,
        sound_check: Callable[[], SoundCheck] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the window on its first page: ``routine`` running, or the routine list.

        ``close_to_tray``: True keeps the app in the tray on close. ``sound_check``: the
        cue player, for Preferences ▸ Sounds' "Test sound" and "Test voice".
        """
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(_("Hamstring Coach"))
        self.controller = controller
        self.catalog = catalog
        self.routines = dict(routines)
        self.model = model
        self.settings: Settings = model.settings
        self.state_file = state_file
        self._routine: Routine | None = None
        self._plan: Plan | None = None
        self._pending_routine: str | None = None
        self._compact = False
        self._normal_geometry: QByteArray | None = None
        self._before_full_screen: QByteArray | None = None
        self._quitting = False
        self._closer = CloseKeeper(self, close_to_tray)
        self._sound_check = sound_check

        self.stack = _Pages()
        # The pages, built when first needed (see the properties below).
        self._safety_panel: SafetyPanel | None = None
        self._start_screen: StartScreen | None = None
        self._session_screen: SessionScreen | None = None
        self._summary_screen: SummaryScreen | None = None
        self.setCentralWidget(self.stack)

        self._make_actions()
        self._make_menus()
        self._connect()
        self.apply_settings(self.settings)
        self.stack.currentChanged.connect(self._update_actions)
        self._restore_geometry()
        if routine is not None:
            self.start_routine(routine)
        elif self.settings.safety_acknowledged:
            self.show_start()
        else:
            self.stack.setCurrentWidget(self.safety_panel)
        self._update_actions()

    # -- construction ------------------------------------------------------------

    def _action(self, text: str, keys: list[str | QKeySequence.StandardKey], tip: str) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(key) for key in keys]
        action.setShortcuts(sequences)
        shown = ", ".join(
            seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in sequences[:2]
        )  # noqa: E501
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.pause_action = self._action(_("&Pause"), ["Space"], _("Pause or resume"))
        self.skip_action = self._action(_("&Skip"), ["Right"], _("Skip to the next phase"))
        self.back_action = self._action(
            _("&Back"), ["Left"], _("Back: restart this phase, or the previous one")
        )  # noqa: E501
        self.stop_action = self._action(_("S&top session…"), ["Esc"], _("Stop the session"))
        step = {"seconds": HOLD_STEP_SECONDS}
        longer, add = _("Hold {seconds} s &longer"), _("Add {seconds} s to this hold")
        keys: list[str | QKeySequence.StandardKey] = ["+", "=", "Ctrl++"]
        self.longer_action = self._action(longer.format(**step), keys, add.format(**step))
        shorter = _("Hold {seconds} s s&horter").format(**step)
        take = _("Take {seconds} s from this hold").format(**step)
        self.shorter_action = self._action(shorter, ["-", "Ctrl+-"], take)
        hurt, stop_now = _("That &hurts"), _("That hurts: stop this stretch now")
        self.hurt_action = self._action(hurt, ["H"], stop_now)
        self.focus_action = self._action(_("&Focus (full screen)"), ["F11"], _("Full screen"))
        self.focus_action.setCheckable(True)
        self.compact_action = self._action(
            _("&Compact window on top"), ["Ctrl+M"], _("A small window that stays on top")
        )  # noqa: E501
        self.compact_action.setCheckable(True)
        self.preferences_action = self._action(_("&Preferences…"), ["Ctrl+,"], _("Preferences"))
        self.edit_routines_action = self._action(
            _("&Edit routines…"), ["Ctrl+E"], _("Build your own routine or import one")
        )
        self.edit_routines_action.setEnabled(False)  # enabled when the editor is connected
        self.history_action = self._action(_("&History…"), ["Ctrl+H"], _("Your stretching record"))
        self.history_action.setEnabled(False)  # enabled when a history store is connected
        self.safety_action = self._action(_("Stretching &safely"), [], _("Show the safety advice"))
        self.quit_action = self._action(_("&Quit"), ["Ctrl+Q"], _("Quit Hamstring Coach"))
        self.session_actions = (
            self.pause_action,
            self.skip_action,
            self.back_action,
            self.stop_action,
            self.longer_action,
            self.shorter_action,
            self.hurt_action,
        )

    def _make_menus(self) -> None:
        menu = self.menuBar()
        session = menu.addMenu(_("&Session"))
        for action in self.session_actions:
            session.addAction(action)
        session.addSeparator()
        session.addAction(self.preferences_action)
        session.addAction(self.edit_routines_action)
        session.addAction(self.history_action)
        session.addSeparator()
        session.addAction(self.quit_action)
        view = menu.addMenu(_("&View"))
        view.addAction(self.focus_action)
        view.addAction(self.compact_action)
        help_menu = menu.addMenu(_("&Help"))
        help_menu.addAction(self.safety_action)
        self.back_care = BackCare(self, self.controller, self.catalog, session, help_menu)

    def _connect(self) -> None:
        self.pause_action.triggered.connect(self.controller.toggle_pause)
        self.skip_action.triggered.connect(self.controller.skip)
        self.back_action.triggered.connect(self.controller.back)
        self.stop_action.triggered.connect(self.confirm_stop)
        self.longer_action.triggered.connect(lambda: self.controller.change_hold(HOLD_STEP_SECONDS))
        self.shorter_action.triggered.connect(
            lambda: self.controller.change_hold(-HOLD_STEP_SECONDS)
        )  # noqa: E501
        self.hurt_action.triggered.connect(self.report_hurt)
        self.focus_action.toggled.connect(self.set_focus_mode)
        self.compact_action.toggled.connect(self.set_compact)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.safety_action.triggered.connect(self.show_safety_advice)
        self.quit_action.triggered.connect(self.quit_app)

        self.controller.phaseStarted.connect(self._update_actions)
        self.controller.paused.connect(self._update_actions)
        self.controller.resumed.connect(self._update_actions)
        self.controller.ended.connect(self._on_ended)
        self.model.changed.connect(self.apply_settings)
        self.model.saveFailed.connect(lambda message: self.statusBar().showMessage(message, 10000))  # noqa: E501

    # -- pages, built on first use -------------------------------------------------------

    def _add_page(self, page: QWidget) -> None:
        self.stack.addWidget(page)
        self.pageBuilt.emit(page)

    @property
    def safety_panel(self) -> SafetyPanel:
        """The first-run safety page (most starts never show it)."""
        if self._safety_panel is None:
            from hamstring_gui.ui.screens.safety import SafetyPanel

            self._safety_panel = SafetyPanel(first_run=True)
            self._safety_panel.acknowledged.connect(self.acknowledge_safety)
            self._add_page(self._safety_panel)
        return self._safety_panel

    @property
    def start_screen(self) -> StartScreen:
        """The routine list (``start ROUTINE`` never needs it)."""
        if self._start_screen is None:
            from hamstring_gui.ui.screens.start import StartScreen

            page = self._start_screen = StartScreen()
            page.set_routines(self.routines, self.catalog, self.settings.session)
            page.startRequested.connect(self.start_routine)
            page.printRequested.connect(self.print_handout)
            self._add_page(page)
        return self._start_screen

    @property
    def session_screen(self) -> SessionScreen:
        """The running session: picture, countdown, steps and the session buttons."""
        if self._session_screen is None:
            from hamstring_gui.ui.screens.session import SessionScreen

            page = self._session_screen = SessionScreen(self.controller, self.catalog)
            pairs = (
                (page.pause_button, self.pause_action),
                (page.skip_button, self.skip_action),
                (page.back_button, self.back_action),
                (page.stop_button, self.stop_action),
                (page.more_button, self.longer_action),
                (page.less_button, self.shorter_action),
                (page.hurt_button, self.hurt_action),
            )
            for button, action in pairs:
                button.clicked.connect(action.trigger)
                button.setToolTip(action.toolTip())
            page.set_menu_actions(
                [
                    self.pause_action,
                    self.back_action,
                    self.skip_action,
                    self.shorter_action,
                    self.longer_action,
                    self.hurt_action,
                    self.stop_action,
                    self.compact_action,
                ]
            )
            page.remember_button.clicked.connect(self.remember_hold)
            self._apply_session_settings(page, self.settings)
            page.set_compact(self._compact)
            self._add_page(page)
        return self._session_screen

    @property
    def summary_screen(self) -> SummaryScreen:
        """What was done, the feeling question, and Repeat / Choose another / Close."""
        if self._summary_screen is None:
            from hamstring_gui.ui.screens.summary import SummaryScreen

            page = self._summary_screen = SummaryScreen(self.catalog)
            page.repeatRequested.connect(self.repeat)
            page.chooseRequested.connect(self.show_start)
            page.closeRequested.connect(self._closer.close_by_user)
            page.feelingRated.connect(self.feelingRated)
            self._add_page(page)
        return self._summary_screen

    # -- settings ------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings: routine lengths, motion, and the first-run screen.

        A running session keeps its plan; new lengths apply to the next session.
        """
        self.settings = settings
        if self._start_screen is not None:
            self._start_screen.set_routines(self.routines, self.catalog, settings.session)
        if self._session_screen is not None:
            self._apply_session_settings(self._session_screen, settings)

    def _apply_session_settings(self, page: SessionScreen, settings: Settings) -> None:
        page.illustration.set_reduced_motion(settings.appearance.reduced_motion)
        page.set_remember_available(not self.model.store.read_only)

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """New routine list (a custom routine was saved or imported)."""
        self.routines = dict(routines)
        if self._start_screen is not None:
            self._start_screen.set_routines(self.routines, self.catalog, self.settings.session)

    def acknowledge_safety(self) -> None:
        """The user read the safety screen: remember it, then carry on."""
        self.model.update(dataclasses.replace(self.model.settings, safety_acknowledged=True))
        self.settings = dataclasses.replace(self.settings, safety_acknowledged=True)
        pending, self._pending_routine = self._pending_routine, None
        if pending:
            self.start_routine(pending)
        else:
            self.show_start()

    def open_preferences(self) -> None:
        """Ctrl+,: the preferences dialog; changes arrive through the settings model."""
        from hamstring_gui.ui.dialogs.preferences import PreferencesDialog

        was_running = self.controller.running
        if was_running:
            self.controller.pause()
        check = self._sound_check() if self._sound_check else None
        PreferencesDialog.ask(self.model, self, sound_check=check)
        if was_running:
            self.controller.resume()

    def show_history(self) -> None:
        """History…: the history window, when a history is connected."""
        self.history_action.trigger()

    def show_message(self, text: str, milliseconds: int = 15000) -> None:
        """A line in the status bar for ``milliseconds`` (0: until the next one)."""
        self.statusBar().showMessage(text, milliseconds)

    def enable_history(self, open_history: Callable[[], object]) -> None:
        """History… (menu, Ctrl+H, tray) calls ``open_history`` from now on."""
        self.history_action.triggered.connect(open_history)
        self.history_action.setEnabled(True)

    def enable_routine_editor(self, open_editor: Callable[[], object]) -> None:
        """Edit routines… (menu, Ctrl+E) calls ``open_editor`` from now on."""
        self.edit_routines_action.triggered.connect(open_editor)
        self.edit_routines_action.setEnabled(True)

    def print_handout(self, routine_id: str) -> None:
        """The start screen's "Print / Save as PDF…": the system print dialog, then the handout."""
        from hamstring_gui.ui.paper.actions import print_handout

        routine = self.routines.get(routine_id)
        if routine is None:
            return
        message = print_handout(self, routine, self.catalog, self.settings.session)
        if message:
            self.show_message(message, 10000)

    def show_safety_advice(self) -> None:
        """Help ▸ Stretching safely: the safety advice in a dialog."""
        from hamstring_gui.ui.screens.safety import SafetyDialog

        SafetyDialog.ask(self)

    def remember_hold(self) -> None:
        """Save the current hold length for this stretch ("Remember 40 s for this stretch")."""
        phase = self.session_screen.current_phase()
        if phase is None or phase.stretch is None:
            return
        seconds = round(self.controller.phase_duration())
        if self.model.remember_hold(phase.stretch, seconds):
            name = self.catalog[phase.stretch].name
            self.session_screen.remember_button.hide()
            message = _("{stretch} will hold {seconds} s from now on.")
            self.statusBar().showMessage(message.format(stretch=name, seconds=seconds), 6000)

    # -- navigation ------------------------------------------------------------------

    def show_start(self) -> None:
        """Back to the routine list."""
        self.setWindowTitle(_("Hamstring Coach"))
        self.stack.setCurrentWidget(self.start_screen)
        self.start_screen.routine_list.setFocus()

    def bring_to_front(self) -> None:
        """Show the window on top (a second launch or the tray asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def start_routine(self, routine_id: str) -> None:
        """Build the plan with the user's settings and run it (after the safety screen)."""
        if not self.settings.safety_acknowledged:
            self._pending_routine = routine_id
            self.stack.setCurrentWidget(self.safety_panel)
            return
        if self.controller.active:
            self.controller.stop()  # the old session ends (and is recorded) first
        routine = self.routines[routine_id]
        self._routine = routine
        self._plan = build_plan(routine, self.catalog, self.settings.session)
        self.setWindowTitle(_("{routine} — Hamstring Coach").format(routine=routine.name))
        self.stack.setCurrentWidget(self.session_screen)
        self.session_screen.pause_button.setFocus()
        self.controller.start(self._plan)
        if self.settings.appearance.compact_on_top and not self._compact:
            self.compact_action.setChecked(True)
        self._update_actions()

    def repeat(self) -> None:
        """Run the same routine again."""
        if self._routine is not None:
            self.start_routine(self._routine.id)

    def confirm_stop(self) -> None:
        """Esc: ask, then stop. The session pauses while the question is open."""
        if not self.controller.active:
            return
        was_running = self.controller.running
        if was_running:
            self.controller.pause()
        from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog

        if StopConfirmDialog.ask(self):
            self.controller.stop()
        elif was_running:
            self.controller.resume()

    def report_hurt(self) -> None:
        """Stop the stretch at once ("That hurts"), advise, then skip it or end."""
        if not self.controller.active:
            return
        self.controller.report_hurt()
        phase = self.controller.phase
        name = self.catalog[phase.stretch].name if phase and phase.stretch else None
        from hamstring_gui.ui.screens.safety import HurtChoice, HurtDialog

        choice = HurtDialog.ask(self, name)
        if choice is HurtChoice.END_SESSION:
            self.controller.stop()
        elif choice is HurtChoice.SKIP_STRETCH:
            self.controller.skip_stretch()
            if self.controller.active:
                self.session_screen.show_status(
                    _("Skipped. Press Space when you are ready for what comes next.")
                )

    def _on_ended(self, summary: Summary) -> None:
        if self._compact:
            self.compact_action.setChecked(False)
        plan = self.controller.plan
        name = self._routine.name if self._routine else ""
        if plan is not None:
            self.summary_screen.show_summary(summary, plan, name)
        self.setWindowTitle(_("Hamstring Coach"))
        self.stack.setCurrentWidget(self.summary_screen)
        self.summary_screen.close_button.setFocus()
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        on_screen = (
            self._session_screen is not None and self.stack.currentWidget() is self._session_screen
        )  # noqa: E501
        in_session = on_screen and self.controller.active
        for action in self.session_actions:
            action.setEnabled(in_session)
        phase = self.controller.phase
        holding = (
            in_session and phase is not None and phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE)
        )  # noqa: E501
        self.longer_action.setEnabled(holding)
        self.shorter_action.setEnabled(holding)
        self.pause_action.setText(
            _("&Resume") if in_session and not self.controller.running else _("&Pause")
        )  # noqa: E501

    # -- window behaviour ----------------------------------------------------------------

    def set_focus_mode(self, on: bool) -> None:
        """F11: full screen, nothing else on screen; back to the same window after."""
        if on:
            if self._compact:
                self.compact_action.setChecked(False)
            self._before_full_screen = self.saveGeometry()
            self.showFullScreen()
        else:
            self.showNormal()
            if self._before_full_screen is not None:
                self.restoreGeometry(self._before_full_screen)
                self._before_full_screen = None

    def set_compact(self, on: bool) -> None:
        """A small window for a corner of the screen that stays above other windows."""
        if on == self._compact:
            return
        if on:
            if self.focus_action.isChecked():
                self.focus_action.setChecked(False)
            self._normal_geometry = self.saveGeometry()
        self._compact = on
        if self._session_screen is not None:
            self._session_screen.set_compact(on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        was_visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if was_visible:
            self.show()  # changing window flags hides the window
        # Apply the new minimum size now, or resize() clamps to the old one.
        self.stack.updateGeometry()
        layout = self.layout()
        if layout is not None:  # a QMainWindow always has one; the stubs allow None
            layout.activate()
        if on:
            self.resize(*COMPACT_SIZE)
        elif self._normal_geometry is not None:
            self.restoreGeometry(self._normal_geometry)

    def is_compact(self) -> bool:
        """Whether the compact, always-on-top layout is on."""
        return self._compact

    def _restore_geometry(self) -> None:
        # Larger text, larger first window (then cut to the screen by fit_on_screen).
        scale = max(1.0, theme.base_pixel_size() / DEFAULT_TEXT_PX)
        self.resize(round(DEFAULT_SIZE[0] * scale), round(DEFAULT_SIZE[1] * scale))
        encoded = load_window_state(self.state_file).get("geometry")
        if isinstance(encoded, str):
            with contextlib.suppress(ValueError):
                self.restoreGeometry(QByteArray(base64.b64decode(encoded, validate=True)))
        fit_on_screen(self)

    def window_state(self) -> dict[str, object]:
        """What is saved about the window: its normal (not compact) geometry."""
        geometry = (
            self._normal_geometry
            if self._compact and self._normal_geometry
            else self.saveGeometry()
        )  # noqa: E501
        return {"version": 1, "geometry": base64.b64encode(bytes(geometry.data())).decode("ascii")}

    def quit_app(self) -> None:
        """Quit (the menu's Quit, the tray's Quit): never just hide to the tray."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: D102, N802 - Qt override
        save_window_state(self.state_file, self.window_state())
        if not self._quitting and self._closer.keeps(event):
            return
        if self.controller.active:
            self.controller.stop()
        super().closeEvent(event)
