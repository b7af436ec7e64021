"""The window's size and position in a small JSON file of its own (``window.json``).

Not QSettings and not among the user's settings: losing it only loses a size.
Read through the guarded reader, so a damaged or hostile file is ignored.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path

from hamstring_gui.core.safe_file import decode_text, private_folder, read_regular_file
from hamstring_gui.core.settings.store import write_atomic

STATE_LIMIT = 64 * 1024


def load_window_state(path: Path | None) -> dict[str, object]:
    """The saved window state, or ``{}`` when missing or unreadable (never raises)."""
    if path is None:
        return {}
    try:
        data = json.loads(decode_text(read_regular_file(path, limit=STATE_LIMIT), path.name))
    except (ValueError, RecursionError):  # DataError and JSONDecodeError are ValueErrors
        return {}
    return data if isinstance(data, dict) else {}


def save_window_state(path: Path | None, state: Mapping[str, object]) -> None:
    """Write the window state atomically; a failure only loses the window's size."""
    if path is None:
        return
    with contextlib.suppress(OSError):
        private_folder(path.parent)
        write_atomic(path, (json.dumps(dict(state), indent=2) + "\n").encode("utf-8"))
