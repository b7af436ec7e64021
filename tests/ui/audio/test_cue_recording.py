"""Recorded through a real sound server: every cue on time, the voice at the chimes' level.

Each test starts its own PulseAudio with a null sink and records its monitor
with ``parec --latency-msec=10`` (``tools/measure_cue_timing.py`` does the
session, the recording and the matching). The voice tests spawn their own
speech-dispatcher (espeak-ng) in the test's private runtime folder.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core.settings import SoundSettings
from tests.helpers import tools
from tests.helpers.processes import start_sound_server, stop

ROOT = Path(__file__).resolve().parents[3]
LIMIT_MS = 30.0
SOUND = SoundSettings(enabled=True, voice=False, tick_count=3, volume=100, tick_breaks=True)


def _tool() -> ModuleType:
    path = ROOT / "tools" / "measure_cue_timing.py"
    spec = importlib.util.spec_from_file_location("measure_cue_timing", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


tool = _tool()


@pytest.fixture
def sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    tools.require("pulseaudio", "parec")
    daemon, server = start_sound_server(tmp_path, dict(os.environ))
    monkeypatch.setenv("PULSE_SERVER", server)
    yield server
    stop(daemon)


@pytest.fixture
def speech(sound_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    tools.require("speech-dispatcher")
    monkeypatch.setattr("hamstring_gui.platform.speechd.SERVER_PROGRAM", "speech-dispatcher")
    yield
    tool.stop_speech(Path(os.environ["XDG_RUNTIME_DIR"]))


def _check_timing(recording: object) -> None:
    offsets = recording.offsets_ms  # type: ignore[attr-defined]
    assert [tone for tone, off in offsets if off is None] == [], "cues not heard"
    late = [(tone, round(off, 1)) for tone, off in offsets if abs(off) > LIMIT_MS]
    assert late == [], f"cues off by more than {LIMIT_MS} ms (all: {offsets})"


def test_every_cue_of_a_session_is_heard_once_within_30_ms(qtbot: QtBot, sound_server: str) -> None:
    recording = tool.record_session(tool.short_plan("timing"), SOUND)
    tones = [tone for _, tone in recording.expected]
    assert tones[0] == "ready" and tones[-1] == "complete"
    assert {"hold", "switch", "rest", "tick"} <= set(tones)
    assert len(tones) == 13  # 5 phase starts, the end, 2+2+2+1 ticks (switch and rest too)
    _check_timing(recording)
    assert recording.extra == [], "sounds nobody asked for"


def test_start_routine_is_heard_from_its_first_phase_on_time(sound_server: str) -> None:
    """`hamstring-gui start desk-break`: its session starts while the window is built.

    The instants are the engine's, recorded by the app's trace (phase 0's too,
    though it began before the trace was installed). The session starts once
    the sound path is open (``Cues`` waits for it), so the first cue does not
    race the window being built, on a busy machine either. Two checks, each
    of which fails for a late or missing "Get ready": both onsets within
    30 ms of their instants, and the gap between the two onsets, measured on
    the sink's own sample clock (no placing of the recording on the monotonic
    clock, which a busy machine blurs), within 30 ms of the engine's.
    """
    first = tool.record_start_routine("desk-break", prepare=2)
    assert first.heard[0] != first.heard[1], f'"Get ready" not heard: {first}'
    offsets = [round(offset, 1) for offset in first.offsets_ms]
    late = [offset for offset in offsets if abs(offset) > LIMIT_MS]
    assert late == [], f'"Get ready" and "Hold" heard {offsets} ms from their instants'
    assert abs(first.interval_error_ms) <= LIMIT_MS, first


def test_the_voice_is_as_loud_as_the_chimes_never_clips_and_never_hides_a_cue(
    qtbot: QtBot, speech: None
) -> None:
    voice = SoundSettings(enabled=True, voice=True, tick_count=3, volume=100)
    recording = tool.record_session(tool.short_plan("voice"), voice)
    _check_timing(recording)
    levels = tool.loudness_report(recording, tool.clip_lengths())
    assert levels["peak_dbfs"] < -1.0
    assert abs(levels["speech_dbfs"] - levels["chime_dbfs"]) <= 3.0, levels
    # The only sounds beyond the cues are the spoken lines: one after each of
    # "Get ready", "Hold" and "Session complete", each after its chime.
    chimes = [when for when, tone in recording.expected if tone != "tick"]
    assert len(recording.extra) >= 3
    for onset in recording.extra:
        assert any(0.2 < onset - when < 3.0 for when in chimes), (onset, recording.expected)


def test_building_the_voice_never_blocks_the_event_loop(qtbot: QtBot, speech: None) -> None:
    from PySide6.QtCore import QTimer

    from hamstring_gui.ui.audio.sound import QtCuePlayer

    player = QtCuePlayer()
    stamps: list[float] = []
    beat = QTimer()
    beat.setInterval(5)
    beat.timeout.connect(lambda: stamps.append(time.monotonic()))
    beat.start()
    qtbot.wait(100)
    player.warm_up()  # spawns speech-dispatcher and connects, in the background
    qtbot.waitUntil(lambda: player.speech_engine != "", timeout=15000)
    player.test_voice()
    qtbot.wait(300)
    beat.stop()
    gaps = [later - earlier for earlier, later in zip(stamps, stamps[1:], strict=False)]
    assert max(gaps) < 0.050, f"the event loop stalled {max(gaps) * 1000:.0f} ms"
    assert player.voice_status().startswith("The voice is speech-dispatcher, espeak-ng")
    player.close()
