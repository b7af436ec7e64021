"""Flowing pages: text that does not fit goes on a new page, each with its header."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPdfWriter
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.paper.pages import Pages, page_layout_for
from tests.ui.paper.pdf_tools import page_texts


def test_long_text_flows_onto_new_pages_with_the_header(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "flow.pdf"
    writer = QPdfWriter(str(target))
    writer.setResolution(300)
    writer.setPageLayout(page_layout_for(QLocale("en_GB")))
    pages = Pages(writer, header="The header line")
    for number in range(120):
        pages.text(f"Paragraph {number} of the flowing text, long enough to wrap once or twice.")
    box = pages.reserve(200)
    assert box.bottom() <= pages.area.bottom()
    pages.finish()
    del writer
    texts = page_texts(target)
    assert len(texts) == pages.page_count > 1
    assert all("The header line" in text for text in texts)
    assert all(f"Page {n}" in text for n, text in enumerate(texts, 1))
    joined = " ".join(" ".join(text.split()) for text in texts)
    assert all(f"Paragraph {n} of" in joined for n in range(120))  # nothing lost at a break


def test_headings_are_kept_with_what_follows(qtbot: QtBot, tmp_path: Path) -> None:
    writer = QPdfWriter(str(tmp_path / "keep.pdf"))
    pages = Pages(writer, header="h")
    pages.y = pages.area.bottom() - 40  # almost full
    pages.heading("A heading", keep=60)
    assert pages.page_count == 2
    pages.finish()
