"""Child processes on a private X server: shared by the end-to-end tests and ``make bench``."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def free_display() -> int:
    """An X display number nobody uses."""
    for number in range(90, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():  # noqa: E501
            return number
    raise OSError("no free X display number")


def wait_for(condition: Callable[[], object], timeout: float, what: str, poll: float = 0.1) -> Any:
    """Poll another process's progress until ``condition`` is truthy (never for Qt logic).

    Returns:
        What ``condition`` returned.

    Raises:
        TimeoutError: naming ``what`` when it did not happen in time.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(poll)
    raise TimeoutError(f"timed out waiting for {what}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a child process, killing it if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
