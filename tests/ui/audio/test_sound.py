"""The Qt sound back end: lazy, non-blocking and silent when there is no audio."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from importlib import resources

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core import assets
from hamstring_gui.core.cues import Tone
from hamstring_gui.ui.audio import sound
from hamstring_gui.ui.audio.sound import NO_ENGINE, QtCuePlayer

# Qt Multimedia logs these at warning level on a machine with no sound server
# (the test machine: offscreen, no PulseAudio/PipeWire). They are Qt's own
# start-up chatter, not our failures: the player reports those through
# ``logging`` and its reason strings, which the tests check instead.
pytestmark = pytest.mark.qt_log_ignore(
    r"Couldn't (load|resolve) pipewire",
    r"PulseAudioService: pa_context_connect\(\) failed",
    r"QSoundEffect: Error decoding source",
    r"QSoundEffect: playback of this format is not supported on the selected audio device",
)


def test_importing_the_player_loads_no_multimedia_until_first_use() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "from hamstring_gui.ui.audio.sound import QtCuePlayer\n"
        "player = QtCuePlayer()\n"
        "player.set_volume(50); player.stop()\n"
        "heavy = lambda: sorted(m for m in sys.modules if 'Multimedia' in m or 'Speech' in m)\n"
        "print(heavy())\n"
        "player.play_tone('tick')\n"
        "print(heavy())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    ).stdout.splitlines()
    assert out[0] == "[]"
    assert "PySide6.QtMultimedia" in out[1]


def test_a_tone_returns_at_once_and_fails_soft_with_one_log_line(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    player = QtCuePlayer()
    caplog.set_level(logging.WARNING, logger="hamstring_gui.ui.audio.sound")
    started = time.perf_counter()
    player.play_tone("hold")
    player.play_tone("tick")
    player.stop()
    assert time.perf_counter() - started < 0.5
    if QMediaDevices.audioOutputs():  # pragma: no cover - a machine with sound
        assert player.sound_unavailable_reason() is None
        return
    assert player.sound_unavailable_reason() == sound.NO_DEVICE
    assert [r.getMessage() for r in caplog.records] == [f"sounds off: {sound.NO_DEVICE}"]


def test_the_real_sound_effect_plays_a_resource_wav_without_blocking(qtbot: QtBot) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QSoundEffect

    with resources.as_file(assets.resource(Tone.TICK.resource)) as path:
        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(path)))
        started = time.perf_counter()
        effect.play()
        elapsed = time.perf_counter() - started
        settled = (QSoundEffect.Status.Ready, QSoundEffect.Status.Error)
        qtbot.waitUntil(lambda: effect.status() in settled, timeout=2000)
        effect.stop()
    assert elapsed < 0.5


def test_no_speech_engine_is_silent_and_says_why(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound, "_speech_engines", lambda: ["mock"])  # mock is never chosen
    player = QtCuePlayer()
    caplog.set_level(logging.WARNING, logger="hamstring_gui.ui.audio.sound")
    started = time.perf_counter()
    with qtbot.waitSignal(player.availabilityChanged, timeout=2000):
        player.speak("Hold, left leg")
    assert time.perf_counter() - started < 0.5
    assert player.voice_unavailable_reason() == NO_ENGINE
    player.speak("Push gently")  # known to be unavailable: nothing happens, nothing logged
    assert [r.getMessage() for r in caplog.records] == [f"voice off: {NO_ENGINE}"]


def test_voice_is_built_lazily_by_name_and_speaks(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt's "mock" engine stands in for speechd, which takes 2-3 s to build.
    monkeypatch.setattr(sound, "ENGINE_PREFERENCE", ("no-such-engine", "mock"))
    player = QtCuePlayer()
    player.warm_up()
    assert player.speech_engine == ""  # built from the event loop, not inside the call
    qtbot.waitUntil(lambda: player.speech_engine == "mock", timeout=2000)
    assert player.voice_unavailable_reason() is None
    player.set_volume(40)
    player.speak("Switch to your right leg")
    qtbot.waitUntil(lambda: player._tts is not None and player._tts.state().name == "Speaking")
    player.stop()
    qtbot.waitUntil(lambda: player._tts is not None and player._tts.state().name == "Ready")


def test_stop_drops_a_line_waiting_for_its_chime(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound, "ENGINE_PREFERENCE", ("mock",))
    player = QtCuePlayer()
    player.warm_up()
    qtbot.waitUntil(lambda: player.speech_engine == "mock", timeout=2000)
    player._tone_ends = time.monotonic() + 0.5  # as if a chime had just started
    player.speak("Hold, left leg")
    assert player._speech_delay.isActive()
    player.stop()
    assert not player._speech_delay.isActive()
    assert player._pending_text is None
