"""Test-wide setup: a headless Qt platform and a private home for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Without a display Qt aborts the whole process (no summary line); this must
# run before anything imports PySide6. The Xvfb tests set their own DISPLAY
# in the child processes they start.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DISPLAY", None)
os.environ.pop("WAYLAND_DISPLAY", None)

# WORKAROUND (see hamstring_gui/ui/compat.py): pytest-qt emits signals before
# any app module is imported, so protect None/True/False first.
from hamstring_gui.ui.compat import keep_singletons_alive  # noqa: E402

keep_singletons_alive()


# The suite reads English unless a test chooses a language: a tester's German
# desktop must not change what the assertions see (children inherit this too).
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Every test starts in English and leaves the language as it found it."""
    from hamstring_gui.core import i18n

    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every XDG folder into the test's temp dir: nothing touches the real home."""
    home = tmp_path / "home"
    for name, sub in {
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
        "XDG_STATE_HOME": ".local/state",
    }.items():
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("HOME", str(home))
    # No sound server unless a test starts its own (and no autospawned daemon).
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'no-sound-server'}")
    # No speech server is spawned unless a test asks for one (tests/ui/audio/test_cue_recording.py).
    monkeypatch.setattr(
        "hamstring_gui.platform.speechd.SERVER_PROGRAM", "no-speech-dispatcher-in-tests"
    )
    return home
