"""One renderer for a library entry in full: escaped, complete, marked."""

from __future__ import annotations

from dataclasses import replace

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.ui.sore_back import BACK_MARK, SORE_BACK_TEXT
from hamstring_gui.ui.widgets.stretch_text import (
    details_html,
    facts_line,
    list_label,
    safety_html,
    with_back_mark,
)


def test_details_hold_every_part_and_escape_the_text() -> None:
    stretch = replace(load_catalog()["chair-stretch"], summary="Sit <tall> & breathe")
    html = details_html(stretch)
    assert "Sit &lt;tall&gt; &amp; breathe" in html and "<tall>" not in html
    assert html.count("<li>") == len(stretch.steps) + len(stretch.cautions) + len(stretch.sources)
    assert facts_line(stretch) in html and "Where the sources disagree" in html


def test_the_sore_back_mark_only_on_flagged_entries() -> None:
    catalog = load_catalog()
    toe, chair = catalog["seated-toe-touch"], catalog["chair-stretch"]
    assert BACK_MARK in list_label(toe) and list_label(chair) == chair.name
    assert with_back_mark("1. x", toe).startswith("1. x") and BACK_MARK in with_back_mark("x", toe)
    assert SORE_BACK_TEXT in safety_html(toe) and SORE_BACK_TEXT not in safety_html(chair)
