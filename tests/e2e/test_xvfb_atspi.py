"""End to end: what a screen reader reads, through AT-SPI as Orca reads it.

Xvfb on a free display, a session bus from ``dbus-run-session``, the
accessibility bus from ``at-spi-bus-launcher`` and ``at-spi2-registryd``
(Debian's at-spi2-core), and the installed app on its first run (``atspi_scenario.py`` does the
reading, over D-Bus with jeepney). The safety screen's red flags and the
session screen's stretch, leg, cue and next-up must be there as text, every
control named, the countdown a progress bar. With ``CI=true`` a missing
tool fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hamstring_gui.ui.screens.safety import EMERGENCY
from tests.e2e.atspi_scenario import LAUNCHER, REGISTRY
from tests.e2e.conftest import PROGRAM
from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("Xvfb", "dbus-run-session", "xdotool", LAUNCHER, REGISTRY)
# Roles a user acts on or reads a value from: each needs a name.
CONTROLS = {
    "push button",
    "check box",
    "radio button",
    "combo box",
    "spin button",
    "text",
    "list",
    "progress bar",
    "scroll bar",
    "slider",
    "toggle button",
}

pytestmark = pytest.mark.xvfb


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    tools.require(*TOOLS)  # with CI=true a missing one fails, never skips
    from tests.helpers.processes import free_display, stop, wait_for

    number = free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    home = tmp_path_factory.mktemp("home")
    runtime = tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)
    env = {
        **os.environ,
        "DISPLAY": f":{number}",
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb to start")
        child = subprocess.run(
            [
                "dbus-run-session",
                "--",
                sys.executable,
                str(ROOT / "tests/e2e/atspi_scenario.py"),
                str(PROGRAM),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    finally:
        stop(server)
    assert child.returncode == 0, child.stderr
    assert "Traceback" not in child.stderr, child.stderr
    result: dict[str, list[dict[str, Any]]] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def _names(nodes: list[dict[str, Any]]) -> list[str]:
    return [node["name"] for node in nodes]


def test_the_safety_screen_reads_every_red_flag(tree) -> None:  # type: ignore[no-untyped-def]
    names = " \n".join(_names(tree["safety"]))
    heading, flags = EMERGENCY
    assert heading in names
    for flag in flags:
        assert flag in names, flag
    assert "I understand" in _names(tree["safety"])


def test_the_session_screen_reads_what_it_shows(tree) -> None:  # type: ignore[no-untyped-def]
    labels = {
        node["description"]: node["name"] for node in tree["session"] if node["role"] == "label"
    }
    assert labels["Stretch"] == "Chair hamstring stretch"
    assert labels["Leg"] == "Start with your left leg"
    assert labels["What to focus on"] == "Sit tall at the edge of your chair"
    assert labels["Next up"].startswith("Next: Hold — left leg")
    assert labels["Phase"] == "Get ready"
    assert "That hurts" in _names(tree["session"])


def test_the_countdown_is_a_progress_bar_with_its_value(tree) -> None:  # type: ignore[no-untyped-def]
    bars = {node["name"]: node for node in tree["session"] if node["role"] == "progress bar"}
    countdown = bars["Seconds left"]
    assert 0 < countdown["value"] <= countdown["maximum"]
    assert "Session done" in bars


@pytest.mark.parametrize("screen", ["safety", "session"])
def test_no_control_is_unnamed(tree, screen) -> None:  # type: ignore[no-untyped-def]
    unnamed = [
        node["role"]
        for node in tree[screen]
        if node["role"] in CONTROLS and not node["name"].strip()
    ]
    assert unnamed == []
    assert tree[screen][0]["role"] == "frame" and tree[screen][0]["name"]


def test_a_keyboard_only_session_ends_with_that_hurts(tree) -> None:  # type: ignore[no-untyped-def]
    """Tab, Space, H, Tab, Enter: Skip pressed (not Pause), then "That hurts" ends it."""
    assert tree["skipped_to"] == "Hold — left leg"  # Space pressed the focused Skip
    hurt = _names(tree["hurt"])
    assert "Stop — pain is not the goal" in hurt
    assert "Skip Chair hamstring stretch" in hurt and "End the session" in hurt
    summary = " ".join(_names(tree["summary"]))
    assert "Session stopped" in summary
    assert "You reported pain during Chair hamstring stretch" in summary
