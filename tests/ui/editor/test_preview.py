"""The editor's preview pane: a stretch's name, facts and picture."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.plan import Side
from hamstring_gui.ui.editor.preview import StretchPreview

CATALOG = load_catalog()


def test_showing_a_stretch_shows_its_words_and_picture(qtbot: QtBot) -> None:
    preview = StretchPreview()
    qtbot.addWidget(preview)
    stretch = CATALOG["standing-hamstring"]
    preview.show_stretch(stretch, Side.LEFT)
    assert preview.preview_title.text() == stretch.name
    assert preview.preview_summary.text() == stretch.summary
    assert "one leg at a time" in preview.preview_facts.text()
    assert preview.illustration is not None
    assert preview.illustration.current_scene() is not None
