"""End to end: the installed ``hamstring-gui start desk-break`` in a real X server.

Starts its own Xvfb on a free display, runs the app with the xcb platform,
waits for its window, saves a screenshot to ``artifacts/`` and checks the
picture is not blank. Everything started here is killed at the end.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS, PROGRAM, acknowledge_safety, stop, wait_for
from tests.helpers import tools

TITLE = "Desk break — Hamstring Coach"

pytestmark = pytest.mark.xvfb


def _window_listed(display: str, env: dict[str, str]) -> bool:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"],
        env={**env, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return TITLE in tree.stdout


def test_start_desk_break_shows_a_running_session(
    xvfb: str, app_env: dict[str, str], tmp_path: Path
) -> None:
    tools.require("xwininfo", "import")
    acknowledge_safety()
    env = app_env
    log = tmp_path / "app.log"
    with open(log, "wb") as output:
        app = subprocess.Popen(
            [str(PROGRAM), "start", "desk-break"], env=env, stdout=output, stderr=output
        )
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "xvfb-desk-break.png"
    try:
        wait_for(lambda: _window_listed(xvfb, env) or app.poll() is not None, 30, "the window")
        assert app.poll() is None, log.read_text()
        time.sleep(2.5)  # let a couple of seconds of the countdown run on screen
        subprocess.run(
            ["import", "-window", "root", str(shot)],
            env=env,
            check=True,
            capture_output=True,
            timeout=30,
        )
        assert app.poll() is None, "the app died while running the session"
    finally:
        stop(app)
    stderr = log.read_text()
    assert "Traceback" not in stderr, stderr
    assert "Fatal Python error" not in stderr, stderr

    from PySide6.QtGui import QImage  # a QImage needs no QApplication

    image = QImage(str(shot))
    assert not image.isNull()
    step = 8
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    assert len(colours) > 20, "the screenshot is blank"
