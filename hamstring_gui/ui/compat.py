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
"""

from __future__ import annotations

import ctypes
import sys

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
