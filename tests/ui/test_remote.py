"""The control socket: one running app answers other launches."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import ipc
from hamstring_gui.ipc import claim_instance
from hamstring_gui.ui.remote import ControlServer


def _ask(qtbot: QtBot, command: str, args: list[str] | None = None) -> dict[str, Any]:
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(ipc.send, command, args)
        qtbot.waitUntil(future.done, timeout=3000)
        return future.result()


def test_server_answers_with_the_handler(qtbot: QtBot) -> None:
    seen: list[tuple[str, list[str]]] = []

    def handler(command: str, args: list[str]) -> dict[str, Any]:
        seen.append((command, args))
        return {"ok": True, "message": f"did {command}", "status": {"state": "idle"}}

    server = ControlServer(handler)
    assert server.listening
    try:
        assert _ask(qtbot, "snooze", ["5"]) == {
            "ok": True, "message": "did snooze", "status": {"state": "idle"},
        }  # fmt: skip
        assert seen == [("snooze", ["5"])]
    finally:
        server.close()
    assert not ipc.socket_path().exists()
    with pytest.raises(ipc.NotRunningError):
        ipc.send("status")


def test_a_failing_handler_still_answers(qtbot: QtBot) -> None:
    def handler(command: str, args: list[str]) -> dict[str, Any]:
        raise RuntimeError("boom")

    server = ControlServer(handler)
    try:
        with qtbot.captureExceptions():
            reply = _ask(qtbot, "status")
        assert reply["ok"] is False
    finally:
        server.close()


def test_only_one_instance_claims_the_lock() -> None:
    first = claim_instance()
    assert first is not None
    try:
        code = "from hamstring_gui.ipc import claim_instance; print(claim_instance())"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
        )
        assert out.stdout.strip() == "None"
    finally:
        first.close()
    again = claim_instance()
    assert again is not None
    again.close()


def test_parse_request_refuses_malformed_lines() -> None:
    assert ipc.parse_request(b'{"command": "pause"}') == ("pause", [])
    for line in [b"[]", b'{"args": []}', b'{"command": "x", "args": [1]}', b"not json"]:
        with pytest.raises(ValueError):
            ipc.parse_request(line)


@pytest.mark.parametrize("command", ["pause", "resume", "skip", "stop", "snooze", "status"])
def test_control_commands_without_a_running_app_exit_3(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", command],
        capture_output=True, text=True, env=os.environ.copy(), timeout=10,
    )  # fmt: skip
    assert result.returncode == 3
    assert result.stderr.strip() == "hamstring-gui: the app is not running"
