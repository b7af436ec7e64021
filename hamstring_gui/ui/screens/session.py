"""The session screen: what to do now, for how long, and what comes next.

A view: it shows what the :class:`~hamstring_gui.ui.controller.SessionController`
reports and reads the controller only to answer "how long is left". The
buttons do nothing themselves; the main window connects them to its actions,
so button, shortcut and menu entry are one command.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core import i18n
from hamstring_gui.core.catalog import Catalog, Stretch, load_base_catalog
from hamstring_gui.core.i18n import _
from hamstring_gui.core.plan import Phase, PhaseKind
from hamstring_gui.core.session import PauseReason
from hamstring_gui.core.steps import current_step
from hamstring_gui.core.words import banner_text, format_seconds, side_line, switch_to
from hamstring_gui.ui.controller import HOLD_STEP_SECONDS, SessionController
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.caution_panel import CautionPanel
from hamstring_gui.ui.widgets.countdown import CountdownView
from hamstring_gui.ui.widgets.illustration import IllustrationView
from hamstring_gui.ui.widgets.phase_banner import PhaseBanner
from hamstring_gui.ui.widgets.press_button import MenuButton, PressButton
from hamstring_gui.ui.widgets.progress_line import ProgressLine
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea
from hamstring_gui.ui.widgets.step_list import StepList


def _as_written(stretch: Stretch) -> Stretch:
    """The English entry, whose words find the current step (translations keep the order)."""
    if i18n.current().code == i18n.SOURCE_LANGUAGE:
        return stretch
    return load_base_catalog().get(stretch.id, stretch)


def _label(name: str, description: str, *, wrap: bool = False) -> QLabel:
    # The visible words stay the accessible name (a screen reader reads what is
    # on screen); the description says what the line is.
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleDescription(description)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _button(name: str, text: str, description: str) -> PressButton:
    button = PressButton(text)
    button.setObjectName(name)
    button.setAccessibleDescription(description)
    button.setMinimumHeight(round(theme.base_pixel_size() * 2.6))
    button.setMinimumWidth(round(theme.base_pixel_size() * 6))
    return button


# The window size at which the session's words are at their normal size; a
# larger window grows them (up to ZOOM_MAX), so a full-screen session reads from
# a metre away. Damped: words grow a little slower than the window does.
ZOOM_BASE = QSize(1000, 700)
ZOOM_MAX = 2.2
ZOOM_DAMPING = 1.0

# (widget attribute, size factor, bold, minimum px) of every word on the screen.
_FONTS = (
    ("stretch_title", 1.6, True, 0),
    ("session_progress", 1.1, False, 0),
    ("phase_banner", 2.2, True, theme.BANNER_MIN_PX),
    ("cue", 1.5, False, 0),
    ("side_label", 1.5, True, 0),
    ("next_up", 1.35, False, 0),
    ("status_line", 1.15, True, 0),
    ("less_button", 1.15, False, 0),
    ("more_button", 1.15, False, 0),
    ("remember_button", 1.0, False, 0),
    ("back_button", 1.15, False, 0),
    ("pause_button", 1.15, False, 0),
    ("skip_button", 1.15, False, 0),
    ("stop_button", 1.15, False, 0),
    ("hurt_button", 1.15, True, 0),
    ("menu_button", 1.15, False, 0),
)
STEPS_FONT = 1.05


def zoom_for(size: QSize) -> float:
    """How much larger than normal the session's words are in a screen of ``size``."""
    ratio = min(size.width() / ZOOM_BASE.width(), size.height() / ZOOM_BASE.height())
    if ratio <= 1.0:
        return 1.0
    return round(min(ZOOM_MAX, 1.0 + (ratio - 1.0) * ZOOM_DAMPING), 2)


class SessionScreen(QWidget):
    """Stretch, illustration, phase banner, countdown, steps, next up and controls.

    Signals:
        announced(str): text just announced to screen readers (once per phase).
    """

    announced = Signal(str)

    def __init__(
        self, controller: SessionController, catalog: Catalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionScreen")
        self.controller = controller
        self.catalog = catalog
        self._phase: Phase | None = None
        self._index = -1
        self._deeper = False
        self._compact = False
        self._zoom = 1.0
        self._shown_step: int | None = None

        self.stretch_title = _label("stretchTitle", _("Stretch"), wrap=True)
        self.session_progress = _label("sessionProgress", _("Session progress"))
        self.session_progress.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.progress_bar = ProgressLine()
        self.progress_bar.setObjectName("sessionBar")
        self.progress_bar.setAccessibleName(_("Session done"))

        self.phase_banner = PhaseBanner()
        self.phase_banner.setObjectName("phaseBanner")
        self.phase_banner.setAccessibleDescription(_("Phase"))
        self.phase_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.phase_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.illustration = IllustrationView()
        self.illustration.clock = controller.clock.now  # one time source for the whole screen
        self.illustration.setObjectName("illustration")
        self.illustration.setAccessibleName(_("Illustration of the stretch"))
        self.illustration.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # noqa: E501

        self.countdown = CountdownView()
        self.cue = _label("cue", _("What to focus on"), wrap=True)
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_label = _label("sideLabel", _("Leg"), wrap=True)
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.steps = StepList(theme.scaled_font(STEPS_FONT))
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName(_("Steps"))

        self.next_up = _label("nextUp", _("Next up"), wrap=True)
        self.status_line = _label("statusLine", _("Status"), wrap=True)
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_line.hide()
        for label in (self.next_up, self.status_line):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # their shared place keeps the taller one's height
            label.setSizePolicy(policy)
        self.cautions = CautionPanel()  # the main window wires its sore-back skip

        self.less_button = _button("lessButton", f"−{HOLD_STEP_SECONDS} s", _("Shorter hold"))
        self.more_button = _button("moreButton", f"+{HOLD_STEP_SECONDS} s", _("Longer hold"))
        step = HOLD_STEP_SECONDS
        self.less_button.setAccessibleName(_("{seconds} seconds shorter").format(seconds=step))
        self.more_button.setAccessibleName(_("{seconds} seconds longer").format(seconds=step))
        # Short words on the button (it must fit the words column at 200 % text);
        # the description says the rest.
        self.remember_button = PressButton(_("Remember this hold"))
        self.remember_button.setAccessibleDescription(
            _("Use this hold for this stretch from now on")
        )
        self.remember_button.setToolTip(_("Use this hold for this stretch from now on"))
        self.remember_button.setObjectName("rememberButton")
        self.remember_button.setFlat(True)
        self.remember_button.hide()
        # Nothing jumps when these come and go: their room stays.
        for widget in (self.less_button, self.more_button, self.remember_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)

        self.back_button = _button(
            "backButton", _("◀  Back"), _("Restart this phase, or the one before")
        )
        self.pause_button = _button("pauseButton", _("Pause"), _("Pause or resume the session"))
        self.skip_button = _button("skipButton", _("Skip  ▶"), _("Skip to the next phase"))
        self.stop_button = _button("stopButton", _("Stop"), _("Stop the session"))
        self.hurt_button = _button("hurtButton", _("That hurts"), _("Stop this stretch now"))
        # The compact window has no room for every button: the rest are in this menu.
        self.menu_button = MenuButton()
        self.menu_button.setObjectName("sessionMenuButton")
        self.menu_button.setText(_("More ▾"))
        self.menu_button.setAccessibleName(_("More session actions"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(QMenu(self.menu_button))
        self.menu_button.setMinimumHeight(round(theme.base_pixel_size() * 2.6))
        self.menu_button.hide()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self._build_layout()
        self._apply_fonts()

        controller.sessionStarted.connect(self._on_session_started)
        controller.phaseStarted.connect(self._on_phase_started)
        controller.secondChanged.connect(self._on_second)
        controller.paused.connect(self._on_paused)
        controller.resumed.connect(self._on_resumed)
        controller.holdChanged.connect(self._on_hold_changed)

    # -- layout -------------------------------------------------------------------

    def _build_layout(self) -> None:
        base = theme.base_pixel_size()
        header = QHBoxLayout()
        header.addWidget(self.stretch_title, 1)
        header.addWidget(self.session_progress)

        self.steps_frame = QFrame()
        steps_layout = QVBoxLayout(self.steps_frame)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_layout.addWidget(self.steps)

        # The picture is the largest thing and never scrolls. Beside it: the ring and
        # the words to act on, then cautions and steps, which scroll at large text.
        self.left = QWidget()
        self.left.setObjectName("sessionSteps")
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.cautions, 0)
        left.addWidget(self.steps_frame, 0)
        left.addStretch(1)
        self.left_scroll = NamedScrollArea(_("Cautions and steps"), self.left)
        self.left_scroll.setObjectName("sessionStepsScroll")
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll.setMinimumWidth(base * 12)

        hold_row = QHBoxLayout()
        hold_row.addStretch(1)
        hold_row.addWidget(self.less_button)
        hold_row.addWidget(self.more_button)
        hold_row.addStretch(1)
        centre = QVBoxLayout()
        centre.addWidget(self.countdown, 1)
        centre.addLayout(hold_row)

        self.words = QWidget()
        self.words.setObjectName("sessionWords")
        words = QVBoxLayout(self.words)
        words.setContentsMargins(0, 0, 0, 0)
        words.addStretch(1)
        words.addWidget(self.side_label)
        words.addWidget(self.cue)
        words.addWidget(self.remember_button, 0, Qt.AlignmentFlag.AlignHCenter)
        words.addWidget(self.cautions.back_row)  # the sore-back mark never scrolls away
        words.addStretch(1)

        now = QHBoxLayout()
        now.setSpacing(base * 2)
        now.addLayout(centre, 2)
        now.addWidget(self.words, 3)
        side = QVBoxLayout()
        side.setSpacing(round(base * 0.5))
        side.addLayout(now, 3)
        side.addWidget(self.left_scroll, 2)

        body = QHBoxLayout()
        body.setSpacing(base * 2)
        body.addWidget(self.illustration, 5)
        body.addLayout(side, 5)

        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.skip_button)
        controls.addStretch(1)
        controls.addWidget(self.hurt_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.menu_button)

        # Next up and the pause message share one place: pausing moves nothing.
        self.next_frame = QFrame()
        self.next_frame.setObjectName("nextFrame")
        next_layout = QGridLayout(self.next_frame)
        next_layout.setContentsMargins(0, 0, 0, 0)
        next_layout.addWidget(self.next_up, 0, 0)
        next_layout.addWidget(self.status_line, 0, 0)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(base * 2, base // 2, base * 2, base // 2)
        outer.setSpacing(round(base * 0.4))
        outer.addLayout(header)
        outer.addWidget(self.progress_bar)
        outer.addWidget(self.phase_banner)
        outer.addLayout(body, 1)
        outer.addWidget(self.next_frame)
        outer.addLayout(controls)

    def _apply_fonts(self) -> None:
        """Every word at its size for the text size and this screen's zoom."""
        zoom = self._zoom
        for name, factor, bold, minimum_px in _FONTS:
            theme.set_font(getattr(self, name), factor, bold=bold, minimum_px=minimum_px, zoom=zoom)
        self.steps.set_font(theme.scaled_font(STEPS_FONT * zoom))
        self.phase_banner.setMinimumHeight(round(self.phase_banner.fontMetrics().height() * 1.3))
        self.countdown.set_zoom(zoom)
        if self._phase is not None:
            fraction = 0.0
            if self._phase.kind is PhaseKind.PREPARE:
                duration = max(1.0, self.controller.phase_duration())
                fraction = 1 - self.countdown.remaining() / duration
            stretch = self.catalog[self._phase.stretch] if self._phase.stretch else None
            self._show_steps(stretch, self._phase, fraction)

    def zoom(self) -> float:
        """How much the words are enlarged for the window's size (1.0: normal)."""
        return self._zoom

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed in Preferences
            self._apply_fonts()

    def set_compact(self, compact: bool) -> None:
        """The small always-on-top layout: banner, countdown, next up and the key controls.

        "That hurts" and Pause stay as buttons; Back, Skip, the hold buttons and
        Stop move into the "More" menu (and the screen's context menu).
        """
        self._compact = compact
        self.left_scroll.setVisible(not compact)
        self.illustration.setVisible(not compact)
        self.words.setVisible(not compact)  # the banner and "Next" say the leg
        holding = self._phase is not None and self._phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE)
        self.less_button.setVisible(holding and not compact)
        self.more_button.setVisible(holding and not compact)
        self.progress_bar.setVisible(not compact)
        self.session_progress.setVisible(not compact)
        self.cautions.set_compact(compact)
        self.countdown.set_compact(compact)
        for button in (self.back_button, self.skip_button, self.stop_button):
            button.setVisible(not compact)
        self.menu_button.setVisible(compact)
        if compact:
            self.remember_button.hide()

    def set_menu_actions(self, actions: list[QAction]) -> None:
        """The actions of the "More" menu and of the context menu (the window's own)."""
        menu = self.menu_button.menu()
        menu.clear()
        for action in actions:
            menu.addAction(action)
            self.addAction(action)

    # -- engine output ------------------------------------------------------------

    def _on_session_started(self, plan: object) -> None:
        self._index = -1
        self._deeper = False
        self.show_status(None)
        self.remember_button.hide()
        self.pause_button.setText(_("Pause"))
        self.countdown.set_paused(False)
        self.illustration.set_paused(False)

    def _on_phase_started(self, index: int, phase: Phase) -> None:
        previous = (
            self.controller.plan.phases[index - 1] if self.controller.plan and index else None
        )  # noqa: E501
        self._deeper = (
            phase.kind is PhaseKind.HOLD
            and previous is not None
            and previous.kind is PhaseKind.RELAX
        )  # noqa: E501
        self._index = index
        self._phase = phase
        self._shown_step = None
        self.remember_button.hide()
        stretch = self.catalog[phase.stretch] if phase.stretch else None
        first_of_stretch = previous is None or previous.item != phase.item or not previous.stretch
        self.cautions.show_stretch(stretch, expanded=first_of_stretch)  # open before its holds
        duration = self.controller.phase_duration()

        self.stretch_title.setText(stretch.name if stretch else _("Rest"))
        banner = banner_text(phase)
        self.phase_banner.setText(banner)
        self._paint_banner(phase.kind)
        self.side_label.setText(side_line(phase))
        self.cue.setText(self._cue(stretch, phase))
        self.countdown.set_phase(phase.kind, duration)
        self.illustration.show_phase(phase.stretch, phase.side, phase.kind, duration)
        holding = phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE)
        for button in (self.less_button, self.more_button):
            button.setEnabled(holding)
            button.setVisible(holding and not self._compact)
        self._show_steps(stretch, phase, 0.0)
        self.next_up.setText(self._next_text(index))
        self._announce(
            f"{banner}. {stretch.name}" if stretch and phase.kind is PhaseKind.PREPARE else banner
        )  # noqa: E501

    def _on_second(self, remaining: int) -> None:
        self.countdown.set_remaining(remaining)
        plan = self.controller.plan
        if plan is None or self._phase is None:
            return
        left = self.controller.session_remaining()
        item = self._phase.item + 1
        self.session_progress.setText(
            _("Stretch {number} of {count}  ·  {time} left").format(
                number=item, count=plan.item_count, time=format_seconds(left)
            )
        )
        self.progress_bar.set_fraction(1 - left / max(1, plan.total_seconds))
        if self._phase.kind is PhaseKind.PREPARE and self._phase.stretch:
            duration = max(1.0, self.controller.phase_duration())
            self._show_steps(
                self.catalog[self._phase.stretch], self._phase, 1 - remaining / duration
            )  # noqa: E501

    def _on_paused(self, reason: str) -> None:
        self.pause_button.setText(_("Resume"))
        self.countdown.set_paused(True)
        self.illustration.set_paused(True)
        if reason == PauseReason.CLOCK_JUMP:
            text = _("Paused: your computer was asleep. Press Space when you are ready to go on.")
        elif reason == PauseReason.HURT:
            text = _("Stopped: pain is not the goal. Ease out of the stretch.")
        else:
            text = _("Paused. Press Space to go on.")
        self.show_status(text)
        self._announce(text)

    def _on_resumed(self) -> None:
        self.pause_button.setText(_("Pause"))
        self.countdown.set_paused(False)
        self.illustration.set_paused(False)
        self.show_status(None)

    def show_status(self, text: str | None) -> None:
        """Show ``text`` where "Next" is (paused, stopped), or "Next" again for ``None``."""
        if text is None:
            self.status_line.hide()
            self.next_up.show()
            return
        self.status_line.setText(text)
        self.next_up.hide()
        self.status_line.show()

    def _on_hold_changed(self, applied: float) -> None:
        duration = self.controller.phase_duration()
        self.countdown.set_total(duration)
        if self._phase is not None and self._phase.stretch and not self._compact:
            self.remember_button.setText(_("Remember {seconds} s").format(seconds=round(duration)))
            self.remember_button.setVisible(self.remember_button.isEnabled())
        if self.controller.plan is not None:
            self.next_up.setText(self._next_text(self._index))

    # -- words --------------------------------------------------------------------

    @staticmethod
    def _cue(stretch: Stretch | None, phase: Phase) -> str:
        if stretch is None:
            return _("Breathe easy and shake out your legs.")
        if phase.kind is PhaseKind.SWITCH:
            return _("Ease out slowly, then set up the other leg.")
        if phase.kind is PhaseKind.REST:
            return _("Ease out and breathe.")
        return stretch.cue(str(phase.kind))

    def _next_text(self, index: int) -> str:
        plan = self.controller.plan
        if plan is None:
            return ""
        following = index + 1
        if following >= len(plan.phases):
            return _("Next: done — well done for taking the break")
        phase = plan.phases[following]
        seconds = round(self.controller.duration(following))
        current = plan.phases[index]
        if phase.stretch and phase.stretch != current.stretch:
            what = _("{stretch} — {phase}").format(
                stretch=self.catalog[phase.stretch].name, phase=banner_text(phase)
            )
        elif phase.kind is PhaseKind.SWITCH and phase.side:
            what = switch_to(phase.side)
        else:
            what = banner_text(phase)
        return _("Next: {what}, {seconds} s").format(what=what, seconds=seconds)

    def _show_steps(self, stretch: Stretch | None, phase: Phase, fraction: float) -> None:
        if stretch is None:
            self.steps.clear()
            self.steps_frame.setVisible(False)
            return
        self.steps_frame.setVisible(not self._compact)
        current = current_step(_as_written(stretch), phase, self._deeper, fraction)
        self.steps.show_steps(
            stretch.steps,
            current,
            accent=theme.phase_text_colour(phase.kind, self),
            ink=self.palette().color(QPalette.ColorRole.WindowText),
            muted=theme.muted(self),
        )
        self._fit_steps()
        if current is not None and current != self._shown_step:
            # The current step is never scrolled out of sight (large text scrolls the steps).
            self._shown_step = current
            QTimer.singleShot(0, self, lambda: self._scroll_to_step(current))
        self.steps.setAccessibleDescription(
            _("Step {number}: {step}").format(number=current + 1, step=stretch.steps[current])
            if current is not None
            else ""
        )

    def _scroll_to_step(self, index: int) -> None:
        label = self.steps.row_label(index)
        if label is not None:
            self.left_scroll.ensureWidgetVisible(label)

    def _fit_steps(self) -> None:
        # A word-wrapped label claims no height of its own in a layout; give the
        # steps what they need at the column's width so the picture never clips them.
        width = max(100, self.left.width())
        # heightForWidth never answers less than the current minimum: measure without
        # it, or each refit would add the spare half line again (the window grew 7 px
        # every few seconds of a hold).
        self.steps.setMinimumHeight(0)
        self.steps.setMinimumHeight(max(0, self.steps.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: D102, N802 - Qt override
        super().resizeEvent(event)
        zoom = 1.0 if self._compact else zoom_for(event.size())
        if abs(zoom - self._zoom) >= 0.05 or (zoom == 1.0 and self._zoom != 1.0):
            self._zoom = zoom
            self._apply_fonts()
        self._fit_steps()

    def current_step_index(self) -> int | None:
        """The emphasised step (for tests and scripts)."""
        if self._phase is None or self._phase.stretch is None:
            return None
        stretch = _as_written(self.catalog[self._phase.stretch])
        return current_step(stretch, self._phase, self._deeper, 0.0)

    def _paint_banner(self, kind: PhaseKind) -> None:
        colour = theme.phase_colour(kind, self)
        self.phase_banner.set_colours(colour, theme.text_on(colour))

    def _announce(self, text: str) -> None:
        """Tell screen readers about a phase change (never about every second)."""
        self.phase_banner.announce(text)
        self.announced.emit(text)

    def set_remember_available(self, available: bool) -> None:
        """Whether "Remember N s for this stretch" can be offered (a store can save it)."""
        self.remember_button.setEnabled(available)
        if not available:
            self.remember_button.hide()

    def current_phase(self) -> Phase | None:
        """The phase on screen."""
        return self._phase
