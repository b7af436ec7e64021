"""Launch tokens: forwarded by a second launch, spent by the running app (issue 25)."""

from __future__ import annotations

import argparse
import os
import struct
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from hamstring_gui import cli
from hamstring_gui.ui.desktop.activation import (
    LaunchActivation,
    client_messages,
    startup_message,
)
from hamstring_gui.ui.desktop.control_server import ControlServer


def test_the_token_and_startup_id_travel_over_the_socket(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[object] = []

    def handler(command: str, args: list[str]) -> dict[str, Any]:
        order.append((command, args))
        return {"ok": True, "message": ""}

    server = ControlServer(handler, on_launch=order.append)
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "wayland-token-1")
    monkeypatch.setenv("DESKTOP_STARTUP_ID", "x11-id_TIME5")
    try:
        with ThreadPoolExecutor(1) as pool:
            args = argparse.Namespace(command="start", routine="desk-break")
            future = pool.submit(cli.forward_to_running_app, args)
            qtbot.waitUntil(future.done, timeout=3000)
            assert future.result() is True
    finally:
        server.close()
    tokens = {"XDG_ACTIVATION_TOKEN": "wayland-token-1", "DESKTOP_STARTUP_ID": "x11-id_TIME5"}
    assert order == [tokens, ("start", ["desk-break"])]  # the token first, then the raise


class FakeWindow:
    def winId(self) -> int:  # noqa: N802
        return 0x1234


def test_on_wayland_the_token_waits_in_the_environment_for_the_raise(qtbot: QtBot) -> None:
    os.environ.pop("XDG_ACTIVATION_TOKEN", None)
    LaunchActivation(FakeWindow(), platform="wayland")({"XDG_ACTIVATION_TOKEN": "tok"})
    assert os.environ["XDG_ACTIVATION_TOKEN"] == "tok"  # what Qt's requestActivate reads
    qtbot.waitUntil(lambda: "XDG_ACTIVATION_TOKEN" not in os.environ, timeout=1000)


def test_a_startup_id_alone_changes_nothing_on_wayland() -> None:
    LaunchActivation(FakeWindow(), platform="wayland")({"DESKTOP_STARTUP_ID": "x"})
    assert "XDG_ACTIVATION_TOKEN" not in os.environ


def test_the_remove_message_is_split_into_client_messages() -> None:
    message = startup_message("remove", 'launcher-1 "x"_TIME9')
    assert message == b'remove: ID="launcher-1 \\"x\\"_TIME9"\x00'
    events = client_messages(message, window=0x1234, begin=11, more=12)
    assert len(events) == 2 and all(len(event) == 32 for event in events)
    kinds = [struct.unpack("=BBHII", event[:12]) for event in events]
    assert kinds == [(33, 8, 0, 0x1234, 11), (33, 8, 0, 0x1234, 12)]
    assert b"".join(event[12:] for event in events).rstrip(b"\0") + b"\0" == message
