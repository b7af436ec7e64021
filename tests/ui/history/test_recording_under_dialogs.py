"""The record is written when things happen, whatever modal dialog is up.

A modal dialog runs a nested event loop: a slot that opens one does not
return until it closes. The history recorder therefore hears every engine
event before the Qt signals go out (``SessionEngine.subscribe(last=True)``
for the UI bridge), and phases that end while a dialog is open are written
at once. Each case snapshots the store while the dialog is on screen.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hamstring_gui import app as app_module
from hamstring_gui.core.history import HistoryStore
from hamstring_gui.core.settings.store import SettingsStore
from hamstring_gui.ui.dialogs.preferences import PreferencesDialog
from hamstring_gui.ui.history.link import HistoryLink
from hamstring_gui.ui.history.self_test_dialog import SelfTestDialog
from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.screens.safety import HurtChoice, HurtDialog, SafetyDialog
from tests.helpers.stubs import FakeClock

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    short = dataclasses.replace(settings.settings.session, hold_seconds=10, reps=1)
    settings.save(dataclasses.replace(settings.settings, safety_acknowledged=True, session=short))
    clock = FakeClock()
    window = app_module.build_window(clock, settings, state_file=tmp_path / "window.json")
    qtbot.addWidget(window)
    store = HistoryStore(tmp_path / "history.sqlite3")
    link = HistoryLink(store, window.controller, window.model, window.catalog, window, window)
    yield window, clock, store, link
    store.close()


def _sessions(store: HistoryStore) -> list[dict[str, Any]]:
    return list(store.export_json(datetime.date.today())["sessions"])


def _phase_rows(store: HistoryStore) -> int:
    return int(store.connection.execute("SELECT COUNT(*) FROM phases").fetchone()[0])


def _run_to_end(window: MainWindow, clock: FakeClock) -> None:
    while window.controller.active:
        clock.advance(1.0)
        window.controller.tick()


def test_a_finished_self_test_is_recorded_before_its_result_dialog_opens(
    setup, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    window, clock, store, link = setup
    seen: list[dict[str, Any]] = []

    def ask(cls: type, parent: QWidget | None = None) -> None:
        seen.extend(_sessions(store))  # what the record says while the dialog is up
        return None

    monkeypatch.setattr(SelfTestDialog, "ask", classmethod(ask))
    window.start_routine("self-test")
    _run_to_end(window, clock)
    (session,) = seen
    assert session["routine"] == "self-test"
    assert session["completed"] is True
    assert session["ended"] is not None
    assert session["left_seconds"] == session["right_seconds"] > 0  # the last hold is there


def test_that_hurts_is_recorded_before_its_advice_dialog_opens(
    setup, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, clock, store, _ = setup
    seen: list[dict[str, Any]] = []

    def ask(cls: type, parent: QWidget | None, name: str | None) -> HurtChoice:
        seen.extend(_sessions(store))
        return HurtChoice.END_SESSION

    monkeypatch.setattr(HurtDialog, "ask", classmethod(ask))
    window.start_routine("desk-break")
    while window.controller.phase is None or window.controller.phase.stretch is None:
        clock.advance(1.0)
        window.controller.tick()
    window.report_hurt()
    (session,) = seen
    assert session["hurt"], "the hurt is in the record while its advice is on screen"
    (final,) = _sessions(store)
    assert final["ended"] is not None and final["completed"] is False


def _editor_question(window: MainWindow) -> None:
    QMessageBox.question(window, "Unsaved changes", "Drop the changes to this routine?")


# Every modal dialog of the app, opened the way the app opens it (exec).
DIALOGS: dict[str, Callable[[MainWindow], object]] = {
    "safety": lambda window: SafetyDialog(window).exec(),
    "hurt": lambda window: HurtDialog(None, window).exec(),
    "self-test result": lambda window: SelfTestDialog(window).exec(),
    "preferences": lambda window: PreferencesDialog(window.model, window).exec(),
    "stop question": lambda window: _stop_box(window).exec(),
    "editor question": _editor_question,
    "file chooser": lambda window: _file_dialog(window).exec(),
    "print dialog": lambda window: _print_dialog(window).exec(),
}


def _file_dialog(window: MainWindow) -> QFileDialog:
    dialog = QFileDialog(window, "Export your record")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    return dialog


def _print_dialog(window: MainWindow) -> QDialog:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    _PRINTERS.append(printer)  # alive as long as its dialog
    return QPrintDialog(printer, window)


_PRINTERS: list[object] = []


def _stop_box(window: MainWindow) -> QMessageBox:
    box = QMessageBox(window)
    box.setText("Stop this session now?")
    box.addButton("Keep going", QMessageBox.ButtonRole.RejectRole)
    return box


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_phase_is_recorded_while_a_modal_dialog_is_open(setup, name: str) -> None:  # type: ignore[no-untyped-def]
    window, clock, store, _ = setup
    window.start_routine("desk-break")
    phases = len(window.controller.plan.phases)  # type: ignore[union-attr]
    snapshot: dict[str, Any] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not up yet: look again
            QTimer.singleShot(10, drive)
            return
        _run_to_end(window, clock)
        snapshot["phases"] = _phase_rows(store)
        snapshot["sessions"] = _sessions(store)
        snapshot["dialog"] = type(dialog).__name__
        dialog.close()

    QTimer.singleShot(0, drive)
    DIALOGS[name](window)
    assert snapshot, f"the {name} dialog never came up"
    assert snapshot["phases"] == phases
    (session,) = snapshot["sessions"]
    assert session["completed"] is True and session["ended"] is not None
