"""The PySide6 6.12 / CPython 3.11 refcount workaround keeps long sessions alive."""

from __future__ import annotations

import os
import subprocess
import sys

STRESS = """
import hamstring_gui.ui  # applies the workaround
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Source(QObject):
    fired = Signal(int)
source = Source()
source.fired.connect(lambda value: None)
label = QLabel()
for _ in range(20000):  # a long session's worth of Qt calls and emits
    source.fired.emit(1)
    label.setEnabled(True)
print("alive")
"""


def test_many_qt_calls_and_emits_do_not_crash_the_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
