"""The command line reads settings.json: `plan` shows the user's own hold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def settings_path() -> Path:
    # conftest points XDG_CONFIG_HOME into this test's temp dir.
    return Path(os.environ["XDG_CONFIG_HOME"]) / "hamstring-gui" / "settings.json"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hamstring_gui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


def write_settings(data: object) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def hold_seconds(stdout: str) -> set[int]:
    plan = json.loads(stdout)
    return {phase["seconds"] for phase in plan["phases"] if phase["kind"] == "hold"}


def test_plan_shows_the_hold_from_settings_json() -> None:
    assert hold_seconds(run_cli("plan", "desk-break", "--json").stdout) == {30}
    write_settings({"version": 1, "session": {"hold_seconds": 45}})
    result = run_cli("plan", "desk-break", "--json")
    assert result.returncode == 0
    assert result.stderr == ""
    assert hold_seconds(result.stdout) == {45}


def test_bad_values_are_reported_once_on_stderr() -> None:
    write_settings({"version": 1, "session": {"hold_seconds": 500}})
    result = run_cli("plan", "desk-break", "--json")
    assert result.returncode == 0
    assert hold_seconds(result.stdout) == {60}
    assert result.stderr == (
        "hamstring-gui: settings.json: session.hold_seconds: 500 is above the maximum; using 60 s\n"
    )


def test_a_broken_file_is_reported_and_left_alone() -> None:
    path = write_settings("{oops")
    result = run_cli("plan", "desk-break", "--json")
    assert result.returncode == 0
    assert hold_seconds(result.stdout) == {30}
    assert result.stderr.count("\n") == 1
    assert "settings.json is not valid JSON" in result.stderr
    assert path.read_text() == "{oops"  # the command line never moves or rewrites it
