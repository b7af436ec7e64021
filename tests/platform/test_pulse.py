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


def test_a_clip_is_heard_on_the_sound_server(sound_server: Recorder) -> None:
    output = PulseOutput("Hamstring Coach tests")
    before = len(sound_server.samples())
    output.play(tone(0.2))
    output.wait()
    time.sleep(0.2)
    heard = sound_server.samples()[before:]
    assert max(heard, default=0) > 4000  # the tone, not the null sink's silence
    loud = sum(1 for value in heard if abs(value) > 4000)
    assert 0.05 * RATE < loud < 0.25 * RATE  # about 0.2 s of it


def test_stop_cuts_clips_short_and_returns_at_once(sound_server: Recorder) -> None:
    output = PulseOutput("Hamstring Coach tests")
    output.play(tone(3.0))
    output.play(tone(3.0))  # two at once: chimes may overlap
    time.sleep(0.2)
    started = time.monotonic()
    output.stop()
    assert time.monotonic() - started < 0.01
    output.wait()
    assert time.monotonic() - started < 0.5  # not the 3 s the clips last


def test_no_server_is_said_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'nobody'}")
    started = time.monotonic()
    with pytest.raises(PulseError, match="no sound server answers"):
        PulseOutput("Hamstring Coach tests")
    assert time.monotonic() - started < 1.0


def test_a_server_that_goes_away_is_reported_once_per_clip(sound_server: Recorder) -> None:
    problems: list[str] = []
    output = PulseOutput("Hamstring Coach tests", on_error=problems.append)
    os.environ["PULSE_SERVER"] = "unix:/nonexistent"  # restored by monkeypatch
    output.play(tone(0.1))
    output.wait()
    assert len(problems) == 1 and "no sound server answers" in problems[0]


def test_clips_scale_and_know_their_length() -> None:
    clip = Clip(array("h", [1000, -1000, 30000, 0]).tobytes(), 4, 1)
    assert clip.seconds == 1.0
    assert list(array("h", clip.scaled(0.5).pcm)) == [500, -500, 15000, 0]
    assert clip.scaled(1.0) == clip


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
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
from hamstring_gui.ui.audio.sound import QtCuePlayer
player = QtCuePlayer()
player.play_tone("tick")
player._server.wait()
print(player.sound_unavailable_reason(), "PySide6.QtMultimedia" in sys.modules)
"""


def test_the_app_plays_chimes_on_the_server_without_qt_multimedia(sound_server: Recorder) -> None:
    result = run_python(PLAYER)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == ["None", "False"]


def test_closing_the_player_ends_its_chimes_threads(sound_server: Recorder) -> None:
    """The app calls close() on quit: no chime thread may outlive the interpreter's exit."""
    import threading as threads

    from hamstring_gui.ui.audio.sound import QtCuePlayer

    player = QtCuePlayer()
    player.play_tone("complete")  # the longest chime, ~1 s
    assert any(thread.name == "cue" for thread in threads.enumerate())
    started = time.monotonic()
    player.close()
    assert time.monotonic() - started < 0.5
    assert not any(thread.name == "cue" for thread in threads.enumerate())
