"""``make contact-sheet``: every picture in one grid, light and dark, start and stretched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from hamstring_gui.ui.contact_sheet import CELL_H, CELL_W, LABEL_H, write_sheets


def test_sheets_for_chosen_stretches_hold_one_cell_each(qapp, tmp_path: Path) -> None:
    written = write_sheets(tmp_path, "right", ["chair-stretch", "supine-hand-towel"])
    names = sorted(p.name for p in written)
    assert names == [
        "contact-sheet-right-dark-start.png",
        "contact-sheet-right-dark.png",
        "contact-sheet-right-light-start.png",
        "contact-sheet-right-light.png",
    ]
    image = QImage(str(tmp_path / "contact-sheet-right-light.png"))
    assert (image.width(), image.height()) == (2 * CELL_W, CELL_H + LABEL_H)
