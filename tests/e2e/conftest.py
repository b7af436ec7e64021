"""Shared pieces for end-to-end tests: a private Xvfb, process helpers, the installed app."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hamstring_gui import paths
from hamstring_gui.core.settings_store import SettingsStore

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PROGRAM = Path(sys.executable).with_name("hamstring-gui")


def free_display() -> int:
    """An X display number nobody uses."""
    for number in range(90, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():  # noqa: E501
            return number
    raise RuntimeError("no free X display number")


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Wait for another process to get somewhere (never used for Qt logic)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a child process, killing it if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def acknowledge_safety() -> None:
    """The user has seen the safety screen before, so sessions start at once."""
    store = SettingsStore(paths.settings_file())
    store.load()
    store.save(dataclasses.replace(store.settings, safety_acknowledged=True))


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A private X server for one test; yields its DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists() or server.poll() is not None,
                 10, "Xvfb to start")  # fmt: skip
        assert server.poll() is None, "Xvfb exited"
        yield f":{number}"
    finally:
        stop(server)


@pytest.fixture
def app_env(xvfb: str) -> dict[str, str]:
    """Environment for running the installed app on the private X server."""
    assert PROGRAM.exists(), "install the package into the venv (make venv)"
    return {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
