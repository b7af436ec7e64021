"""The numbered steps: the current one stands out, the rest stay quiet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.widgets.step_list import StepList

ACCENT, INK, MUTED = QColor("#2e8b57"), QColor("#000000"), QColor(0, 0, 0, 170)


def rows(view: StepList) -> list[tuple[str, str, bool, str]]:
    """(number, text, bold, text colour) of each row as shown."""
    labels = [label for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    numbers = [label for label in labels if label.text()[:-1].isdigit()]
    texts = [label for label in labels if label not in numbers]
    return [
        (
            number.text(),
            text.text(),
            text.font().bold(),
            text.palette().color(QPalette.ColorRole.WindowText).name(QColor.NameFormat.HexArgb),
        )
        for number, text in zip(numbers, texts, strict=True)
    ]


def test_the_current_step_is_bold_and_numbered_in_the_accent(qtbot: QtBot) -> None:
    view = StepList(QFont())
    qtbot.addWidget(view)
    steps = ["Sit tall.", "Reach forward.", "Hold."]
    view.show_steps(steps, 1, accent=ACCENT, ink=INK, muted=MUTED)
    shown = rows(view)
    assert [(n, t, bold) for n, t, bold, _ in shown] == [
        ("1.", "Sit tall.", False),
        ("2.", "Reach forward.", True),
        ("3.", "Hold.", False),
    ]
    assert [colour for *_, colour in shown] == [
        MUTED.name(QColor.NameFormat.HexArgb),
        INK.name(QColor.NameFormat.HexArgb),
        MUTED.name(QColor.NameFormat.HexArgb),
    ]
    numbers = [label for label in view.findChildren(QLabel) if label.text() == "2."]
    assert numbers[0].palette().color(QPalette.ColorRole.WindowText) == ACCENT
    assert view.steps() == ("Sit tall.", "Reach forward.", "Hold.")


def test_moving_on_and_changing_stretch_reuse_the_rows(qtbot: QtBot) -> None:
    view = StepList(QFont())
    qtbot.addWidget(view)
    view.show_steps(["a", "b", "c"], 0, accent=ACCENT, ink=INK, muted=MUTED)
    first_labels = set(view.findChildren(QLabel))
    view.show_steps(["a", "b", "c"], 2, accent=ACCENT, ink=INK, muted=MUTED)
    assert [bold for _, _, bold, _ in rows(view)] == [False, False, True]
    view.show_steps(["x", "y"], None, accent=ACCENT, ink=INK, muted=MUTED)
    shown = [(n, t, bold) for n, t, bold, _ in rows(view)]
    assert shown == [("1.", "x", False), ("2.", "y", False)]
    assert {label for label in view.findChildren(QLabel) if label.isVisibleTo(view)} <= first_labels
    view.clear()
    assert rows(view) == [] and view.steps() == ()


def test_its_height_for_a_width_fits_every_wrapped_line(qtbot: QtBot) -> None:
    view = StepList(QFont())
    qtbot.addWidget(view)
    long_step = "Tilt forward from the hips, bringing your navel towards the straight thigh. " * 3
    view.show_steps(["Sit.", long_step], 1, accent=ACCENT, ink=INK, muted=MUTED)
    assert view.heightForWidth(200) > view.heightForWidth(800) > 2 * view.fontMetrics().height()
