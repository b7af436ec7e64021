"""A stretch's cautions on the session screen: calm, one line each, expandable.

Before a stretch's first hold the lines are open; during its holds they fold
to one "Cautions (3)" button that opens them again. A stretch flagged
``back_pain_caution`` also carries the sore-back mark and its one-key skip,
which stay visible for the whole stretch: ``back_row`` is a widget of its own
that a screen may place where nothing scrolls it away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from hamstring_gui.core.catalog import Stretch
from hamstring_gui.ui.sore_back import SORE_BACK_KEY, SORE_BACK_TEXT
from hamstring_gui.ui.style import theme


def caution_lines(stretch: Stretch) -> str:
    """The cautions as shown: one line each, a bullet in front."""
    return "\n".join(f"•  {line}" for line in stretch.cautions)


class CautionPanel(QFrame):
    """The sore-back mark with its skip, and the stretch's cautions behind a toggle.

    Signals:
        skipRequested(): the user asked to leave this sore-back stretch out.
    """

    skipRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cautionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        base = theme.base_pixel_size()

        self.back_mark = QLabel(SORE_BACK_TEXT)
        self.back_mark.setObjectName("soreBackMark")
        self.back_mark.setAccessibleName(SORE_BACK_TEXT)
        self.back_mark.setWordWrap(True)
        self.back_mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_mark.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_font(self.back_mark, 1.0, bold=True)
        self.skip_button = QPushButton(f"Skip it ({SORE_BACK_KEY})")
        self.skip_button.setObjectName("soreBackSkip")
        self.skip_button.setAccessibleName("Skip this stretch: not for a sore back")
        self.skip_button.setToolTip(
            f"Leave this stretch out today and go on with the next one ({SORE_BACK_KEY})"
        )
        self.skip_button.setMinimumHeight(round(base * 2.4))
        self.skip_button.clicked.connect(self.skipRequested)

        self.toggle = QPushButton()
        self.toggle.setObjectName("cautionToggle")
        self.toggle.setCheckable(True)
        self.toggle.setFlat(True)
        theme.set_font(self.toggle, 1.05, bold=True)
        self.toggle.toggled.connect(self._show_lines)
        self.lines = QLabel()
        self.lines.setObjectName("cautionLines")  # read as shown: no name of its own
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        theme.set_font(self.lines, 1.05)

        # Stacked, not side by side: the panel lives in the session's narrow picture
        # column, which must never be wider than its window (200 % text included).
        self.back_row = QWidget()
        back = QVBoxLayout(self.back_row)
        back.setContentsMargins(0, 0, 0, 0)
        back.addWidget(self.back_mark)
        back.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(round(base * 0.8), round(base * 0.3), base, round(base * 0.3))
        layout.setSpacing(round(base * 0.3))
        layout.addWidget(self.back_row)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.lines)
        self._count = 0
        self._compact = False
        self._shown = False  # a stretch with cautions is on screen
        self._show_lines(False)
        self.hide()

    def show_stretch(self, stretch: Stretch | None, *, expanded: bool) -> None:
        """Show ``stretch``'s cautions, open (before its first hold) or folded."""
        self._shown = stretch is not None and bool(stretch.cautions)
        if stretch is None or not stretch.cautions:
            self.hide()
            self.back_row.hide()  # it may live outside the panel
            return
        self._count = len(stretch.cautions)
        self.back_row.setVisible(stretch.back_pain_caution)
        self.lines.setText(caution_lines(stretch))
        self.lines.setAccessibleDescription(" ".join(stretch.cautions))
        self.toggle.setChecked(expanded)
        self._show_lines(expanded)
        self.setVisible(not self._compact)

    def set_compact(self, compact: bool) -> None:
        """The small window on top has no room: hidden there, back (folded) after."""
        self._compact = compact
        if not compact and self._shown:
            self.toggle.setChecked(False)
        self.setVisible(self._shown and not compact)

    def expanded(self) -> bool:
        """Whether the caution lines are open."""
        return self.toggle.isChecked()

    def _show_lines(self, shown: bool) -> None:
        arrow = "▾" if shown else "▸"
        word = "caution" if self._count == 1 else "cautions"
        self.toggle.setText(f"{arrow}  {self._count} {word}")
        self.toggle.setAccessibleName(
            f"{'Hide' if shown else 'Show'} the {self._count} {word} for this stretch"
        )
        self.lines.setVisible(shown)
