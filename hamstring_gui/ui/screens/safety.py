"""Safety words: the first-run screen (also under Help) and the "That hurts" advice.

The text follows the "Safety messages" of the research summary. It frames
stretching as flexibility work within an active life and never claims to
treat or cure back pain.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.i18n import N_, _
from hamstring_gui.ui.style import theme
from hamstring_gui.ui.widgets.press_button import PressButton
from hamstring_gui.ui.widgets.scroll_area import NamedScrollArea

INTRO = N_(
    "Hamstring Coach guides gentle hamstring stretches for flexibility, as one part of an "
    "active life. It does not diagnose, treat or cure back pain."
)
FIRST_RUN_NOTE = N_("Please read this once before your first stretch.")

EMERGENCY = (
    N_("Do not stretch — get emergency care now"),
    [
        N_("Numbness between your legs or around your bottom (saddle area)"),
        N_("New problems controlling your bladder or bowels"),
        N_("Loss of sexual function"),
        N_("Pain, numbness or weakness in both legs"),
        N_("Severe or worsening weakness in a leg"),
        N_("Back pain after a serious accident or fall"),
    ],
)

URGENT = (
    N_("See a clinician soon, before using the app"),
    [
        N_("Fever, or weight loss you cannot explain"),
        N_("A lump, or a change in the shape of your back"),
        N_("Pain that does not ease with rest, or is worse at night"),
        N_("Pain that is worse when you cough or sneeze"),
        N_("Pain in the upper back, between the shoulder blades"),
        N_("A history of cancer, long-term steroids or a weakened immune system"),
    ],
)

CHECK_FIRST = (
    N_("Ask a clinician first if you have"),
    [
        N_("A recent back, hip or hamstring injury, or surgery"),
        N_("Osteoporosis, or you are pregnant"),
        N_("Pain below the knee"),
        N_("Weakness or numbness in one leg for more than about a week"),
    ],
)

EVERY_STRETCH = (
    N_("Every stretch: a mild pull, never pain, never bounce"),
    [
        N_("Ease in over about five seconds and hold still; never bounce"),
        N_("Feel a mild pull in the back of the thigh only"),
        N_(
            "Stop at once on back pain, or burning, tingling, numbness or shooting pain down the "
            "leg: that is a nerve under tension, not a muscle stretching"
        ),
        N_("Keep your back in its natural curve and hinge at the hips; keep breathing"),
        N_("In contract–relax stretches, push gently: about a quarter of your effort"),
        N_("If you feel worse the next day, make the next session lighter"),
        N_("Avoid forward bends just after getting out of bed"),
    ],
)

HURT_ADVICE = [
    N_("Stop. Pain is not the goal: ease out of the stretch slowly and rest."),
    N_(
        "Burning, tingling or numbness down the leg means a nerve is being stretched, "
        "not the muscle. Do not push through it."
    ),
    N_(
        "If the pain stays, or comes back each time, see a clinician "
        "(a doctor or physiotherapist) before stretching this way again."
    ),
]


def _section(title: str, items: list[str], accent: str | None = None) -> QWidget:
    """A heading and its points, one plain label each.

    Not one rich-text label: a screen reader then read only the heading
    (the label's name) and none of the points, red flags included.
    """
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(round(theme.base_pixel_size() * 0.4))
    heading = QLabel(_(title))
    heading.setObjectName("safetyHeading")
    heading.setWordWrap(True)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    theme.set_font(heading, 1.2, bold=True)
    if accent:
        palette = heading.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(accent))
        heading.setPalette(palette)
    layout.addWidget(heading)
    for item in items:
        point = QLabel("•  " + _(item))
        point.setObjectName("safetyPoint")
        point.setWordWrap(True)
        point.setTextFormat(Qt.TextFormat.PlainText)
        point.setAccessibleDescription(_(title))
        theme.set_font(point, 1.05)
        layout.addWidget(point)
    return section


class SafetyPanel(QWidget):
    """The safety text with one button: "I understand" on first run, "Close" from Help.

    Signals:
        acknowledged(): the user pressed the button.
    """

    acknowledged = Signal()

    def __init__(self, first_run: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPanel")
        base = theme.base_pixel_size()
        title = QLabel(_("Before you stretch"))
        title.setObjectName("safetyTitle")
        theme.set_font(title, 2.0, bold=True)
        intro = QLabel(_(INTRO) + " " + _(FIRST_RUN_NOTE) if first_run else _(INTRO))
        intro.setObjectName("safetyIntro")
        intro.setWordWrap(True)
        theme.set_font(intro, 1.15)

        warn = theme.warning_colour(self).name()
        left = QVBoxLayout()
        left.addWidget(_section(*EMERGENCY, accent=warn))
        left.addWidget(_section(*URGENT))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(_section(*EVERY_STRETCH))
        right.addWidget(_section(*CHECK_FIRST))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(base * 2)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, base, 0)
        body_layout.addWidget(intro)
        body_layout.addLayout(columns)
        scroll = NamedScrollArea(_("Safety advice"), body)
        scroll.setObjectName("safetyScroll")

        # The default button: Enter presses it wherever the focus is on this
        # page, and it has the focus when the page opens.
        self.button = PressButton(_("I understand") if first_run else _("Close"))
        self.button.setObjectName("acknowledgeButton")
        self.button.setDefault(True)
        self.button.setMinimumHeight(round(base * 2.6))
        self.button.setMinimumWidth(base * 12)
        self.button.clicked.connect(self.acknowledged)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(base * 2, base * 2, base * 2, base)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102, N802 - Qt override
        super().showEvent(event)
        self.button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102, N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.button.animateClick()
            return
        super().keyPressEvent(event)


class SafetyDialog(QDialog):
    """The safety text as a dialog, for the Help menu."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Stretching safely"))
        self.panel = SafetyPanel(first_run=False)
        self.panel.acknowledged.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        self.resize(900, 640)

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        """Show the safety text until closed."""
        cls(parent).exec()


class HurtChoice(Enum):
    """What to do after "That hurts"."""

    SKIP_STRETCH = "skip-stretch"
    END_SESSION = "end-session"
    STAY_PAUSED = "stay-paused"


class HurtDialog(QDialog):
    """The advice after "That hurts", with the two ways on."""

    def __init__(self, stretch_name: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("That hurts"))
        self.choice = HurtChoice.STAY_PAUSED
        base = theme.base_pixel_size()
        title = QLabel(_("Stop — pain is not the goal"))
        theme.set_font(title, 1.6, bold=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        layout.addWidget(title)
        for line in HURT_ADVICE:
            label = QLabel(_(line))
            label.setWordWrap(True)
            theme.set_font(label, 1.1)
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        what = (
            _("Skip {stretch}").format(stretch=stretch_name)
            if stretch_name
            else _("Skip this stretch")
        )
        self.skip_button = buttons.addButton(what, QDialogButtonBox.ButtonRole.AcceptRole)
        self.end_button = buttons.addButton(
            _("End the session"), QDialogButtonBox.ButtonRole.DestructiveRole
        )  # noqa: E501
        self.skip_button.setObjectName("hurtSkipButton")
        self.end_button.setObjectName("hurtEndButton")
        self.skip_button.clicked.connect(lambda: self._choose(HurtChoice.SKIP_STRETCH))
        self.end_button.clicked.connect(lambda: self._choose(HurtChoice.END_SESSION))
        layout.addSpacing(base)
        layout.addWidget(buttons)
        self.setMinimumWidth(base * 36)

    def _choose(self, choice: HurtChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, stretch_name: str | None) -> HurtChoice:
        """Show the advice; the user's choice (``STAY_PAUSED`` if closed)."""
        dialog = cls(stretch_name, parent)
        dialog.exec()
        return dialog.choice
