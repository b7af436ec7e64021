"""Child process of ``test_xvfb_presence.py``; runs inside ``dbus-run-session`` on Xvfb.

Starts dunst, builds the app's :class:`IdleMonitor` and prints, as one JSON
line, what holds reminders back before, during and after ``dunstctl
set-paused true`` (dunst's "do not disturb").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from PySide6.QtWidgets import QApplication

from hamstring_gui.platform.dbus import SessionBus
from hamstring_gui.ui.desktop.idle import IdleMonitor


def main() -> int:
    app = QApplication(sys.argv[:1])
    dunst = subprocess.Popen(["dunst"], stderr=subprocess.DEVNULL)
    try:
        monitor = IdleMonitor(SessionBus.connect())
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:  # waiting for dunst to own its bus name
            done = subprocess.run(["dunstctl", "is-paused"], capture_output=True, check=False)
            if done.returncode == 0:
                break
            time.sleep(0.05)
        result: dict[str, list[str]] = {"before": sorted(monitor.holds())}
        subprocess.run(["dunstctl", "set-paused", "true"], check=True, timeout=5)
        result["paused"] = sorted(monitor.holds())
        subprocess.run(["dunstctl", "set-paused", "false"], check=True, timeout=5)
        result["after"] = sorted(monitor.holds())
        monitor.close()
        app.processEvents()
    finally:
        dunst.terminate()
        try:
            dunst.wait(timeout=3)
        except subprocess.TimeoutExpired:
            dunst.kill()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
