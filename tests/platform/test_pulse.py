"""Chimes straight to the sound server (PulseAudio or PipeWire's pulse), checked by recording."""

from __future__ import annotations

import math
import os
import subprocess
import threading
import time
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstring_gui.platform.pulse import Clip, PulseError, PulseOutput, parse_wav
from tests.helpers import tools
from tests.helpers.processes import run_python, start_sound_server, stop, wait_for

RATE = 22050


def tone(seconds: float, amplitude: int = 12000) -> Clip:
    samples = array(
        "h",
        (
            int(amplitude * math.sin(2 * math.pi * 880 * n / RATE))
            for n in range(round(seconds * RATE))
        ),
    )
    return Clip(samples.tobytes(), RATE, 1)


class Recorder:
    """Records the null sink's monitor all along (which also keeps the idle sink awake)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [
                "parec",
                "-d",
                "rec.monitor",
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
        )
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        # A null sink that was idle starts its first stream only after up to 2 s.
        wait_for(lambda: self.chunks, 10, "the recording to start", 0.02)

    def _read(self) -> None:
        assert self.process.stdout is not None
        while data := self.process.stdout.read1(4096):  # type: ignore[attr-defined]
            self.chunks.append(data)

    def samples(self) -> array[int]:
        data = b"".join(self.chunks)
        return array("h", data[: len(data) // 2 * 2])

    def close(self) -> None:
        stop(self.process)  # type: ignore[arg-type]
        self.reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def sound_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    tools.require("pulseaudio", "parec")
    daemon, server = start_sound_server(tmp_path, dict(os.environ))
    monkeypatch.setenv("PULSE_SERVER", server)
    recorder = Recorder()
    yield recorder
    recorder.close()
    stop(daemon)


def _output(**clips: Clip) -> PulseOutput:
    return PulseOutput("Hamstring Coach tests", clips or {"a": tone(0.2)})


def _loud(samples: array[int]) -> int:
    return sum(1 for value in samples if abs(value) > 4000)


def test_a_clip_is_heard_on_the_sound_server(sound_server: Recorder) -> None:
    output = _output()
    before = len(sound_server.samples())
    started = time.monotonic()
    output.play("a")
    assert time.monotonic() - started < 0.005  # one locked call, no thread, no waiting
    time.sleep(0.5)
    heard = sound_server.samples()[before:]
    assert max(heard, default=0) > 4000  # the tone, not the null sink's silence
    assert 0.1 * RATE < _loud(heard) < 0.25 * RATE  # about 0.2 s of it (|sin| > 1/3: 78 %)
    output.close()


def test_the_stream_says_it_is_an_event_sound(sound_server: Recorder) -> None:
    output = _output()
    listed = subprocess.run(
        ["pactl", "list", "sink-inputs"], capture_output=True, text=True, check=True
    ).stdout
    assert 'media.role = "event"' in listed
    assert 'application.name = "Hamstring Coach tests"' in listed
    info = output.info()
    assert info.server.startswith("pulseaudio") and info.device == "Null Output"
    output.close()


def test_a_new_clip_cuts_the_one_playing_and_stop_cuts_at_once(sound_server: Recorder) -> None:
    output = _output(long=tone(3.0), short=tone(0.2))
    before = len(sound_server.samples())
    output.play("long")
    time.sleep(0.3)
    output.play("short")  # replaces the rest of the long one
    time.sleep(0.5)
    assert _loud(sound_server.samples()[before:]) < 0.7 * RATE  # not the 3 s
    before = len(sound_server.samples())
    output.play("long")
    time.sleep(0.2)
    output.stop()
    time.sleep(0.4)
    assert _loud(sound_server.samples()[before:]) < 0.45 * RATE
    output.close()


def test_the_volume_is_the_streams_on_the_server(sound_server: Recorder) -> None:
    output = _output()
    output.set_gain(0.25)  # -12 dB
    before = len(sound_server.samples())
    output.play("a")
    time.sleep(0.5)
    peak = max(abs(value) for value in sound_server.samples()[before:])
    assert 12000 * 0.2 < peak < 12000 * 0.3
    output.close()


def test_a_corked_stream_plays_again_once_prepared(sound_server: Recorder) -> None:
    output = _output()
    output.idle()
    time.sleep(0.2)
    output.prepare()
    before = len(sound_server.samples())
    output.play("a")  # play() uncorks by itself too
    time.sleep(0.5)
    assert _loud(sound_server.samples()[before:]) > 0.1 * RATE
    output.close()
    output.close()  # idempotent


def test_no_server_is_said_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'nobody'}")
    started = time.monotonic()
    with pytest.raises(PulseError, match="no sound server answers"):
        _output()
    assert time.monotonic() - started < 1.0


def test_a_server_that_goes_away_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools.require("pulseaudio")
    daemon, server = start_sound_server(tmp_path, dict(os.environ))
    monkeypatch.setenv("PULSE_SERVER", server)
    output = _output()
    assert output.alive
    stop(daemon)
    wait_for(lambda: not output.alive, 5, "the output to notice")
    assert output.play("a") is False
    output.close()


def test_clips_know_their_length_and_share_one_format() -> None:
    clip = Clip(array("h", [1000, -1000, 30000, 0]).tobytes(), 4, 1)
    assert clip.seconds == 1.0
    with pytest.raises(ValueError, match="different formats"):
        PulseOutput("x", {"a": clip, "b": Clip(b"", 8, 2)})


def test_only_16_bit_wavs_are_read(tmp_path: Path) -> None:
    import wave

    path = tmp_path / "eight.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 80)
    with pytest.raises(ValueError, match="eight.wav: not 16-bit PCM"):
        parse_wav(path.read_bytes(), "eight.wav")
    with pytest.raises(ValueError, match="junk.wav"):
        parse_wav(b"RIFFjunk", "junk.wav")


PLAYER = """
import sys, time
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from hamstring_gui.ui.audio.sound import QtCuePlayer
player = QtCuePlayer()
player.play_tone("tick")  # opens the path in the background, then plays
deadline = time.monotonic() + 5
while player.speech_engine == "" and player._output is None and time.monotonic() < deadline:
    app.processEvents(); time.sleep(0.01)
print(player.sound_unavailable_reason(), "PySide6.QtMultimedia" in sys.modules)
print(player.sound_status())
player.close()
"""


def test_the_app_plays_chimes_on_the_server_without_qt_multimedia(sound_server: Recorder) -> None:
    result = run_python(PLAYER)
    assert result.returncode == 0, result.stderr[-500:]
    lines = result.stdout.splitlines()
    assert lines[0] == "None False"
    assert lines[1].startswith("Chimes play on Null Output (pulseaudio ")
