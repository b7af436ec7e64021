"""The user's words and times, said once for the CLI, the banner and every screen."""

from __future__ import annotations

from hamstring_gui.core import i18n, words
from hamstring_gui.core.catalog import Equipment, Kind, Position
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.plan import Phase, PhaseKind, Side
from hamstring_gui.core.routine import Routine, RoutineItem, builtin_routines
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


def test_counts_say_one_and_many() -> None:
    assert words.count(1, "rep", "reps") == "1 rep"
    assert words.count(0, "rep", "reps") == "0 reps"
    assert words.streak(1) == "Streak: 1 day"
    assert words.streak(4) == "Streak: 4 days"


def test_joined_says_each_word_once() -> None:
    assert words.joined(["Static hold", "Chair", "Chair"]) == "Static hold · Chair"
    assert words.joined(["Lying", "", "Wall"]) == "Lying · Wall"


def test_reminder_words() -> None:
    assert words.warning_body("Desk break", 30).startswith("Desk break in 30 s.")
    assert "about 5 min" in words.reminder_body("Desk break", 5)
    assert "waited until you were free" in words.reminder_body("Desk break", 5, late=True)
    assert words.snooze_label(10) == "Snooze 10 min"


def test_data_problems_said_as_a_person_would() -> None:
    unknown = DataError(
        "physio-plan.toml",
        "unknown stretch 'sitting-hamstring' (did you mean 'seated-hamstring'?)",
        "physio-plan item 1",
        "stretch",
    )
    assert words.data_problem(unknown) == (
        "In physio-plan.toml, item 1: there is no stretch called 'sitting-hamstring'; "
        "did you mean 'seated-hamstring'?"
    )
    assert "entry" not in words.data_problem(unknown)
    missing = DataError("p.toml", "missing", "p", "name")
    assert words.data_problem(missing) == "In p.toml: “name” is missing."
    out = DataError("p.toml", "5 is out of range 10..60", "p item 2", "hold_seconds")
    assert words.data_problem(out) == (
        "In p.toml, item 2: “hold_seconds” is 5; it must be from 10 to 60."
    )
    whole = DataError("p.toml", "must be a whole number, got 'x'", "p item 2", "reps")
    assert words.data_problem(whole) == "In p.toml, item 2: “reps” must be a whole number, got 'x'."
    assert words.data_problem(DataError("p.toml", "no such file")) == "p.toml: no such file."


def test_a_routine_is_named_in_the_language_in_use_and_a_gone_one_by_its_id() -> None:

    mine = Routine("my-desk_break", "Meine Pause", "", (RoutineItem("chair-stretch"),))
    i18n.use("de")
    routines = {**builtin_routines(), mine.id: mine}
    assert words.routine_title("gentle-lying", routines) == "Sanft im Liegen"
    assert words.routine_title("my-desk_break", routines) == "Meine Pause"
    i18n.use("en")
    assert words.routine_title("gentle-lying", builtin_routines()) == "Gentle lying stretches"
    # Deleted (or renamed) since the session: its id, readable; case kept, separators once.
    assert words.routine_title("my-desk_break", {}) == "My desk break"
    assert words.routine_title("PNF--mix", {}) == "PNF mix"
