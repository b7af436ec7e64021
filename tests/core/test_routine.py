"""Built-in routines and the routine file format."""

from __future__ import annotations

import re

import pytest

from hamstring_gui.core.catalog import Equipment, Position, load_catalog
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import ItemSides, builtin_routines, parse_routine
from hamstring_gui.core.settings import SessionSettings


def _minutes(routine_id: str, settings: SessionSettings | None = None) -> float:
    routine = builtin_routines()[routine_id]
    return build_plan(routine, load_catalog(), settings or SessionSettings()).total_seconds / 60


def test_five_builtin_routines_exist() -> None:
    assert {"desk-break", "gentle-lying", "full-session", "pnf-towel", "self-test"} <= set(
        builtin_routines()
    )
    assert all(routine.builtin for routine in builtin_routines().values())


def test_desk_break_is_chair_and_standing_and_about_five_minutes() -> None:
    routine = builtin_routines()["desk-break"]
    assert set(routine.positions(load_catalog())) <= {Position.CHAIR, Position.STANDING}
    assert 4 <= _minutes("desk-break") <= 5


def test_gentle_routine_lies_on_the_floor_and_avoids_toe_touches() -> None:
    catalog = load_catalog()
    routine = builtin_routines()["gentle-lying"]
    assert routine.positions(catalog) == [Position.LYING]
    assert not any(catalog[item.stretch].back_pain_caution for item in routine.items)


def test_full_session_is_12_to_15_minutes_with_an_optional_warm_up() -> None:
    assert 12 <= _minutes("full-session") <= 15
    without = _minutes("full-session", SessionSettings(warm_up=False))
    assert without < _minutes("full-session")
    assert any(item.warm_up for item in builtin_routines()["full-session"].items)


def test_the_warm_up_starts_with_easy_walking_as_the_evidence_says() -> None:
    catalog = load_catalog()
    first = next(item for item in builtin_routines()["full-session"].items if item.warm_up)
    stretch = catalog[first.stretch]
    assert "walking" in stretch.name.lower() and "walk" in stretch.steps[1].lower()
    assert "jog" not in stretch.steps[1].lower()


def test_descriptions_never_state_a_length_and_name_only_what_the_routine_uses() -> None:
    """Card lengths come from the plan; a description must not contradict them or the kit."""
    catalog = load_catalog()
    words = {"towel": Equipment.TOWEL_OR_STRAP, "wall": Equipment.WALL, "chair": Equipment.CHAIR}
    for routine in builtin_routines().values():
        text = routine.description.lower()
        assert not re.search(r"\d+\s*(?:min|minute|s\b|sec)", text), routine.id
        for word, thing in words.items():
            if re.search(rf"\b{word}\b", text):
                assert thing in routine.equipment(catalog), (routine.id, word)


def test_back_cautions_lists_each_flagged_stretch_once_in_order() -> None:
    items = ("chair-stretch", "seated-toe-touch", "knees-to-chest-one", "seated-toe-touch")
    text = 'id = "mine"\nname = "Mine"\n'
    text += "".join(f'[[items]]\nstretch = "{stretch}"\n' for stretch in items)
    routine = parse_routine(text, "x", load_catalog())
    flagged = routine.back_cautions(load_catalog())
    assert [s.id for s in flagged] == ["seated-toe-touch", "knees-to-chest-one"]
    assert "back" in flagged[0].back_caution_reason()


def test_no_builtin_routine_uses_a_back_pain_caution_stretch() -> None:
    catalog = load_catalog()
    for routine in builtin_routines().values():
        for item in routine.items:
            assert not catalog[item.stretch].back_pain_caution, (routine.id, item.stretch)


def test_self_test_routine_is_the_90_90_test() -> None:
    items = builtin_routines()["self-test"].items
    assert [item.stretch for item in items] == ["ake-self-test"]


ROUTINE = """
id = "mine"
name = "Mine"
[[items]]
stretch = "chair-stretch"
hold_seconds = 40
reps = 2
sides = "left"
"""


def test_routine_file_overrides_are_read() -> None:
    routine = parse_routine(ROUTINE, "mine.toml", load_catalog())
    (item,) = routine.items
    assert (item.hold_seconds, item.reps, item.sides) == (40, 2, ItemSides.LEFT)
    assert routine.description == ""


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        (
            'stretch = "chair-stretch"',
            'stretch = "chair-strech"',
            "stretch",
            "did you mean 'chair-stretch'",
        ),  # noqa: E501
        ("hold_seconds = 40", "hold_seconds = 4000", "hold_seconds", "out of range"),
        ('sides = "left"', 'sides = "middle"', "sides", "not one of"),
        ('id = "mine"', 'id = "../../mine"', "id", "not a valid id"),
        ("reps = 2", "reps = 2\ncolour = 1", "colour", "unknown key"),
    ],
)
def test_bad_routine_files_are_refused_with_a_located_message(
    old: str, new: str, field: str, problem: str
) -> None:
    with pytest.raises(DataError) as caught:
        parse_routine(ROUTINE.replace(old, new), "mine.toml", load_catalog())
    assert caught.value.field == field
    assert problem in str(caught.value)


def test_one_sided_override_is_refused_for_a_both_legs_stretch() -> None:
    text = ROUTINE.replace("chair-stretch", "seated-floor-stretch")
    with pytest.raises(DataError, match="both legs together"):
        parse_routine(text, "mine.toml", load_catalog())
