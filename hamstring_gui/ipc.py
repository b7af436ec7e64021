"""Talk to the running app over a local socket, without Qt.

One running instance listens on a Unix socket in the user's runtime folder;
a second launch and the control commands (``status``, ``pause``...) send it
one JSON line and read one JSON line back. The client is plain ``socket`` so
``hamstring-gui status`` answers in milliseconds without loading Qt.

Protocol (one request per connection)::

    -> {"command": "status", "args": []}
    <- {"ok": true, "message": "...", "status": {...}}
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from pathlib import Path
from typing import IO, Any

from hamstring_gui import paths

SOCKET_NAME = "control.sock"
LOCK_NAME = "instance.lock"
MAX_MESSAGE = 64 * 1024


class NotRunningError(Exception):
    """No app is listening."""


def socket_path() -> Path:
    """Where the running app listens."""
    return paths.runtime_dir() / SOCKET_NAME


def lock_path() -> Path:
    """The lock that makes exactly one launch the running app."""
    return paths.runtime_dir() / LOCK_NAME


def send(command: str, args: list[str] | None = None, *, timeout: float = 2.0) -> dict[str, Any]:
    """Send one command to the running app and return its answer.

    Raises:
        NotRunningError: when nothing listens on the socket.
    """
    request = json.dumps({"command": command, "args": args or []}).encode() + b"\n"
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


def parse_request(line: bytes) -> tuple[str, list[str]]:
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
    return data["command"], args


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
