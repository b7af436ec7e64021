"""The sore-back mark: its words and its one-key skip, the same on every screen.

Stretches flagged ``back_pain_caution`` in the library (toe touches, round-back
knee hugs, forward bends, rolling near the spine) carry this mark on the
session screen, in the routine editor and in the Stretch library. Plain
Python, so the main window can name the key without loading any widget.
"""

from __future__ import annotations

from collections.abc import Mapping

from hamstring_gui.core.catalog import Stretch
from hamstring_gui.core.plan import Phase

SORE_BACK_TEXT = "Not for a sore back — skip it if your back hurts today"
BACK_MARK = "Not for a sore back"
"""The short mark in lists; the full sentence is :data:`SORE_BACK_TEXT`."""

SORE_BACK_ACTION = "Skip: not for a sore &back"
"""The menu entry (Session menu); enabled only on a stretch that carries the mark."""
SORE_BACK_TIP = "Leave out this stretch: not for a sore back"

SORE_BACK_KEY = "B"
"""The one-key skip. Free among the session keys: Space, the arrows, Esc, + and −,
F11 and the Ctrl shortcuts (M, comma, H, Q, E); a text field still types it."""


def flagged(catalog: Mapping[str, Stretch], phase: Phase | None) -> bool:
    """Whether ``phase`` belongs to a stretch that carries the sore-back mark."""
    return (
        phase is not None and bool(phase.stretch) and catalog[phase.stretch or ""].back_pain_caution
    )
