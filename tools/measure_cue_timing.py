"""Check by recording: does every cue land where the engine's instants say, at the right level?

Runs a short real session on the real clock and the Qt event loop, wired as
the app wires it (``hamstring_gui.app.Cues``), plays its cues through a
private PulseAudio daemon with a null sink, records the sink's monitor with
``parec --latency-msec=10`` (the default latency delays what a null sink
plays by up to 2 s and hides the truth), finds where sounds start and
compares them with the cues the plan and the engine's instants call for:
the opening chime at each phase start, ticks at ``deadline - k``, the
"complete" chime at the end. Also reports the peak and, with ``--voice``,
the loudness of speech against the chimes. Needs ``pulseaudio`` and
``pulseaudio-utils``; the voice needs ``speech-dispatcher`` and espeak-ng.

    .venv/bin/python tools/measure_cue_timing.py [--voice] [--json] [--save rec.wav]

``tests/ui/test_cue_recording.py`` and ``make bench`` use :func:`record_session`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
import wave
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATE = 22050
SILENT = 60  # |sample| at or below this is silence (a null sink's silence is exact zero)
QUIET_BEFORE = 0.15  # seconds of silence before a sound counts as a new onset
MATCH_SECONDS = 0.15  # an onset this close to an expected cue is that cue


@dataclass
class Recording:
    """What one recorded session gave."""

    expected: list[tuple[float, str]]  # (monotonic instant, tone)
    onsets: list[float]  # monotonic times where sound started
    samples: array[int]
    origin: float  # monotonic time of sample 0
    scale: float  # monotonic seconds per second of samples (the sink's clock drifts)
    offsets_ms: list[tuple[str, float | None]] = field(default_factory=list)
    extra: list[float] = field(default_factory=list)

    def match(self) -> None:
        """Pair every expected cue with its onset; onsets left over are extra."""
        used: set[int] = set()
        self.offsets_ms = []
        for when, tone in self.expected:
            near = [
                (abs(onset - when), index)
                for index, onset in enumerate(self.onsets)
                if index not in used and abs(onset - when) <= MATCH_SECONDS
            ]
            if not near:
                self.offsets_ms.append((tone, None))
                continue
            _, index = min(near)
            used.add(index)
            self.offsets_ms.append((tone, (self.onsets[index] - when) * 1000))
        self.extra = [onset for index, onset in enumerate(self.onsets) if index not in used]

    def window_end(self) -> float:
        """The monotonic time of the last sample."""
        return self.origin + len(self.samples) / RATE * self.scale

    def window(self, start: float, seconds: float) -> array[int]:
        """The samples from monotonic ``start`` for ``seconds``."""
        first = max(0, round((start - self.origin) / self.scale * RATE))
        return self.samples[first : first + round(seconds * RATE)]


def onsets(samples: array[int]) -> list[float]:
    """Seconds (from sample 0) where sound starts after :data:`QUIET_BEFORE` of silence."""
    found: list[float] = []
    last_sound = -1e9
    quiet = round(QUIET_BEFORE * RATE)
    for index, value in enumerate(samples):
        if value > SILENT or value < -SILENT:
            if index - last_sound >= quiet:
                found.append(index / RATE)
            last_sound = index
    return found


class Recorder:
    """``parec`` on the null sink's monitor, each chunk stamped on arrival."""

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
        self.chunks: list[tuple[float, bytes]] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while data := self.process.stdout.read1(4096):  # type: ignore[attr-defined]
            self.chunks.append((time.monotonic(), data))

    def started(self) -> bool:
        """Whether data flows (an idle null sink starts its monitor only after a while)."""
        return bool(self.chunks)

    def finish(self) -> tuple[array[int], float, float]:
        """Stop; the samples, the monotonic time of the first one, and the sink's clock rate.

        A chunk arrives after its last sample was made, so ``arrival - samples so
        far / rate`` bounds the start from above; the smallest bound is the closest.
        The sink's clock drifts from the monotonic one (~0.4 ms a second here), so
        the bound is taken in the first and the last quarter and joined by a line.
        """
        self.process.terminate()
        self.process.wait(5)
        self.reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        bounds: list[tuple[int, float]] = []  # (samples so far, bound on the start)
        total = 0
        for arrived, data in self.chunks:
            total += len(data) // 2
            bounds.append((total, arrived - total / RATE))
        data = b"".join(chunk for _, chunk in self.chunks)
        samples = array("h", data[: len(data) // 2 * 2])
        quarter = max(1, len(bounds) // 4)
        head = min(bounds[:quarter], key=lambda b: b[1])
        tail = min(bounds[-quarter:], key=lambda b: b[1])
        if tail[0] - head[0] < 5 * RATE:  # too short to see a drift
            return samples, min(b for _, b in bounds), 1.0
        slope = (tail[1] - head[1]) / ((tail[0] - head[0]) / RATE)
        return samples, head[1] - slope * head[0] / RATE, 1.0 + slope


def short_plan(kinds: str = "timing") -> Any:
    """Short phases: with a switch and a rest (13 s), for the voice (10 s), or two (4 s)."""
    from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side

    spec = {
        "timing": (
            (PhaseKind.PREPARE, Side.LEFT, 2),
            (PhaseKind.HOLD, Side.LEFT, 3),
            (PhaseKind.SWITCH, Side.RIGHT, 3),
            (PhaseKind.HOLD, Side.RIGHT, 3),
            (PhaseKind.REST, None, 2),
        ),
        "voice": ((PhaseKind.PREPARE, Side.LEFT, 4), (PhaseKind.HOLD, Side.LEFT, 6)),
        "first": ((PhaseKind.PREPARE, Side.LEFT, 2), (PhaseKind.HOLD, Side.LEFT, 2)),
    }[kinds]
    phases = tuple(
        Phase(kind, None if kind is PhaseKind.REST else "towel-stretch", side, 1, seconds, 0)
        for kind, side, seconds in spec
    )
    return Plan("recorded", phases, 1)


def record_session(
    plan: Any, sound: Any, *, open_first: bool = True, tail_seconds: float = 1.2
) -> Recording:
    """Run ``plan`` with the app's cue wiring and record it (needs a Qt app and PULSE_SERVER).

    ``open_first``: open the sound path before the session, as the app does once
    its window is up; otherwise the session opens it (the first cue may wait).
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from hamstring_gui.app import Cues
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.clock import SystemClock
    from hamstring_gui.core.cues import Mode, opening
    from hamstring_gui.core.session import Ended, PhaseStarted, SecondChanged, SessionEngine
    from hamstring_gui.core.settings import Settings
    from hamstring_gui.ui.controller import SessionController

    app = QCoreApplication.instance()
    assert app is not None, "needs a Qt application"
    clock = SystemClock()
    controller = SessionController(clock)
    model = SimpleNamespace(settings=Settings(sound=sound))
    cues = Cues(controller, model, load_catalog())  # type: ignore[arg-type]
    player = cues.ensure_player()
    loop = QEventLoop()

    def spin(condition: Any, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not condition() and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            time.sleep(0.005)

    if open_first:
        player.open()
        if sound.voice or sound.eyes_closed:
            player.warm_up()
        spin(lambda: player._output is not None or player.sound_unavailable_reason(), 5)
        spin(lambda: player.speech_engine or player.voice_unavailable_reason(), 10)
    recorder = Recorder()
    spin(recorder.started, 10)
    spin(lambda: False, 0.5)

    mode = Mode.from_settings(sound)
    expected: list[tuple[float, str]] = []

    def listen(event: object) -> None:
        engine: SessionEngine = controller.engine  # type: ignore[assignment]
        now = clock.now()
        deadline = now + engine.remaining(now)
        if isinstance(event, PhaseStarted):
            began = deadline - engine.duration(event.index)
            cue = opening(event.phase, "x", sided=mode.eyes_closed)
            if cue.tone is not None and mode.sound:
                expected.append((began, str(cue.tone)))
            if mode.ticked(event.phase.kind):
                shown = math.ceil(engine.duration(event.index) - 1e-9)
                for k in range(1, min(mode.tick_count, shown - 1) + 1):
                    expected.append((deadline - k, "tick"))
        elif isinstance(event, SecondChanged):
            pass
        elif isinstance(event, Ended) and event.summary.completed and mode.sound:
            expected.append((now, "complete"))

    controller.sessionStarted.connect(
        lambda _plan: controller.engine.subscribe(listen)  # type: ignore[union-attr]
    )
    controller.ended.connect(lambda _s: QTimer.singleShot(round(tail_seconds * 1000), loop.quit))
    QTimer.singleShot(0, lambda: controller.start(plan))
    loop.exec()
    player.close()
    samples, origin, scale = recorder.finish()
    heard = [origin + t * scale for t in onsets(samples)]
    recording = Recording(sorted(expected), heard, samples, origin, scale)
    recording.match()
    return recording


@dataclass
class FirstCues:
    """The first two cues of ``start ROUTINE``, against the engine's recorded instants."""

    instants: tuple[float, float]  # monotonic: "Get ready" (phase 0) and "Hold" (phase 1)
    heard: tuple[float, float]  # the onsets nearest to them
    offsets_ms: tuple[float, float]  # heard - instant, each

    @property
    def interval_error_ms(self) -> float:
        """(Hold - "Get ready") as heard minus as the engine planned them.

        Both onsets are on the sink's one sample clock, so this is free of how the
        recording is placed on the monotonic clock (the chunk arrival times a busy
        machine delays): a late or missing first cue shows here whatever the load.
        """
        heard = self.heard[1] - self.heard[0]
        return (heard - (self.instants[1] - self.instants[0])) * 1000


def record_start_routine(routine: str = "desk-break", prepare: int = 2) -> FirstCues:
    """Run ``hamstring-gui start ROUTINE`` (voice off) and record its first two cues.

    Its session starts while the window is built, before the trace is
    installed; the trace records that phase's instant as ``phase-running`` and
    the first hold's as ``phase-start``. Needs PULSE_SERVER and private XDG
    folders in the environment.
    """
    from tests.helpers.processes import stop, wait_for

    config = Path(os.environ["XDG_CONFIG_HOME"]) / "hamstring-gui"
    config.mkdir(parents=True, exist_ok=True)
    settings = {
        "version": 1,
        "safety_acknowledged": True,
        "reminders": {"enabled": False},
        "session": {"prepare_seconds": prepare, "warm_up": False},
        "sound": {"enabled": True, "voice": False, "eyes_closed": False, "volume": 100},
    }
    (config / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    trace = Path(os.environ["XDG_RUNTIME_DIR"]) / "cue-trace.jsonl"
    trace.unlink(missing_ok=True)
    recorder = Recorder()
    wait_for(recorder.started, 10, "the recording to start", 0.01)
    app = subprocess.Popen(
        [sys.executable, "-m", "hamstring_gui", "start", routine],
        env={**os.environ, "HAMSTRING_GUI_TRACE": str(trace)},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def instants() -> tuple[float, float] | None:
        lines = trace.read_text(encoding="utf-8").splitlines() if trace.exists() else []
        events = [json.loads(line) for line in lines if '"phase-' in line]
        found: dict[int, float] = {}
        for event in events:  # phase-start, where there is one, is the closer record
            if event["event"] == "phase-running":
                found.setdefault(0, event["first"])
            found[event["index"]] = event["planned"]
        return (found[0], found[1]) if 0 in found and 1 in found else None

    try:
        planned = wait_for(instants, 60, "the first hold", 0.05)
        time.sleep(0.8)
    finally:
        stop(app)
    samples, origin, scale = recorder.finish()
    heard = [origin + t * scale for t in onsets(samples)]
    if not heard:
        raise RuntimeError("nothing was heard")
    nearest = tuple(min(heard, key=lambda onset: abs(onset - when)) for when in planned)
    return FirstCues(
        planned,
        (nearest[0], nearest[1]),
        ((nearest[0] - planned[0]) * 1000, (nearest[1] - planned[1]) * 1000),
    )


def loudness_report(recording: Recording, clip_seconds: dict[str, float]) -> dict[str, float]:
    """Peak of everything, loudness of the full-level chimes and of the speech between them."""
    from hamstring_gui.core.loudness import loudness_dbfs, peak_dbfs

    chimes = [
        loudness_dbfs(recording.window(when, clip_seconds[tone]), RATE)
        for when, tone in recording.expected
        if tone in ("hold", "hold-left", "hold-right", "complete")
    ]
    starts = sorted({when for when, tone in recording.expected if tone != "tick"})
    speech = []
    for when, tone in recording.expected:
        if tone == "tick":
            continue
        begin = when + clip_seconds[tone] + 0.05
        later = [start for start in starts if start > when]
        end = later[0] - 0.05 if later else recording.window_end()
        speech.append(loudness_dbfs(recording.window(begin, end - begin), RATE))
    return {
        "peak_dbfs": peak_dbfs(recording.samples),
        "chime_dbfs": max(chimes),
        "speech_dbfs": max(speech),
    }


def clip_lengths() -> dict[str, float]:
    """Seconds of every bundled sound."""
    from hamstring_gui.core import assets
    from hamstring_gui.core.cues import Tone
    from hamstring_gui.platform.pulse import parse_wav

    return {
        str(tone): parse_wav(assets.read_bytes(tone.resource), tone.resource).seconds
        for tone in Tone
    }


def main() -> int:
    """Start a private sound server, record one session, print (or --json) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", action="store_true", help="speak too; report loudness")
    parser.add_argument("--cold", action="store_true", help="do not open the sound path first")
    parser.add_argument(
        "--start-routine",
        action="store_true",
        help="run `hamstring-gui start desk-break` instead and time its first two cues",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--save", type=Path, help="also write the recording to this WAV")
    args = parser.parse_args()
    from tests.helpers.processes import start_sound_server, stop

    with tempfile.TemporaryDirectory(prefix="cue-timing-") as folder:
        work = Path(folder)
        runtime = work / "runtime"
        runtime.mkdir(mode=0o700)
        os.environ.update(XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen")
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[key] = str(work / key.lower())
        daemon, server = start_sound_server(work, dict(os.environ))
        os.environ["PULSE_SERVER"] = server
        try:
            if args.start_routine:
                first = record_start_routine()
                offsets = [round(offset, 1) for offset in first.offsets_ms]
                result = {
                    "tones": ["ready", "hold"],
                    "offsets_ms": list(zip(["ready", "hold"], offsets, strict=True)),
                    "interval_error_ms": round(first.interval_error_ms, 1),
                    "cue_latency_ms_max": max(offsets, key=abs),
                    "missing": int(first.heard[0] == first.heard[1]),
                    "extra": 0,
                }
            else:
                result = _measure(args)
        finally:
            stop_speech(runtime)
            stop(daemon)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0 if result["missing"] == 0 and result["extra"] == 0 else 1


def _measure(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication

    from hamstring_gui.core.settings import SoundSettings

    _app = QCoreApplication.instance() or QCoreApplication([])
    sound = SoundSettings(
        enabled=True, voice=args.voice, tick_count=3, volume=100, tick_breaks=True
    )
    recording = record_session(
        short_plan("voice" if args.voice else "timing"), sound, open_first=not args.cold
    )
    if args.save:
        with wave.open(str(args.save), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(recording.samples.tobytes())
    offsets = [off for _, off in recording.offsets_ms if off is not None]
    result: dict[str, Any] = {
        "cues": len(recording.expected),
        "missing": sum(1 for _, off in recording.offsets_ms if off is None),
        "extra": len(recording.extra),
        "cue_latency_ms_max": round(max(offsets, key=abs), 1) if offsets else None,
        "cue_latency_ms_mean": round(sum(offsets) / len(offsets), 1) if offsets else None,
        "offsets_ms": [
            (tone, None if off is None else round(off, 1)) for tone, off in recording.offsets_ms
        ],
    }
    if args.voice:
        result.update(
            {k: round(v, 1) for k, v in loudness_report(recording, clip_lengths()).items()}
        )
    return result


def stop_speech(runtime: Path) -> None:
    """End the speech-dispatcher this run spawned (its pid file is in our runtime dir)."""
    pid_file = runtime / "speech-dispatcher" / "pid" / "speech-dispatcher.pid"
    with contextlib.suppress(OSError, ValueError):
        os.kill(int(pid_file.read_text().strip()), 15)


if __name__ == "__main__":
    sys.exit(main())
