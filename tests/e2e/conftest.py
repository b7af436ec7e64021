"""Shared pieces for end-to-end tests: a private Xvfb, process helpers, the installed app."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hamstring_gui import paths
from hamstring_gui.core.settings.store import SettingsStore
from tests.helpers import tools
from tests.helpers.processes import free_display, stop, wait_for

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PROGRAM = Path(sys.executable).with_name("hamstring-gui")


def acknowledge_safety() -> None:
    """The user has seen the safety screen before, so sessions start at once."""
    store = SettingsStore(paths.settings_file())
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private X server for one test; yields its DISPLAY."""
    tools.require("Xvfb")
    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(
            lambda: Path(f"/tmp/.X11-unix/X{number}").exists() or server.poll() is not None,
            10,
            "Xvfb to start",
        )
        assert server.poll() is None, "Xvfb exited"
        yield f":{number}"
    finally:
        stop(server)


@pytest.fixture
def app_env(xvfb: str) -> dict[str, str]:
    """Environment for running the installed app on the private X server."""
    assert PROGRAM.exists(), "install the package into the venv (make venv)"
    return {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
