"""A window with a small mixed routine (one plain stretch, one not for a sore back)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hamstring_gui import app as app_module
from hamstring_gui.core.routine import Routine, RoutineItem
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.compat import keep_singletons_alive
from hamstring_gui.ui.screens.main_window import MainWindow
from tests.helpers.stubs import FakeClock

keep_singletons_alive()

MIXED = Routine(
    "mixed",
    "Mixed",
    "",
    (RoutineItem("chair-stretch", reps=1), RoutineItem("seated-toe-touch", reps=1)),
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, clock: FakeClock, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    store = SettingsStore(tmp_path / "settings.json")
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))
    window = app_module.build_window(clock, store, state_file=tmp_path / "window.json")
    qtbot.addWidget(window)
    window.set_routines({**window.routines, "mixed": MIXED})
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def second(window: MainWindow, clock: FakeClock, count: int = 1) -> None:
    """Move the fake clock on and let the controller see it, ``count`` times."""
    for _ in range(count):
        clock.advance(1.0)
        window.controller.tick()
