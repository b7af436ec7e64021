"""The binding workarounds: the refcount fix keeps long sessions alive; no module source is read."""

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


SCAN = """
import inspect, linecache, sys
import PySide6.QtCore
import hamstring_gui.ui  # applies the workaround
read = []
real_getsource = inspect.getsource
inspect.getsource = lambda obj: read.append(obj.__name__) or real_getsource(obj)
sys.path.insert(0, sys.argv[1])
import qt_user, plain
import shibokensupport.feature as feature
flags = feature.pyside_feature_dict
cached = [name for name in linecache.cache if name.endswith(("qt_user.py", "plain.py"))]
print(read, flags["qt_user"], flags["plain"], cached)
"""


def test_modules_imported_after_qt_are_not_read_from_disk_but_still_classified(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The __feature__ hook would read and keep each new module's source (see compat.py)."""
    (tmp_path / "qt_user.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("import json\n")
    result = run_python(SCAN, str(tmp_path))
    assert result.returncode == 0, result.stderr[-500:]
    # No source read or kept; the PySide6 user is flagged "uses PySide", the other "ignore".
    assert result.stdout.split() == ["[]", "0", "-1", "[]"]
