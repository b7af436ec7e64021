"""The running app's end of the control socket (see :mod:`hamstring_gui.ipc`).

Lifecycle: :func:`hamstring_gui.ipc.claim_instance` takes the instance lock
(only one launch wins); the winner builds a :class:`ControlServer` with a
handler and keeps both alive for the app's lifetime.

The server is a plain non-blocking Unix socket watched by
:class:`~PySide6.QtCore.QSocketNotifier`, so it runs on the Qt event loop
(no threads, no polling) without loading QtNetwork, whose libraries cost
more resident memory than the whole control socket is worth.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import stat
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from hamstring_gui import ipc

log = logging.getLogger(__name__)

Handler = Callable[[str, list[str]], dict[str, Any]]

_CHUNK = 4096
# Out of file descriptors: stop accepting for a moment instead of spinning.
_ACCEPT_PAUSE_MS = 200
_SEND_FLAGS = getattr(socket, "MSG_NOSIGNAL", 0)


class _Connection:
    """One client: its socket, read/write watchers, buffers and idle timer.

    The server's handlers on the watchers and the timer refer back to it;
    :meth:`close` disconnects them, so no reference cycle through Qt outlives
    the client. (A server left to Python's cycle collector was deleted, with
    its Qt children, in the middle of a collection: a crash, now and then.)
    """

    def __init__(self, sock: socket.socket, owner: QObject, timeout_ms: int) -> None:
        self.sock = sock
        self.closed = False
        self.inbox = bytearray()
        self.outbox = b""
        self.reader = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, owner)
        self.writer: QSocketNotifier | None = None
        self.timer = QTimer(owner)
        self.timer.setSingleShot(True)
        self.timer.start(timeout_ms)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        # Watchers off before the descriptor goes: the number may be reused at once.
        for notifier in (self.reader, self.writer):
            if notifier is not None:
                notifier.setEnabled(False)
                notifier.activated.disconnect()
                notifier.deleteLater()  # may be inside its own activated()
        self.writer = None
        self.timer.stop()
        self.timer.timeout.disconnect()
        self.timer.deleteLater()
        self.sock.close()


class ControlServer(QObject):
    """Answers control commands from other launches with ``handler(command, args)``."""

    #: A client that has not sent its request and read the answer by then is dropped.
    IDLE_TIMEOUT_MS = 5000

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._clients: set[_Connection] = set()
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._path = str(ipc.socket_path())
        self._inode: tuple[int, int] | None = None
        try:
            self._sock = self._listen(self._path)
        except OSError as error:
            log.warning("control socket unavailable: %s", error)
            return
        self._notifier = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _listen(self, path: str) -> socket.socket:
        # Only the lock holder gets here, so a socket file left over is stale.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        bound = False
        try:
            sock.setblocking(False)
            sock.bind(path)
            bound = True
            # Nobody can connect before listen(), so the file is never reachable
            # with looser permissions than these.
            os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
            info = os.stat(path)
            sock.listen(socket.SOMAXCONN)
        except OSError:
            sock.close()
            if bound:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            raise
        self._inode = (info.st_dev, info.st_ino)
        return sock

    @property
    def listening(self) -> bool:
        """Tell whether other launches can reach this app."""
        return self._sock is not None

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        for connection in list(self._clients):
            self._drop(connection)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._inode is not None:
            # Remove the file only while it is still the one this server made.
            with contextlib.suppress(OSError):
                info = os.stat(self._path)
                if (info.st_dev, info.st_ino) == self._inode:
                    os.unlink(self._path)
            self._inode = None

    # -- accepting ----------------------------------------------------------------------

    def _accept(self) -> None:
        while self._sock is not None:
            try:
                client, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                if error.errno in (errno.ECONNABORTED, errno.EPROTO):
                    continue  # that client gave up while queued
                log.warning("control socket: cannot accept: %s", error)
                self._pause_accepting()
                return
            client.setblocking(False)
            connection = _Connection(client, self, self.IDLE_TIMEOUT_MS)
            self._clients.add(connection)
            connection.reader.activated.connect(lambda *_, c=connection: self._read(c))
            connection.timer.timeout.connect(lambda c=connection: self._drop(c))

    def _pause_accepting(self) -> None:
        notifier = self._notifier
        if notifier is None:
            return
        notifier.setEnabled(False)

        def resume() -> None:
            if self._notifier is notifier:
                notifier.setEnabled(True)

        QTimer.singleShot(_ACCEPT_PAUSE_MS, self, resume)

    # -- one connection -----------------------------------------------------------------

    def _read(self, connection: _Connection) -> None:
        while not connection.closed:
            try:
                chunk = connection.sock.recv(_CHUNK)
            except (BlockingIOError, InterruptedError):
                return  # the rest comes later
            except OSError:
                self._drop(connection)
                return
            if not chunk:
                # The client stopped writing: answer what it sent (a half-closed
                # socket still reads the answer), or let go of an empty connection.
                if connection.inbox:
                    self._answer(connection, bytes(connection.inbox))
                else:
                    self._drop(connection)
                return
            connection.inbox.extend(chunk)
            line, newline, _ = connection.inbox.partition(b"\n")
            if len(line) > ipc.MAX_MESSAGE:
                too_long = f"bad request: longer than {ipc.MAX_MESSAGE} bytes"
                self._send(connection, {"ok": False, "message": too_long})
                return
            if newline:
                self._answer(connection, bytes(line))
                return

    def _answer(self, connection: _Connection, line: bytes) -> None:
        connection.reader.setEnabled(False)  # one request per connection
        try:
            command, args = ipc.parse_request(line)
            reply = self._handler(command, args)
        except ValueError as error:
            reply = {"ok": False, "message": f"bad request: {error}"}
        except Exception:  # a handler bug must not kill the app or leave the caller hanging
            log.exception("control command failed")
            reply = {"ok": False, "message": "the app could not carry out that command"}
        self._send(connection, reply)

    def _send(self, connection: _Connection, reply: dict[str, Any]) -> None:
        if connection.closed:  # timed out or the server closed while the handler ran
            return
        connection.reader.setEnabled(False)
        connection.outbox = (json.dumps(reply) + "\n").encode()
        self._flush(connection)

    def _flush(self, connection: _Connection) -> None:
        if connection.closed:
            return
        try:
            while connection.outbox:
                sent = connection.sock.send(connection.outbox, _SEND_FLAGS)
                connection.outbox = connection.outbox[sent:]
        except (BlockingIOError, InterruptedError):
            # The client reads slowly: go on when it can take more (or time out).
            if connection.writer is None:
                writer = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Write, self)
                writer.activated.connect(lambda *_, c=connection: self._flush(c))
                connection.writer = writer
            return
        except OSError:
            pass  # the client went away before the answer: nothing to tell it
        self._drop(connection)

    def _drop(self, connection: _Connection) -> None:
        self._clients.discard(connection)
        connection.close()
