"""The handout's items follow the plan the app would run: holds, reps, sides, rests."""

from __future__ import annotations

import dataclasses

from hamstring_gui.core.catalog import Kind, load_catalog
from hamstring_gui.core.plan import Side, build_plan
from hamstring_gui.core.routine import ItemSides, Routine, RoutineItem, builtin_routines
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.paper.handout import handout_items, minutes_words

CATALOG = load_catalog()


def test_each_item_has_the_dose_of_the_plan() -> None:
    settings = SessionSettings()
    for routine in builtin_routines().values():
        plan = build_plan(routine, CATALOG, settings)
        items = handout_items(plan, CATALOG)
        assert [i.stretch.id for i in items] == [
            item.stretch for item in routine.items if settings.warm_up or not item.warm_up
        ]
        assert sum(i.seconds for i in items) == plan.total_seconds


def test_a_one_sided_item_and_rests_are_said() -> None:
    routine = Routine(
        "mine",
        "Mine",
        "",
        (
            RoutineItem("chair-stretch", hold_seconds=40, reps=2, sides=ItemSides.LEFT),
            RoutineItem("supine-hand-towel", rest_seconds=20),
        ),
    )
    settings = dataclasses.replace(SessionSettings(), rest_seconds=15)
    first, second = handout_items(build_plan(routine, CATALOG, settings), CATALOG)
    assert first.sides == (Side.LEFT,) and first.hold_seconds == 40 and first.reps == 2
    assert first.dose.startswith("Hold 40 s × 2, left leg only")
    assert "rest 15 s after" in first.dose
    assert second.sides == (Side.LEFT, Side.RIGHT) and "on each leg" in second.dose


def test_pnf_is_a_first_hold_then_cycles() -> None:
    pnf = next(s for s in CATALOG.values() if s.kind is Kind.PNF)
    routine = Routine("p", "P", "", (RoutineItem(pnf.id),))
    (item,) = handout_items(build_plan(routine, CATALOG, SessionSettings()), CATALOG)
    assert item.dose.startswith(f"Hold {item.hold_seconds} s, then {item.reps} push–relax cycles")


def test_minutes_words() -> None:
    assert minutes_words(45) == "45 s"
    assert minutes_words(600) == "10 min"
    assert minutes_words(754) == "12 min 34 s"
