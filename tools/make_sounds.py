"""Generate the cue sounds in ``resources/sounds/`` (run: ``python tools/make_sounds.py``).

Every sound is built from sines with soft attack and decay envelopes, so the
output is deterministic (same bytes on every machine: no randomness, no
floating-point formatting) and can be checked in and compared by a test.
16-bit mono at 22.05 kHz keeps each file small. Every chime is scaled to one
loudness, :data:`hamstring_gui.core.cues.LOUDNESS_DBFS` (the voice is set to
the same level), the tick 10 dB and "Get ready" 6 dB below it; no peak may
pass -1 dBFS.

Usage::

    python tools/make_sounds.py            # (re)write resources/sounds/*.wav
    python tools/make_sounds.py --check    # exit 1 if the files differ
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import sys
import wave
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hamstring_gui.core.cues import LOUDNESS_DBFS  # noqa: E402
from hamstring_gui.core.loudness import loudness_dbfs, peak_dbfs  # noqa: E402

RATE = 22050
MAX_PEAK_DBFS = -1.0
OUT = ROOT / "resources" / "sounds"

Samples = list[float]


def _note(
    freq: float,
    seconds: float,
    *,
    attack: float = 0.008,
    decay: float = 6.0,
    partials: tuple[tuple[float, float], ...] = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.08)),
    release: float = 0.02,
) -> Samples:
    """A soft bell-like note: a few harmonics, a short linear attack, an exponential decay."""
    count = int(RATE * seconds)
    norm = sum(weight for _, weight in partials)
    out: Samples = []
    for n in range(count):
        t = n / RATE
        env = min(1.0, t / attack) if attack else 1.0
        env *= math.exp(-decay * t)
        tail = (count - n) / RATE
        if tail < release:  # fade the very end to zero: no click
            env *= tail / release
        value = sum(weight * math.sin(2 * math.pi * freq * ratio * t) for ratio, weight in partials)
        out.append(env * value / norm)
    return out


def _mix(length: float, *parts: tuple[float, Samples]) -> Samples:
    """Overlay ``(start_seconds, samples)`` parts into one buffer of ``length`` seconds."""
    out = [0.0] * int(RATE * length)
    for start, samples in parts:
        offset = int(RATE * start)
        for i, value in enumerate(samples):
            if offset + i < len(out):
                out[offset + i] += value
    return out


def tick() -> Samples:
    """A short, soft wooden tick."""
    return _note(
        1320.0, 0.06, attack=0.002, decay=70.0, partials=((1.0, 1.0), (2.76, 0.2)), release=0.01
    )


def ready() -> Samples:
    """Get ready: one soft, slowly swelling D5, almost a pure tone."""
    return _note(587.33, 0.45, attack=0.06, decay=5.0, partials=((1.0, 1.0), (2.0, 0.08)))


def hold() -> Samples:
    """Hold starts: a rising fifth, C5 then G5."""
    return _mix(0.55, (0.0, _note(523.25, 0.3)), (0.14, _note(783.99, 0.4)))


def hold_left() -> Samples:
    """Hold, left leg (eyes closed): the hold chime, then one low G4."""
    return _mix(0.85, (0.0, hold()), (0.5, _note(392.0, 0.35)))


def hold_right() -> Samples:
    """Hold, right leg (eyes closed): the hold chime, then two high C6 notes."""
    return _mix(0.9, (0.0, hold()), (0.5, _note(1046.5, 0.15)), (0.66, _note(1046.5, 0.22)))


def switch() -> Samples:
    """Switch legs: a gentle "ding-dong", E5 then C5 twice as a swing."""
    return _mix(
        0.6, (0.0, _note(659.25, 0.3)), (0.15, _note(523.25, 0.3)), (0.3, _note(659.25, 0.3))
    )


def rest() -> Samples:
    """Rest: one low, warm, slowly fading tone (G4)."""
    return _note(392.0, 0.6, attack=0.03, decay=4.5, partials=((1.0, 1.0), (2.0, 0.12)))


def push() -> Samples:
    """Push gently: a firmer A4 that swells a little."""
    return _note(440.0, 0.3, attack=0.05, decay=5.0, partials=((1.0, 1.0), (3.0, 0.15)))


def relax() -> Samples:
    """Relax: a falling fourth, G5 down to D5, softly."""
    return _mix(0.6, (0.0, _note(783.99, 0.3, attack=0.02)), (0.16, _note(587.33, 0.44, decay=4.0)))


def complete() -> Samples:
    """Session complete: a calm rising arpeggio, C5 E5 G5 C6."""
    notes = (523.25, 659.25, 783.99, 1046.5)
    parts = ((0.12 * i, _note(f, 1.0 - 0.12 * i, decay=4.0)) for i, f in enumerate(notes))
    return _mix(1.0, *parts)


SOUNDS: dict[str, Callable[[], Samples]] = {
    "tick": tick,
    "ready": ready,
    "hold": hold,
    "hold-left": hold_left,
    "hold-right": hold_right,
    "switch": switch,
    "rest": rest,
    "push": push,
    "relax": relax,
    "complete": complete,
}

BELOW = {"tick": 10.0, "ready": 6.0}  # dB under the chimes: a tick repeats, "Get ready" is soft


def render(name: str) -> bytes:
    """The complete WAV file ``name`` as bytes, at its loudness.

    Raises:
        ValueError: the sound would peak above :data:`MAX_PEAK_DBFS`.
    """
    samples = SOUNDS[name]()
    target = LOUDNESS_DBFS - BELOW.get(name, 0.0)
    scale = 32767 * 10 ** ((target - loudness_dbfs(samples, RATE, full_scale=1.0)) / 20)
    if peak_dbfs(samples, full_scale=1.0) + 20 * math.log10(scale / 32767) > MAX_PEAK_DBFS:
        raise ValueError(f"{name} would peak above {MAX_PEAK_DBFS} dBFS")
    frames = struct.pack(f"<{len(samples)}h", *(int(round(v * scale)) for v in samples))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) every sound."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="folder (default: resources/sounds)")
    args = parser.parse_args(argv)
    differ = []
    for name in SOUNDS:
        path = args.out / f"{name}.wav"
        data = render(name)
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                differ.append(path.name)
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path} ({len(data)} bytes)")
    if differ:
        print("out of date: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
