"""End to end: the tray's StatusNotifierItem carries the app's name and icon name (issue 25)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hamstring_gui.platform.autostart import DESKTOP_ID
from tests.e2e.conftest import PROGRAM, stop, wait_for
from tests.helpers import tools
from tests.helpers.dbus import private_session_bus

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xvfb


def test_the_tray_item_is_titled_and_named_like_the_app(
    app_env: dict[str, str], tmp_path: Path
) -> None:
    tools.require("busctl")
    installed = subprocess.run(
        [str(PROGRAM), "desktop-entry", "install"], env=app_env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr  # the icon into the user's theme
    with private_session_bus() as (address, _daemon):
        env = {**app_env, "DBUS_SESSION_BUS_ADDRESS": address, "PYTHONPATH": str(ROOT)}
        watcher = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/e2e/sni_watcher.py")],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        app = None
        try:
            assert watcher.stdout is not None
            assert watcher.stdout.readline().strip() == "ready"
            with open(tmp_path / "app.log", "wb") as log:
                app = subprocess.Popen([str(PROGRAM), "--tray"], env=env, stdout=log, stderr=log)
            line = wait_for(watcher.stdout.readline, 30, "the tray item to register")
            _, service, _sender = line.split()

            def prop(name: str) -> str:
                return subprocess.run(
                    [
                        "busctl",
                        f"--address={address}",
                        "get-property",
                        service,
                        "/StatusNotifierItem",
                        "org.kde.StatusNotifierItem",
                        name,
                    ],
                    capture_output=True,
                    text=True,
                    timeout=10,
                ).stdout.strip()

            assert prop("Title") == 's "Hamstring Coach"'
            assert prop("IconName") == f's "{DESKTOP_ID}"'
        finally:
            if app is not None:
                stop(app)
            watcher.terminate()
            watcher.wait(timeout=5)
            if watcher.stdout is not None:
                watcher.stdout.close()
    log_text = (tmp_path / "app.log").read_text()
    assert "Traceback" not in log_text, log_text
