"""The papers from inside the app: the start screen's and the editor's "Print / Save as PDF…"."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtGui import QPagedPaintDevice, QPdfWriter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.editor.window import RoutineEditor
from hamstring_gui.ui.paper.actions import Choose
from tests.helpers.stubs import FakeClock
from tests.ui.paper.pdf_tools import page_texts

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The print dialog answered with "Print to File" into a PDF."""
    target = tmp_path / "printed.pdf"
    writers: list[QPdfWriter] = []

    def printer(cls: type, parent: QWidget, title: str) -> QPagedPaintDevice:
        writer = QPdfWriter(str(target))
        writer.setTitle(title)
        writers.append(writer)
        return writer

    monkeypatch.setattr(Choose, "printer", classmethod(printer))
    return target


def test_the_start_screen_prints_the_selected_routine(
    qtbot: QtBot, tmp_path: Path, printed: Path
) -> None:
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True))
    window = app_module.build_window(FakeClock(), settings, state_file=tmp_path / "w.json")
    qtbot.addWidget(window)
    screen = window.start_screen
    screen.select("desk-break")
    assert screen.print_button.isEnabled()
    screen.print_button.click()
    text = " ".join(page_texts(printed))
    assert "Desk break" in text and "emergency care" in text
    assert "Sent the handout of Desk break" in window.statusBar().currentMessage()


def test_the_editor_prints_the_routine_being_edited(
    qtbot: QtBot, tmp_path: Path, printed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(RoutineEditor, "ask_discard", classmethod(lambda cls, parent: True))
    editor = RoutineEditor(load_catalog(), tmp_path / "routines", SessionSettings())
    qtbot.addWidget(editor)
    editor.toolbar.print_action.trigger()
    assert "nothing to print" in editor.routine_panel.message_label.text()
    assert not printed.exists()
    editor.open_routine("desk-break")
    editor.toolbar.print_action.trigger()
    assert "Desk break" in " ".join(page_texts(printed))


def test_the_suggested_report_file_name_is_in_the_app_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A German speaker is offered a German file name, never "stretching-report"."""
    import datetime

    from hamstring_gui.core import i18n
    from hamstring_gui.ui.paper import actions

    offered: list[str] = []

    def save_file(cls: type, parent: QWidget, title: str, suggested: str, kinds: str) -> None:
        offered.append(suggested)

    monkeypatch.setattr(Choose, "save_file", classmethod(save_file))
    parent = QWidget()
    qtbot.addWidget(parent)
    day = datetime.date(2026, 12, 2)
    try:
        i18n.use("de")
        assert actions.save_progress_report(parent, None, load_catalog(), day) is None  # type: ignore[arg-type]
    finally:
        i18n.use("en")
    assert offered == ["dehnbericht-2026-12-02.pdf"]
