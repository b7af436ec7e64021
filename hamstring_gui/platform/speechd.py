"""The voice: speech-dispatcher over its own protocol (SSIP), from a thread of its own.

Why not QTextToSpeech: its speechd engine lists every voice of every output
module while it is built, which held the GUI thread 2-3 s (the GIL is held
through the C++ constructor, so another thread does not help). SSIP is a
line protocol on a Unix socket: connecting, and spawning the server when it
is not running (as libspeechd does), happen on this module's worker thread,
and every public method only queues work and returns. Qt-free.

Lifecycle::

    voice = SpeechDispatcher("hamstring-coach", on_change)  # at once; builds in the background
    voice.state / voice.reason / voice.info                 # building -> ready | failed
    voice.set_volume(-20); voice.say("Hold, left leg")      # queued
    voice.cancel()                                          # silence now, drop what waits
    voice.speaking                                          # between BEGIN and END
    voice.close()

``on_change`` is called from the worker or reader thread whenever ``state``
or ``speaking`` changes; the Qt side turns it into a queued signal.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from hamstring_gui.core import words
from hamstring_gui.core.i18n import _

CONNECT_TIMEOUT = 10.0  # seconds for a freshly spawned server to open its socket
REPLY_TIMEOUT = 5.0
SERVER_PROGRAM = "speech-dispatcher"  # spawned, as libspeechd does, when it is not running
NO_SERVER = words.NO_SPEECH_SERVER


class SpeechError(OSError):
    """No speech-dispatcher, or it does not answer as it should."""


class VoiceState(StrEnum):
    """Where the voice is in its life."""

    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True)
class VoiceInfo:
    """What "Test voice" reports."""

    module: str  # speech-dispatcher's output module, e.g. "espeak-ng"
    voice: str  # e.g. "MALE1"
    language: str  # e.g. "en"


def socket_path(env: dict[str, str] | None = None) -> Path:
    """Where speech-dispatcher listens, as libspeechd finds it."""
    env = dict(os.environ) if env is None else env
    address = env.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.partition(":")[2])
    runtime = env.get("XDG_RUNTIME_DIR") or f"/tmp/speechd-{os.getuid()}"  # noqa: S108
    return Path(runtime) / "speech-dispatcher" / "speechd.sock"


def available() -> bool:
    """Whether speech-dispatcher is installed or running (cheap: no connection)."""
    return shutil.which(SERVER_PROGRAM) is not None or socket_path().exists()


def escape(text: str) -> list[str]:
    """The lines of ``text`` as SSIP sends them: a leading dot doubled, never a lone dot."""
    lines = [line.strip() for line in text.replace("\r", " ").split("\n")]
    return ["." + line if line.startswith(".") else line for line in lines if line]


class SpeechDispatcher:
    """A client of speech-dispatcher; every method returns at once."""

    def __init__(
        self, client: str, on_change: Callable[[], None] | None = None, *, language: str = "en"
    ) -> None:
        self.state = VoiceState.BUILDING
        self.reason = ""
        self.info: VoiceInfo | None = None
        self.speaking = False
        self._client = client
        self._language = language  # the app's language: speech-dispatcher picks its voice
        self._on_change = on_change or (lambda: None)
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._replies: queue.SimpleQueue[tuple[int, list[str]]] = queue.SimpleQueue()
        self._socket: socket.socket | None = None
        self._generation = 0  # cancel() moves it on: lines queued before it are dropped
        self._worker = threading.Thread(target=self._work, name="speech", daemon=True)
        self._worker.start()

    # -- commands (queued) -----------------------------------------------------

    def say(self, text: str) -> None:
        """Speak ``text`` after anything still being spoken."""
        generation = self._generation
        self._jobs.put(lambda: self._say(text, generation))

    def cancel(self) -> None:
        """Stop speaking and drop every line that waits."""
        self._generation += 1
        self._jobs.put(lambda: self._send("CANCEL SELF"))

    def set_volume(self, volume: int) -> None:
        """speech-dispatcher's volume, -100..100 (0 is the voice's normal level)."""
        value = max(-100, min(100, int(volume)))
        self._jobs.put(lambda: self._send(f"SET SELF VOLUME {value}"))

    def close(self) -> None:
        """Say goodbye to the server and end the threads."""
        self._jobs.put(None)
        self._worker.join(2.0)

    def wait_ready(self, timeout: float) -> bool:
        """Block until built or failed (for tests and tools only)."""
        deadline = time.monotonic() + timeout
        while self.state is VoiceState.BUILDING and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.state is VoiceState.READY

    # -- the worker thread ------------------------------------------------------

    def _work(self) -> None:
        try:
            self._connect()
        except (OSError, SpeechError) as error:
            self.reason = str(error) or words.NO_SPEECH_SERVER
            self.state = VoiceState.FAILED
            self._on_change()
            self._drain_jobs()
            return
        self.state = VoiceState.READY
        self._on_change()
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except (OSError, SpeechError) as error:
                self.reason = _("The speech server stopped: {problem}").format(problem=error)
                self.state = VoiceState.FAILED
                self._on_change()
                self._drain_jobs()
                return
        with contextlib.suppress(OSError, SpeechError):
            self._command("QUIT")
        self._close_socket()

    def _drain_jobs(self) -> None:
        while self._jobs.get() is not None:
            pass
        self._close_socket()

    def _connect(self) -> None:
        path = socket_path()
        sock = self._open(path)
        if sock is None:
            self._spawn(path)
            deadline = time.monotonic() + CONNECT_TIMEOUT
            while sock is None and time.monotonic() < deadline:
                time.sleep(0.02)
                sock = self._open(path)
            if sock is None:
                raise SpeechError(_("speech-dispatcher did not start"))
        self._socket = sock
        threading.Thread(target=self._read, args=(sock,), name="speech-reader", daemon=True).start()
        user = os.environ.get("USER", "user")
        self._command(f"SET SELF CLIENT_NAME {user}:{self._client}:cues")
        self._command("SET SELF PRIORITY message")
        self._command(f"SET SELF LANGUAGE {self._language}")
        for event in ("BEGIN", "END", "CANCEL"):
            self._command(f"SET SELF NOTIFICATION {event} on")
        self.info = VoiceInfo(
            self._get("OUTPUT_MODULE"), self._get("VOICE_TYPE"), self._get("LANGUAGE")
        )

    @staticmethod
    def _open(path: Path) -> socket.socket | None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(str(path))
        except OSError:
            sock.close()
            return None
        return sock

    @staticmethod
    def _spawn(path: Path) -> None:
        program = shutil.which(SERVER_PROGRAM)
        if program is None:
            raise SpeechError(words.NO_SPEECH_SERVER)
        # As libspeechd autospawns it: the server forks into the background and
        # ends itself a while after its last client leaves.
        subprocess.run(
            [
                program,
                "--spawn",
                "--communication-method",
                "unix_socket",
                "--socket-path",
                str(path),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=CONNECT_TIMEOUT,
            check=False,
        )

    def _say(self, text: str, generation: int) -> None:
        lines = escape(text)
        if generation != self._generation or not lines:
            return
        self._command("SPEAK", expect=230)
        self._command("\r\n".join([*lines, "."]), expect=225)

    def _send(self, line: str) -> None:
        """A command whose answer only matters when it fails."""
        self._command(line)

    def _get(self, name: str) -> str:
        code, lines = self._command(f"GET {name}", expect=None)
        return lines[0] if code == 251 and len(lines) > 1 else ""

    def _command(self, line: str, expect: int | None = 0) -> tuple[int, list[str]]:
        """Send one command; its reply code and lines (``expect``: code, 0 = any 2xx)."""
        if self._socket is None:
            raise SpeechError("not connected")
        self._socket.sendall(line.encode("utf-8") + b"\r\n")
        try:
            code, lines = self._replies.get(timeout=REPLY_TIMEOUT)
        except queue.Empty:
            raise SpeechError(f"no answer to {line.split()[0]}") from None
        if code < 0:
            raise SpeechError("the connection was closed")
        failed = (expect == 0 and not 200 <= code < 300) or (expect and code != expect)
        if failed:
            raise SpeechError(f"{line.split()[0]}: {lines[-1] if lines else code}")
        return code, lines

    def _read(self, sock: socket.socket) -> None:
        """Sort the server's lines into replies and events (BEGIN, END, CANCEL)."""
        lines: list[str] = []
        with sock.makefile("rb") as stream:
            for raw in stream:
                line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                if len(line) < 4 or not line[:3].isdigit():
                    continue
                lines.append(line[4:])
                if line[3] != " ":
                    continue
                code, body = int(line[:3]), lines
                lines = []
                if 700 <= code < 800:
                    self._event(body[-1])
                else:
                    self._replies.put((code, body))
        self._replies.put((-1, []))

    def _event(self, name: str) -> None:
        speaking = name == "BEGIN"
        if name in ("BEGIN", "END", "CANCELED") and speaking != self.speaking:
            self.speaking = speaking
            self._on_change()

    def _close_socket(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)
            self._socket.close()
            self._socket = None
