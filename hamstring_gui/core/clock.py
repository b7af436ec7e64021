"""Time as the session engine sees it: an injected monotonic clock.

Countdowns are computed from deadlines on this clock, never from counting
timer ticks and never from wall-clock time (which jumps with NTP, time-zone
and manual changes). Tests use a fake clock they advance by hand.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells monotonic time in seconds."""

    def now(self) -> float:
        """Seconds since an arbitrary, fixed origin; never goes backwards."""
        ...


class SystemClock:
    """The machine's clock, counting time spent suspended.

    Linux's ``CLOCK_MONOTONIC`` stops while the machine sleeps, which would
    hide a suspend from the engine; ``CLOCK_BOOTTIME`` keeps counting, so the
    engine sees the jump and pauses the session instead of carrying on as if
    the user had been stretching all along.
    """

    def __init__(self) -> None:
        self._clock_id = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)

    def now(self) -> float:
        """Seconds on the boot-time clock."""
        return time.clock_gettime(self._clock_id)
