"""Sound and voice cues: which chime, tick or spoken line plays at which second.

Lifecycle::

    director = attach_cues(engine, settings, player)   # before engine.start()
    PhaseStarted   -> stop anything left over, then the phase's chime and line
    SecondChanged  -> a tick in the last seconds of a hold, or "15 seconds left"
    Paused         -> stop at once; nothing plays until Resumed
    Ended          -> "Session complete" when finished, silence when stopped

Every phase change has a sound: a soft one for "Get ready" (also after a
rest or a skip), a chime of its own for hold, switch, rest, push and relax.
Eyes-closed mode works for any routine: sound and voice on, ticks before a
switch or rest ends too, and hold chimes that carry the side (one extra note
for the left leg, two for the right), so the side is clear without the voice.

Timing comes from the engine, never from a timer of our own: every cue plays
inside the listener of the event the engine emits at a deadline-based
instant (a phase start or a change of the whole-second countdown). Cues are
keyed to the second they belong to, so a late or skipped second never
replays a stale cue, and skipping to another phase drops the old schedule.

Voice and ticks never talk over each other: a spoken line's length is
estimated from its words; ticks that would fall inside the opening line are
left out, and the "seconds left" line of a long hold is placed where it ends
before the first tick (or left out when there is no room).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from hamstring_gui.core.catalog import Catalog
from hamstring_gui.core.plan import Phase, PhaseKind, Side
from hamstring_gui.core.session import (
    Ended,
    Event,
    Paused,
    PhaseStarted,
    Resumed,
    SecondChanged,
    SessionEngine,
    State,
)
from hamstring_gui.core.settings import SoundSettings
from hamstring_gui.core.words import seconds_left_line, session_complete_line, spoken_line

LONG_HOLD_SECONDS = 20
"""Holds at least this long get a "seconds left" line at about half-way."""

SPEECH_LEAD_SECONDS = 0.6
"""Time before a voice line is heard: the chime it follows plus the engine's start-up."""

SECONDS_PER_WORD = 0.4
"""A calm speaking rate (150 words a minute), with room for the pause after commas."""

TICKED_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.MOVE})
"""Phases whose last seconds are counted down with ticks."""

BREAK_KINDS = frozenset({PhaseKind.SWITCH, PhaseKind.REST})
"""Phases counted down too when the user asks for ticks before breaks end (or eyes closed)."""

LATE_OPENING_SECONDS = 1.0
"""Attached this soon after the first phase began, the director still announces it."""

LOUDNESS_DBFS = -20.0
"""Every chime and the voice are made or set to this loudness (RMS of the loudest
400 ms, dB below full scale; ticks 10 dB below). Peaks stay under -1 dBFS."""


class Tone(StrEnum):
    """The bundled sounds, by file name in ``resources/sounds/`` (``<tone>.wav``)."""

    TICK = "tick"
    READY = "ready"
    HOLD = "hold"
    HOLD_LEFT = "hold-left"
    HOLD_RIGHT = "hold-right"
    SWITCH = "switch"
    REST = "rest"
    PUSH = "push"
    RELAX = "relax"
    COMPLETE = "complete"

    @property
    def resource(self) -> str:
        """The resource name of the sound file (for :mod:`hamstring_gui.core.assets`)."""
        return f"sounds/{self}.wav"


class CuePlayer(Protocol):
    """What plays the cues: the Qt back end in the app, a recording fake in tests.

    Every method returns at once and never raises for a missing audio device
    or speech engine: the player goes silent instead.
    """

    def play_tone(self, name: str) -> None:
        """Start the sound ``name`` (a :class:`Tone` value)."""
        ...

    def speak(self, text: str) -> None:
        """Start speaking ``text`` (after a chime that is playing, if any)."""
        ...

    def stop(self) -> None:
        """Silence any sound or speech now, and drop speech that is waiting."""
        ...

    def set_volume(self, percent: int) -> None:
        """Set the loudness of sounds and voice, 0-100."""
        ...


@dataclass(frozen=True)
class Cue:
    """What plays at one second of a phase: a tone, a spoken line, or both."""

    tone: Tone | None = None
    text: str | None = None


@dataclass(frozen=True)
class Mode:
    """What the user wants heard, resolved from :class:`SoundSettings`."""

    sound: bool
    voice: bool
    tick_count: int
    volume: int
    tick_breaks: bool = False
    eyes_closed: bool = False

    @classmethod
    def from_settings(cls, settings: SoundSettings) -> Mode:
        """Resolve settings; eyes-closed mode turns sound, voice and every tick on."""
        eyes_closed = settings.eyes_closed
        sound = settings.enabled or eyes_closed
        return cls(
            sound=sound,
            voice=settings.voice or eyes_closed,
            tick_count=settings.tick_count if sound else 0,
            volume=settings.volume,
            tick_breaks=sound and (settings.tick_breaks or eyes_closed),
            eyes_closed=eyes_closed,
        )

    def ticked(self, kind: PhaseKind) -> bool:
        """Whether the last seconds of a phase of ``kind`` get ticks."""
        return self.sound and (kind in TICKED_KINDS or (self.tick_breaks and kind in BREAK_KINDS))


def speech_seconds(text: str) -> float:
    """A generous estimate of how long a spoken line takes, chime included."""
    return SPEECH_LEAD_SECONDS + SECONDS_PER_WORD * len(text.split())


_SIDE_HOLD = {Side.LEFT: Tone.HOLD_LEFT, Side.RIGHT: Tone.HOLD_RIGHT}


def opening(phase: Phase, stretch_name: str | None, *, sided: bool = False) -> Cue:
    """The chime and line that mark the start of ``phase``.

    ``sided``: hold chimes carry the side (eyes-closed mode).
    """
    hold = _SIDE_HOLD.get(phase.side, Tone.HOLD) if sided and phase.side else Tone.HOLD
    tone = {
        PhaseKind.PREPARE: Tone.READY,
        PhaseKind.HOLD: hold,
        PhaseKind.MOVE: hold,
        PhaseKind.SWITCH: Tone.SWITCH,
        PhaseKind.REST: Tone.REST,
        PhaseKind.CONTRACT: Tone.PUSH,
        PhaseKind.RELAX: Tone.RELAX,
    }[phase.kind]
    return Cue(tone, spoken_line(phase, stretch_name))


def countdown(
    phase: Phase, duration: float, mode: Mode, opening_text: str | None
) -> dict[int, Cue]:
    """The cues of a phase after its start, keyed by the whole seconds left when they play.

    The countdown shows ``ceil(duration)`` at the start and reaches ``k`` at
    ``duration - k`` seconds in. Ticks mark the last ``tick_count`` seconds of
    holds and moves, except where the opening line is still being spoken.
    A hold of :data:`LONG_HOLD_SECONDS` or more gets "N seconds left" at
    half-way, or later when that is where the line fits before the ticks.
    """
    shown_at_start = math.ceil(duration - 1e-9)
    speaking = speech_seconds(opening_text) if mode.voice and opening_text else 0.0
    cues: dict[int, Cue] = {}
    if mode.ticked(phase.kind):
        for second in range(1, min(mode.tick_count, shown_at_start - 1) + 1):
            if duration - second >= speaking:
                cues[second] = Cue(Tone.TICK)
    if mode.voice and phase.kind is PhaseKind.HOLD and duration >= LONG_HOLD_SECONDS:
        first_tick = max(cues, default=0)
        half = round(duration / 2)
        line = speech_seconds(seconds_left_line(half))
        second = max(half, math.ceil(first_tick + line))
        if duration - second >= speaking and second < shown_at_start:
            cues[second] = Cue(None, seconds_left_line(second))
    return cues


class CueDirector:
    """Listens to a :class:`SessionEngine` and tells a :class:`CuePlayer` what to play.

    Settings are read at every event, so changes in the preferences apply at
    once. Attach it with :func:`attach_cues` (or ``engine.subscribe``).
    """

    def __init__(
        self,
        engine: SessionEngine,
        settings: Callable[[], SoundSettings],
        player: CuePlayer,
        *,
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.engine = engine
        self.player = player
        self._settings = settings
        self._names = names or {}
        self._index = -1
        self._duration = 0.0
        self._schedule: dict[int, Cue] = {}
        self._opening: Cue | None = None
        self._last_second: int | None = None
        self._opening_pending = False
        self._volume: int | None = None
        self._over = False
        if engine.state in (State.RUNNING, State.PAUSED):
            # Attached mid-session: take up the current phase; announce it only
            # when it is the first and has just begun (a session started before
            # its cues could be attached), so the first line is never lost.
            self._enter(engine.index, engine.phase)
            self._last_second = engine.remaining_whole()
            elapsed = engine.duration(engine.index) - engine.remaining()
            if engine.index == 0 and elapsed <= LATE_OPENING_SECONDS:
                if engine.state is State.PAUSED:
                    self._opening_pending = True
                else:
                    self._play(self._opening)

    def mode(self) -> Mode:
        """What is to be heard right now, from the current settings."""
        return Mode.from_settings(self._settings())

    def __call__(self, event: Event) -> None:
        """Handle one engine event (the engine calls this synchronously)."""
        if self._over:
            return
        match event:
            case PhaseStarted(index=index, phase=phase):
                self.player.stop()  # whatever still sounds belongs to the phase left behind
                self._enter(index, phase)
                if self.engine.state is State.PAUSED:
                    self._opening_pending = True
                else:
                    self._play(self._opening)
            case SecondChanged(index=index, remaining=remaining):
                self._on_second(index, remaining)
            case Paused():
                self.player.stop()
            case Resumed():
                if self._opening_pending:
                    self._opening_pending = False
                    self._play(self._opening)
            case Ended(summary=summary):
                self._over = True
                self.player.stop()
                if summary.completed:
                    self._play(Cue(Tone.COMPLETE, session_complete_line()))

    # -- internals ----------------------------------------------------------

    def _enter(self, index: int, phase: Phase) -> None:
        self._index = index
        self._last_second = None
        self._opening_pending = False
        name = self._names.get(phase.stretch, phase.stretch) if phase.stretch else None
        self._opening = opening(phase, name, sided=self.mode().eyes_closed)
        self._plan_countdown()

    def _plan_countdown(self) -> None:
        self._duration = self.engine.duration(self._index)
        text = self._opening.text if self._opening else None
        self._schedule = countdown(self.engine.phase, self._duration, self.mode(), text)

    def _on_second(self, index: int, remaining: int) -> None:
        if index != self._index or self.engine.state is not State.RUNNING:
            return
        if self.engine.duration(index) != self._duration:  # the hold was changed
            self._plan_countdown()
        if remaining == self._last_second:
            return
        self._last_second = remaining
        cue = self._schedule.get(remaining)
        if cue is not None:
            self._play(cue)

    def _play(self, cue: Cue | None) -> None:
        if cue is None:
            return
        mode = self.mode()
        if mode.volume != self._volume:
            self._volume = mode.volume
            self.player.set_volume(mode.volume)
        if cue.tone is not None and mode.sound:
            self.player.play_tone(str(cue.tone))
        if cue.text and mode.voice:
            self.player.speak(cue.text)


def attach_cues(
    engine: SessionEngine,
    settings: Callable[[], SoundSettings],
    player: CuePlayer,
    *,
    catalog: Catalog | None = None,
) -> CueDirector:
    """Give ``engine`` sound and voice cues played by ``player``.

    Call it before ``engine.start()`` (with the session controller: from a
    slot on ``sessionStarted``, which is emitted just before the engine
    starts) so the first phase is announced on time; attached within
    :data:`LATE_OPENING_SECONDS` of the start it announces the first phase
    late, and later still it picks up the current phase silently.

    Args:
        engine: The session to follow.
        settings: Returns the current sound settings; read at every event.
        player: Plays tones and speech (``hamstring_gui.ui.audio.sound.QtCuePlayer``).
        catalog: Stretch names for the "Get ready" line; the bundled library
            when omitted.

    Returns:
        The director, already subscribed to ``engine``.
    """
    if catalog is None:
        from hamstring_gui.core.catalog import load_catalog

        catalog = load_catalog()
    names = {stretch_id: stretch.name for stretch_id, stretch in catalog.items()}
    director = CueDirector(engine, settings, player, names=names)
    engine.subscribe(director)
    return director
