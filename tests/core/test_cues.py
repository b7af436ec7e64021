"""Sound and voice cues, driven by the real engine on a fake clock with a fake player."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import wave
from pathlib import Path
from types import ModuleType

import pytest

from hamstring_gui.core import assets
from hamstring_gui.core.catalog import load_catalog
from hamstring_gui.core.cues import (
    LOUDNESS_DBFS,
    CueDirector,
    Tone,
    attach_cues,
    speech_seconds,
)
from hamstring_gui.core.loudness import loudness_dbfs, peak_dbfs
from hamstring_gui.core.plan import Phase, PhaseKind, Plan, Side, build_plan
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.core.session import SessionEngine, State
from hamstring_gui.core.settings import SessionSettings, SoundSettings
from tests.helpers.stubs import FakeClock, FakeCuePlayer

ROOT = Path(__file__).resolve().parents[2]
L, R = Side.LEFT, Side.RIGHT
SOUND_ONLY = SoundSettings(enabled=True, voice=False, tick_count=3, volume=70)
VOICE = SoundSettings(enabled=True, voice=True, tick_count=3, volume=70)


def _plan(routine: str) -> Plan:
    return build_plan(builtin_routines()[routine], load_catalog(), SessionSettings())


def _phases(*specs: tuple[PhaseKind, Side | None, int]) -> Plan:
    phases = tuple(
        Phase(kind, None if kind is PhaseKind.REST else "towel-stretch", side, 1, seconds, 0)
        for kind, side, seconds in specs
    )
    return Plan("test", phases, 1)


class Session:
    """An engine, a fake clock, a fake player and the settings the director reads."""

    def __init__(self, plan: Plan, settings: SoundSettings = VOICE) -> None:
        self.clock = FakeClock()
        self.settings = settings
        self.engine = SessionEngine(plan, self.clock)
        self.player = FakeCuePlayer(self.clock)
        self.director = attach_cues(self.engine, lambda: self.settings, self.player)
        self.start = self.clock.now()

    def run_until(self, until: float | None = None) -> None:
        """Tick at every wakeup the engine asks for (exactly on time), up to ``until``."""
        while self.engine.state is State.RUNNING:
            wakeup = self.engine.next_wakeup()
            assert wakeup is not None
            if until is not None and wakeup > until:
                self.clock.time = until
                self.engine.tick()
                return
            self.clock.time = wakeup
            self.engine.tick()

    def heard(self) -> list[tuple[float, str, object]]:
        return [(round(t - self.start, 6), act, value) for t, act, value in self.player.sounds()]


_OPENINGS = {
    PhaseKind.HOLD: ("hold", "Hold, {side} leg"),
    PhaseKind.SWITCH: ("switch", "Switch to your {side} leg"),
    PhaseKind.REST: ("rest", "Rest"),
    PhaseKind.CONTRACT: ("push", "Push gently"),
    PhaseKind.RELAX: ("relax", "Relax and go deeper"),
}


def _expected(plan: Plan, *, voice: bool, ticks: int) -> list[tuple[float, str, object]]:
    """Written out by hand from the issue, independently of the director's code."""
    names = {key: stretch.name for key, stretch in load_catalog().items()}
    out: list[tuple[float, str, object]] = []
    t = 0.0
    for phase in plan.phases:
        if phase.kind is PhaseKind.PREPARE:
            out.append((t, "tone", "ready"))
            if voice:
                side = f", {phase.side} leg" if phase.side else ""
                out.append((t, "speak", f"Get ready: {names[phase.stretch or '']}{side}"))
        else:
            tone, text = _OPENINGS[phase.kind]
            out.append((t, "tone", tone))
            if voice:
                out.append((t, "speak", text.format(side=phase.side)))
        if phase.kind is PhaseKind.HOLD and voice and phase.seconds >= 20:
            half = phase.seconds // 2
            out.append((t + phase.seconds - half, "speak", f"{half} seconds left"))
        if phase.kind is PhaseKind.HOLD:
            out.extend((t + phase.seconds - k, "tone", "tick") for k in range(ticks, 0, -1))
        t += phase.seconds
    out.append((t, "tone", "complete"))
    if voice:
        out.append((t, "speak", "Session complete"))
    return out


def test_pnf_routine_every_cue_once_at_its_second() -> None:
    plan = _plan("pnf-towel")
    kinds = {phase.kind for phase in plan.phases}
    assert {PhaseKind.SWITCH, PhaseKind.CONTRACT, PhaseKind.RELAX, PhaseKind.REST} <= kinds
    session = Session(plan, VOICE)
    session.engine.start()
    session.run_until()
    heard = session.heard()
    assert heard == _expected(plan, voice=True, ticks=3)
    assert ("speak", "Switch to your right leg") in [(a, v) for _, a, v in heard]
    assert len(set(heard)) == len(heard)  # every cue once


def test_desk_break_sound_only_has_tones_and_ticks_but_no_voice() -> None:
    plan = _plan("desk-break")
    session = Session(plan, SOUND_ONLY)
    session.engine.start()
    session.run_until()
    assert session.heard() == _expected(plan, voice=False, ticks=3)


def test_late_heartbeat_plays_cues_when_the_second_is_noticed_never_twice() -> None:
    session = Session(_plan("desk-break"), SOUND_ONLY)
    session.engine.start()
    while session.engine.state is State.RUNNING:  # a sloppy 0.3 s heartbeat
        session.clock.advance(0.3)
        session.engine.tick()
    heard = session.heard()
    assert [v for _, a, v in heard if a == "tone"].count("tick") == 8 * 3
    planned = _expected(_plan("desk-break"), voice=False, ticks=3)
    for (t, action, value), (planned_t, p_action, p_value) in zip(heard, planned, strict=True):
        assert (action, value) == (p_action, p_value)
        assert 0 <= t - planned_t < 0.3 + 1e-6


@pytest.mark.parametrize("tick_count", [0, 1, 5, 10])
def test_tick_count_sets_how_many_ticks_end_each_hold(tick_count: int) -> None:
    plan = _plan("desk-break")
    session = Session(plan, dataclasses.replace(SOUND_ONLY, tick_count=tick_count))
    session.engine.start()
    session.run_until()
    ticks = [t for t, _, v in session.heard() if v == "tick"]
    assert len(ticks) == 8 * tick_count
    assert session.heard() == _expected(plan, voice=False, ticks=tick_count)


def test_muted_sounds_still_speak_and_nothing_at_all_when_both_off() -> None:
    plan = _plan("desk-break")
    voice_only = Session(plan, dataclasses.replace(VOICE, enabled=False))
    voice_only.engine.start()
    voice_only.run_until()
    assert {a for _, a, _ in voice_only.heard()} == {"speak"}
    silent = Session(plan, dataclasses.replace(VOICE, enabled=False, voice=False))
    silent.engine.start()
    silent.run_until()
    assert silent.heard() == []


@pytest.mark.parametrize("tick_count", range(0, 11))
def test_voice_and_ticks_never_overlap(tick_count: int) -> None:
    session = Session(_plan("pnf-towel"), dataclasses.replace(VOICE, tick_count=tick_count))
    session.engine.start()
    session.run_until()
    heard = session.heard()
    lines = [(t, t + speech_seconds(str(v))) for t, a, v in heard if a == "speak"]
    ticks = [t for t, _, v in heard if v == "tick"]
    assert not [(tick, line) for tick in ticks for line in lines if line[0] <= tick < line[1]]
    # Ten holds; ticks make way only for a hold's opening line, which ends ~1.8 s
    # in, so only 10 s holds with 9 or 10 ticks lose some (never "seconds left").
    if tick_count <= 8:
        assert len(ticks) == 10 * tick_count


def test_short_hold_drops_ticks_under_the_opening_line() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 3)), VOICE)
    session.engine.start()
    session.run_until()
    # "Hold, left leg" takes ~1.8 s: the tick 2 s before the end would cut into it.
    assert session.heard() == [
        (0.0, "tone", "hold"),
        (0.0, "speak", "Hold, left leg"),
        (2.0, "tone", "tick"),
        (3.0, "tone", "complete"),
        (3.0, "speak", "Session complete"),
    ]


def test_seconds_left_moves_later_when_ticks_fill_the_half() -> None:
    ten_ticks = dataclasses.replace(VOICE, tick_count=10)
    session = Session(_phases((PhaseKind.HOLD, None, 20)), ten_ticks)
    session.engine.start()
    session.run_until()
    spoken = [(t, v) for t, a, v in session.heard() if a == "speak"]
    # Ten ticks from 10 s left; the line (~1.8 s) has to end before the first.
    assert (8.0, "12 seconds left") in spoken
    assert spoken[0] == (0.0, "Hold")


def test_pause_silences_and_nothing_plays_until_resume() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 10), (PhaseKind.SWITCH, R, 5)), SOUND_ONLY)
    session.engine.start()
    session.run_until(session.start + 7.5)  # tick at 3 s left has played
    session.engine.pause()
    assert session.player.log[-1][1] == "stop"
    before = len(session.player.log)
    session.clock.advance(3.0)  # paused; the heartbeat keeps coming
    session.engine.tick()
    session.clock.advance(30.0)
    session.engine.tick()
    assert len(session.player.log) == before
    session.engine.resume()
    session.run_until()
    heard = session.heard()
    assert [v for _, _, v in heard].count("tick") == 3  # 3 before the pause, 2 and 1 after
    resumed_at = 7.5 + 33.0
    assert [(t, v) for t, _, v in heard if t > 7.5] == [
        (resumed_at + 0.5, "tick"),
        (resumed_at + 1.5, "tick"),
        (resumed_at + 2.5, "switch"),
        (resumed_at + 7.5, "complete"),
    ]


def test_skip_plays_no_stale_cue() -> None:
    plan = _phases((PhaseKind.HOLD, L, 30), (PhaseKind.SWITCH, R, 5), (PhaseKind.HOLD, R, 30))
    session = Session(plan, VOICE)
    session.engine.start()
    session.run_until(session.start + 14.5)  # "15 seconds left" is due in 0.5 s
    session.player.log.clear()
    session.engine.skip()
    assert [a for _, a, _ in session.player.log][:1] == ["stop"]  # stale speech cut first
    session.run_until(session.start + 20.0)
    heard = session.heard()
    assert [v for _, _, v in heard] == [
        "switch",
        "Switch to your right leg",
        "hold",
        "Hold, right leg",
    ]
    assert all(v != "tick" and v != "15 seconds left" for _, _, v in heard)


def test_skip_while_paused_waits_for_resume_to_announce() -> None:
    plan = _phases((PhaseKind.HOLD, L, 10), (PhaseKind.SWITCH, R, 5), (PhaseKind.HOLD, R, 10))
    session = Session(plan, VOICE)
    session.engine.start()
    session.engine.pause()
    session.player.log.clear()
    session.engine.skip()
    assert session.heard() == []
    session.clock.advance(4.0)
    session.engine.resume()
    assert [v for _, _, v in session.heard()] == ["switch", "Switch to your right leg"]
    session.engine.back()  # just started: back to the first hold, announced again
    assert [v for _, _, v in session.heard()][-2:] == ["hold", "Hold, left leg"]


def test_longer_hold_counts_down_again_at_the_new_end() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 10)), SOUND_ONLY)
    session.engine.start()
    session.run_until(session.start + 8.5)  # ticks at 3 and 2 s left played
    session.engine.change_hold(5.0)  # now 6.5 s left
    session.run_until()
    ticks = [t for t, _, v in session.heard() if v == "tick"]
    assert ticks == [7.0, 8.0, 12.0, 13.0, 14.0]


def test_stop_silences_without_the_complete_chime() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 10)), VOICE)
    session.engine.start()
    session.run_until(session.start + 2.0)
    session.player.log.clear()
    session.engine.stop()
    assert session.player.log == [(session.clock.now(), "stop", None)]
    session.engine.tick()
    assert session.player.log == [(session.clock.now(), "stop", None)]


@pytest.mark.parametrize("routine", ["desk-break", "gentle-lying"])
def test_eyes_closed_announces_every_change_of_any_routine(routine: str) -> None:
    plan = _plan(routine)
    session = Session(plan, SoundSettings(enabled=False, voice=False, eyes_closed=True))
    session.engine.start()
    session.run_until()
    heard = session.heard()
    phase_starts: list[float] = []
    t = 0.0
    for phase in plan.phases:
        phase_starts.append(t)
        t += phase.seconds
    # Every phase change has a tone at its instant, then a spoken line.
    for start, phase in zip(phase_starts, plan.phases, strict=True):
        at_start = [(a, v) for when, a, v in heard if when == start and a != "tick"]
        assert [a for a, _ in at_start] == ["tone", "speak"], (start, phase)
        tone, line = at_start[0][1], str(at_start[1][1])
        if phase.kind is PhaseKind.HOLD and phase.side:
            assert tone == f"hold-{phase.side}"  # the side without the voice
            assert line == f"Hold, {phase.side} leg"
        if phase.kind is PhaseKind.PREPARE:
            assert tone == "ready" and line.startswith("Get ready: ")
        if phase.kind in (PhaseKind.SWITCH, PhaseKind.REST):
            assert tone == phase.kind.value
    assert heard[-2:] == [(t, "tone", "complete"), (t, "speak", "Session complete")]
    # Switches and rests are counted down too (where the voice is not speaking).
    breaks = [
        (start, start + p.seconds)
        for start, p in zip(phase_starts, plan.phases, strict=True)
        if p.kind in (PhaseKind.SWITCH, PhaseKind.REST)
    ]
    ticks = [when for when, _, value in heard if value == "tick"]
    assert breaks and any(begin < when < end for when in ticks for begin, end in breaks)


def test_ticks_before_breaks_are_optional() -> None:
    plan = _phases((PhaseKind.HOLD, L, 10), (PhaseKind.SWITCH, R, 8), (PhaseKind.HOLD, R, 10))
    plain = Session(plan, SOUND_ONLY)
    plain.engine.start()
    plain.run_until()
    with_breaks = Session(plan, dataclasses.replace(SOUND_ONLY, tick_breaks=True))
    with_breaks.engine.start()
    with_breaks.run_until()
    ticks = [t for t, _, v in with_breaks.heard() if v == "tick"]
    assert [t for t, _, v in plain.heard() if v == "tick"] == [7, 8, 9, 25, 26, 27]
    assert ticks == [7, 8, 9, 15, 16, 17, 25, 26, 27]


def test_volume_is_passed_on_first_use_and_when_it_changes() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 10), (PhaseKind.HOLD, L, 10)), SOUND_ONLY)
    session.engine.start()
    session.settings = dataclasses.replace(SOUND_ONLY, volume=20)
    session.run_until()
    volumes = [v for _, a, v in session.player.log if a == "volume"]
    assert volumes == [70, 20]


def test_settings_changes_apply_at_the_next_cue() -> None:
    session = Session(_phases((PhaseKind.HOLD, L, 10)), SOUND_ONLY)
    session.engine.start()
    session.settings = dataclasses.replace(SOUND_ONLY, enabled=False)
    session.run_until()
    assert [v for _, _, v in session.heard()] == ["hold"]


@pytest.mark.parametrize(("late", "announced"), [(0.0, True), (0.9, True), (1.1, False)])
def test_attached_just_after_the_start_still_announces_the_first_phase(
    late: float, announced: bool
) -> None:
    clock = FakeClock()
    engine = SessionEngine(_phases((PhaseKind.HOLD, L, 10)), clock)
    engine.start()
    clock.advance(late)
    engine.tick()
    player = FakeCuePlayer(clock)
    attach_cues(engine, lambda: VOICE, player)
    first = [v for _, _, v in player.sounds()]
    assert first == (["hold", "Hold, left leg"] if announced else [])


def test_attached_mid_session_takes_up_the_countdown_silently() -> None:
    clock = FakeClock()
    engine = SessionEngine(_phases((PhaseKind.HOLD, L, 10)), clock)
    engine.start()
    clock.advance(2.0)
    engine.tick()
    player = FakeCuePlayer(clock)
    director = attach_cues(engine, lambda: SOUND_ONLY, player)
    assert isinstance(director, CueDirector)
    while engine.state is State.RUNNING:
        clock.advance(0.5)
        engine.tick()
    assert [v for _, _, v in player.sounds()] == ["tick", "tick", "tick", "complete"]


# -- the sound files ----------------------------------------------------------


def _make_sounds() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools" / "make_sounds.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("tone", list(Tone))
def test_every_tone_is_a_short_quiet_wav_made_by_the_script(tone: Tone) -> None:
    data = assets.read_bytes(tone.resource)
    assert data == _make_sounds().render(str(tone)), "run tools/make_sounds.py"
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert wav.getframerate() in (22050, 44100)
        seconds = wav.getnframes() / wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    assert 0.03 <= seconds <= 1.2
    samples = memoryview(frames).cast("h")
    below = {Tone.TICK: 10.0, Tone.READY: 6.0}.get(tone, 0.0)
    assert loudness_dbfs(samples, wav.getframerate()) == pytest.approx(
        LOUDNESS_DBFS - below, abs=0.1
    )
    assert peak_dbfs(samples) < -1.0  # far from clipping
    assert samples[0] == 0 and abs(samples[-1]) < 200  # starts and ends softly: no click
    assert len(data) < 50_000


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        ("de", ["Halten, linkes Bein", "Wechsel aufs rechte Bein", "Noch 15 Sekunden"]),
        ("es", ["Mantén, pierna izquierda", "Cambia a la pierna derecha", "Quedan 15 segundos"]),
    ],
)
def test_voice_lines_are_spoken_in_the_language_in_use(language: str, lines: list[str]) -> None:
    from hamstring_gui.core import i18n
    from hamstring_gui.core.cues import Mode, countdown, opening

    i18n.use(language)
    hold = Phase(PhaseKind.HOLD, "chair-stretch", Side.LEFT, 1, 30, 0)
    switch = Phase(PhaseKind.SWITCH, "chair-stretch", Side.RIGHT, 1, 5, 0)
    spoken = [opening(hold, None).text, opening(switch, None).text]
    mode = Mode(sound=False, voice=True, tick_count=0, volume=70)
    spoken += [cue.text for cue in countdown(hold, 30, mode, None).values() if cue.text]
    assert spoken == lines
