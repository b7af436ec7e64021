"""Shared fakes for tests (one place, like qutebrowser's tests/helpers/stubs.py)."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock that only moves when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.time = start

    def now(self) -> float:
        return self.time

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes backwards"
        self.time += seconds


class FakeCuePlayer:
    """A :class:`~hamstring_gui.core.cues.CuePlayer` that records what it was asked to play.

    ``log`` holds ``(time, action, value)`` with ``time`` from ``clock`` (if
    given) and ``action`` one of ``tone``, ``speak``, ``stop``, ``volume``.
    """

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.clock = clock
        self.log: list[tuple[float, str, object]] = []

    def _record(self, action: str, value: object) -> None:
        self.log.append((self.clock.now() if self.clock else 0.0, action, value))

    def play_tone(self, name: str) -> None:
        self._record("tone", name)

    def speak(self, text: str) -> None:
        self._record("speak", text)

    def stop(self) -> None:
        self._record("stop", None)

    def set_volume(self, percent: int) -> None:
        self._record("volume", percent)

    def sounds(self) -> list[tuple[float, str, object]]:
        """What was heard: tones and speech, without stops and volume changes."""
        return [entry for entry in self.log if entry[1] in ("tone", "speak")]
