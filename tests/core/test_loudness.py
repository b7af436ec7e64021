"""The one loudness measure of the chimes, the voice and the recorded tests."""

from __future__ import annotations

import math

import pytest

from hamstring_gui.core.loudness import SILENCE_DBFS, loudness_dbfs, peak_dbfs

RATE = 22050


def _sine(seconds: float, amplitude: float) -> list[float]:
    return [amplitude * math.sin(2 * math.pi * 440 * n / RATE) for n in range(int(seconds * RATE))]


def test_a_long_sine_measures_its_rms() -> None:
    # A full-scale sine's RMS is 1/sqrt(2): -3 dBFS; at half scale -9 dBFS.
    assert loudness_dbfs(_sine(1.0, 32767), RATE) == pytest.approx(-3.01, abs=0.05)
    assert loudness_dbfs(_sine(1.0, 16384), RATE) == pytest.approx(-9.03, abs=0.05)
    assert peak_dbfs(_sine(1.0, 16384)) == pytest.approx(-6.02, abs=0.01)


def test_only_the_loudest_400_ms_count_and_a_short_sound_counts_as_padded() -> None:
    quiet_then_loud = _sine(2.0, 1000) + _sine(0.4, 16384)
    assert loudness_dbfs(quiet_then_loud, RATE) == pytest.approx(-9.03, abs=0.2)
    # 100 ms of sound in a 400 ms window: 6 dB under the same sound held.
    assert loudness_dbfs(_sine(0.1, 16384), RATE) == pytest.approx(-9.03 - 6.02, abs=0.2)


def test_silence_and_another_full_scale() -> None:
    assert loudness_dbfs([0] * 1000, RATE) == SILENCE_DBFS
    assert peak_dbfs([]) == SILENCE_DBFS
    assert loudness_dbfs(_sine(1.0, 1.0), RATE, full_scale=1.0) == pytest.approx(-3.01, abs=0.05)
