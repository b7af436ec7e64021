"""The Qt cue player: lazy, non-blocking, one gain for chimes and voice, silent without audio."""

from __future__ import annotations

import logging
import math
import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui.core import words
from hamstring_gui.core.cues import LOUDNESS_DBFS
from hamstring_gui.platform import pulse, speechd
from hamstring_gui.ui.audio import sound
from hamstring_gui.ui.audio.sound import NO_DEVICE, QtCuePlayer, gain, voice_volume
from tests.helpers.processes import run_python


class FakeVoice:
    """Stands in for :class:`speechd.SpeechDispatcher`: records, never speaks."""

    def __init__(self) -> None:
        self.state = speechd.VoiceState.READY
        self.reason = ""
        self.info = speechd.VoiceInfo("espeak-ng", "MALE1", "en")
        self.speaking = False
        self.log: list[tuple[str, object]] = []

    def say(self, text: str) -> None:
        self.log.append(("say", text))

    def cancel(self) -> None:
        self.log.append(("cancel", None))

    def set_volume(self, volume: int) -> None:
        self.log.append(("volume", volume))

    def close(self) -> None:
        self.log.append(("close", None))


class FakeOutput:
    """Stands in for :class:`pulse.PulseOutput`."""

    def __init__(self) -> None:
        self.log: list[tuple[str, object]] = []

    def play(self, name: str) -> bool:
        self.log.append(("play", name))
        return True

    def stop(self) -> None:
        self.log.append(("stop", None))

    def prepare(self) -> None:
        self.log.append(("prepare", None))

    def idle(self) -> None:
        self.log.append(("idle", None))

    def set_gain(self, value: float) -> None:
        self.log.append(("gain", value))

    def close(self) -> None:
        self.log.append(("close", None))


def _player(qtbot: QtBot) -> tuple[QtCuePlayer, FakeOutput, FakeVoice]:
    player = QtCuePlayer()
    output, voice = FakeOutput(), FakeVoice()
    player._output = output  # type: ignore[assignment]
    player._voice = voice  # type: ignore[assignment]
    player._tone_seconds = {"hold": 0.55, "tick": 0.06}
    return player, output, voice


def test_importing_and_using_the_player_never_loads_qt_multimedia_or_speech() -> None:
    code = (
        "import sys, time\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from hamstring_gui.ui.audio.sound import QtCuePlayer\n"
        "player = QtCuePlayer()\n"
        "player.set_volume(50); player.stop(); player.play_tone('tick')\n"
        "print(sorted(m for m in sys.modules if 'Multimedia' in m or 'Speech' in m))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines() == ["[]"]


def test_no_sound_server_fails_soft_at_once_with_one_log_line(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = QtCuePlayer()
    caplog.set_level(logging.WARNING, logger="hamstring_gui.ui.audio.sound")
    started = time.perf_counter()
    with qtbot.waitSignal(player.availabilityChanged, timeout=5000):
        player.play_tone("hold")  # opens in the background; the call returns at once
        player.play_tone("tick")
        player.stop()
        assert time.perf_counter() - started < 0.05
    assert player.sound_unavailable_reason() == NO_DEVICE
    assert player.sound_status() == NO_DEVICE
    player.play_tone("hold")  # known to be unavailable: nothing happens, nothing logged
    assert [r.getMessage() for r in caplog.records] == [f"sounds off: {NO_DEVICE}"]


def test_one_volume_is_one_gain_for_chimes_and_voice(qtbot: QtBot) -> None:
    player, output, voice = _player(qtbot)
    player.set_volume(50)
    assert output.log == [("gain", 0.25)]
    assert voice.log == [("volume", voice_volume(0.25))]
    # espeak-ng's amplitude is linear in the volume: 0 is its normal level.
    amplitude = (voice_volume(0.25) + 100) / 100
    level = sound.ESPEAK_LEVEL_DBFS + 20 * math.log10(amplitude)
    assert level == pytest.approx(LOUDNESS_DBFS + 20 * math.log10(0.25), abs=0.2)
    assert voice_volume(0.0) == -100 and voice_volume(1.0) < 0  # never louder than normal
    assert gain(0) == 0.0 and gain(100) == 1.0 and gain(70) == pytest.approx(0.49)


def test_speech_waits_for_the_chime_and_stop_drops_it(qtbot: QtBot) -> None:
    player, output, voice = _player(qtbot)
    player.play_tone("hold")
    player.speak("Hold, left leg")
    assert voice.log == []  # the chime is still sounding
    qtbot.waitUntil(lambda: ("say", "Hold, left leg") in voice.log, timeout=2000)
    player.play_tone("hold")
    player.speak("Hold, right leg")
    player.stop()
    qtbot.wait(700)
    assert ("say", "Hold, right leg") not in voice.log
    assert voice.log[-1] == ("cancel", None) and output.log[-1] == ("stop", None)


def test_a_tick_never_talks_over_the_voice(qtbot: QtBot) -> None:
    player, output, voice = _player(qtbot)
    voice.speaking = True
    player.play_tone("tick")
    player.play_tone("hold")  # a phase change is never dropped
    voice.speaking = False
    player.play_tone("tick")
    assert output.log == [("play", "hold"), ("play", "tick")]


def test_no_speech_server_is_said_and_speaking_does_nothing(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = QtCuePlayer()
    caplog.set_level(logging.WARNING, logger="hamstring_gui.ui.audio.sound")
    assert player.voice_unavailable_reason() == speechd.NO_SERVER  # known before trying
    started = time.perf_counter()
    with qtbot.waitSignal(player.availabilityChanged, timeout=5000):
        player.speak("Hold, left leg")
        assert time.perf_counter() - started < 0.05
    assert player.voice_status() == speechd.NO_SERVER
    player.speak("Push gently")
    assert [r.getMessage() for r in caplog.records] == [f"voice off: {speechd.NO_SERVER}"]
    player.close()


def test_the_statuses_say_what_was_found(qtbot: QtBot) -> None:
    player, _output, _voice = _player(qtbot)
    assert player.sound_status() == words.LOOKING_FOR_SOUND
    player._sound_info = pulse.ServerInfo("pulseaudio 16.1", "Built-in Audio")
    assert player.sound_status() == "Chimes play on Built-in Audio (pulseaudio 16.1)."
    assert player.voice_status() == "The voice is speech-dispatcher, espeak-ng (MALE1, en)."
    assert player.speech_engine == "espeak-ng"


def test_idle_corks_after_the_last_chime_and_prepare_keeps_it_open(qtbot: QtBot) -> None:
    player, output, _voice = _player(qtbot)
    player.play_tone("hold")
    player.idle()
    qtbot.wait(200)
    assert ("idle", None) not in output.log  # the chime still sounds
    qtbot.waitUntil(lambda: ("idle", None) in output.log, timeout=3000)
    output.log.clear()
    player.idle()
    player.prepare(voice=False)
    qtbot.wait(700)
    assert output.log == [("prepare", None)]


def test_a_lost_server_is_looked_for_again(qtbot: QtBot) -> None:
    player, output, _voice = _player(qtbot)
    output.play = lambda name: False  # type: ignore[method-assign]
    with qtbot.waitSignal(player.availabilityChanged, timeout=5000):
        player.play_tone("hold")  # fails, closes, opens again in the background
    assert ("close", None) in output.log
    assert player.sound_unavailable_reason() == NO_DEVICE  # no server in the tests


class GatedOutput(FakeOutput):
    """A :class:`FakeOutput` whose opening (the sound server's answer) waits for ``gate``."""

    gate = threading.Event()

    def __init__(self, _app_name: str, _clips: object) -> None:
        super().__init__()
        assert self.gate.wait(10), "the test never opened the gate"

    def info(self) -> pulse.ServerInfo:
        raise pulse.PulseError("not asked in this test")


def test_wait_open_holds_a_session_start_until_the_opening_path_can_play(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    GatedOutput.gate = threading.Event()
    monkeypatch.setattr(pulse, "PulseOutput", GatedOutput)
    player = QtCuePlayer()
    assert player.wait_open(0)  # nothing opening: nothing to wait for
    player.open()
    assert not player.wait_open(0)  # the server has not answered yet
    GatedOutput.gate.set()
    assert player.wait_open(10)
    # The GUI thread has not heard "opened" yet (no event loop turn): the first cue
    # still plays at once, on the path the opening thread made ready.
    assert player._output is None
    player.play_tone("ready")
    output = player._ready
    assert isinstance(output, GatedOutput) and ("play", "ready") in output.log
    player.close()
