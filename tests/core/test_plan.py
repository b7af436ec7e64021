"""The plan: routines expanded into balanced, timed phases."""

from __future__ import annotations

from collections import Counter

import pytest

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import PhaseKind, Side, build_plan
from hamstring_gui.core.routine import ItemSides, Routine, RoutineItem, builtin_routines
from hamstring_gui.core.settings import SessionSettings, StretchOverride


def _plan(routine_id: str, settings: SessionSettings | None = None):  # type: ignore[no-untyped-def]
    return build_plan(builtin_routines()[routine_id], load_catalog(), settings or SessionSettings())


def _single(stretch: str, settings: SessionSettings | None = None, **item: object):  # type: ignore[no-untyped-def]
    routine = Routine("one", "One", "", (RoutineItem(stretch, **item),))  # type: ignore[arg-type]
    return build_plan(routine, load_catalog(), settings or SessionSettings())


@pytest.mark.parametrize("routine_id", sorted(builtin_routines()))
def test_both_legs_get_exactly_the_same_hold(routine_id: str) -> None:
    held: Counter[tuple[str | None, Side | None]] = Counter()
    for phase in _plan(routine_id).phases:
        if phase.kind.is_stretching or phase.kind is PhaseKind.MOVE:
            held[(phase.stretch, phase.side)] += phase.seconds
    for (stretch, side), seconds in held.items():
        if side is not None:
            assert held[(stretch, side.other)] == seconds, stretch


def test_each_side_stretch_alternates_legs_with_switches() -> None:
    plan = _single("chair-stretch")
    kinds = [(p.kind, p.side, p.rep) for p in plan.phases]
    L, R = Side.LEFT, Side.RIGHT  # noqa: N806
    assert kinds == [
        (PhaseKind.PREPARE, L, 1),
        (PhaseKind.HOLD, L, 1),
        (PhaseKind.SWITCH, R, 1),
        (PhaseKind.HOLD, R, 1),
        (PhaseKind.SWITCH, L, 2),
        (PhaseKind.HOLD, L, 2),
        (PhaseKind.SWITCH, R, 2),
        (PhaseKind.HOLD, R, 2),
        (PhaseKind.SWITCH, L, 3),
        (PhaseKind.HOLD, L, 3),
        (PhaseKind.SWITCH, R, 3),
        (PhaseKind.HOLD, R, 3),
    ]
    assert {p.seconds for p in plan.phases if p.kind is PhaseKind.HOLD} == {30}
    assert plan.total_seconds == 5 + 6 * 30 + 5 * 5


def test_both_legs_stretch_rests_between_reps() -> None:
    plan = _single("seated-floor-stretch")
    kinds = [p.kind for p in plan.phases]
    assert kinds == [PhaseKind.PREPARE] + [PhaseKind.HOLD, PhaseKind.REST] * 2 + [PhaseKind.HOLD]
    assert all(p.side is None for p in plan.phases)


def test_pnf_does_push_relax_deeper_cycles_on_one_leg_then_the_other() -> None:
    settings = SessionSettings()
    plan = _single("pnf-towel", settings)
    cycles = load_catalog()["pnf-towel"].reps
    one_leg = [PhaseKind.HOLD] + [PhaseKind.CONTRACT, PhaseKind.RELAX, PhaseKind.HOLD] * cycles
    kinds = [p.kind for p in plan.phases]
    assert kinds == [PhaseKind.PREPARE, *one_leg, PhaseKind.SWITCH, *one_leg]
    contract = [p for p in plan.phases if p.kind is PhaseKind.CONTRACT]
    assert {p.seconds for p in contract} == {settings.contract_seconds}
    assert [p.side for p in contract] == [Side.LEFT] * cycles + [Side.RIGHT] * cycles
    deeper = [
        p.seconds
        for i, p in enumerate(plan.phases)
        if p.kind is PhaseKind.HOLD and plan.phases[i - 1].kind is PhaseKind.RELAX
    ]  # noqa: E501
    assert set(deeper) == {settings.deeper_hold_seconds}


def test_dynamic_moves_are_timed_move_phases() -> None:
    plan = _single("leg-swings")
    assert [p.kind for p in plan.phases if p.kind is not PhaseKind.SWITCH] == [
        PhaseKind.PREPARE,
        PhaseKind.MOVE,
        PhaseKind.MOVE,
    ]


def test_user_settings_change_the_plan() -> None:
    settings = SessionSettings(hold_seconds=45, switch_seconds=8, prepare_seconds=0)
    plan = _plan("desk-break", settings)
    holds = {p.seconds for p in plan.phases if p.kind is PhaseKind.HOLD}
    assert holds == {45}
    assert PhaseKind.PREPARE not in {p.kind for p in plan.phases}
    assert {p.seconds for p in plan.phases if p.kind is PhaseKind.SWITCH} == {8}


def test_precedence_user_override_then_routine_then_settings() -> None:
    settings = SessionSettings(hold_seconds=20, overrides={"chair-stretch": StretchOverride(50, 1)})
    plan = _single("chair-stretch", settings, hold_seconds=40, reps=2)
    holds = [p for p in plan.phases if p.kind is PhaseKind.HOLD]
    assert [p.seconds for p in holds] == [50, 50]
    plan = _single("chair-stretch", SessionSettings(hold_seconds=20), hold_seconds=40, reps=2)
    assert [p.seconds for p in plan.phases if p.kind is PhaseKind.HOLD] == [40] * 4


def test_one_sided_item_works_only_that_leg() -> None:
    plan = _single("chair-stretch", sides=ItemSides.RIGHT)
    assert {p.side for p in plan.phases} == {Side.RIGHT}
    assert PhaseKind.SWITCH not in {p.kind for p in plan.phases}


def test_rest_separates_stretches_and_belongs_to_no_stretch() -> None:
    plan = _plan("desk-break")
    rests = [p for p in plan.phases if p.kind is PhaseKind.REST]
    assert len(rests) == 1
    assert rests[0].stretch is None and rests[0].side is None
    assert plan.item_count == 2


def test_plan_json_shape() -> None:
    data = _plan("desk-break").to_json()
    assert data["routine"] == "desk-break"
    assert data["total_seconds"] == sum(p["seconds"] for p in data["phases"])  # type: ignore[union-attr, index]
    assert set(data["phases"][0]) == {"kind", "stretch", "side", "rep", "seconds"}  # type: ignore[index]
