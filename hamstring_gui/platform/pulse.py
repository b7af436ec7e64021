"""Cue sounds straight to the desktop's sound server, without Qt Multimedia.

Why: the only Linux back end of Qt Multimedia in the PySide6 wheels is
FFmpeg, whose plugin maps ~17 MB to play a few short chimes (issue 11), and
it talks to the same server through the same ``libpulse`` anyway. This uses
``libpulse`` (PulseAudio, or PipeWire's PulseAudio service) through ctypes.

One long-lived stream, tagged ``media.role=event`` so the desktop treats the
cues as event sounds, with a low target latency (:data:`LATENCY_SECONDS`).
Playing a clip is one locked, non-blocking call: flush what still sounds,
write the whole clip (decoded once, at open). The loudness is the stream's
volume on the server, so no sample is rescaled in Python. Between sessions
the stream is corked, so an idle sink may suspend; :meth:`PulseOutput.prepare`
uncorks it before the first cue. libpulse runs its own thread (a threaded
main loop) and ctypes releases the GIL around every call. Qt-free.

Lifecycle::

    output = PulseOutput("Hamstring Coach", clips)   # blocks ~5 ms: call it off the GUI thread
    output.prepare()                                 # uncork: a session is about to start
    output.play("hold")                              # returns at once (~0.1 ms)
    output.stop(); output.idle()                     # silence; cork when the session is over
    output.close()

Raises :class:`PulseError` when there is no library or no server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import time
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass

LATENCY_SECONDS = 0.02  # target buffer: a cue is heard within about this long
CONNECT_TIMEOUT = 3.0  # seconds for the server to accept us and the stream

_SAMPLE_S16LE = 3  # pa_sample_format_t PA_SAMPLE_S16LE
_CONTEXT_READY, _CONTEXT_FAILED, _CONTEXT_TERMINATED = 4, 5, 6
_STREAM_READY, _STREAM_FAILED, _STREAM_TERMINATED = 2, 3, 4
_START_CORKED = 0x0001
_ADJUST_LATENCY = 0x2000
_DEFAULT = 0xFFFFFFFF  # (uint32_t) -1: "let the server choose"
_VOLUME_CHANNELS = 32  # PA_CHANNELS_MAX


class PulseError(OSError):
    """No ``libpulse``, or no sound server answers."""


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


@dataclass(frozen=True)
class ServerInfo:
    """What "Test sound" reports: which server, which output."""

    server: str  # e.g. "pulseaudio 16.1" or "PulseAudio (on PipeWire 1.0.5) 15.0.0"
    device: str  # the output's description, e.g. "Built-in Audio Analog Stereo"


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


class _CVolume(ctypes.Structure):
    _fields_ = [("channels", ctypes.c_uint8), ("values", ctypes.c_uint32 * _VOLUME_CHANNELS)]


class _ServerInfo(ctypes.Structure):  # the head of pa_server_info
    _fields_ = [(name, ctypes.c_char_p) for name in ("user", "host", "version", "name")]


class _SinkInfo(ctypes.Structure):  # the head of pa_sink_info
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("index", ctypes.c_uint32),
        ("description", ctypes.c_char_p),
    ]


_SERVER_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_ServerInfo), ctypes.c_void_p)
_SINK_CB = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(_SinkInfo), ctypes.c_int, ctypes.c_void_p
)

_P = ctypes.c_void_p
_SIGNATURES: dict[str, tuple[object, list[object]]] = {
    "pa_threaded_mainloop_new": (_P, []),
    "pa_threaded_mainloop_get_api": (_P, [_P]),
    "pa_threaded_mainloop_start": (ctypes.c_int, [_P]),
    "pa_threaded_mainloop_stop": (None, [_P]),
    "pa_threaded_mainloop_free": (None, [_P]),
    "pa_threaded_mainloop_lock": (None, [_P]),
    "pa_threaded_mainloop_unlock": (None, [_P]),
    "pa_proplist_new": (_P, []),
    "pa_proplist_sets": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_char_p]),
    "pa_proplist_free": (None, [_P]),
    "pa_context_new_with_proplist": (_P, [_P, ctypes.c_char_p, _P]),
    "pa_context_connect": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.c_int, _P]),
    "pa_context_get_state": (ctypes.c_int, [_P]),
    "pa_context_errno": (ctypes.c_int, [_P]),
    "pa_context_disconnect": (None, [_P]),
    "pa_context_unref": (None, [_P]),
    "pa_context_get_server_info": (_P, [_P, _SERVER_CB, _P]),
    "pa_context_get_sink_info_by_name": (_P, [_P, ctypes.c_char_p, _SINK_CB, _P]),
    "pa_context_set_sink_input_volume": (
        _P,
        [_P, ctypes.c_uint32, ctypes.POINTER(_CVolume), _P, _P],
    ),
    "pa_stream_new_with_proplist": (_P, [_P, ctypes.c_char_p, ctypes.POINTER(_SampleSpec), _P, _P]),
    "pa_stream_connect_playback": (
        ctypes.c_int,
        [
            _P,
            ctypes.c_char_p,
            ctypes.POINTER(_BufferAttr),
            ctypes.c_int,
            ctypes.POINTER(_CVolume),
            _P,
        ],
    ),
    "pa_stream_get_state": (ctypes.c_int, [_P]),
    "pa_stream_get_index": (ctypes.c_uint32, [_P]),
    "pa_stream_get_device_name": (ctypes.c_char_p, [_P]),
    "pa_stream_write": (
        ctypes.c_int,
        [_P, ctypes.c_char_p, ctypes.c_size_t, _P, ctypes.c_int64, ctypes.c_int],
    ),
    "pa_stream_flush": (_P, [_P, _P, _P]),
    "pa_stream_cork": (_P, [_P, ctypes.c_int, _P, _P]),
    "pa_stream_disconnect": (ctypes.c_int, [_P]),
    "pa_stream_unref": (None, [_P]),
    "pa_operation_unref": (None, [_P]),
    "pa_operation_get_state": (ctypes.c_int, [_P]),
    "pa_sw_volume_from_linear": (ctypes.c_uint32, [ctypes.c_double]),
    "pa_strerror": (ctypes.c_char_p, [ctypes.c_int]),
}


def _load() -> ctypes.CDLL:
    # The soname first: find_library runs ldconfig in a child process.
    try:
        lib = ctypes.CDLL("libpulse.so.0")
    except OSError:
        found = ctypes.util.find_library("pulse")
        if found is None:
            raise PulseError("libpulse is not installed (Debian: libpulse0)") from None
        lib = ctypes.CDLL(found)
    for name, (restype, argtypes) in _SIGNATURES.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


class PulseOutput:
    """Plays named clips on one long-lived stream of the sound server's default output.

    Args:
        app_name: how the server's mixer lists this app.
        clips: the sounds by name, all of one rate and channel count.

    Raises:
        PulseError: no library, no server, or the stream was refused.
    """

    def __init__(self, app_name: str, clips: Mapping[str, Clip]) -> None:
        if not clips:
            raise ValueError("no clips")
        formats = {(clip.rate, clip.channels) for clip in clips.values()}
        if len(formats) != 1:
            raise ValueError(f"clips of different formats: {sorted(formats)}")
        ((self._rate, self._channels),) = formats
        self._clips = dict(clips)
        self._pa = _load()
        self._corked = True
        self._gain = 1.0
        self._callbacks: tuple[object, ...] = ()
        self._loop = self._pa.pa_threaded_mainloop_new()
        self._context: int | None = None
        self._stream: int | None = None
        if not self._loop:
            raise PulseError("libpulse could not start its thread")
        try:
            self._connect(app_name)
        except PulseError:
            self.close()
            raise

    # -- playing --------------------------------------------------------------

    def prepare(self) -> None:
        """Uncork the stream, so the next clip starts within the target latency."""
        with self._locked():
            self._cork(False)

    def play(self, name: str) -> bool:
        """Cut what still sounds and start clip ``name`` now; ``False`` if the stream is gone."""
        clip = self._clips[name]
        with self._locked():
            if not self._alive():
                return False
            self._cork(False)
            self._unref(self._pa.pa_stream_flush(self._stream, None, None))
            # The whole clip at once (libpulse copies it); the server starts it
            # at its next period and rewinds what it had mixed ahead of it.
            written = self._pa.pa_stream_write(self._stream, clip.pcm, len(clip.pcm), None, 0, 0)
            return written == 0

    def stop(self) -> None:
        """Cut whatever is playing, at once."""
        with self._locked():
            if self._alive():
                self._unref(self._pa.pa_stream_flush(self._stream, None, None))

    def idle(self) -> None:
        """Cork the stream after what it is playing (call when a session is over)."""
        with self._locked():
            if self._alive():
                self._cork(True)

    def set_gain(self, gain: float) -> None:
        """Loudness as a linear factor (0..1) of the clips' level, set on the server."""
        self._gain = max(0.0, min(1.0, gain))
        with self._locked():
            if self._alive():
                index = self._pa.pa_stream_get_index(self._stream)
                volume = self._volume()
                self._unref(
                    self._pa.pa_context_set_sink_input_volume(
                        self._context, index, ctypes.byref(volume), None, None
                    )
                )

    @property
    def alive(self) -> bool:
        """Whether the server and the stream are still there."""
        with self._locked():
            return self._alive()

    def info(self, timeout: float = 2.0) -> ServerInfo:
        """The server's name and version and the output's description (blocks ~1 ms)."""
        found: dict[str, str] = {}

        def on_server(_c: object, info: ctypes._Pointer[_ServerInfo], _u: object) -> None:
            if info:
                head = info.contents
                found["server"] = f"{_text(head.name)} {_text(head.version)}".strip()
            found.setdefault("server", "")

        def on_sink(_c: object, info: ctypes._Pointer[_SinkInfo], eol: int, _u: object) -> None:
            if eol == 0 and info:
                found["device"] = _text(info.contents.description) or _text(info.contents.name)
            elif eol:
                found.setdefault("device", "")

        server_cb, sink_cb = _SERVER_CB(on_server), _SINK_CB(on_sink)
        # libpulse may still call them after a time-out: they live as long as we do.
        self._callbacks = (server_cb, sink_cb)
        with self._locked():
            if not self._alive():
                raise PulseError("the sound server went away")
            device = self._pa.pa_stream_get_device_name(self._stream)
            self._unref(self._pa.pa_context_get_server_info(self._context, server_cb, None))
            self._unref(
                self._pa.pa_context_get_sink_info_by_name(self._context, device, sink_cb, None)
            )
        _wait(lambda: len(found) == 2, timeout)
        return ServerInfo(found.get("server", ""), found.get("device", "") or _text(device))

    def close(self) -> None:
        """Disconnect and end libpulse's thread (idempotent)."""
        loop, self._loop = self._loop, None
        if not loop:
            return
        self._pa.pa_threaded_mainloop_lock(loop)
        if self._stream:
            self._pa.pa_stream_disconnect(self._stream)
            self._pa.pa_stream_unref(self._stream)
        if self._context:
            self._pa.pa_context_disconnect(self._context)
            self._pa.pa_context_unref(self._context)
        self._stream = self._context = None
        self._pa.pa_threaded_mainloop_unlock(loop)
        self._pa.pa_threaded_mainloop_stop(loop)
        self._pa.pa_threaded_mainloop_free(loop)

    # -- internals -----------------------------------------------------------------

    def _connect(self, app_name: str) -> None:
        pa = self._pa
        props = pa.pa_proplist_new()
        try:
            for key, value in (
                ("application.name", app_name),
                ("application.id", "io.github.hamstringcoach.HamstringCoach"),
                ("media.role", "event"),
            ):
                pa.pa_proplist_sets(props, key.encode(), value.encode())
            with self._locked():
                self._context = pa.pa_context_new_with_proplist(
                    pa.pa_threaded_mainloop_get_api(self._loop), app_name.encode(), props
                )
                if not self._context or pa.pa_context_connect(self._context, None, 0, None) < 0:
                    raise PulseError(f"no sound server answers ({self._error()})")
            if pa.pa_threaded_mainloop_start(self._loop) < 0:
                raise PulseError("libpulse could not start its thread")
            self._await(pa.pa_context_get_state, "context", _CONTEXT_READY)
            with self._locked():
                spec = _SampleSpec(_SAMPLE_S16LE, self._rate, self._channels)
                self._stream = pa.pa_stream_new_with_proplist(
                    self._context, b"cues", ctypes.byref(spec), None, props
                )
                if not self._stream:
                    raise PulseError(f"the sound server refused a stream ({self._error()})")
                frame = 2 * self._channels
                target = round(LATENCY_SECONDS * self._rate) * frame
                attr = _BufferAttr(_DEFAULT, target, frame, _DEFAULT, _DEFAULT)
                volume = self._volume()
                flags = _START_CORKED | _ADJUST_LATENCY
                if pa.pa_stream_connect_playback(
                    self._stream, None, ctypes.byref(attr), flags, ctypes.byref(volume), None
                ):
                    raise PulseError(f"the sound server refused a stream ({self._error()})")
            self._await(pa.pa_stream_get_state, "stream", _STREAM_READY)
        finally:
            pa.pa_proplist_free(props)

    def _await(self, get_state: Callable[[int | None], int], what: str, ready: int) -> None:
        target = self._context if what == "context" else self._stream
        failed = (
            {_CONTEXT_FAILED, _CONTEXT_TERMINATED}
            if what == "context"
            else {
                _STREAM_FAILED,
                _STREAM_TERMINATED,
            }
        )
        state = [0]

        def settled() -> bool:
            with self._locked():
                state[0] = get_state(target)
            return state[0] == ready or state[0] in failed

        if not _wait(settled, CONNECT_TIMEOUT) or state[0] != ready:
            reason = "it did not answer in time" if state[0] not in failed else self._error()
            raise PulseError(f"no sound server answers ({reason})")

    def _locked(self) -> _MainLoopLock:
        return _MainLoopLock(self._pa, self._loop)

    def _alive(self) -> bool:
        return bool(
            self._stream
            and self._pa.pa_context_get_state(self._context) == _CONTEXT_READY
            and self._pa.pa_stream_get_state(self._stream) == _STREAM_READY
        )

    def _cork(self, cork: bool) -> None:
        if cork != self._corked and self._stream:
            self._corked = cork
            self._unref(self._pa.pa_stream_cork(self._stream, int(cork), None, None))

    def _volume(self) -> _CVolume:
        volume = _CVolume(self._channels)
        level = self._pa.pa_sw_volume_from_linear(self._gain)
        for channel in range(self._channels):
            volume.values[channel] = level
        return volume

    def _unref(self, operation: int | None) -> None:
        if operation:
            self._pa.pa_operation_unref(operation)

    def _error(self) -> str:
        code = self._pa.pa_context_errno(self._context) if self._context else 0
        return _text(self._pa.pa_strerror(code)) or f"error {code}"


class _MainLoopLock:
    """``with``: holds libpulse's main-loop lock (no-op once closed)."""

    def __init__(self, pa: ctypes.CDLL, loop: int | None) -> None:
        self._pa, self._loop = pa, loop

    def __enter__(self) -> None:
        if self._loop:
            self._pa.pa_threaded_mainloop_lock(self._loop)

    def __exit__(self, *_exc: object) -> None:
        if self._loop:
            self._pa.pa_threaded_mainloop_unlock(self._loop)


def _text(value: bytes | None) -> str:
    return value.decode(errors="replace") if value else ""


def _wait(condition: object, timeout: float) -> bool:
    """Poll ``condition`` every millisecond (only while connecting or asking for info)."""
    deadline = time.monotonic() + timeout
    while True:
        if condition():  # type: ignore[operator]
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
