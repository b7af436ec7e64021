"""The one range a static hold may take, stated once for the whole app.

The research summary (shared/evidence.md) puts useful static holds at
15-60 s: 30 s works as well as 60 s for most adults, 45-60 s suits people of
65 and over, and shorter holds only pay off with more reps. The settings, the
routine files, the routine editor and the library's own text all read these
bounds from here, so they can never drift apart again.
"""

from __future__ import annotations

HOLD_MIN_SECONDS = 15
HOLD_MAX_SECONDS = 60
HOLD_RANGE = (HOLD_MIN_SECONDS, HOLD_MAX_SECONDS)
"""Inclusive bounds, in seconds, of a static hold anywhere a user or a file can set one."""


def hold_range_text() -> str:
    """The range as people read it, e.g. ``"15–60 s"``."""
    return f"{HOLD_MIN_SECONDS}–{HOLD_MAX_SECONDS} s"
