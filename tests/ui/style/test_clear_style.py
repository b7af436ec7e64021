"""The app's style: a focus ring and check box outlines that can be seen (WCAG 3:1).

Measured from the pixels :class:`ClearStyle` draws, light and dark.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QStyle, QWidget

from hamstring_gui.ui.style import clear_style
from hamstring_gui.ui.style.theme import contrast, fallback_palette

CONTROL = 3.0
Role = QPalette.ColorRole


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def palette(request: pytest.FixtureRequest) -> QPalette:
    return fallback_palette(dark=request.param)


def test_install_wraps_the_style_once(qapp) -> None:  # type: ignore[no-untyped-def]
    name = qapp.style().name()
    try:
        clear_style.install(qapp)
        first = qapp.style()
        clear_style.install(qapp)
        assert isinstance(first, clear_style.ClearStyle)
        assert qapp.style() is first
    finally:
        qapp.setStyle(name)


def test_outline_colour_reads_against_the_window(palette: QPalette) -> None:
    window = palette.color(QPalette.ColorRole.Window)
    assert contrast(clear_style.outline_colour(palette), window) >= CONTROL


def _render(widget: QWidget, palette: QPalette) -> QImage:
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    widget.resize(widget.sizeHint())
    return widget.grab().toImage()


def _best_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    return max(
        contrast(image.pixelColor(QPoint(x, y)), background)
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
    )


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_unchecked_boxes_are_outlined_clearly(palette: QPalette, kind: type, qtbot) -> None:
    style = clear_style.ClearStyle()
    box = kind("Towel or strap")
    qtbot.addWidget(box)
    box.setStyle(style)
    image = _render(box, palette)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    option = _option(box)
    rect = style.subElementRect(element, option, box)
    ratio = _best_contrast(image, rect, palette.color(Role.Window))
    assert ratio >= CONTROL, ratio


def test_a_focused_button_looks_different(palette: QPalette, qtbot) -> None:
    """Even the default button: Fusion drew both with the same outline."""
    style = clear_style.ClearStyle()
    button = QPushButton("Start")
    qtbot.addWidget(button)
    button.setStyle(style)
    button.setDefault(True)
    plain = _render(button, palette)
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.state |= QStyle.StateFlag.State_HasFocus
    focused = QImage(plain.size(), QImage.Format.Format_ARGB32)
    focused.fill(palette.color(Role.Window))
    from PySide6.QtGui import QPainter

    painter = QPainter(focused)
    style.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option, painter, button)
    painter.end()
    ring = clear_style.focus_colour(palette)
    ring_pixels = sum(
        1
        for x in range(focused.width())
        for y in range(focused.height())
        if contrast(focused.pixelColor(x, y), ring) < 1.3
    )
    assert ring_pixels > focused.width()  # a ring all round, in the highlight colour


def _option(box: QWidget):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionButton

    option = QStyleOptionButton()
    box.initStyleOption(option)  # type: ignore[attr-defined]
    return option
