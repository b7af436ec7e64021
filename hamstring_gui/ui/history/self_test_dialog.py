"""The 90/90 self-test entry: a picture of the angle per leg, and a stop for nerve symptoms."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.history import MAX_DEGREES
from hamstring_gui.core.i18n import N_, _
from hamstring_gui.ui.history.chart_style import chart_colours, small_font
from hamstring_gui.ui.style import theme

PAIN_TEXT = N_("I felt pain below the knee, tingling or numbness")
STOP_TEXT = N_(
    "Stop the test here; nothing will be recorded. Pain below the knee, tingling or "
    "numbness can come from the nerve rather than the hamstring. Please see a clinician "
    "before testing or stretching that leg again."
)


class AnglePicture(QWidget):
    """A side view of the 90/90 test: lying down, thigh straight up, knee N degrees short.

    The torso lies to the left of the hip, the other leg along the floor to
    the right; the shin leans towards the feet by the degrees entered, and
    the missing angle to straight is a soft wedge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anglePicture")
        self.degrees: int | None = None
        base = theme.base_pixel_size()
        self.setFixedSize(QSize(base * 12, base * 10))

    def set_degrees(self, degrees: int | None) -> None:
        """Draw the knee ``degrees`` short of straight (``None``: not entered yet)."""
        self.degrees = degrees
        self.setAccessibleDescription(
            _("not entered")
            if degrees is None
            else _("knee {degrees} degrees short of straight").format(degrees=degrees)
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Floor, body, thigh up from the hip, shin at the angle, the wedge."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = chart_colours(self)
        width, height = float(self.width()), float(self.height())
        unit = min(width / 12, height / 10)
        floor = height - unit * 1.0
        hip = QPointF(width * 0.42, floor - unit * 0.45)
        knee = QPointF(hip.x(), hip.y() - unit * 3.6)
        shin = unit * 3.9
        body = QPen(colours["muted"], unit * 0.45, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(QPen(colours["grid"], 2))
        painter.drawLine(QPointF(0, floor), QPointF(width, floor))
        painter.setPen(body)
        painter.drawLine(hip, QPointF(unit * 1.6, hip.y()))  # torso
        painter.drawLine(hip, QPointF(width - unit * 0.6, hip.y()))  # the other leg
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["muted"])
        painter.drawEllipse(QPointF(unit * 0.9, hip.y() - unit * 0.2), unit * 0.6, unit * 0.6)
        # Straight would put the shin straight up, in line with the thigh.
        painter.setPen(QPen(colours["muted"], 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(knee, QPointF(knee.x(), knee.y() - shin))
        angle = math.radians(self.degrees or 0)
        foot = QPointF(knee.x() + shin * math.sin(angle), knee.y() - shin * math.cos(angle))
        if self.degrees:
            wedge = QColor(colours["done"])
            wedge.setAlphaF(0.35)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(wedge)
            reach = shin * 0.8
            painter.drawPie(
                QRectF(knee.x() - reach, knee.y() - reach, reach * 2, reach * 2),
                90 * 16,
                -round(self.degrees * 16),
            )
        limb = QPen(colours["text"], unit * 0.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(limb)
        painter.drawLine(hip, knee)
        if self.degrees is not None:
            limb.setColor(colours["left"])
            painter.setPen(limb)
            painter.drawLine(knee, foot)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours["text"])
        painter.drawEllipse(knee, unit * 0.35, unit * 0.35)
        painter.setPen(colours["text"])
        font = small_font(self, 1.1)
        font.setBold(True)
        painter.setFont(font)
        label = "?" if self.degrees is None else f"{self.degrees}°"
        painter.drawText(
            QRectF(width * 0.55, 0, width * 0.43, unit * 2.2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        painter.end()


# ---------------------------------------------------------------------------
# The self-test entry


class SelfTestDialog(QDialog):
    """Enter a 90/90 result per leg, or stop because of nerve symptoms.

    Each leg starts "not entered"; Save is enabled once both have a value.
    Ticking the pain box stops the test: the angles are locked, Save is
    gone, the stop-and-see-a-clinician advice shows and nothing is returned.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfTestDialog")
        self.setWindowTitle(_("New self-test"))
        base = theme.base_pixel_size()
        intro = QLabel(
            _(
                "Lie on your back, hold one thigh straight up (hip at 90°), then straighten the "
                "knee with your own muscles as far as is comfortable. Enter roughly how many "
                "degrees short of straight the knee stays: 0 is fully straight."
            )
        )
        intro.setWordWrap(True)
        self.left_spin, self.left_picture, left_box = self._leg(_("Left leg"))
        self.right_spin, self.right_picture, right_box = self._leg(_("Right leg"))
        legs = QHBoxLayout()
        legs.addLayout(left_box)
        legs.addSpacing(base * 2)
        legs.addLayout(right_box)

        self.pain_check = QCheckBox(_(PAIN_TEXT))
        self.pain_check.setObjectName("painCheck")
        self.stop_label = QLabel(_(STOP_TEXT))
        self.stop_label.setObjectName("stopLabel")
        self.stop_label.setWordWrap(True)
        self.stop_label.setFont(theme.scaled_font(1.05, bold=True))
        self.stop_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSelfTest")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pain_check.toggled.connect(self._on_pain)

        layout = QVBoxLayout(self)
        layout.setSpacing(base)
        layout.addWidget(intro)
        layout.addLayout(legs)
        layout.addWidget(self.pain_check)
        layout.addWidget(self.stop_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(base * 34)
        self._update_save()

    def _leg(self, title: str) -> tuple[QSpinBox, AnglePicture, QVBoxLayout]:
        caption = QLabel(title)
        caption.setFont(theme.scaled_font(1.1, bold=True))
        spin = QSpinBox()
        spin.setObjectName(f"{title.split()[0].lower()}Degrees")
        spin.setAccessibleName(_("{leg}: degrees short of straight").format(leg=title))
        spin.setRange(-1, MAX_DEGREES)  # -1 shows as "not entered"
        spin.setSpecialValueText(_("not entered"))
        spin.setSuffix(_("° short of straight"))
        spin.setValue(-1)
        picture = AnglePicture()
        spin.valueChanged.connect(lambda value: picture.set_degrees(value if value >= 0 else None))
        spin.valueChanged.connect(self._update_save)
        box = QVBoxLayout()
        box.addWidget(caption)
        box.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(spin)
        return spin, picture, box

    @property
    def stopped(self) -> bool:
        """Whether the user reported nerve symptoms."""
        return self.pain_check.isChecked()

    def values(self) -> tuple[int, int] | None:
        """(left, right) degrees short of straight, or ``None`` when incomplete or stopped."""
        left, right = self.left_spin.value(), self.right_spin.value()
        if self.stopped or left < 0 or right < 0:
            return None
        return left, right

    def accept(self) -> None:
        """Close with a result only when there is one to record."""
        if self.values() is None:
            return
        super().accept()

    def _on_pain(self, checked: bool) -> None:
        if checked:
            # Stopping is final for this test: the box cannot be unticked.
            self.pain_check.setEnabled(False)
            self.left_spin.setEnabled(False)
            self.right_spin.setEnabled(False)
            self.stop_label.show()
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeStopped")
        self._update_save()

    def _update_save(self) -> None:
        if not self.stopped:
            self.save_button.setEnabled(self.values() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[int, int] | None:
        """Run the dialog; (left, right) to record, or ``None``."""
        dialog = cls(parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


# ---------------------------------------------------------------------------
