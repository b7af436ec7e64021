"""The countdown ring: the number, how full the ring is, and what a screen reader hears."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hamstring_gui.core.plan import PhaseKind
from hamstring_gui.ui.style.theme import COUNTDOWN_MIN_PX
from hamstring_gui.ui.widgets.countdown import CountdownView


def test_the_ring_empties_as_the_seconds_run_out(qtbot: QtBot) -> None:
    view = CountdownView()
    qtbot.addWidget(view)
    view.set_phase(PhaseKind.HOLD, 30)
    view.set_remaining(30)
    assert view.text() == "30" and view.fraction() == 1.0 and view.kind() is PhaseKind.HOLD
    view.set_remaining(15)
    assert view.fraction() == 0.5
    assert view.value() == 15 and view.accessibleName() == "Seconds left"
    view.set_total(60)  # held longer with +
    assert view.fraction() == 0.25
    view.set_remaining(-2)
    assert view.remaining() == 0


def test_the_number_stays_readable_and_paints(qtbot: QtBot) -> None:
    view = CountdownView()
    qtbot.addWidget(view)
    view.set_phase(PhaseKind.REST, 10)
    view.set_remaining(9)
    view.resize(view.sizeHint())
    assert view.number_font().pixelSize() >= COUNTDOWN_MIN_PX
    view.set_paused(True)
    view.set_compact(True)
    assert view.minimumSizeHint().width() <= view.sizeHint().width()
    assert not view.grab().isNull()
