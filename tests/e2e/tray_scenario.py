"""Child process of ``test_xvfb_tray.py``; runs inside ``dbus-run-session`` on Xvfb.

Starts dunst (notification server, its context menu answered by a script
that records the actions it offers and picks Snooze) and trayer (a tray
host), builds the app's :class:`Tray` and :class:`ReminderNotifier`, sends
a reminder and prints what happened as one JSON line. Usage:
``tray_scenario.py WORKDIR SCREENSHOT``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from hamstring_gui.platform.dbus import SessionBus
from hamstring_gui.ui.desktop.notify import ReminderNotifier
from hamstring_gui.ui.desktop.tray import Tray


def main() -> int:
    work, shot = Path(sys.argv[1]), Path(sys.argv[2])
    menu_log = work / "dunst-menu.txt"
    picker = work / "pick.sh"
    picker.write_text(f"#!/bin/sh\ncat > {menu_log}\ngrep -i snooze {menu_log} | head -1\n")
    picker.chmod(0o755)
    config = work / "dunstrc"
    config.write_text(f"[global]\n    dmenu = {picker}\n")
    result: dict[str, object] = {}
    app = QApplication(sys.argv[:1])
    result["tray_before_trayer"] = QSystemTrayIcon.isSystemTrayAvailable()
    peers = [
        subprocess.Popen(["dunst", "-config", str(config)], stderr=subprocess.DEVNULL),
        subprocess.Popen(
            [
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--width",
                "10",
                "--height",
                "32",
                "--tint",
                "0x203040",
                "--transparent",
                "true",
                "--alpha",
                "0",
                "--iconspacing",
                "4",
            ],
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        deadline = time.monotonic() + 8
        while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)  # waiting for another process (trayer) to claim the tray
        result["tray_after_trayer"] = QSystemTrayIcon.isSystemTrayAvailable()
        tray = Tray({"desk-break": "Desk break"}, "desk-break")
        tray.set_status(
            {"reminders": "on", "next_reminder": "2024-06-03T09:50:00+02:00"}, snoozes_left=3
        )
        tray.show()
        notifier = ReminderNotifier(bus=SessionBus.connect())
        deadline = time.monotonic() + 8
        while not notifier.server_available() and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting for dunst to own its bus name
        result["capabilities"] = notifier.capabilities()
        answers: list[object] = []
        notifier.snoozeRequested.connect(lambda minutes: answers.append(("snooze", minutes)))
        notifier.startRequested.connect(lambda routine: answers.append(("start", routine)))
        result["channel"] = notifier.show_reminder("desk-break", "Desk break", 4, can_snooze=True)
        result["notification_id"] = notifier._id

        def screenshot_then_answer() -> None:
            subprocess.run(["import", "-window", "root", str(shot)], check=True, timeout=10)
            subprocess.Popen(["dunstctl", "context"])  # the picker chooses Snooze

        QTimer.singleShot(1000, screenshot_then_answer)
        QTimer.singleShot(8000, app.quit)  # a safety net; normally the answer ends it
        notifier.snoozeRequested.connect(lambda _: QTimer.singleShot(300, app.quit))
        app.exec()
        result["answers"] = answers
        result["menu"] = menu_log.read_text().splitlines() if menu_log.exists() else []
        subprocess.run(["dunstctl", "close-all"], timeout=5, check=False)
        history = subprocess.run(
            ["dunstctl", "history"], capture_output=True, text=True, timeout=5, check=False
        )
        result["history"] = json.loads(history.stdout or "null")
        notifier.close()
    finally:
        for peer in peers:
            peer.terminate()
        for peer in peers:
            try:
                peer.wait(timeout=3)
            except subprocess.TimeoutExpired:
                peer.kill()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
