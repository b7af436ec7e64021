"""The benchmarks' opt-in trace: phase instants as the engine's deadlines give them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui import trace
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def test_a_session_begun_before_the_trace_has_its_instants_recorded(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    sound = dataclasses.replace(settings.settings.sound, enabled=False)
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True, sound=sound))
    clock = FakeClock()
    window = app_module.build_window(clock, settings, routine="desk-break")  # `start ROUTINE`
    qtbot.addWidget(window)
    controller = window.controller
    first = controller.duration(0)
    for _ in range(round(first)):  # the window took long: the session is in phase 1
        clock.advance(1.0)
        controller.tick()
    clock.advance(0.25)
    controller.tick()
    path = tmp_path / "trace.jsonl"
    monkeypatch.setenv(trace.ENV, str(path))
    trace.install(window)
    while controller.phase_index == 1:  # on to phase 2, on time
        clock.advance(min(1.0, controller.remaining()))
        controller.tick()
    events = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    running = next(e for e in events if e["event"] == "phase-running")
    started = next(e for e in events if e["event"] == "phase-start")
    # The trace stamps real monotonic time; the fake clock stood still meanwhile,
    # so the instants are "now" minus how long ago the engine says they were.
    assert running["index"] == 1
    assert running["t"] - running["planned"] == pytest.approx(0.25, abs=0.05)
    assert running["planned"] - running["first"] == pytest.approx(first)
    assert started["index"] == 2
    assert started["actual"] - started["planned"] == pytest.approx(0.0, abs=0.05)
