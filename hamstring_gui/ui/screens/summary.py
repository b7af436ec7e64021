"""The end screen: time per leg, stretches done and skipped, an optional back rating.

It tells the truth: a stretch is "done" only by the counting rule of
:mod:`hamstring_gui.core.outcome` (80 % of the planned hold on every side).
A session with skips or "That hurts" is not praised as finished: the screen
names what was left out and why, calmly, and offers the safety advice.
Signals carry the user's answers out; storing them is the history's job.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.outcome import ItemOutcome, SkipReason, Status
from hamstring_gui.core.plan import Plan
from hamstring_gui.core.session import Summary
from hamstring_gui.core.words import format_seconds
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.press_button import PressButton
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea


def _stat(title: str, name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName(f"{name}Card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setMinimumHeight(round(theme.base_pixel_size() * 5.5))
    layout = QVBoxLayout(frame)
    caption = QLabel(title)
    theme.set_font(caption, 1.15)
    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
    value = QLabel()
    value.setObjectName(name)
    theme.set_font(value, 2.6, bold=True)
    value.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(caption)
    layout.addWidget(value)
    return frame, value


class SummaryScreen(QWidget):
    """What the session added up to, and what next.

    Signals:
        repeatRequested(): start the same routine again.
        chooseRequested(): back to the routine list.
        closeRequested(): the user is done; close the window.
        feelingRated(int): the optional "how does your back feel" answer, 0–10.
    """

    repeatRequested = Signal()  # noqa: N815 - Qt signal naming
    chooseRequested = Signal()  # noqa: N815
    closeRequested = Signal()  # noqa: N815
    feelingRated = Signal(int)  # noqa: N815

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryScreen")
        self.catalog = catalog
        base = theme.base_pixel_size()

        self.title = QLabel()
        self.title.setObjectName("summaryTitle")
        theme.set_font(self.title, 2.2, bold=True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("summaryDetail")
        self.subtitle.setWordWrap(True)
        theme.set_font(self.subtitle, 1.2)

        left_card, self.left_value = _stat("Left leg", "leftLegTime")
        right_card, self.right_value = _stat("Right leg", "rightLegTime")
        self.both_card, self.both_value = _stat("Both legs together", "bothLegsTime")
        stats = QHBoxLayout()
        stats.setSpacing(base * 2)
        stats.addWidget(left_card)
        stats.addWidget(right_card)
        stats.addWidget(self.both_card)

        self.counts = QLabel()
        self.counts.setObjectName("summaryCounts")
        self.counts.setWordWrap(True)
        theme.set_font(self.counts, 1.2)
        self.hurt_note = QLabel()
        self.hurt_note.setObjectName("hurtNote")
        self.hurt_note.setWordWrap(True)
        theme.set_font(self.hurt_note, 1.1)
        self.fates = QLabel()
        self.fates.setObjectName("summaryFates")
        self.fates.setWordWrap(True)
        self.fates.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_font(self.fates, 1.1)
        self.safety_button = PressButton("Read the safety advice")
        self.safety_button.setObjectName("safetyAdviceButton")
        self.safety_button.setAccessibleName("Read the safety advice")
        self.safety_button.setMinimumHeight(round(base * 2.6))
        self.safety_button.clicked.connect(self.show_safety_advice)

        feel_title = QLabel("How does your back feel now? (optional)")
        theme.set_font(feel_title, 1.2, bold=True)
        feel_hint = QLabel("0 = fine, 10 = very sore")
        theme.set_font(feel_hint, 1.0)
        self.feel_group = QButtonGroup(self)
        self.feel_group.setExclusive(True)
        feel_row = QHBoxLayout()
        feel_row.setSpacing(round(base * 0.4))
        for value in range(11):
            button = PressButton(str(value))
            button.setCheckable(True)
            button.setObjectName(f"feel{value}")
            button.setAccessibleName(f"Back feels {value} out of 10")
            button.setMinimumSize(round(base * 2.6), round(base * 2.6))
            self.feel_group.addButton(button, value)
            feel_row.addWidget(button)
        self.feel_saved = QLabel()
        self.feel_saved.setObjectName("feelingSaved")
        theme.set_font(self.feel_saved, 1.1, bold=True)
        feel_row.addSpacing(base)
        feel_row.addWidget(self.feel_saved)
        feel_row.addStretch(1)
        self.feel_group.idClicked.connect(self._feeling_chosen)

        self.repeat_button = PressButton("Repeat")
        self.repeat_button.setObjectName("repeatButton")
        self.repeat_button.setAccessibleDescription("Repeat this routine")
        self.choose_button = PressButton("Choose another")
        self.choose_button.setObjectName("chooseButton")
        self.choose_button.setAccessibleDescription("Choose another routine")
        self.close_button = PressButton("Close")
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleDescription("Close Hamstring Coach")
        self.close_button.setDefault(True)
        for button in (self.repeat_button, self.choose_button, self.close_button):
            button.setMinimumHeight(round(base * 2.8))
            button.setMinimumWidth(base * 10)
        self.repeat_button.clicked.connect(self.repeatRequested)
        self.choose_button.clicked.connect(self.chooseRequested)
        self.close_button.clicked.connect(self.closeRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.repeat_button)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.close_button)

        # Everything but the buttons scrolls: at large text the page is taller
        # than a laptop screen, and the buttons must stay on it.
        content = QWidget()
        content.setObjectName("summaryContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(base * 3, base, base * 3, 0)
        layout.setSpacing(base)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(base)
        layout.addLayout(stats)
        layout.addWidget(self.counts)
        layout.addWidget(self.fates)
        layout.addWidget(self.hurt_note)
        layout.addWidget(self.safety_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(base)
        layout.addWidget(feel_title)
        layout.addWidget(feel_hint)
        layout.addLayout(feel_row)
        layout.addStretch(1)
        scroll = NamedScrollArea("What you did", content)
        scroll.setObjectName("summaryScroll")
        buttons.setContentsMargins(base * 3, 0, base * 3, base * 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def show_summary(self, summary: Summary, plan: Plan, routine_name: str) -> None:
        """Fill the screen from a finished or stopped session."""
        outcomes = summary.outcomes
        done = [o for o in outcomes if o.status is Status.DONE]
        hurt = [o for o in outcomes if o.status is Status.HURT]
        left_out = [o for o in outcomes if o.status is not Status.DONE]
        title, subtitle = _headline(summary.completed, bool(hurt), bool(left_out))
        self.title.setText(title)
        self.subtitle.setText(f"{routine_name}: {subtitle}")
        self.left_value.setText(format_seconds(summary.seconds["left"]))
        self.right_value.setText(format_seconds(summary.seconds["right"]))
        both = summary.seconds.get("both", 0.0)
        self.both_value.setText(format_seconds(both))
        self.both_card.setVisible(both > 0)
        self.left_value.setAccessibleName(f"Left leg: {format_seconds(summary.seconds['left'])}")  # noqa: E501
        self.right_value.setAccessibleName(f"Right leg: {format_seconds(summary.seconds['right'])}")  # noqa: E501

        self.counts.setText(_counts(outcomes, len(done)))
        lines = [self._fate_line(outcome) for outcome in left_out if _met(outcome)]
        self.fates.setText("\n".join(lines))
        self.fates.setVisible(bool(lines))
        if hurt:
            names = ", ".join(self.catalog[o.stretch].name for o in hurt)
            self.hurt_note.setText(
                f"You reported pain during {names}. Pain is a signal to stop, not to push "
                "through. If it stays or comes back, see a clinician before doing that "
                "stretch again."
            )
            self.hurt_note.show()
        else:
            self.hurt_note.hide()
        skipped = any(o.status in (Status.SKIPPED, Status.STARTED) and o.reason for o in outcomes)
        self.safety_button.setVisible(bool(hurt) or skipped)
        button = self.feel_group.checkedButton()
        if button is not None:
            self.feel_group.setExclusive(False)
            button.setChecked(False)
            self.feel_group.setExclusive(True)
        self._mark_chosen(None)

    def _feeling_chosen(self, value: int) -> None:
        self._mark_chosen(value)
        self.feelingRated.emit(value)

    def _mark_chosen(self, value: int | None) -> None:
        """The chosen number in the highlight colour, and "Saved" beside the row."""
        for button in self.feel_group.buttons():
            chosen = self.feel_group.id(button) == value
            # Only these two roles are set: the rest still follows light or dark.
            palette = QPalette()
            if chosen:
                window = self.palette()
                palette.setColor(
                    QPalette.ColorRole.Button, window.color(QPalette.ColorRole.Highlight)
                )
                palette.setColor(
                    QPalette.ColorRole.ButtonText, window.color(QPalette.ColorRole.HighlightedText)
                )
            button.setPalette(palette)
            font = button.font()
            font.setBold(chosen)
            button.setFont(font)
        self.feel_saved.setText(f"{value} of 10 — saved" if value is not None else "")

    def show_safety_advice(self) -> None:
        """The safety advice (as Help ▸ Stretching safely shows it), from the end screen."""
        from hamstring_gui.ui.screens.safety import SafetyDialog

        SafetyDialog.ask(self)

    def _fate_line(self, outcome: ItemOutcome) -> str:
        """One calm line on a stretch that was not done: what happened and why."""
        name = self.catalog[outcome.stretch].name
        if outcome.status is Status.HURT:
            return f"{name}: stopped because it hurt."
        why = _REASONS.get(outcome.reason) if outcome.reason else None
        if outcome.status is Status.STARTED:
            held = round(sum(outcome.held.values()))
            planned = round(sum(outcome.planned.values()))
            return f"{name}: started, {held} of {planned} s held" + (f"; {why}." if why else ".")
        if outcome.status is Status.SKIPPED:
            return f"{name}: skipped" + (f"; {why}." if why else ".")
        return f"{name}: not reached."

    def feeling(self) -> int | None:
        """The rating picked, if any."""
        value = self.feel_group.checkedId()
        return value if value >= 0 else None


_REASONS = {
    SkipReason.CHOSEN: "you chose to skip it",
    SkipReason.HURT: "it hurt, so you moved on",
    SkipReason.SORE_BACK: "left out for your back today",
}


def _met(outcome: ItemOutcome) -> bool:
    """A stretch the user reached (in a stopped session, the rest were never due)."""
    return outcome.status is not Status.NOT_REACHED


def _headline(completed: bool, hurt: bool, left_out: bool) -> tuple[str, str]:
    """Title and subtitle: praise only a session that was really done in full."""
    if hurt:
        return (
            "Session stopped",
            "you stopped when something hurt, which was the right thing to do.",
        )
    if not completed:
        return "Session stopped", "what you did still counts."
    if left_out:
        return "Session over", "some stretches were left out, listed below."
    return "Well done", "finished. Regular, gentle practice is what counts."


def _counts(outcomes: list[ItemOutcome], done: int) -> str:
    """The count line, e.g. "2 of 4 stretches done  ·  1 started  ·  1 skipped"."""
    stretches = "stretch" if len(outcomes) == 1 else "stretches"
    text = f"{done} of {len(outcomes)} {stretches} done"
    for status, word in ((Status.STARTED, "started"), (Status.SKIPPED, "skipped")):
        count = sum(1 for o in outcomes if o.status is status)
        if count:
            text += f"  ·  {count} {word}"
    return text
