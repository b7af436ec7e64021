"""Start-up problems with the user's files are shown in the window, not only on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui import paths
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.dialogs.file_notice import show_file_notice
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_nothing_to_say_shows_nothing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert show_file_notice(parent, []) is None


def test_messages_show_in_a_box_that_does_not_block(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_file_notice(parent, ["settings.json: a", "history: b"])
    assert box is not None and box.isVisible() and not box.isModal()
    assert "settings.json: a" in box.informativeText() and "history: b" in box.informativeText()
    assert box.accessibleName()


def test_a_damaged_history_and_bad_settings_are_told_in_the_window(
    qtbot: QtBot, private_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history = paths.history_file()
    HistoryStore(history).close()
    with sqlite3.connect(history) as conn:
        conn.execute(
            "INSERT INTO sessions (started, day, routine) VALUES ('x', '2026-02-30', 'desk-break')"
        )
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True)
    settings.write_text("[" * 100_000)
    store = SettingsStore(settings)
    problems = store.load()
    window = app_module.build_window(FakeClock(), store)
    qtbot.addWidget(window)
    services = app_module.Services(QApplication.instance(), window)  # type: ignore[arg-type]
    try:
        app_module.tell_file_problems(window, [*problems, *services.file_problems])
        box = window.findChild(QMessageBox, "fileNotice")
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert "settings.json" in box.informativeText()
        assert "history.sqlite3.damaged-" in box.informativeText()
        assert "history.sqlite3.damaged-" in capsys.readouterr().err
    finally:
        services.reminders.close()
        services.server.close()


def test_broken_routine_files_are_among_the_problems_told(private_dirs: Path) -> None:
    from hamstring_gui.library import all_routines, routine_problems

    folder = paths.routines_dir()
    folder.mkdir(parents=True)
    (folder / "told-in-window.toml").write_text("hold = 0x" + "f" * 5000)
    all_routines()
    [told] = [line for line in routine_problems() if "told-in-window.toml" in line]
    assert "number too large" in told and "skipped" in told
