"""The fallback reminder window: one answer per showing; closing it is a dismissal."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.desktop.reminder_window import ReminderWindow

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def test_an_answer_hides_the_window_and_is_not_a_dismissal(qtbot: QtBot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)
    window.ask("Time for a stretch", "Desk break, about 5 min.", "Start", "Snooze 10 min")
    assert window.isVisible() and window.snooze_button.text() == "Snooze 10 min"
    with qtbot.waitSignal(window.startClicked), qtbot.assertNotEmitted(window.dismissed):
        window.start_button.click()
    assert not window.isVisible()


def test_closing_without_an_answer_is_a_dismissal_once(qtbot: QtBot) -> None:
    window = ReminderWindow()
    qtbot.addWidget(window)
    window.ask("Time for a stretch", "Desk break.", "Start", None)
    # No snoozes left today: Snooze is still there, greyed, and says why.
    assert not window.snooze_button.isHidden() and not window.snooze_button.isEnabled()
    assert window.snooze_button.text() == "No snoozes left today"
    with qtbot.waitSignal(window.dismissed):
        window.close()
    window.withdraw()
    with qtbot.assertNotEmitted(window.dismissed):
        window.close()
