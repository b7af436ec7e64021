"""The 90/90 self-test entry: both legs, angles in range, and a stop for nerve symptoms."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.history.self_test_dialog import STOP_TEXT, AnglePicture, SelfTestDialog


def test_entry_needs_both_legs_and_keeps_angles_in_range(qtbot: QtBot) -> None:
    dialog = SelfTestDialog()
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.left_spin.text() == "not entered"
    assert dialog.values() is None
    dialog.left_spin.setValue(120)
    assert dialog.left_spin.value() == 90  # at most 90° short of straight
    assert not dialog.save_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.right_spin.setValue(15)
    assert dialog.save_button.isEnabled()
    assert dialog.values() == (90, 15)
    assert dialog.left_picture.degrees == 90 and dialog.right_picture.degrees == 15
    dialog.left_spin.setValue(-1)
    assert dialog.left_picture.degrees is None and not dialog.save_button.isEnabled()


def test_pain_checkbox_stops_the_test(qtbot: QtBot) -> None:
    dialog = SelfTestDialog()
    qtbot.addWidget(dialog)
    dialog.left_spin.setValue(20)
    dialog.right_spin.setValue(25)
    dialog.pain_check.click()
    assert dialog.stop_label.isVisibleTo(dialog) and dialog.stop_label.text() == STOP_TEXT
    assert "clinician" in STOP_TEXT
    assert dialog.values() is None
    assert not dialog.left_spin.isEnabled() and not dialog.right_spin.isEnabled()
    assert not dialog.pain_check.isEnabled()  # cannot be taken back
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_angle_picture_paints_every_angle(qtbot: QtBot) -> None:
    picture = AnglePicture()
    qtbot.addWidget(picture)
    for degrees in (None, 0, 45, 90):
        picture.set_degrees(degrees)
        assert picture.degrees == degrees
        assert not picture.grab().isNull()
