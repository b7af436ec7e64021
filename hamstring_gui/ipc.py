"""Talk to the running app over a local socket, without Qt.

One running instance listens on a Unix socket in the user's runtime folder;
a second launch and the control commands (``status``, ``pause``...) send it
one JSON line and read one JSON line back. The client is plain ``socket`` so
``hamstring-gui status`` answers in milliseconds without loading Qt.

Protocol (one request per connection)::

    -> {"command": "status", "args": []}
    <- {"ok": true, "message": "...", "status": {...}}

A launch handed over (``show``, ``start``) also carries the launch's
activation token, so the running app may raise its window::

    -> {"command": "show", "args": [], "launch": {"XDG_ACTIVATION_TOKEN": "..."}}
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from hamstring_gui import paths

SOCKET_NAME = "control.sock"
LOCK_NAME = "instance.lock"
MAX_MESSAGE = 64 * 1024
#: What a launcher hands a new process so its window may come to the front:
#: the Wayland activation token (xdg-activation-v1) and the X11 startup id
#: (startup-notification spec). A launch handed over forwards them.
LAUNCH_VARIABLES = ("XDG_ACTIVATION_TOKEN", "DESKTOP_STARTUP_ID")
_MAX_TOKEN = 1024


@dataclass(frozen=True)
class Request:
    """One control request: a command, its arguments, and the launch's tokens (may be empty)."""

    command: str
    args: list[str]
    launch: dict[str, str] = field(default_factory=dict)


def launch_tokens(env: dict[str, str] | None = None) -> dict[str, str]:
    """The activation token and startup id this process was launched with."""
    environment = os.environ if env is None else env
    return {name: environment[name] for name in LAUNCH_VARIABLES if environment.get(name)}


class NotRunningError(Exception):
    """No app is listening."""


def socket_path() -> Path:
    """Where the running app listens."""
    return paths.runtime_dir() / SOCKET_NAME


def lock_path() -> Path:
    """The lock that makes exactly one launch the running app."""
    return paths.runtime_dir() / LOCK_NAME


def send(
    command: str,
    args: list[str] | None = None,
    *,
    launch: dict[str, str] | None = None,
    timeout: float = 2.0,
) -> dict[str, Any]:
    """Send one command to the running app and return its answer.

    Args:
        command: the command name (``show``, ``status``...).
        args: its arguments.
        launch: the launch's tokens (:func:`launch_tokens`) for a hand-over.
        timeout: seconds to wait for the connection and the answer.

    Raises:
        NotRunningError: when nothing listens on the socket.
    """
    import socket  # only a client talks; the app's first paint does not need it

    message: dict[str, Any] = {"command": command, "args": args or []}
    if launch:
        message["launch"] = launch
    request = json.dumps(message).encode() + b"\n"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(str(socket_path()))
        except (FileNotFoundError, ConnectionRefusedError) as error:
            raise NotRunningError(str(error)) from None
        client.sendall(request)
        reply = b""
        while not reply.endswith(b"\n") and len(reply) < MAX_MESSAGE:
            chunk = client.recv(4096)
            if not chunk:
                break
            reply += chunk
    try:
        answer = json.loads(reply.decode() or "null")
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise NotRunningError("the running app gave no answer")
    return answer


def parse_request(line: bytes) -> Request:
    """Read a request line; raises ValueError for anything malformed (never anything else)."""
    try:
        data = json.loads(line.decode())
    except RecursionError:  # the C parser recurses once per bracket
        raise ValueError("nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("command"), str):
        raise ValueError("request needs a 'command'")
    args = data.get("args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise ValueError("'args' must be a list of text")
    launch = data.get("launch", {})
    if not isinstance(launch, dict) or not all(
        name in LAUNCH_VARIABLES
        and isinstance(value, str)
        and 0 < len(value) <= _MAX_TOKEN
        and value.isprintable()
        and value.isascii()
        for name, value in launch.items()
    ):
        raise ValueError(f"'launch' may only hold {' and '.join(LAUNCH_VARIABLES)} as short text")
    return Request(data["command"], args, launch)


def claim_instance() -> IO[bytes] | None:
    """Take the single-instance lock; None when another app holds it.

    The open file must stay referenced: closing it releases the lock.
    """
    fd = os.open(lock_path(), os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
    handle = os.fdopen(fd, "ab")  # held for the app's lifetime
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle
