"""The running app's end of the control socket (see :mod:`hamstring_gui.ipc`).

Lifecycle: :func:`hamstring_gui.ipc.claim_instance` takes the instance lock
(only one launch wins); the winner builds a :class:`ControlServer` with a
handler and keeps both alive for the app's lifetime.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .. import ipc

log = logging.getLogger(__name__)

Handler = Callable[[str, list[str]], dict[str, Any]]


class ControlServer(QObject):
    """Answers control commands from other launches with ``handler(command, args)``."""

    def __init__(self, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
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
        """Stop listening and remove the socket file."""
        path = self._server.fullServerName()
        self._server.close()
        if path and os.path.exists(path):
            os.unlink(path)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(conn: QLocalSocket = connection, buf: bytearray = buffer) -> None:
                buf.extend(bytes(conn.readAll().data()))
                if b"\n" in buf or len(buf) > ipc.MAX_MESSAGE:
                    self._answer(conn, bytes(buf).split(b"\n", 1)[0])

            connection.readyRead.connect(read)
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                read()

    def _answer(self, connection: QLocalSocket, line: bytes) -> None:
        try:
            command, args = ipc.parse_request(line)
            reply = self._handler(command, args)
        except ValueError as error:
            reply = {"ok": False, "message": f"bad request: {error}"}
        except Exception:  # a handler bug must not kill the app or leave the caller hanging
            log.exception("control command failed")
            reply = {"ok": False, "message": "the app could not carry out that command"}
        connection.write(json.dumps(reply).encode() + b"\n")
        connection.flush()
        connection.disconnectFromServer()
