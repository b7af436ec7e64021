"""The Qt side of the cues: chimes to the sound server, a voice through QTextToSpeech.

Chimes go straight to PulseAudio (or PipeWire's pulse server) through
:mod:`hamstring_gui.platform.pulse`; only where no such server answers do they go
through QtMultimedia's QSoundEffect, whose FFmpeg plugin costs ~17 MB of
memory (issue 11).

Lifecycle::

    QtCuePlayer()            costs nothing: no sound server, no QtMultimedia, no speech engine
    .play_tone(name)         first call opens the sound server (or imports
                             QtMultimedia and looks for an output device) and
                             loads the WAVs (a few ms; 20-30 ms with QtMultimedia)
    .warm_up()               optional, e.g. from QTimer.singleShot when a session
                             with voice opens: starts building the speech engine
    .speak(text)             first call builds the speech engine if warm_up() did not

Failing soft: no output device, a sound that does not decode, no speech
engine or one that errors all make that half silent, write one log line and
leave a reason for the preferences (:meth:`QtCuePlayer.sound_unavailable_reason`,
:meth:`QtCuePlayer.voice_unavailable_reason`). Nothing here opens a dialog,
and no call waits on the audio system.

Building the speech engine blocks: with speech-dispatcher, constructing
``QTextToSpeech("speechd")`` takes 2-3 s, and stalls the event loop just as
long when done in another thread, so it is built lazily from the event loop
(see :meth:`QtCuePlayer.warm_up`). The engine is chosen by name, since
``availableEngines()`` changes its order between runs. Screen-reader
announcements are the window's job.
"""

from __future__ import annotations

import contextlib
import logging
import time
import wave
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal, Slot

from hamstring_gui.core import assets
from hamstring_gui.core.cues import Tone
from hamstring_gui.core.i18n import N_, _
from hamstring_gui.platform import pulse

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    from PySide6.QtMultimedia import QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

ENGINE_PREFERENCE = ("speechd", "flite", "winrt", "sapi", "darwin", "macos", "android", "ios")
"""Speech engines by name, best first; ``mock`` (Qt's test engine) is never used."""

APP_NAME = "Hamstring Coach"  # as the sound server's mixer lists it
NO_DEVICE = N_("No audio output device was found.")
NO_ENGINE = N_("No text-to-speech engine is installed (on Linux: speech-dispatcher).")


class QtCuePlayer(QObject):
    """Plays cues for :class:`~hamstring_gui.core.cues.CueDirector` (a ``CuePlayer``).

    Signals:
        availabilityChanged(): sound or voice became (un)available; read the
            ``*_unavailable_reason`` methods again.
    """

    availabilityChanged = Signal()  # noqa: N815 - Qt signal naming
    _serverFailed = Signal(str)  # noqa: N815 - from a playing thread to this one

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._level = 0.7
        self._files = contextlib.ExitStack()  # WAVs extracted from a zipped install
        self._tone_seconds: dict[str, float] = {}
        self._effects: dict[str, QSoundEffect] | None = None
        self._server: pulse.PulseOutput | None = None
        self._clips: dict[str, pulse.Clip] = {}  # at full volume
        self._scaled: dict[str, pulse.Clip] = {}  # at the current volume
        self._sound_reason: str | None = None
        self._voice_reason: str | None = None
        self._tts: QTextToSpeech | None = None
        self._engine = ""
        self._building = False
        self._pending_text: str | None = None
        self._tone_ends = 0.0  # time.monotonic() when the last chime ends
        self._speech_delay = QTimer(self)
        self._speech_delay.setSingleShot(True)
        self._speech_delay.timeout.connect(self._speak_pending)
        self._serverFailed.connect(self._fail_sound)
        files = self._files
        self.destroyed.connect(lambda: files.close())

    # -- what the preferences show --------------------------------------------

    def sound_unavailable_reason(self) -> str | None:
        """Why chimes cannot play, or ``None`` if they can (or were not tried yet)."""
        return self._sound_reason

    def voice_unavailable_reason(self) -> str | None:
        """Why the voice cannot speak, or ``None`` if it can (or was not tried yet)."""
        untried = self._voice_reason is None and not self._building and self._tts is None
        if untried and not _speech_engines():
            self._voice_reason = _(NO_ENGINE)
        return self._voice_reason

    @property
    def speech_engine(self) -> str:
        """The name of the speech engine in use (empty until one works)."""
        return self._engine if self._tts is not None else ""

    # -- CuePlayer ------------------------------------------------------------

    def play_tone(self, name: str) -> None:
        """Start chime ``name`` (a :class:`Tone` value); silent when sound is unavailable."""
        effects = self._sound()
        gain = self._level * self._level  # roughly even steps to the ear
        if self._server is not None and name in self._clips:
            clip = self._scaled.get(name)
            if clip is None:
                clip = self._scaled[name] = self._clips[name].scaled(gain)
            self._server.play(clip)
        else:
            effect = effects.get(name) if effects else None
            if effect is None:
                return
            effect.setVolume(gain)
            effect.play()
        if name != Tone.TICK:  # ticks never come just before speech
            seconds = self._tone_seconds.get(name, 0.0)
            self._tone_ends = max(self._tone_ends, time.monotonic() + seconds)

    def speak(self, text: str) -> None:
        """Say ``text`` once the chime that is playing has ended."""
        if not self._start_speech():
            return
        self._pending_text = text
        if self._tts is None:
            return  # spoken once the engine is built
        wait = self._tone_ends - time.monotonic()
        self._speech_delay.start(max(0, round(wait * 1000)))

    def stop(self) -> None:
        """Silence chimes and voice, and forget a line that was waiting for a chime."""
        self._pending_text = None
        self._speech_delay.stop()
        self._tone_ends = 0.0
        if self._server is not None:
            self._server.stop()
        for effect in (self._effects or {}).values():
            if effect.isPlaying():
                effect.stop()
        if self._tts is not None:
            self._tts.stop()

    def close(self) -> None:
        """Silence everything and let the chimes' threads end (call when the app quits)."""
        self.stop()
        if self._server is not None:
            self._server.wait(1.0)

    def set_volume(self, percent: int) -> None:
        """Loudness of chimes and voice, 0-100 (perceived, not linear)."""
        level = max(0, min(100, percent)) / 100
        if level != self._level:  # each session's cues set it again: rescale only on a change
            self._scaled.clear()
        self._level = level
        if self._tts is not None:
            self._tts.setVolume(self._level)

    # -- life cycle -----------------------------------------------------------

    def warm_up(self) -> None:
        """Build the speech engine soon (from the event loop), so the first line is on time.

        Call it when the voice is switched on or a session with voice is about to
        start, never at start-up: building the speechd engine blocks 2-3 s.
        """
        self._start_speech()

    # -- internals ------------------------------------------------------------

    def _sound(self) -> dict[str, Any] | None:
        """Load the chimes on first use: for the sound server, else for QtMultimedia.

        Returns the QSoundEffects of the QtMultimedia path, ``None`` otherwise.
        """
        if self._server is not None or self._effects is not None or self._sound_reason:
            return self._effects
        started = time.perf_counter()
        try:
            self._server = pulse.PulseOutput(APP_NAME, on_error=self._serverFailed.emit)
        except pulse.PulseError as why:
            log.info("chimes through Qt Multimedia: %s", why)
        else:
            try:
                for tone in Tone:
                    clip = pulse.parse_wav(assets.read_bytes(tone.resource), tone.resource)
                    self._clips[str(tone)] = clip
                    self._tone_seconds[str(tone)] = clip.seconds
            except (OSError, ValueError) as error:
                self._fail_sound(
                    _("A sound file could not be read: {problem}").format(problem=error)
                )
            else:
                log.debug("sound server ready in %.0f ms", (time.perf_counter() - started) * 1000)
            return None
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if not QMediaDevices.audioOutputs():
            self._fail_sound(_(NO_DEVICE))
            return None
        effects: dict[str, Any] = {}
        for tone in Tone:
            path = self._files.enter_context(resources.as_file(assets.resource(tone.resource)))
            self._tone_seconds[str(tone)] = _wav_seconds(path)
            effect = QSoundEffect(self)
            effect.statusChanged.connect(self._on_effect_status)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effects[str(tone)] = effect
        self._effects = effects
        log.debug("sound ready in %.0f ms", (time.perf_counter() - started) * 1000)
        return effects

    @Slot()
    def _on_effect_status(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self.sender()
        if isinstance(effect, QSoundEffect) and effect.status() == QSoundEffect.Status.Error:
            name = effect.source().fileName()
            self._fail_sound(
                _("The sound {name} could not be played on this audio device.").format(name=name)
            )

    @Slot(str)
    def _fail_sound(self, reason: str) -> None:
        if self._sound_reason is not None:
            return
        self._sound_reason = reason
        self._effects = None
        self._server = None
        log.warning("sounds off: %s", reason)
        self.availabilityChanged.emit()

    def _start_speech(self) -> bool:
        """Schedule building the speech engine once; ``False`` when the voice cannot work."""
        if self._voice_reason is not None:
            return False
        if self._tts is None and not self._building:
            self._building = True
            # WORKAROUND: QTextToSpeech("speechd") blocks the event loop for 2-3 s
            # even when built in another thread (measured: the GUI thread stalls as
            # long), so it is built from the event loop, after the call that asked.
            QTimer.singleShot(0, self, self._build_speech)
        return True

    @Slot()
    def _build_speech(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = _speech_engines()
        engine = next((name for name in ENGINE_PREFERENCE if name in engines), None)
        if engine is None:
            self._fail_voice(_(NO_ENGINE))
            return
        started = time.perf_counter()
        tts = QTextToSpeech(engine, self)
        if tts.state() == QTextToSpeech.State.Error:
            error = tts.errorString() or _("it failed to start")
            tts.deleteLater()
            self._fail_voice(
                _("The {engine} speech engine does not work: {problem}").format(
                    engine=engine, problem=error
                )
            )
            return
        if not _choose_voice(tts):
            tts.deleteLater()
            language = QLocale().nativeLanguageName()
            self._fail_voice(
                _("The {engine} speech engine has no voice for {language}.").format(
                    engine=engine, language=language
                )
            )
            return
        tts.setVolume(self._level)
        self._tts, self._engine = tts, engine
        log.debug("voice %s ready in %.0f ms", engine, (time.perf_counter() - started) * 1000)
        self.availabilityChanged.emit()
        if self._pending_text:
            self._speech_delay.start(0)

    def _fail_voice(self, reason: str) -> None:
        if self._voice_reason is not None:
            return
        self._voice_reason = reason
        self._building = False
        log.warning("voice off: %s", reason)
        self.availabilityChanged.emit()

    @Slot()
    def _speak_pending(self) -> None:
        text, self._pending_text = self._pending_text, None
        if text and self._tts is not None:
            self._tts.say(text)


def _choose_voice(tts: QTextToSpeech) -> bool:
    """Speak in the app's language (Qt's default locale); ``False`` when the engine has no voice.

    English keeps whatever voice the engine gives (as before translations);
    any other language needs a voice of its own: German lines in an English
    voice are worse than none, and Preferences ▸ Sounds then says why.
    """
    wanted = QLocale()
    if wanted.language() in (QLocale.Language.English, QLocale.Language.C):
        return True
    matches = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
    if not matches:
        return False
    same_country = [loc for loc in matches if loc.territory() == wanted.territory()]
    tts.setLocale((same_country or matches)[0])
    return True


def _speech_engines() -> list[str]:
    """The speech engines Qt can load (imports QtTextToSpeech: call only when needed)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    return list(QTextToSpeech.availableEngines())


def _wav_seconds(path: Path) -> float:
    """How long a WAV lasts, so speech can wait for the chime before it."""
    with wave.open(str(path)) as wav:
        return wav.getnframes() / wav.getframerate()
