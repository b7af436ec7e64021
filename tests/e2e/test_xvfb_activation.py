"""End to end on X11: a second launch completes its startup notification on the running window."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import PROGRAM, stop, wait_for
from tests.helpers import tools

pytestmark = pytest.mark.xvfb


def _main_window(display: str) -> str | None:
    tree = subprocess.run(
        ["xwininfo", "-display", display, "-root", "-tree"], capture_output=True, text=True
    ).stdout
    found = re.search(r"^\s+(0x[0-9a-f]+) \"Hamstring Coach\": \(\"hamstring-gui\"", tree, re.M)
    return found.group(1) if found else None


def test_a_second_launch_hands_its_startup_id_to_the_running_window(
    app_env: dict[str, str], tmp_path: Path
) -> None:
    tools.require("xwininfo", "xprop")
    display = app_env["DISPLAY"]
    with open(tmp_path / "app.log", "wb") as log:
        app = subprocess.Popen([str(PROGRAM)], env=app_env, stdout=log, stderr=log)
    try:
        window = wait_for(
            lambda: _main_window(display) or app.poll() is not None, 30, "the main window"
        )
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        wait_for(
            lambda: subprocess.run([str(PROGRAM), "status"], env=app_env).returncode == 0,
            30,
            "the control socket",
        )
        startup_id = "launcher-42-test_TIME1234"
        second = subprocess.run(
            [str(PROGRAM)],
            env={**app_env, "DESKTOP_STARTUP_ID": startup_id},
            capture_output=True,
            text=True,
            timeout=10,
        )
        assert second.returncode == 0, second.stderr

        def startup_property() -> str:
            return subprocess.run(
                ["xprop", "-display", display, "-id", str(window), "_NET_STARTUP_ID"],
                capture_output=True,
                text=True,
            ).stdout

        wait_for(lambda: startup_id in startup_property(), 5, "_NET_STARTUP_ID on the window")
    finally:
        stop(app)
    assert "Traceback" not in (tmp_path / "app.log").read_text()
