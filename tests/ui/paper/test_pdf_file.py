"""A PDF is written whole or not at all, on the locale's paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPagedPaintDevice, QPageSize
from pytestqt.qtbot import QtBot

from hamstring_gui.ui.paper.pages import Pages, page_size_for
from hamstring_gui.ui.paper.pdf_file import PaperError, check_target, write_pdf
from tests.ui.paper.pdf_tools import page_texts


def _two_pages(device: QPagedPaintDevice) -> int:
    pages = Pages(device, header="Header on every page")
    pages.heading("First")
    pages.new_page()
    pages.text("Second page text")
    pages.finish()
    return pages.page_count


def test_a_document_is_moved_into_place_complete(qtbot: QtBot, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "doc.pdf"
    assert write_pdf(str(out), "Title", _two_pages) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]
    texts = page_texts(out)
    assert len(texts) == 2 and all("Header on every page" in t for t in texts)
    assert "Page 2" in texts[1]


def test_a_failure_while_painting_leaves_nothing_and_keeps_the_old_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "doc.pdf"
    out.write_bytes(b"the old one")

    def broken(device: QPagedPaintDevice) -> int:
        Pages(device, header="x")
        raise RuntimeError("out of ink")

    with pytest.raises(RuntimeError):
        write_pdf(str(out), "Title", broken)
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]
    assert out.read_bytes() == b"the old one"


@pytest.mark.parametrize(
    ("name", "why"),
    [("missing/doc.pdf", "does not exist"), (".", "is a folder")],
)
def test_unwritable_targets_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PaperError, match=why):
        check_target(name)


def test_paper_follows_the_locale() -> None:
    assert page_size_for(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale("en_CA")).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale("en_GB")).id() == QPageSize.PageSizeId.A4
    assert page_size_for(QLocale("de_DE")).id() == QPageSize.PageSizeId.A4
