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
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):  # noqa: E501
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


def start_sound_server(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    """A private PulseAudio daemon whose only output is a null sink named ``rec``.

    Returns the daemon and the ``PULSE_SERVER`` value that reaches it; its
    monitor source ``rec.monitor`` records what was played.
    """
    socket = folder / "pulse-native"
    home = folder / "pulse-home"
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    daemon = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "-L",
            "module-null-sink sink_name=rec rate=44100",
            "-L",
            f"module-native-protocol-unix socket={socket}",
        ],
        env={**env, "HOME": str(home), "XDG_RUNTIME_DIR": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: socket.exists() or daemon.poll() is not None, 10, "pulseaudio", 0.02)
    except TimeoutError:
        stop(daemon)
        raise
    if daemon.poll() is not None:
        raise OSError("pulseaudio exited at start")
    return daemon, f"unix:{socket}"


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter on the offscreen platform (for what one process
    loads or keeps: modules, mapped libraries, start-up hooks)."""
    import os
    import sys

    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
