"""The end screen tells the truth: done by the 80 % rule, skips and pain named calmly."""

from __future__ import annotations

import pytest

from hamstring_gui.ui.dialogs.stop_confirm import StopConfirmDialog
from hamstring_gui.ui.screens.safety import HurtChoice, HurtDialog, SafetyDialog
from tests.ui.screens.conftest import second

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WHOLE_MIXED = 5 + 30 + 5 + 30 + 10 + 5 + 30  # chair stretch both legs, rest, toe touch


def test_a_session_done_in_full_says_well_done(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("mixed")
    second(window, clock, WHOLE_MIXED)
    screen = window.summary_screen
    assert window.stack.currentWidget() is screen
    assert screen.title.text() == "Well done" and "finished" in screen.subtitle.text()
    assert screen.counts.text() == "2 of 2 stretches done"
    assert not screen.fates.isVisible() and not screen.safety_button.isVisible()


def test_after_a_skip_it_names_what_was_left_out_and_why(window, clock) -> None:  # type: ignore[no-untyped-def]
    window.start_routine("mixed")
    second(window, clock, 5 + 30 + 5 + 30 + 10)
    window.back_care.sore_back.trigger()
    screen = window.summary_screen
    assert screen.title.text() == "Session over"
    assert "Well done" not in screen.title.text() and "finished" not in screen.subtitle.text()
    assert screen.counts.text() == "1 of 2 stretches done  ·  1 skipped"
    assert screen.fates.text() == "Seated toe touch: skipped; left out for your back today."
    assert screen.safety_button.isVisible()


def test_a_hold_stopped_three_seconds_in_is_started_not_done(window, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(StopConfirmDialog, "ask", classmethod(lambda cls, parent: True))
    window.start_routine("mixed")
    second(window, clock, 5 + 3)
    window.confirm_stop()
    screen = window.summary_screen
    assert screen.title.text() == "Session stopped"
    assert screen.counts.text() == "0 of 2 stretches done  ·  1 started"
    assert screen.fates.text() == "Chair hamstring stretch: started, 3 of 60 s held."


def test_after_that_hurts_it_says_so_calmly_and_points_to_the_safety_advice(
    window, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        HurtDialog, "ask", classmethod(lambda cls, parent, name: HurtChoice.SKIP_STRETCH)
    )
    shown = []
    monkeypatch.setattr(SafetyDialog, "ask", classmethod(lambda cls, parent: shown.append(parent)))
    window.start_routine("mixed")
    second(window, clock, 5 + 29)  # 29 of 30 s on the left: the right leg never came
    window.report_hurt()
    window.controller.resume()  # "Press Space when you are ready"
    second(window, clock, 10 + 5 + 30)  # the toe touch runs to the end
    screen = window.summary_screen
    assert screen.title.text() == "Session stopped"
    assert "Well done" not in screen.title.text() and "finished" not in screen.subtitle.text()
    assert "stopped when something hurt" in screen.subtitle.text()
    assert screen.counts.text() == "1 of 2 stretches done"
    assert screen.fates.text() == "Chair hamstring stretch: stopped because it hurt."
    assert screen.hurt_note.isVisible() and "clinician" in screen.hurt_note.text()
    screen.safety_button.click()
    assert shown == [screen]
