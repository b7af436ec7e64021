"""The user's words and times, said once for the CLI, the banner and every screen."""

from __future__ import annotations

from hamstring_gui.core.catalog import Equipment, Kind, Position
from hamstring_gui.core.plan import Phase, PhaseKind, Side
from hamstring_gui.core.words import (
    EQUIPMENT_WORDS,
    KIND_WORDS,
    PHASE_WORDS,
    POSITION_WORDS,
    banner_text,
    format_minutes,
    format_seconds,
    side_words,
)


def test_every_value_has_words() -> None:
    assert set(PHASE_WORDS) == set(PhaseKind)
    assert set(POSITION_WORDS) == set(Position)
    assert set(EQUIPMENT_WORDS) == set(Equipment)
    assert set(KIND_WORDS) == set(Kind)
    assert PHASE_WORDS[PhaseKind.RELAX] == "Relax and go deeper"


def test_sides_and_the_banner_name_the_leg() -> None:
    assert [side_words(s) for s in (Side.LEFT, Side.RIGHT, None)] == [
        "left leg",
        "right leg",
        "both legs",
    ]
    hold = Phase(PhaseKind.HOLD, "chair-stretch", Side.LEFT, 1, 30, 0)
    assert banner_text(hold) == "Hold — left leg"
    switch = Phase(PhaseKind.SWITCH, "chair-stretch", Side.RIGHT, 1, 5, 0)
    assert banner_text(switch) == "Switch legs"
    assert banner_text(Phase(PhaseKind.REST, None, None, 0, 15, 0)) == "Rest"


def test_times_in_minutes_and_seconds() -> None:
    assert [format_seconds(s) for s in (0, 9.6, 59, 60, 754, -3)] == [
        "0:00",
        "0:10",
        "0:59",
        "1:00",
        "12:34",
        "0:00",
    ]
    assert [format_minutes(s) for s in (40, 60, 89, 330)] == ["40 s", "1 min", "1 min", "6 min"]
