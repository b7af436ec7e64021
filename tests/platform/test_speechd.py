"""The speech-dispatcher client, against a small fake SSIP server (no real speech)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hamstring_gui.platform import speechd
from hamstring_gui.platform.speechd import SpeechDispatcher, VoiceState, escape, socket_path


class FakeServer:
    """Answers SSIP like speech-dispatcher does, and records every command."""

    def __init__(self, path: Path) -> None:
        self.commands: list[str] = []
        self.spoken: list[str] = []
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(path))
        self.listener.listen(1)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection, connection.makefile("rwb") as stream:

            def send(*lines: str) -> None:
                stream.write("".join(line + "\r\n" for line in lines).encode())
                stream.flush()

            for raw in stream:
                line = raw.decode().rstrip("\r\n")
                self.commands.append(line)
                if line == "SPEAK":
                    send("230 OK RECEIVING DATA")
                    text = []
                    for data in stream:
                        if data.decode().rstrip("\r\n") == ".":
                            break
                        text.append(data.decode().rstrip("\r\n"))
                    self.spoken.append(" ".join(text))
                    send("225-1", "225 OK MESSAGE QUEUED")
                    send("701-1", "701-1", "701 BEGIN")
                elif line == "CANCEL SELF":
                    send("210 OK CANCELED", "703-1", "703-1", "703 CANCELED")
                elif line == "GET OUTPUT_MODULE":
                    send("251-espeak-ng", "251 OK GET RETURNED")
                elif line.startswith("GET "):
                    send("251-X", "251 OK GET RETURNED")
                elif line == "QUIT":
                    send("231 HAPPY HACKING")
                    return
                elif line == "SET SELF VOLUME 500":  # never sent: the client clamps
                    send("410 ERR")
                else:
                    send("200 OK")

    def close(self) -> None:
        self.listener.close()


def _wait_for(condition: Callable[[], object]) -> None:
    """The client's threads answer within milliseconds; give them a second."""
    deadline = time.monotonic() + 1.0
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    path = tmp_path / "speechd.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    fake = FakeServer(path)
    yield fake
    fake.close()


def test_connects_sets_itself_up_and_says_what_it_found(server: FakeServer) -> None:
    changes: list[str] = []
    voice = SpeechDispatcher("hamstring-coach", lambda: changes.append("changed"))
    assert voice.wait_ready(5)
    _wait_for(lambda: changes)
    assert changes == ["changed"]
    assert server.commands[1:] == [
        "SET SELF PRIORITY message",
        "SET SELF LANGUAGE en",
        "SET SELF NOTIFICATION BEGIN on",
        "SET SELF NOTIFICATION END on",
        "SET SELF NOTIFICATION CANCEL on",
        "GET OUTPUT_MODULE",
        "GET VOICE_TYPE",
        "GET LANGUAGE",
    ]
    assert server.commands[0].endswith(":hamstring-coach:cues")
    assert voice.info == speechd.VoiceInfo("espeak-ng", "X", "X")
    voice.close()


def test_asks_for_a_voice_of_the_apps_language(server: FakeServer) -> None:
    voice = SpeechDispatcher("hamstring-coach", language="de")
    assert voice.wait_ready(5)
    voice.close()
    assert "SET SELF LANGUAGE de" in server.commands
    assert "SET SELF LANGUAGE en" not in server.commands


def test_speaks_knows_when_it_speaks_and_cancels(server: FakeServer) -> None:
    voice = SpeechDispatcher("hamstring-coach")
    started = time.perf_counter()
    voice.set_volume(500)
    voice.say("Hold, left leg")
    assert time.perf_counter() - started < 0.01  # queued, never waited for
    _wait_for(lambda: voice.speaking)
    assert server.spoken == ["Hold, left leg"]
    assert "SET SELF VOLUME 100" in server.commands
    voice.cancel()
    _wait_for(lambda: not voice.speaking)
    voice.close()
    assert server.commands[-1] == "QUIT"


def test_a_cancel_drops_lines_queued_before_it(server: FakeServer) -> None:
    voice = SpeechDispatcher("hamstring-coach")
    voice.say("one")
    voice.cancel()
    voice.close()
    assert voice.state is VoiceState.READY
    assert server.spoken in ([], ["one"])  # "one" only if it went out before the cancel
    assert "CANCEL SELF" in server.commands


def test_no_server_and_nothing_to_spawn_fails_soft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody'}")
    changes: list[str] = []
    voice = SpeechDispatcher("hamstring-coach", lambda: changes.append("changed"))
    assert not voice.wait_ready(5)
    _wait_for(lambda: changes)
    assert voice.state is VoiceState.FAILED and voice.reason == speechd.NO_SERVER
    voice.say("nothing happens")
    voice.close()
    assert not speechd.available()


def test_socket_path_and_escaping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    assert socket_path() == Path("/run/user/1000/speech-dispatcher/speechd.sock")
    assert socket_path({"SPEECHD_ADDRESS": "unix_socket:/x.sock"}) == Path("/x.sock")
    assert escape("Hold\n.\n.left\r\n\n") == ["Hold", "..", "..left"]
