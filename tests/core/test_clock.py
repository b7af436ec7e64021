"""The system clock: monotonic seconds that keep counting through a suspend."""

from __future__ import annotations

import time

from hamstring_gui.core.clock import Clock, SystemClock


def test_system_clock_counts_boot_time_and_never_goes_back() -> None:
    clock: Clock = SystemClock()
    first = clock.now()
    second = clock.now()
    assert second >= first
    expected = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)
    assert abs(time.clock_gettime(expected) - second) < 1.0
