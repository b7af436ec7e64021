"""Workarounds for the Qt binding, in one place.

WORKAROUND for PySide6 6.12.0 on CPython 3.11: in this build every call of a
Qt method that returns nothing takes one reference from ``None``, and every
``Signal.emit`` takes one from ``True``, without ever giving them back (CPython
3.12 made these objects immortal, which hides the bug there). ``True`` starts
with only ~150 references, so a session crashed with "Fatal Python error:
bool_dealloc" after a couple of minutes. Measured with ``sys.getrefcount``
around a loop of ``QWidget.setEnabled`` and ``Signal.emit`` calls.
Remove once the app runs on CPython >= 3.12 or a fixed PySide6.
Upstream: no report of it found in the PySide tracker
(https://bugreports.qt.io/projects/PYSIDE) yet; tests/ui/test_compat.py is
the reproducer to attach (100 emits and setEnabled calls take 100
references from each; without this workaround the interpreter aborts).

WORKAROUND for PySide6's ``__feature__`` import hook (6.x, still in 6.12):
once QtCore is loaded, every module imported afterwards is asked "does it use
PySide6?" by reading its whole source file (``inspect.getsource``), so that
``from __feature__ import snake_case`` could be honoured per module; the
source lines then stay in ``linecache`` for the life of the process.
Measured on ``hamstring-gui start desk-break`` (85 modules read): peak
RSS 99.0 -> 95.1 MB (the source lines kept: 4.9 -> 1.2 MB in tracemalloc's
linecache figure) and 1 % of the instructions to the first frame (callgrind,
1525M -> 1511M; exact and repeatable, unlike wall time on a shared machine).
The app never uses ``__feature__``, so
:func:`answer_feature_scan_from_names` answers the same question from the
module's names instead (the answer only matters to modules that import
``__feature__``, which the hook flags on its own path).
Upstream: the cost is analysed in https://github.com/napari/napari/issues/8584
(PySide6's "__feature__ startup tax"); remove once PySide6 stops reading
sources (check ``shibokensupport.feature._mod_uses_pyside``).
"""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType

# Enough references that the leak (one per Qt call) can never use them up.
_SPARE_REFERENCES = 1 << 40


def keep_singletons_alive() -> None:
    """Give ``None``, ``True`` and ``False`` references the binding can never exhaust."""
    if sys.version_info >= (3, 12):
        return  # immortal objects: nothing to do
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _SPARE_REFERENCES:
            count.value += _SPARE_REFERENCES


def _uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds anything from PySide6 (what shiboken reads the source for)."""
    for value in list(vars(module).values()):
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", "")
        if isinstance(name, str) and name.startswith("PySide6"):
            return True
    return False


def answer_feature_scan_from_names() -> None:
    """Stop PySide6 from reading the source of every module imported from now on."""
    import PySide6.QtCore  # noqa: F401 - loads shiboken's support modules and its hook

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
