"""The session screen: what to do now, for how long, and what comes next.

A view: it shows what the :class:`~hamstring_gui.ui.controller.SessionController`
reports and reads the controller only to answer "how long is left". The
buttons do nothing themselves; the main window connects them to its actions,
so button, shortcut and menu entry are one command.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog, Kind, Stretch
from hamstring_gui.core.plan import Phase, PhaseKind
from hamstring_gui.core.session import PauseReason
from hamstring_gui.core.words import banner_text, format_seconds, side_words
from hamstring_gui.ui.controller import HOLD_STEP_SECONDS, SessionController
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.countdown import CountdownView
from hamstring_gui.ui.widgets.illustration import IllustrationView
from hamstring_gui.ui.widgets.step_list import StepList


def current_step(stretch: Stretch, phase: Phase, deeper: bool, fraction_done: float) -> int | None:
    """Which of a stretch's steps the user is on during ``phase``.

    Steps are prose, so this matches their words: the set-up steps are walked
    through during "Get ready", the last step that says "hold" during a hold
    (the first one for PNF's first stretch), "press"/"relax" during PNF
    pushes, and the last step (which says how to switch) during "Switch legs".
    """
    steps = [step.lower() for step in stretch.steps]

    def find(words: tuple[str, ...], *, last: bool = False) -> int | None:
        found = [
            i
            for i, step in enumerate(steps)
            if any(word in step for word in words) and "repeat" not in step
        ]
        if not found:
            return None
        return found[-1] if last else found[0]

    # Set-up steps can say "hold" too ("hold it behind the thigh"): the hold itself is
    # the last step that says so, but for PNF the first stretch comes before the pushes.
    first_pnf_stretch = stretch.kind is Kind.PNF and not deeper
    hold = find(("hold",), last=not first_pnf_stretch)
    if hold is None:
        hold = max(0, len(steps) - 2)
    match phase.kind:
        case PhaseKind.PREPARE:
            setup = max(1, hold)
            return min(setup - 1, int(fraction_done * setup))
        case PhaseKind.HOLD:
            return hold
        case PhaseKind.CONTRACT:
            return find(("press", "push")) if find(("press", "push")) is not None else hold
        case PhaseKind.RELAX:
            return find(("relax",)) if find(("relax",)) is not None else hold
        case PhaseKind.MOVE:
            return find(("repeat", "keep", "swing")) or max(0, len(steps) // 2)
        case PhaseKind.SWITCH:
            return len(steps) - 1
        case _:
            return None


class ProgressLine(QWidget):
    """A thin line showing how much of the session is done.

    Not a QProgressBar: its ``setValue`` repaints at once, which flushes every
    pending paint of the window inside the session's one-second heartbeat.
    This one asks for a repaint like any widget, and only when a pixel changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self.setFixedHeight(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fraction(self) -> float:
        """How much is done, 0..1."""
        return self._fraction

    def set_fraction(self, fraction: float) -> None:
        """Show ``fraction`` done (clamped to 0..1)."""
        fraction = min(1.0, max(0.0, fraction))
        if round(fraction * self.width()) != round(self._fraction * self.width()):
            self.update()
        self._fraction = fraction
        self.setAccessibleDescription(f"{round(fraction * 100)} % done")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """A rounded track with the done part in the highlight colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        painter.setBrush(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        done = QRectF(0, 0, self.width() * self._fraction, self.height())
        if done.width() >= 1:
            painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(done, radius, radius)
        painter.end()


class StopConfirmDialog:
    """Asks before ending a session early (Esc must never lose a session by accident)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True when the user really wants to stop."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Stop the session?")
        box.setText("Stop this session now?")
        box.setInformativeText("What you have done so far still counts.")
        stop = box.addButton("Stop session", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is stop


class PhaseBanner(QLabel):
    """The phase in words on a rounded band of the phase's colour.

    Painted here rather than with a style sheet, which Qt would re-polish at
    every phase change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._fill = QColor()
        self._announcement: str | None = None
        self.setContentsMargins(12, 4, 12, 4)

    def announce(self, text: str) -> None:
        """Tell screen readers ``text``; a hidden window tells only its latest, when it shows."""
        self._announcement = text
        if self.isVisible():
            self._tell()

    def _tell(self) -> None:
        if self._announcement is not None:
            text, self._announcement = self._announcement, None
            _tell_screen_readers(self, text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Tell what was announced while hidden."""
        super().showEvent(event)
        self._tell()

    def set_colours(self, fill: QColor, text: QColor) -> None:
        """The band's colour and the words' colour on it."""
        self._fill = QColor(fill)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)
        self.update()

    def fill_colour(self) -> QColor:
        """The band's colour (invalid before the first phase)."""
        return QColor(self._fill)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The band, then the label's own text on it."""
        if self._fill.isValid():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fill)
            radius = round(theme.base_pixel_size() * 0.6)
            painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
            painter.end()
        super().paintEvent(event)


def _label(name: str, accessible: str, *, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _button(name: str, text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    button.setMinimumHeight(round(theme.base_pixel_size() * 3.0))
    button.setMinimumWidth(round(theme.base_pixel_size() * 7))
    button.setFont(theme.scaled_font(1.15))
    return button


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

        self.stretch_title = _label("stretchTitle", "Stretch", wrap=True)
        self.stretch_title.setFont(theme.scaled_font(1.6, bold=True))
        self.session_progress = _label("sessionProgress", "Session progress")
        self.session_progress.setFont(theme.scaled_font(1.1))
        self.session_progress.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )  # noqa: E501
        self.progress_bar = ProgressLine()
        self.progress_bar.setObjectName("sessionBar")
        self.progress_bar.setAccessibleName("Session progress bar")

        self.phase_banner = PhaseBanner()
        self.phase_banner.setObjectName("phaseBanner")
        self.phase_banner.setAccessibleName("Phase")
        self.phase_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.phase_banner.setFont(theme.scaled_font(2.2, bold=True, minimum_px=theme.BANNER_MIN_PX))
        self.phase_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_banner.setMinimumHeight(round(self.phase_banner.fontMetrics().height() * 1.6))

        self.illustration = IllustrationView()
        self.illustration.clock = controller.clock.now  # one time source for the whole screen
        self.illustration.setObjectName("illustration")
        self.illustration.setAccessibleName("Illustration of the stretch")
        self.illustration.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # noqa: E501

        self.countdown = CountdownView()
        self.cue = _label("cue", "What to focus on", wrap=True)
        self.cue.setFont(theme.scaled_font(1.5))
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_label = _label("sideLabel", "Leg", wrap=True)
        self.side_label.setFont(theme.scaled_font(1.5, bold=True))
        self.side_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.steps = StepList(theme.scaled_font(1.05))
        self.steps.setObjectName("steps")
        self.steps.setAccessibleName("Steps")

        self.next_up = _label("nextUp", "Next up", wrap=True)
        self.next_up.setFont(theme.scaled_font(1.35))
        self.status_line = _label("statusLine", "Status", wrap=True)
        self.status_line.setFont(theme.scaled_font(1.15, bold=True))
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_line.hide()

        self.less_button = _button("lessButton", f"−{HOLD_STEP_SECONDS} s", "Shorter hold")
        self.more_button = _button("moreButton", f"+{HOLD_STEP_SECONDS} s", "Longer hold")
        for button in (self.less_button, self.more_button):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the countdown never jumps when they hide
            button.setSizePolicy(policy)
        self.remember_button = QPushButton()
        self.remember_button.setObjectName("rememberButton")
        self.remember_button.setFlat(True)
        self.remember_button.setAccessibleName("Remember this hold for this stretch")
        self.remember_button.hide()

        self.back_button = _button("backButton", "◀  Back", "Back")
        self.pause_button = _button("pauseButton", "Pause", "Pause")
        self.skip_button = _button("skipButton", "Skip  ▶", "Skip")
        self.stop_button = _button("stopButton", "Stop", "Stop session")
        self.hurt_button = _button("hurtButton", "That hurts", "That hurts: stop this stretch")
        self.pause_button.setMinimumWidth(round(theme.base_pixel_size() * 9))
        self.pause_button.setDefault(False)
        self.pause_button.setAutoDefault(False)

        self._build_layout()

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

        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 0, 0)
        # The steps take the height they need; the picture gets the rest.
        left.addWidget(self.illustration, 1)
        left.addWidget(self.steps_frame, 0)

        hold_row = QHBoxLayout()
        hold_row.addStretch(1)
        hold_row.addWidget(self.less_button)
        hold_row.addWidget(self.more_button)
        hold_row.addStretch(1)

        right = QVBoxLayout()
        right.addWidget(self.side_label)
        right.addWidget(self.countdown, 1)
        right.addWidget(self.cue)
        right.addLayout(hold_row)
        right.addWidget(self.remember_button, 0, Qt.AlignmentFlag.AlignHCenter)

        body = QHBoxLayout()
        body.setSpacing(base * 2)
        body.addWidget(self.left, 5)
        body.addLayout(right, 4)

        controls = QHBoxLayout()
        controls.addWidget(self.back_button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.skip_button)
        controls.addStretch(1)
        controls.addWidget(self.hurt_button)
        controls.addWidget(self.stop_button)

        self.next_frame = QFrame()
        self.next_frame.setObjectName("nextFrame")
        next_layout = QHBoxLayout(self.next_frame)
        next_layout.setContentsMargins(0, 0, 0, 0)
        next_layout.addWidget(self.next_up, 1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(base * 2, base, base * 2, base)
        outer.setSpacing(round(base * 0.8))
        outer.addLayout(header)
        outer.addWidget(self.progress_bar)
        outer.addWidget(self.phase_banner)
        outer.addWidget(self.status_line)
        outer.addLayout(body, 1)
        outer.addWidget(self.next_frame)
        outer.addLayout(controls)

    def set_compact(self, compact: bool) -> None:
        """The small always-on-top layout: banner, countdown, next up and controls only."""
        self._compact = compact
        self.left.setVisible(not compact)
        self.cue.setVisible(not compact)
        holding = self._phase is not None and self._phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE)
        self.less_button.setVisible(holding and not compact)
        self.more_button.setVisible(holding and not compact)
        self.progress_bar.setVisible(not compact)
        self.session_progress.setVisible(not compact)
        self.countdown.set_compact(compact)
        for button in (self.back_button, self.skip_button, self.hurt_button):
            button.setVisible(not compact)
        if compact:
            self.remember_button.hide()

    # -- engine output ------------------------------------------------------------

    def _on_session_started(self, plan: object) -> None:
        self._index = -1
        self._deeper = False
        self.status_line.hide()
        self.remember_button.hide()
        self.pause_button.setText("Pause")
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
        self.remember_button.hide()
        stretch = self.catalog[phase.stretch] if phase.stretch else None
        duration = self.controller.phase_duration()

        self.stretch_title.setText(stretch.name if stretch else "Rest")
        banner = banner_text(phase)
        self.phase_banner.setText(banner)
        self.phase_banner.setAccessibleName(f"Phase: {banner}")
        self._paint_banner(phase.kind)
        self.side_label.setText(self._side_line(phase))
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
            f"Stretch {item} of {plan.item_count}  ·  {format_seconds(left)} left"
        )
        self.progress_bar.set_fraction(1 - left / max(1, plan.total_seconds))
        if self._phase.kind is PhaseKind.PREPARE and self._phase.stretch:
            duration = max(1.0, self.controller.phase_duration())
            self._show_steps(
                self.catalog[self._phase.stretch], self._phase, 1 - remaining / duration
            )  # noqa: E501

    def _on_paused(self, reason: str) -> None:
        self.pause_button.setText("Resume")
        self.pause_button.setAccessibleName("Resume")
        self.countdown.set_paused(True)
        self.illustration.set_paused(True)
        if reason == PauseReason.CLOCK_JUMP:
            text = "Paused: your computer was asleep. Press Space when you are ready to go on."
        elif reason == PauseReason.HURT:
            text = "Stopped: pain is not the goal. Ease out of the stretch."
        else:
            text = "Paused. Press Space to go on."
        self.status_line.setText(text)
        self.status_line.show()
        self._announce(text)

    def _on_resumed(self) -> None:
        self.pause_button.setText("Pause")
        self.pause_button.setAccessibleName("Pause")
        self.countdown.set_paused(False)
        self.illustration.set_paused(False)
        self.status_line.hide()

    def _on_hold_changed(self, applied: float) -> None:
        duration = self.controller.phase_duration()
        self.countdown.set_total(duration)
        if self._phase is not None and self._phase.stretch and not self._compact:
            self.remember_button.setText(f"Remember {round(duration)} s for this stretch")
            self.remember_button.setAccessibleName(self.remember_button.text())
            self.remember_button.setVisible(self.remember_button.isEnabled())
        if self.controller.plan is not None:
            self.next_up.setText(self._next_text(self._index))

    # -- words --------------------------------------------------------------------

    @staticmethod
    def _side_line(phase: Phase) -> str:
        if phase.stretch is None or phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE):
            return ""
        if phase.side is None:
            return "Both legs"
        if phase.kind is PhaseKind.SWITCH:
            return f"Now the {side_words(phase.side)}"
        if phase.kind is PhaseKind.PREPARE:
            return f"Start with your {side_words(phase.side)}"
        return side_words(phase.side).capitalize()

    @staticmethod
    def _cue(stretch: Stretch | None, phase: Phase) -> str:
        if stretch is None:
            return "Breathe easy and shake out your legs."
        if phase.kind is PhaseKind.SWITCH:
            return "Ease out slowly, then set up the other leg."
        if phase.kind is PhaseKind.REST:
            return "Ease out and breathe."
        return stretch.cue(str(phase.kind))

    def _next_text(self, index: int) -> str:
        plan = self.controller.plan
        if plan is None:
            return ""
        following = index + 1
        if following >= len(plan.phases):
            return "Next: done — well done for taking the break"
        phase = plan.phases[following]
        seconds = round(self.controller.duration(following))
        current = plan.phases[index]
        if phase.stretch and phase.stretch != current.stretch:
            what = f"{self.catalog[phase.stretch].name} — {banner_text(phase).lower()}"
        elif phase.kind is PhaseKind.SWITCH and phase.side:
            what = f"Switch to the {side_words(phase.side)}"
        else:
            what = banner_text(phase)
        return f"Next: {what}, {seconds} s"

    def _show_steps(self, stretch: Stretch | None, phase: Phase, fraction: float) -> None:
        if stretch is None:
            self.steps.clear()
            self.steps_frame.setVisible(False)
            return
        self.steps_frame.setVisible(not self._compact)
        current = current_step(stretch, phase, self._deeper, fraction)
        self.steps.show_steps(
            stretch.steps,
            current,
            accent=theme.phase_colour(phase.kind, self),
            ink=self.palette().color(QPalette.ColorRole.WindowText),
            muted=theme.muted(self),
        )
        self._fit_steps()
        self.steps.setAccessibleDescription(
            f"Step {current + 1}: {stretch.steps[current]}" if current is not None else ""
        )

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
        self._fit_steps()

    def current_step_index(self) -> int | None:
        """The emphasised step (for tests and scripts)."""
        if self._phase is None or self._phase.stretch is None:
            return None
        return current_step(self.catalog[self._phase.stretch], self._phase, self._deeper, 0.0)

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


def _tell_screen_readers(widget: QWidget, text: str) -> None:
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
