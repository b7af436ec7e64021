"""The editor's stretch library: search and three filters narrow the list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.words import EQUIPMENT_WORDS, KIND_WORDS, POSITION_WORDS
from hamstring_gui.ui.editor.library_panel import LibraryPanel, library_detail

CATALOG = load_catalog()


def panel(qtbot: QtBot) -> LibraryPanel:
    widget = LibraryPanel(CATALOG)
    qtbot.addWidget(widget)
    widget.apply_filter()
    return widget


def test_filters_and_search_narrow_the_list(qtbot: QtBot) -> None:
    library = panel(qtbot)
    assert len(library.visible_stretches()) == len(CATALOG)
    library.position_filter.setCurrentIndex(library.position_filter.findData("chair"))
    assert library.visible_stretches()
    assert all(CATALOG[s].position == "chair" for s in library.visible_stretches())
    library.kind_filter.setCurrentIndex(library.kind_filter.findData("pnf"))
    library.position_filter.setCurrentIndex(0)
    assert all(CATALOG[s].kind == "pnf" for s in library.visible_stretches())
    library.kind_filter.setCurrentIndex(0)
    library.equipment_filter.setCurrentIndex(library.equipment_filter.findData("towel-or-strap"))
    assert all("towel-or-strap" in CATALOG[s].equipment for s in library.visible_stretches())
    library.equipment_filter.setCurrentIndex(0)
    library.search_edit.setText("chair")
    assert "chair-stretch" in library.visible_stretches()
    assert library.library_count.text().endswith(f"of {len(CATALOG)} stretches")


def test_nothing_matching_selects_nothing(qtbot: QtBot) -> None:
    library = panel(qtbot)
    assert library.current_stretch() == next(iter(CATALOG))
    with qtbot.waitSignal(library.currentChanged, check_params_cb=lambda sid: sid == ""):
        library.search_edit.setText("zzz-nothing")
    assert library.visible_stretches() == []
    assert library.current_stretch() is None
    assert library.library_count.text() == f"0 of {len(CATALOG)} stretches"


def test_activating_asks_to_add_the_current_stretch(qtbot: QtBot) -> None:
    library = panel(qtbot)
    library.search_edit.setText("standing hamstring")
    item = library.library_list.currentItem()
    assert item is not None
    with qtbot.waitSignal(library.stretchActivated) as blocker:
        library.library_list.itemActivated.emit(item)
    assert blocker.args == [library.current_stretch()]


def test_detail_names_kind_position_and_only_real_gear_each_once() -> None:
    for stretch in CATALOG.values():
        parts = library_detail(stretch).split(" · ")
        assert parts[:2] == [KIND_WORDS[stretch.kind], POSITION_WORDS[stretch.position]]
        assert len(parts) == len(set(parts)), "no word twice"
        gear = {EQUIPMENT_WORDS[thing] for thing in stretch.needs()}
        assert set(parts[2:]) == gear - set(parts[:2])
    assert library_detail(CATALOG["chair-stretch"]) == "Static hold · Chair", "not Chair · Chair"
