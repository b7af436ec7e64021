"""The numbered steps of a stretch, the current one in bold and the phase's colour."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

NUMBER_GAP_PX = 6
ROW_GAP_PX = 4


class StepList(QWidget):
    """One plain-text label per number and per step, in a grid.

    Not one rich-text label with an HTML table: Qt lays such a label out with
    QTextDocument at every height query (~1.3 ms each, ~12 ms of a session's
    first frame), and re-parses it whenever the current step moves. Here a
    new current step only restyles the rows that changed.
    """

    def __init__(self, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plain = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(NUMBER_GAP_PX)
        self._grid.setVerticalSpacing(ROW_GAP_PX)
        self._grid.setColumnStretch(1, 1)
        self._rows: list[tuple[QLabel, QLabel]] = []
        self._steps: tuple[str, ...] = ()
        self._styles: list[tuple[bool, str, str] | None] = []

    def show_steps(
        self,
        steps: Sequence[str],
        current: int | None,
        *,
        accent: QColor,
        ink: QColor,
        muted: QColor,
    ) -> None:
        """Show ``steps``: ``current`` (if any) bold, numbered in ``accent``; the rest ``muted``."""
        if tuple(steps) != self._steps:
            self._rebuild(tuple(steps))
        for index, (number, text) in enumerate(self._rows):
            now = index == current
            style = (
                now,
                (accent if now else muted).name(QColor.NameFormat.HexArgb),
                (ink if now else muted).name(QColor.NameFormat.HexArgb),
            )
            if self._styles[index] == style:
                continue
            self._styles[index] = style
            font = self._bold if now else self._plain
            _paint(number, font, QColor(style[1]))
            _paint(text, font, QColor(style[2]))

    def set_font(self, font: QFont) -> None:
        """A new size for the steps' words (text size or window changed); rows restyle."""
        if font == self._plain:
            return
        self._plain = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._styles = [None] * len(self._steps)

    def clear(self) -> None:
        """Show no steps (a phase without a stretch)."""
        self._rebuild(())

    def row_label(self, index: int) -> QLabel | None:
        """The label of step ``index`` (to scroll it into view), if there is one."""
        return self._rows[index][1] if 0 <= index < len(self._rows) else None

    def steps(self) -> tuple[str, ...]:
        """The steps shown (for tests and screen readers)."""
        return self._steps

    def _rebuild(self, steps: tuple[str, ...]) -> None:
        """Reuse the rows there are, add or drop the difference."""
        while len(self._rows) > len(steps):
            for label in self._rows.pop():
                self._grid.removeWidget(label)
                label.hide()
                label.deleteLater()
        for index, step in enumerate(steps):
            if index < len(self._rows):
                self._rows[index][1].setText(step)
                continue
            number = _plain_label(f"{index + 1}.")
            text = _plain_label(step)
            text.setWordWrap(True)
            self._grid.addWidget(number, index, 0)
            self._grid.addWidget(text, index, 1)
            self._rows.append((number, text))
        self._steps = steps
        self._styles = [None] * len(steps)


def _plain_label(words: str) -> QLabel:
    label = QLabel(words)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _paint(label: QLabel, font: QFont, colour: QColor) -> None:
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)
