"""The running app's end of the control socket (see :mod:`hamstring_gui.ipc`).

Lifecycle: :func:`hamstring_gui.ipc.claim_instance` takes the instance lock
(only one launch wins); the winner builds a :class:`ControlServer` with a
handler and keeps both alive for the app's lifetime.

A :class:`~PySide6.QtNetwork.QLocalServer` on the socket path, private to
the user (``UserAccessOption``: Qt binds it in a private folder and moves it
into place, so it is never reachable with looser permissions). Each client
sends one JSON line and gets one back; a client that has not finished by
:attr:`ControlServer.IDLE_TIMEOUT_MS` is dropped. A line cut short by the
end of the client's input gets no answer (QLocalSocket closes at once).

Why not a plain Unix socket (which this replaced): QtNetwork costs ~2.8 MB
of resident memory (VmRSS before and after building the server), which
``make bench`` holds inside its RSS budget; nothing measured pays for a
hand-made server.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from hamstring_gui import ipc

log = logging.getLogger(__name__)

Handler = Callable[[str, list[str]], dict[str, Any]]
#: Called with a request's launch tokens before its handler raises the window.
LaunchHook = Callable[[dict[str, str]], None]


class _Client(QObject):
    """One connection: reads its request line, answers it once, and goes.

    Signals:
        finished(QObject): the connection is closed; the server forgets it.
    """

    finished = Signal(QObject)

    def __init__(
        self,
        socket: QLocalSocket,
        handler: Handler,
        timeout_ms: int,
        parent: QObject,
        on_launch: LaunchHook | None = None,
    ) -> None:
        super().__init__(parent)
        self._socket = socket
        socket.setParent(self)
        self._handler = handler
        self._on_launch = on_launch
        self._inbox = bytearray()
        self._answered = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.close)
        self._timer.start(timeout_ms)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.close)

    def _read(self) -> None:
        data = bytes(self._socket.readAll().data())
        if self._answered:
            return  # one request per connection: the rest is ignored
        self._inbox.extend(data)
        line, newline, _ = self._inbox.partition(b"\n")
        if len(line) > ipc.MAX_MESSAGE:
            too_long = f"bad request: longer than {ipc.MAX_MESSAGE} bytes"
            self._send({"ok": False, "message": too_long})
        elif newline:
            self._send(self._answer(bytes(line)))

    def _answer(self, line: bytes) -> dict[str, Any]:
        try:
            request = ipc.parse_request(line)
            if request.launch and self._on_launch is not None:
                self._on_launch(request.launch)
            return self._handler(request.command, request.args)
        except ValueError as error:
            return {"ok": False, "message": f"bad request: {error}"}
        except Exception:  # a handler bug must not kill the app or leave the caller hanging
            log.exception("control command failed")
            return {"ok": False, "message": "the app could not carry out that command"}

    def _send(self, reply: dict[str, Any]) -> None:
        self._answered = True
        if self._closed:  # timed out or the server closed while the handler ran
            return
        self._socket.write((json.dumps(reply) + "\n").encode())
        self._socket.flush()
        self._socket.disconnectFromServer()  # once written; then disconnected -> close

    def close(self) -> None:
        """Drop the connection (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._socket.abort()
        self.finished.emit(self)


class ControlServer(QObject):
    """Answers control commands from other launches with ``handler(command, args)``."""

    #: A client that has not sent its request and read the answer by then is dropped.
    IDLE_TIMEOUT_MS = 5000

    def __init__(
        self,
        handler: Handler,
        parent: QObject | None = None,
        *,
        on_launch: LaunchHook | None = None,
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._on_launch = on_launch
        self._clients: set[_Client] = set()
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        path = str(ipc.socket_path())
        # Only the lock holder gets here, so a socket file left over is stale.
        QLocalServer.removeServer(path)
        if not self._server.listen(path):
            log.warning("control socket unavailable: %s", self._server.errorString())

    @property
    def listening(self) -> bool:
        """Tell whether other launches can reach this app."""
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening, drop every client and remove the socket file."""
        for client in list(self._clients):
            client.close()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            client = _Client(
                socket, self._handler, self.IDLE_TIMEOUT_MS, self, on_launch=self._on_launch
            )
            client.finished.connect(self._forget)
            self._clients.add(client)

    def _forget(self, client: QObject) -> None:
        if isinstance(client, _Client) and client in self._clients:
            self._clients.discard(client)
            client.deleteLater()  # may be inside one of its own signals
