"""End to end: one running app, driven by later launches and control commands."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import PROGRAM, acknowledge_safety, stop, wait_for

pytestmark = pytest.mark.xvfb


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROGRAM), *args], env=env, capture_output=True, text=True, timeout=10
    )


def _status(env: dict[str, str]) -> dict[str, object]:
    result = _cli(env, "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_second_launch_forwards_and_status_pause_work(
    app_env: dict[str, str], tmp_path: Path
) -> None:
    acknowledge_safety()
    env = app_env
    assert _cli(env, "status").returncode == 3  # nothing runs yet
    with open(tmp_path / "app.log", "wb") as log:
        app = subprocess.Popen([str(PROGRAM)], env=env, stdout=log, stderr=log)
    try:
        wait_for(
            lambda: _cli(env, "status").returncode == 0 or app.poll() is not None,
            30,
            "the app to listen",
        )
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        assert _status(env)["state"] == "idle"

        started = time.monotonic()
        second = _cli(env, "start", "desk-break")
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 1.0, "a second launch hands over within a second"

        status = _status(env)
        assert status["state"] == "running"
        assert status["routine"] == "desk-break"
        assert set(status) == {"state", "routine", "phase", "reminders", "next_reminder"}
        phase = status["phase"]
        assert isinstance(phase, dict)
        assert set(phase) == {"kind", "stretch", "side", "remaining_seconds"}
        where = (phase["kind"], phase["stretch"], phase["side"])
        assert where == ("prepare", "chair-stretch", "left")

        assert _cli(env, "pause").returncode == 0
        frozen = _status(env)
        assert frozen["state"] == "paused"
        time.sleep(1.5)  # real time passes in the other process
        assert _status(env)["phase"] == frozen["phase"], "pause freezes the remaining time"

        assert _cli(env, "resume").returncode == 0
        assert _cli(env, "skip").returncode == 0
        assert _status(env)["phase"]["kind"] == "hold"  # type: ignore[index]
        assert _cli(env, "stop").returncode == 0
        after_stop = _status(env)
        # Over is over: a stopped session reads as one that ran to the end (issue 23).
        assert (after_stop["state"], after_stop["phase"]) == ("finished", None)
        assert after_stop["routine"] == "desk-break"
    finally:
        stop(app)
    assert _cli(env, "pause").returncode == 3
    assert "Traceback" not in (tmp_path / "app.log").read_text()
