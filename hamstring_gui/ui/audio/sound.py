"""The Qt side of the cues: chimes to the sound server, a voice through speech-dispatcher.

Chimes go to PulseAudio (or PipeWire's PulseAudio service) on one
long-lived stream (:mod:`hamstring_gui.platform.pulse`); the voice is
speech-dispatcher (:mod:`hamstring_gui.platform.speechd`). There is no other path:
Qt Multimedia would only reach the same server through the same libpulse.

Lifecycle::

    QtCuePlayer()        costs nothing: no sound server, no speech server
    .open()              in a background thread: load libpulse, decode the
                         chimes once, connect, open the stream corked (~10 ms)
    .prepare(voice=...)  a session is about to start: uncork the stream; with
                         voice, connect to (or spawn) speech-dispatcher in the background
    .play_tone / .speak  return at once; a chime asked for before the stream
                         is open plays as soon as it is (if still fresh)
    .idle()              the session is over: cork the stream after its last chime
    .close()             on quit

Loudness: the chimes are made at :data:`~hamstring_gui.core.cues.LOUDNESS_DBFS`
(``tools/make_sounds.py``), and the voice is set to speak at the same level:
one volume maps to one linear gain for both, the chimes' on the server and
the voice's through speech-dispatcher's volume, calibrated for espeak-ng.

Failing soft: no server, a sound that does not decode, no speech server all
make that half silent, write one log line and leave a reason for the
preferences. Nothing here opens a dialog or waits on the audio system.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from hamstring_gui.core import assets, i18n, words
from hamstring_gui.core.cues import LOUDNESS_DBFS, Tone
from hamstring_gui.core.i18n import _

if TYPE_CHECKING:  # imported where first needed: ctypes and sockets cost ~10 ms before a paint
    from hamstring_gui.platform import pulse, speechd

log = logging.getLogger(__name__)

APP_NAME = "Hamstring Coach"  # as the sound server's mixer lists it
NO_DEVICE = words.NO_SOUND_SERVER

ESPEAK_LEVEL_DBFS = -17.9
"""Loudness (same measure as the chimes) of espeak-ng through speech-dispatcher at volume 0.

Measured on a PulseAudio null sink: loudest 400 ms, RMS; its peaks are about
15 dB above. Volume -100..100 scales espeak-ng's amplitude linearly, 0..200 %.
"""

FRESH_SECONDS = 0.3  # a chime asked for while the stream opens still plays if this recent


def gain(percent: int) -> float:
    """The linear gain of a volume setting: 40 dB over 0-100 %, even steps to the ear."""
    level = max(0, min(100, percent)) / 100
    return level * level


def voice_volume(linear: float) -> int:
    """speech-dispatcher's volume that makes espeak-ng as loud as the chimes times ``linear``."""
    if linear <= 0:
        return -100
    amplitude = linear * 10 ** ((LOUDNESS_DBFS - ESPEAK_LEVEL_DBFS) / 20)  # 1.0 is normal
    return max(-100, min(100, round(100 * amplitude - 100)))


class QtCuePlayer(QObject):
    """Plays cues for :class:`~hamstring_gui.core.cues.CueDirector` (a ``CuePlayer``).

    Signals:
        availabilityChanged(): sound or voice became ready or failed; read the
            ``*_status`` and ``*_unavailable_reason`` methods again.
    """

    availabilityChanged = Signal()  # noqa: N815 - Qt signal naming
    _opened = Signal(object, str)  # from the opening thread: a PulseOutput or None, and why
    _voiceChanged = Signal()  # noqa: N815 - from the speech threads

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._percent = 70
        self._output: pulse.PulseOutput | None = None
        self._opening = False
        self._sound_reason: str | None = None
        self._sound_info: pulse.ServerInfo | None = None
        self._tone_seconds: dict[str, float] = {}
        self._pending_tone: tuple[str, float] | None = None
        self._ready: pulse.PulseOutput | None = None  # set by the opening thread, under _lock
        self._lock = threading.Lock()
        self._open_done = threading.Event()  # the opening thread is over, opened or not
        self._voice: speechd.SpeechDispatcher | None = None
        self._voice_state = "building"  # a speechd.VoiceState value
        self._pending_text: str | None = None
        self._tone_ends = 0.0  # time.monotonic() when the last chime ends
        self._speech_delay = QTimer(self)
        self._speech_delay.setSingleShot(True)
        self._speech_delay.timeout.connect(self._speak_pending)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self._cork)
        self._opened.connect(self._on_opened)
        self._voiceChanged.connect(self._on_voice_changed)

    # -- what the preferences show --------------------------------------------

    def sound_unavailable_reason(self) -> str | None:
        """Why chimes cannot play, or ``None`` if they can (or were not tried yet)."""
        return self._sound_reason

    def voice_unavailable_reason(self) -> str | None:
        """Why the voice cannot speak, or ``None`` if it can (or is still starting)."""
        from hamstring_gui.platform import speechd

        voice = self._voice
        if voice is None:
            return None if speechd.available() else words.NO_SPEECH_SERVER
        return voice.reason if voice.state is speechd.VoiceState.FAILED else None

    def sound_status(self) -> str:
        """What "Test sound" found, in words."""
        if self._sound_reason:
            return self._sound_reason
        if self._sound_info is not None:
            return words.sound_found(self._sound_info.device, self._sound_info.server)
        return words.LOOKING_FOR_SOUND

    def voice_status(self) -> str:
        """What "Test voice" found, in words."""
        reason = self.voice_unavailable_reason()
        if reason:
            return reason
        if self._voice is not None and self._voice.info is not None:
            info = self._voice.info
            return words.voice_found(info.module, info.voice, info.language)
        return words.STARTING_VOICE

    @property
    def speech_engine(self) -> str:
        """The speech output module in use (empty until the voice is ready)."""
        voice = self._voice
        if voice is None or voice.state != "ready" or voice.info is None:
            return ""
        return voice.info.module

    # -- life cycle -------------------------------------------------------------

    def open(self) -> None:
        """Get the chimes ready in a background thread (idempotent)."""
        if self._output is not None or self._opening or self._sound_reason:
            return
        self._opening = True
        self._open_done.clear()
        threading.Thread(target=self._open_in_background, name="sound-open", daemon=True).start()

    def wait_open(self, timeout: float = FRESH_SECONDS) -> bool:
        """Wait (at most ``timeout`` s) for a sound path that is opening; whether it is over.

        For a session about to start while the path opens (``start ROUTINE``
        starts one while its window is built): started after this, its first
        cue plays at its instant instead of whenever the opening thread gets
        there, which on a busy machine is later than any cue may be. Returns at
        once when nothing is opening; the wait is ~10 ms on an idle machine,
        and usually none, as the path opens while the window is built.
        """
        if not self._opening:
            return True
        return self._open_done.wait(timeout)

    def prepare(self, *, voice: bool) -> None:
        """A session is about to start: uncork the chimes, start the voice if wanted."""
        self._idle_timer.stop()
        self.open()
        if self._output is not None:
            self._output.prepare()
        if voice:
            self.warm_up()

    def warm_up(self) -> None:
        """Start building the voice in the background (idempotent; returns at once)."""
        if self._voice is None:
            from hamstring_gui.platform import speechd

            self._voice = speechd.SpeechDispatcher(
                "hamstring-coach", self._voiceChanged.emit, language=i18n.current().qt_name
            )
            self._voice.set_volume(voice_volume(gain(self._percent)))

    def idle(self) -> None:
        """The session is over: cork the stream once its last chime has ended."""
        wait = max(0.0, self._tone_ends - time.monotonic()) + 0.5
        self._idle_timer.start(round(wait * 1000))

    def close(self) -> None:
        """Silence everything and let go of the servers (call when the app quits)."""
        self.stop()
        with self._lock:
            output, self._ready = self._output or self._ready, None
        self._output = None
        if output is not None:
            output.close()
        if self._voice is not None:
            self._voice.close()

    # -- CuePlayer ------------------------------------------------------------

    def play_tone(self, name: str) -> None:
        """Start chime ``name`` (a :class:`Tone` value); silent when sound is unavailable."""
        output = self._output
        if output is None:
            with self._lock:  # the opening thread plays what waits the moment it can
                output = self._ready
                if output is None and self._sound_reason is None:
                    self._pending_tone = (name, time.monotonic())
            if output is None:
                self.open()
                return
        if name == Tone.TICK and self._voice is not None and self._voice.speaking:
            return  # the voice has the floor: a tick never talks over it
        if not output.play(name):
            self._lost_server()
            return
        if name != Tone.TICK:  # ticks never come just before speech
            self._tone_ends = time.monotonic() + self._tone_seconds.get(name, 0.0)

    def speak(self, text: str) -> None:
        """Say ``text`` once the chime that is playing has ended."""
        self.warm_up()
        assert self._voice is not None
        if self._voice.state == "failed":
            return
        self._pending_text = text
        wait = self._tone_ends - time.monotonic()
        self._speech_delay.start(max(0, round(wait * 1000)))

    def stop(self) -> None:
        """Silence chimes and voice, and forget a line that was waiting for a chime."""
        self._pending_text = None
        self._pending_tone = None
        self._speech_delay.stop()
        self._tone_ends = 0.0
        if self._output is not None:
            self._output.stop()
        if self._voice is not None and self._voice.state != "failed":
            self._voice.cancel()

    def set_volume(self, percent: int) -> None:
        """Loudness of chimes and voice, 0-100 (one gain for both)."""
        percent = max(0, min(100, percent))
        if percent == self._percent:
            return
        self._percent = percent
        if self._output is not None:
            self._output.set_gain(gain(percent))
        if self._voice is not None:
            self._voice.set_volume(voice_volume(gain(percent)))

    # -- tests from the preferences ----------------------------------------------

    def test_sound(self) -> None:
        """Play the hold chime (opening the sound path first if need be)."""
        self.prepare(voice=False)
        self.play_tone(str(Tone.HOLD))
        self.idle()

    def test_voice(self) -> None:
        """Say a short line (starting the voice first if need be)."""
        self.speak(words.TEST_VOICE_LINE)

    # -- internals ------------------------------------------------------------

    def _open_in_background(self) -> None:
        try:
            self._open_now()
        finally:
            self._open_done.set()

    def _open_now(self) -> None:
        from hamstring_gui.platform import pulse

        started = time.perf_counter()
        try:
            clips = {
                str(tone): pulse.parse_wav(assets.read_bytes(tone.resource), tone.resource)
                for tone in Tone
            }
        except (OSError, ValueError) as error:
            self._opened.emit(
                None, _("A sound file could not be read: {problem}").format(problem=error)
            )
            return
        self._tone_seconds = {name: clip.seconds for name, clip in clips.items()}
        try:
            output = pulse.PulseOutput(APP_NAME, clips)
            output.set_gain(gain(self._percent))
        except pulse.PulseError as why:
            log.info("no sound server: %s", why)
            self._opened.emit(None, words.NO_SOUND_SERVER)  # in the language in use
            return
        # A cue asked for while opening plays from here, now: the GUI thread may be
        # busy with a first frame, and the queued signal would wait for it.
        with self._lock:
            self._ready = output
            pending, self._pending_tone = self._pending_tone, None
        if pending is not None and time.monotonic() - pending[1] <= FRESH_SECONDS:
            output.play(pending[0])
            if pending[0] != Tone.TICK:
                self._tone_ends = time.monotonic() + self._tone_seconds.get(pending[0], 0.0)
        with contextlib.suppress(pulse.PulseError):  # the next play finds out
            self._sound_info = output.info()
        log.debug("sound ready in %.0f ms", (time.perf_counter() - started) * 1000)
        self._opened.emit(output, "")

    @Slot(object, str)
    def _on_opened(self, output: pulse.PulseOutput | None, reason: str) -> None:
        self._opening = False
        if output is None:
            self._fail_sound(reason)
            return
        self._output = output
        output.set_gain(gain(self._percent))  # the volume may have changed meanwhile
        if not self._idle_timer.isActive():
            output.prepare()
        self.availabilityChanged.emit()

    @Slot()
    def _cork(self) -> None:
        if self._output is not None:
            self._output.idle()

    def _lost_server(self) -> None:
        """The server went away (restarted, or the user logged out of audio): open again."""
        log.warning("sound server lost; looking for it again")
        output, self._output = self._output, None
        with self._lock:
            self._ready = None
        if output is not None:
            output.close()
        self.open()

    def _fail_sound(self, reason: str) -> None:
        if self._sound_reason is not None:
            return
        self._sound_reason = reason
        output, self._output = self._output, None
        with self._lock:
            self._ready = None
        if output is not None:
            output.close()
        log.warning("sounds off: %s", reason)
        self.availabilityChanged.emit()

    @Slot()
    def _on_voice_changed(self) -> None:
        voice = self._voice
        if voice is None or voice.state == self._voice_state:
            return  # only "speaking" changed
        self._voice_state = str(voice.state)
        if voice.state == "failed":
            self._pending_text = None
            log.warning("voice off: %s", voice.reason)
        self.availabilityChanged.emit()

    @Slot()
    def _speak_pending(self) -> None:
        text, self._pending_text = self._pending_text, None
        if text and self._voice is not None:
            self._voice.say(text)
