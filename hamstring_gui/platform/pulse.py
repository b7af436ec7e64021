"""Cue sounds straight to the desktop's sound server, without Qt Multimedia.

Why: the only Linux back end of Qt Multimedia in the PySide6 wheels is
FFmpeg, and its plugin maps Qt Quick, QML, OpenGL and libcrypto: ~17 MB of
resident memory to play seven short chimes (measured, issue 11). This talks
to PulseAudio, or PipeWire's PulseAudio server, through ``libpulse-simple``
(part of ``libpulse0``, already needed by Qt) with ctypes: ~2 MB.

Each clip plays on a stream of its own, opened, written and drained by a
short-lived thread, so clips overlap like chimes should and no call blocks
the caller. ctypes releases the GIL around every libpulse call. Qt-free.

Lifecycle::

    output = PulseOutput("Hamstring Coach")   # PulseError: no library or server
    output.play(clip)                         # returns at once
    output.stop()                             # clips still playing stop within ~20 ms
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import threading
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass

_SAMPLE_S16LE = 3  # pa_sample_format_t PA_SAMPLE_S16LE
_STREAM_PLAYBACK = 1  # pa_stream_direction_t PA_STREAM_PLAYBACK
_DEFAULT = 0xFFFFFFFF  # (uint32_t) -1: "let the server choose"
LATENCY_SECONDS = 0.03  # the server starts a clip within about this long
CHUNK_SECONDS = 0.02  # how often a playing clip looks whether it was stopped


class PulseError(OSError):
    """No ``libpulse-simple``, or no sound server answers."""


@dataclass(frozen=True)
class Clip:
    """Mono or stereo signed 16-bit little-endian PCM."""

    pcm: bytes
    rate: int
    channels: int

    @property
    def seconds(self) -> float:
        """How long it lasts."""
        return len(self.pcm) / (2 * self.channels * self.rate)

    def scaled(self, gain: float) -> Clip:
        """The same clip, ``gain`` (0..1) times as loud."""
        samples = array("h", self.pcm)
        if gain < 1.0:
            for index, value in enumerate(samples):
                samples[index] = int(value * gain)
        return Clip(samples.tobytes(), self.rate, self.channels)


def parse_wav(data: bytes, name: str) -> Clip:
    """A 16-bit PCM WAV file's bytes as a :class:`Clip`.

    Raises:
        ValueError: not a 16-bit PCM WAV (the message names ``name``).
    """
    try:
        with wave.open(io.BytesIO(data)) as wav:
            if wav.getsampwidth() != 2:
                raise ValueError(f"{name}: not 16-bit PCM")
            return Clip(wav.readframes(wav.getnframes()), wav.getframerate(), wav.getnchannels())
    except (wave.Error, EOFError) as error:
        raise ValueError(f"{name}: {error}") from None


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")
    ]


def _library(name: str, soname: str) -> ctypes.CDLL:
    # The soname first: find_library runs ldconfig in a child process, which
    # the first chime of a session should not wait for.
    try:
        return ctypes.CDLL(soname)
    except OSError:
        found = ctypes.util.find_library(name)
        if found is None:
            raise
        return ctypes.CDLL(found)


def _load() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    try:
        simple = _library("pulse-simple", "libpulse-simple.so.0")
        pulse = _library("pulse", "libpulse.so.0")
    except OSError as error:
        raise PulseError(f"libpulse-simple is not installed ({error})") from None
    error_p = ctypes.POINTER(ctypes.c_int)
    simple.pa_simple_new.restype = ctypes.c_void_p
    simple.pa_simple_new.argtypes = [
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(_SampleSpec),
        ctypes.c_void_p,
        ctypes.POINTER(_BufferAttr),
        error_p,
    ]
    simple.pa_simple_write.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, error_p]
    for name in ("pa_simple_drain", "pa_simple_flush"):
        getattr(simple, name).argtypes = [ctypes.c_void_p, error_p]
    simple.pa_simple_free.argtypes = [ctypes.c_void_p]
    simple.pa_simple_free.restype = None
    pulse.pa_strerror.restype = ctypes.c_char_p
    pulse.pa_strerror.argtypes = [ctypes.c_int]
    return simple, pulse


class PulseOutput:
    """Plays :class:`Clip` objects on the default output of the sound server.

    Args:
        app_name: how the sound server's mixer lists this app.
        on_error: told (from a playing thread) why a clip could not play.

    Raises:
        PulseError: no library, or no server answers (checked by
            opening one stream, ~1 ms).
    """

    def __init__(self, app_name: str, on_error: Callable[[str], None] | None = None) -> None:
        self._simple, self._pulse = _load()
        self._name = app_name.encode()
        self._on_error = on_error
        self._generation = 0  # stop() moves it on; playing clips notice and end
        self._lock = threading.Lock()
        self._playing: set[threading.Thread] = set()
        probe = self._open(Clip(b"", 22050, 1))
        self._simple.pa_simple_free(probe)

    def play(self, clip: Clip) -> None:
        """Start ``clip`` now; returns at once."""
        thread = threading.Thread(
            target=self._run, args=(clip, self._generation), name="cue", daemon=True
        )
        with self._lock:
            self._playing.add(thread)
        thread.start()

    def stop(self) -> None:
        """Cut every clip that is playing (each within one chunk, ~20 ms)."""
        self._generation += 1

    def wait(self, timeout: float = 5.0) -> None:
        """Block until the clips started so far have finished (for tests and quitting)."""
        with self._lock:
            threads = list(self._playing)
        for thread in threads:
            thread.join(timeout)

    # -- internals -----------------------------------------------------------------

    def _open(self, clip: Clip) -> int:
        spec = _SampleSpec(_SAMPLE_S16LE, clip.rate, clip.channels)
        target = round(LATENCY_SECONDS * clip.rate) * 2 * clip.channels
        attr = _BufferAttr(_DEFAULT, target, _DEFAULT, _DEFAULT, _DEFAULT)
        error = ctypes.c_int(0)
        stream = self._simple.pa_simple_new(
            None,
            self._name,
            _STREAM_PLAYBACK,
            None,
            b"cue",
            ctypes.byref(spec),
            None,
            ctypes.byref(attr),
            ctypes.byref(error),
        )
        if not stream:
            raise PulseError(f"no sound server answers ({self._reason(error)})")
        return int(stream)

    def _reason(self, error: ctypes.c_int) -> str:
        text = self._pulse.pa_strerror(error.value)
        return text.decode(errors="replace") if text else f"error {error.value}"

    def _run(self, clip: Clip, generation: int) -> None:
        try:
            self._play(clip, generation)
        except PulseError as problem:
            if self._on_error is not None:
                self._on_error(str(problem))
        finally:
            with self._lock:
                self._playing.discard(threading.current_thread())

    def _play(self, clip: Clip, generation: int) -> None:
        stream = self._open(clip)
        error = ctypes.c_int(0)
        chunk = max(2, round(CHUNK_SECONDS * clip.rate) * 2 * clip.channels)
        try:
            for offset in range(0, len(clip.pcm), chunk):
                if generation != self._generation:
                    self._simple.pa_simple_flush(stream, ctypes.byref(error))
                    return
                part = clip.pcm[offset : offset + chunk]
                if self._simple.pa_simple_write(stream, part, len(part), ctypes.byref(error)) < 0:
                    raise PulseError(f"the sound server stopped ({self._reason(error)})")
            self._simple.pa_simple_drain(stream, ctypes.byref(error))
        finally:
            self._simple.pa_simple_free(stream)
