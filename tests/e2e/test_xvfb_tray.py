"""End to end: the tray and the reminder notification against real Debian peers.

Xvfb on a free display, a session bus from ``dbus-run-session``, dunst as the
notification server and trayer as the tray host (both started by the child
``tray_scenario.py``, inside the session bus). Asserts dunst got the
reminder with Start and Snooze actions and that choosing Snooze comes back
to the app, that the tray becomes available only once trayer runs, and that
the icon shows in ``artifacts/tray.png``. Everything is killed at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]
NEEDED = ("Xvfb", "dbus-run-session", "dunst", "dunstctl", "trayer", "import", "busctl")

pytestmark = pytest.mark.xvfb


def test_reminder_reaches_dunst_and_the_icon_sits_in_trayer(xvfb: str, tmp_path: Path) -> None:
    tools.require(*NEEDED)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "tray.png"
    shot.unlink(missing_ok=True)
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    child = subprocess.run(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            str(ROOT / "tests/e2e/tray_scenario.py"),
            str(tmp_path),
            str(shot),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=25,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    assert "Traceback" not in child.stderr, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])

    assert result["tray_before_trayer"] is False
    assert result["tray_after_trayer"] is True
    assert "actions" in result["capabilities"]
    assert result["channel"] == "notification"
    # dunst offered exactly our actions (its context menu lists them) ...
    menu = "\n".join(result["menu"])
    assert "#Start (Time for a stretch)" in menu and "#Snooze 10 min (Time for a stretch)" in menu
    assert "#Skip (Time for a stretch)" in menu
    # ... and choosing Snooze came back to the app.
    assert result["answers"] == [["snooze", 10]]
    # Answered, the notification moved to dunst's history.
    entries = result["history"]["data"][0]
    ours = [e for e in entries if e["id"]["data"] == result["notification_id"]]
    assert ours and ours[0]["summary"]["data"] == "Time for a stretch"
    assert ours[0]["appname"]["data"] == "Hamstring Coach"

    from PySide6.QtGui import QColor, QImage  # a QImage needs no QApplication

    image = QImage(str(shot))
    assert not image.isNull()
    # trayer sits at the top right (tinted 0x203040); the icon's green tile is in it.
    green = QColor("#2f7d5b")
    found = any(
        abs(QColor(image.pixel(x, y)).green() - green.green()) < 40
        and QColor(image.pixel(x, y)).green() > QColor(image.pixel(x, y)).red() + 40
        for x in range(image.width() - 400, image.width())
        for y in range(0, 40)
    )
    assert found, f"no tray icon in {shot}"
