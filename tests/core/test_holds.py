"""The one hold range: what the evidence supports, and what every reader of it uses."""

from __future__ import annotations

from hamstring_gui.core import holds
from hamstring_gui.core.routine import HOLD_RANGE as ROUTINE_HOLD_RANGE
from hamstring_gui.core.settings import SessionSettings, bound_of


def test_the_range_is_the_evidence_range_and_says_so() -> None:
    assert holds.HOLD_RANGE == (holds.HOLD_MIN_SECONDS, holds.HOLD_MAX_SECONDS) == (15, 60)
    assert holds.hold_range_text() == "15–60 s"


def test_settings_and_routine_files_use_it() -> None:
    bound = bound_of(SessionSettings, "hold_seconds")
    assert (bound.minimum, bound.maximum) == holds.HOLD_RANGE
    assert ROUTINE_HOLD_RANGE == holds.HOLD_RANGE
    assert holds.HOLD_MIN_SECONDS <= SessionSettings().hold_seconds <= holds.HOLD_MAX_SECONDS
