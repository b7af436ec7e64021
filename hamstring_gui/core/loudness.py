"""How loud a sound is, one measure for the chimes, the voice and the tests.

Loudness here is the RMS of the loudest 400 ms (EBU's "momentary" window,
without its frequency weighting: the chimes and the voice share the same
few kHz), in dB below full scale. A clip shorter than the window counts as
padded with silence, so a 60 ms tick measures as quiet as it sounds. Pure
Python, fast enough for a minute of 22 kHz audio.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

WINDOW_SECONDS = 0.4
STEP_SECONDS = 0.01
FULL_SCALE = 32768.0
SILENCE_DBFS = -120.0


def loudness_dbfs(samples: Sequence[float], rate: int, *, full_scale: float = FULL_SCALE) -> float:
    """The RMS of the loudest :data:`WINDOW_SECONDS` of ``samples``, in dBFS."""
    step = max(1, round(STEP_SECONDS * rate))
    window = max(1, round(WINDOW_SECONDS * rate / step))
    blocks = [
        math.fsum(value * value for value in samples[start : start + step])
        for start in range(0, len(samples), step)
    ]
    blocks += [0.0] * window
    best = running = math.fsum(blocks[:window])
    for index in range(window, len(blocks)):
        running += blocks[index] - blocks[index - window]
        best = max(best, running)
    mean_square = best / (window * step) / (full_scale * full_scale)
    return 10 * math.log10(mean_square) if mean_square > 0 else SILENCE_DBFS


def peak_dbfs(samples: Sequence[float], *, full_scale: float = FULL_SCALE) -> float:
    """The largest sample, in dBFS."""
    peak = max((abs(value) for value in samples), default=0.0)
    return 20 * math.log10(peak / full_scale) if peak > 0 else SILENCE_DBFS
