"""The control socket: one running app answers other launches."""

from __future__ import annotations

import gc
import json
import logging
import os
import socket
import stat
import subprocess
import sys
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import ipc
from hamstring_gui.ipc import claim_instance
from hamstring_gui.ui.desktop.control_server import ControlServer


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
            "ok": True,
            "message": "did snooze",
            "status": {"state": "idle"},
        }
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
    assert ipc.parse_request(b'{"command": "pause"}') == ipc.Request("pause", [], {})
    for line in [
        b"[]",
        b'{"args": []}',
        b'{"command": "x", "args": [1]}',
        b"not json",
        b'{"command": "show", "launch": {"PATH": "/tmp"}}',
        b'{"command": "show", "launch": {"XDG_ACTIVATION_TOKEN": "a\\nb"}}',
        b'{"command": "show", "launch": ["XDG_ACTIVATION_TOKEN"]}',
    ]:
        with pytest.raises(ValueError):
            ipc.parse_request(line)


@pytest.mark.parametrize("command", ["pause", "resume", "skip", "stop", "snooze", "status"])
def test_control_commands_without_a_running_app_exit_3(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hamstring_gui", command],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=10,
    )
    assert result.returncode == 3
    assert result.stderr.strip() == "hamstring-gui: the app is not running"


# -- the socket itself: partial reads, slow and idle clients, many clients ---------------


def _echo(command: str, args: list[str]) -> dict[str, Any]:
    return {"ok": True, "message": f"did {command}", "args": args}


def _connect() -> socket.socket:
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(str(ipc.socket_path()))
    return client


def _nothing_yet(client: socket.socket) -> bool:
    """Tell whether the server has neither answered nor closed the connection."""
    client.setblocking(False)
    try:
        client.recv(1, socket.MSG_PEEK)
    except BlockingIOError:
        return True
    return False


def _read_until_closed(qtbot: QtBot, client: socket.socket, timeout: int = 3000) -> bytes:
    """Everything the server sends until it closes the connection, the event loop running."""
    client.setblocking(False)
    data = bytearray()

    def closed() -> bool:
        try:
            chunk = client.recv(4096)
        except BlockingIOError:
            return False
        data.extend(chunk)
        return not chunk

    qtbot.waitUntil(closed, timeout=timeout)
    return bytes(data)


def test_a_request_split_across_two_sends_is_answered_once_whole(qtbot: QtBot) -> None:
    seen: list[tuple[str, list[str]]] = []

    def handler(command: str, args: list[str]) -> dict[str, Any]:
        seen.append((command, args))
        return _echo(command, args)

    server = ControlServer(handler)
    try:
        with _connect() as client:
            client.sendall(b'{"command": "sno')
            qtbot.wait(200)  # the server reads the first half and waits for the rest
            assert seen == []
            assert _nothing_yet(client)
            client.setblocking(True)
            client.sendall(b'oze", "args": ["5"]}\n')
            reply = _read_until_closed(qtbot, client)
        assert reply.endswith(b"\n") and reply.count(b"\n") == 1
        assert json.loads(reply) == {"ok": True, "message": "did snooze", "args": ["5"]}
        assert seen == [("snooze", ["5"])]
    finally:
        server.close()


def test_an_idle_client_times_out_without_blocking_other_clients(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ControlServer, "IDLE_TIMEOUT_MS", 400)
    server = ControlServer(_echo)
    try:
        with _connect() as idle, _connect() as half:
            started = time.monotonic()
            half.sendall(b'{"command": "pau')  # and never the rest
            qtbot.wait(50)
            # Both hang on: the app still answers everyone else at once.
            asked = time.monotonic()
            assert _ask(qtbot, "status")["message"] == "did status"
            assert _ask(qtbot, "pause")["message"] == "did pause"
            assert time.monotonic() - asked < 0.35
            assert _nothing_yet(idle) and _nothing_yet(half)
            # Then each is closed without an answer once its time is up.
            assert _read_until_closed(qtbot, idle) == b""
            assert _read_until_closed(qtbot, half) == b""
            assert time.monotonic() - started >= 0.35
    finally:
        server.close()


def test_the_default_idle_timeout_is_a_few_seconds() -> None:
    assert 1000 <= ControlServer.IDLE_TIMEOUT_MS <= 10_000


def test_many_clients_at_once_each_get_their_own_answer(qtbot: QtBot) -> None:
    server = ControlServer(_echo)
    try:
        with ThreadPoolExecutor(16) as pool:
            futures = [pool.submit(ipc.send, "snooze", [str(n)]) for n in range(48)]
            qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=5000)
        assert [f.result()["args"] for f in futures] == [[str(n)] for n in range(48)]
    finally:
        server.close()


def test_a_request_over_the_size_limit_is_refused_and_closed(qtbot: QtBot) -> None:
    seen: list[str] = []
    server = ControlServer(lambda command, args: seen.append(command) or _echo(command, args))
    try:
        with _connect() as client:
            # Valid JSON so far, so only the limit can refuse it; no newline yet.
            client.sendall(b'{"command": "status", "args": ["' + b"x" * ipc.MAX_MESSAGE)
            reply = json.loads(_read_until_closed(qtbot, client))
        assert reply["ok"] is False
        assert reply["message"].startswith("bad request: ")
        assert seen == []
    finally:
        server.close()


def test_malformed_requests_get_bad_request_and_handler_bugs_a_fixed_message(
    qtbot: QtBot,
) -> None:
    def handler(command: str, args: list[str]) -> dict[str, Any]:
        raise RuntimeError("boom")

    server = ControlServer(handler)
    try:
        with _connect() as client:
            client.sendall(b'{"args": []}\n')
            assert json.loads(_read_until_closed(qtbot, client)) == {
                "ok": False,
                "message": "bad request: request needs a 'command'",
            }
        with _connect() as client, qtbot.captureExceptions():
            client.sendall(b'{"command": "status"}\n')
            assert json.loads(_read_until_closed(qtbot, client)) == {
                "ok": False,
                "message": "the app could not carry out that command",
            }
    finally:
        server.close()


def test_a_request_line_sent_with_the_end_of_input_is_still_answered(qtbot: QtBot) -> None:
    server = ControlServer(_echo)
    try:
        with _connect() as client:
            client.sendall(b'{"command": "status"}\n')
            client.shutdown(socket.SHUT_WR)  # like `echo ... | socat` at the end of its input
            assert json.loads(_read_until_closed(qtbot, client))["message"] == "did status"
    finally:
        server.close()


def test_an_unfinished_line_at_the_end_of_input_gets_no_answer(qtbot: QtBot) -> None:
    """A request is a whole line; QLocalSocket closes at once when the client stops writing."""
    seen: list[str] = []
    server = ControlServer(lambda command, args: seen.append(command) or _echo(command, args))
    try:
        with _connect() as client:
            client.sendall(b'{"command": "status"}')
            client.shutdown(socket.SHUT_WR)
            assert _read_until_closed(qtbot, client) == b""
        assert seen == []
    finally:
        server.close()


def test_clients_that_close_early_leave_nothing_behind(qtbot: QtBot) -> None:
    seen: list[str] = []
    server = ControlServer(lambda command, args: seen.append(command) or _echo(command, args))
    try:
        with _connect():
            pass  # connects and goes
        with _connect() as client:
            client.sendall(b'{"command": "pa')  # half a request, then gone
        with _connect() as client:
            client.sendall(b'{"command": "skip"}\n')  # gone before the answer
        qtbot.waitUntil(lambda: seen == ["skip"], timeout=3000)
        qtbot.waitUntil(lambda: not server._clients, timeout=3000)
        assert _ask(qtbot, "status")["message"] == "did status"
    finally:
        server.close()


def test_the_socket_file_is_private_even_with_a_loose_umask(qtbot: QtBot) -> None:
    old = os.umask(0)
    try:
        server = ControlServer(_echo)
    finally:
        os.umask(old)
    try:
        info = ipc.socket_path().stat()
        assert stat.S_ISSOCK(info.st_mode)
        assert stat.S_IMODE(info.st_mode) & 0o077 == 0  # nobody but the user
        assert stat.S_IMODE(ipc.socket_path().parent.stat().st_mode) == 0o700
    finally:
        server.close()


def test_a_stale_socket_file_is_replaced(qtbot: QtBot) -> None:
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(ipc.socket_path()))
    stale.close()  # a crashed app's leftover: the file stays, nobody listens
    with pytest.raises(ipc.NotRunningError):
        ipc.send("status")
    server = ControlServer(_echo)
    try:
        assert server.listening
        assert _ask(qtbot, "status")["ok"] is True
    finally:
        server.close()
    assert not ipc.socket_path().exists()


def test_failing_to_listen_logs_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    blocker = ipc.socket_path()
    blocker.mkdir()
    (blocker / "keep").write_text("not a socket")
    caplog.set_level(logging.WARNING, logger="hamstring_gui.ui.desktop.control_server")
    server = ControlServer(_echo)
    assert not server.listening
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert caplog.records[0].getMessage().startswith("control socket unavailable: ")
    server.close()
    assert (blocker / "keep").exists(), "close() removes only its own socket file"


def test_a_closed_server_is_freed_at_once_not_left_to_the_cycle_collector(qtbot: QtBot) -> None:
    """Regression: handlers kept a closed server in a cycle; the collector then
    deleted it with its Qt children in mid-collection, and now and then crashed."""
    server = ControlServer(_echo)
    with _connect() as idle:
        assert _ask(qtbot, "status")["ok"]
        idle.sendall(b'{"command": "pau')
        clients = server._clients
        qtbot.waitUntil(lambda: bool(clients), timeout=1000)
    server.close()
    gone = weakref.ref(server)
    gc.disable()
    try:
        del server
        assert gone() is None
    finally:
        gc.enable()
