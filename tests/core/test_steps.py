from __future__ import annotations

from hamstring_gui.core.catalog import Kind, load_catalog
from hamstring_gui.core.plan import Phase, PhaseKind, Side
from hamstring_gui.core.steps import current_step


def test_during_a_hold_the_hold_step_is_emphasised_not_a_set_up_step() -> None:
    """Set-up steps can say "hold" too ("hold it behind the thigh")."""
    held = (Kind.STATIC, Kind.YOGA, Kind.SELF_TEST, Kind.PNF)
    for stretch in load_catalog().values():
        if stretch.kind not in held:
            continue
        hold = Phase(PhaseKind.HOLD, stretch.id, Side.LEFT, 1, 30, 0)
        deeper = current_step(stretch, hold, True, 0.5)
        assert deeper is not None and deeper >= len(stretch.steps) // 2, stretch.id
        if stretch.kind is Kind.PNF:
            first = current_step(stretch, hold, False, 0.5)
            assert first is not None and first < deeper, stretch.id
    supine = load_catalog()["supine-hand-towel"]
    step = current_step(supine, Phase(PhaseKind.HOLD, supine.id, Side.LEFT, 1, 30, 0), False, 0.5)
    assert step is not None and "then hold and breathe" in supine.steps[step]


def test_get_ready_walks_through_the_set_up_and_switch_shows_the_last_step() -> None:
    stretch = load_catalog()["chair-stretch"]
    prepare = Phase(PhaseKind.PREPARE, stretch.id, Side.LEFT, 1, 10, 0)
    walked = [current_step(stretch, prepare, False, f / 10) for f in range(10)]
    assert walked[0] == 0 and walked == sorted(walked)
    switch = Phase(PhaseKind.SWITCH, stretch.id, Side.RIGHT, 1, 5, 0)
    assert current_step(stretch, switch, False, 0.0) == len(stretch.steps) - 1
    rest = Phase(PhaseKind.REST, None, None, 1, 10, 0)
    assert current_step(stretch, rest, False, 0.0) is None
