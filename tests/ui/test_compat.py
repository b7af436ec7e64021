"""The PySide6 6.12 / CPython 3.11 refcount workaround keeps long sessions alive."""

from __future__ import annotations

from tests.helpers.processes import run_python

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
    result = run_python(STRESS)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
