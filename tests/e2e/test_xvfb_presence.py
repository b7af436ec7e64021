"""End to end: the desktop's "do not disturb" read over a real session bus.

dunst's pause (``dunstctl set-paused true``) is the do-not-disturb switch a
test machine can turn; the same query path (``Properties.Get`` over
``platform.dbus``, its variant unwrapped) reads KDE's ``Inhibited`` and GNOME's
portal setting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xvfb


def test_dunst_paused_holds_reminders_back(xvfb: str) -> None:
    tools.require("Xvfb", "dbus-run-session", "dunst", "dunstctl")
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["XDG_CURRENT_DESKTOP"] = "i3"
    child = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(ROOT / "tests/e2e/presence_scenario.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=25,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result == {"before": [], "paused": ["do-not-disturb"], "after": []}
