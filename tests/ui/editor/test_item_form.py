"""The editor's form for one routine item: ranges, defaults, and what it reports."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.routine import HOLD_RANGE, REPS_RANGE, REST_RANGE, ItemSides, RoutineItem
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.ui.editor.item_form import ItemForm

CATALOG = load_catalog()
ITEMS = (RoutineItem("chair-stretch", hold_seconds=40), RoutineItem("standing-hamstring"))


def form(qtbot: QtBot) -> ItemForm:
    widget = ItemForm(CATALOG)
    qtbot.addWidget(widget)
    return widget


def test_override_ranges_are_the_loaders(qtbot: QtBot) -> None:
    item_form = form(qtbot)
    for spin, (low, high) in (
        (item_form.hold_spin, HOLD_RANGE),
        (item_form.reps_spin, REPS_RANGE),
        (item_form.rest_spin, REST_RANGE),
    ):
        assert (spin.minimum() + 1, spin.maximum()) == (low, high)  # minimum: "Default"


def test_showing_an_item_is_quiet_and_shows_its_overrides(qtbot: QtBot) -> None:
    item_form = form(qtbot)
    with qtbot.assertNotEmitted(item_form.edited):
        item_form.show_item(ITEMS, 1, SessionSettings(hold_seconds=50))
    assert item_form.heading.text() == "Stretch 2: " + CATALOG["standing-hamstring"].name
    assert item_form.accessibleName() == item_form.heading.text()
    assert item_form.hold_spin.value() == item_form.hold_spin.minimum()
    assert "50 s" in item_form.hold_spin.specialValueText()
    assert not item_form.rest_spin.isEnabled()  # nothing follows the last stretch
    item_form.show_item(ITEMS, 0, SessionSettings())
    assert item_form.hold_spin.value() == 40 and item_form.rest_spin.isEnabled()
    item_form.show_item(ITEMS, -1, SessionSettings())
    assert not item_form.isEnabled()


def test_edits_report_the_fields_to_replace(qtbot: QtBot) -> None:
    item_form = form(qtbot)
    item_form.show_item(ITEMS, 0, SessionSettings())
    with qtbot.waitSignal(item_form.edited) as blocker:
        item_form.hold_spin.setValue(item_form.hold_spin.minimum())
    assert blocker.args == ["Change hold", "hold", {"hold_seconds": None}]
    with qtbot.waitSignal(item_form.edited) as blocker:
        item_form.sides_combo.activated.emit(item_form.sides_combo.findData("right"))
    assert blocker.args == ["Change legs", "sides", {"sides": ItemSides.RIGHT}]
    with qtbot.waitSignal(item_form.edited) as blocker:
        item_form.warm_up_box.click()
    assert blocker.args == ["Change warm-up", "warm_up", {"warm_up": True}]
