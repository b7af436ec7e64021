"""Check by ear, with a recorder: do the cues land where the engine's deadlines say?

Runs a short real session (desk-break with short holds) on the real clock and
the Qt event loop (offscreen), plays its cues through a private PulseAudio
daemon with a null sink, records the sink's monitor with ``parec``, finds
sound onsets by energy and compares them with the planned instants
(``deadline - k`` for a tick at k seconds left, the phase deadline for a
chime). Needs ``pulseaudio`` and ``pulseaudio-utils`` (parec). Not a test:
run it by hand::

    .venv/bin/python tools/measure_cue_timing.py [--save rec.wav]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

RATE = 22050
FRAME = 0.002  # energy window, seconds


def start_pulse(runtime: Path) -> subprocess.Popen[bytes]:
    """A private PulseAudio daemon whose default sink is a null sink named ``rec``."""
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), HOME=str(runtime))
    daemon = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "-L",
            "module-null-sink sink_name=rec rate=44100",
            "-L",
            "module-native-protocol-unix",
            "--log-target=stderr",
            "--log-level=error",
        ],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            subprocess.run(["pactl", "set-default-sink", "rec"], env=env, check=True)
            return daemon
        time.sleep(0.05)
    daemon.kill()
    raise SystemExit("pulseaudio did not start")


def onsets(samples: list[int]) -> list[float]:
    """Seconds where sound starts after at least 150 ms of quiet."""
    step = int(RATE * FRAME)
    found: list[float] = []
    quiet_since = 0.0
    for start in range(0, len(samples) - step, step):
        peak = max(abs(value) for value in samples[start : start + step])
        t = start / RATE
        if peak > 1500:
            if t - quiet_since >= 0.15:
                found.append(t)
            quiet_since = t + FRAME
        # (still loud: quiet_since keeps moving)
    return found


def main() -> int:
    """Run the session, record it and print the offsets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="also write the recording to this WAV")
    args = parser.parse_args()
    for tool in ("pulseaudio", "parec", "pactl"):
        if not shutil.which(tool):
            raise SystemExit(f"needs {tool}: apt-get install pulseaudio pulseaudio-utils")
    runtime = Path(tempfile.mkdtemp(prefix="cue-timing-"))
    runtime.chmod(0o700)
    daemon = start_pulse(runtime)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        return measure(args.save)
    finally:
        daemon.terminate()
        daemon.wait(5)
        shutil.rmtree(runtime, ignore_errors=True)


def measure(save: Path | None) -> int:
    """Play the session into the null sink and compare onsets with the plan."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.clock import SystemClock
    from hamstring_gui.core.cues import attach_cues
    from hamstring_gui.core.plan import build_plan
    from hamstring_gui.core.routine import builtin_routines
    from hamstring_gui.core.session import Ended, PhaseStarted, SecondChanged, SessionEngine
    from hamstring_gui.core.settings import SessionSettings, SoundSettings
    from hamstring_gui.ui.audio.sound import QtCuePlayer
    from hamstring_gui.ui.controller import SessionController

    app = QGuiApplication([])
    clock = SystemClock()
    settings = SessionSettings(
        hold_seconds=6, reps=1, prepare_seconds=2, switch_seconds=3, rest_seconds=3
    )
    plan = build_plan(builtin_routines()["desk-break"], load_catalog(), settings)
    sound = SoundSettings(enabled=True, voice=False, tick_count=3, volume=100)
    player = QtCuePlayer()
    planned: list[tuple[float, str]] = []

    controller = SessionController(clock)

    def observe(engine: SessionEngine) -> None:
        director = attach_cues(engine, lambda: sound, player)

        def plan_listener(event: object) -> None:
            now = clock.now()
            deadline = now + engine.remaining(now)
            if isinstance(event, SecondChanged) and director._schedule.get(event.remaining):
                planned.append((deadline - event.remaining, "tick"))
            elif isinstance(event, PhaseStarted) and director._opening and director._opening.tone:
                # the phase began at the previous deadline: now minus time already gone
                began = deadline - engine.duration(event.index)
                planned.append((began, str(director._opening.tone)))
            elif isinstance(event, Ended) and event.summary.completed:
                planned.append((now, "complete"))

        engine.subscribe(plan_listener)

    controller.attach(observe)
    controller.ended.connect(lambda _s: QTimer.singleShot(1500, app.quit))

    # Warm the sound path first so the first cue does not pay for loading.
    player.set_volume(100)
    player.play_tone("tick")
    player.stop()

    rec = subprocess.Popen(
        [
            "parec",
            "-d",
            "rec.monitor",
            "--raw",
            "--format=s16le",
            f"--rate={RATE}",
            "--channels=1",
            "--latency-msec=5",
        ],
        stdout=subprocess.PIPE,
    )
    assert rec.stdout is not None
    chunks: list[tuple[float, bytes]] = []

    def read() -> None:
        assert rec.stdout is not None
        while data := rec.stdout.read1(4096):  # type: ignore[attr-defined]
            chunks.append((clock.now(), data))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    QTimer.singleShot(800, lambda: controller.start(plan))
    app.exec()
    rec.terminate()
    reader.join(2)

    # Map sample i to the clock: the earliest (arrival - samples so far) bounds the latency.
    data = b"".join(chunk for _, chunk in chunks)
    origin = min(
        t - (sum(len(c) for _, c in chunks[: n + 1]) // 2) / RATE for n, (t, _) in enumerate(chunks)
    )
    samples = list(memoryview(data).cast("h"))
    if save:
        with wave.open(str(save), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(data)
    heard = [origin + t for t in onsets(samples)]
    rows = []
    for when, name in planned:
        nearest = min(heard, key=lambda h: abs(h - when), default=None)
        rows.append((name, when, None if nearest is None else (nearest - when) * 1000))
    ticks = [off for name, _, off in rows if name == "tick" and off is not None]
    every = [off for _, _, off in rows if off is not None]
    print(f"planned cues {len(planned)}, onsets heard {len(heard)}")
    for name, when, off in rows:
        print(f"  {name:9s} at {when - planned[0][0]:7.3f} s  offset {off:+7.1f} ms")
    for label, values in (("ticks", ticks), ("all cues", every)):
        if values:
            print(
                f"{label}: n={len(values)} mean {statistics.mean(values):+.1f} ms, "
                f"max |offset| {max(abs(v) for v in values):.1f} ms, "
                f"spread {max(values) - min(values):.1f} ms"
            )
    return 0 if ticks and max(abs(v) for v in ticks) <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
