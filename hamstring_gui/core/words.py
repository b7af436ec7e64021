"""The user's words and number formats, in one place for every screen, the CLI and the tray.

Catalog values, phases and sides in words, and ``m:ss`` times: the banner,
the session screen, the summary, the editor and the command line all say
them the same way. Every table is marked with ``N_`` for extraction and read
through :class:`~hamstring_gui.core.i18n.TranslatedWords`, so it answers in the
language in use when it is read, not when this module is imported.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from datetime import datetime

from hamstring_gui.core.catalog import Equipment, Kind, Position, Stretch
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.i18n import (
    N_,
    NC_,
    TranslatedWords,
    _,
    format_time,
    ngettext,
    npgettext,
    pgettext,
)
from hamstring_gui.core.plan import Phase, PhaseKind, Side
from hamstring_gui.core.routine import Routine

POSITION_WORDS = TranslatedWords(
    {
        Position.LYING: N_("Lying"),
        Position.FLOOR_SEATED: N_("Seated on the floor"),
        Position.CHAIR: N_("Chair"),
        Position.STANDING: N_("Standing"),
        Position.HANDS_AND_FEET: N_("On hands and feet"),
    }
)
EQUIPMENT_WORDS = TranslatedWords(
    {
        Equipment.NONE: N_("Nothing"),
        Equipment.TOWEL_OR_STRAP: N_("Towel or strap"),
        Equipment.WALL: N_("Wall"),
        Equipment.CHAIR: N_("Chair"),
        Equipment.TABLE: N_("Table"),
        Equipment.PARTNER: N_("Partner"),
        Equipment.FOAM_ROLLER: N_("Foam roller"),
        Equipment.STOOL: N_("Stool"),
    }
)
KIND_WORDS = TranslatedWords(
    {
        Kind.STATIC: N_("Static hold"),
        Kind.PNF: N_("PNF (push, relax)"),
        Kind.DYNAMIC: N_("Dynamic move"),
        Kind.WARMUP: N_("Warm-up"),
        Kind.YOGA: N_("Yoga"),
        Kind.FOAM_ROLL: N_("Foam rolling"),
        Kind.SELF_TEST: N_("Self-test"),
    }
)

PHASE_WORDS = TranslatedWords(
    {
        PhaseKind.PREPARE: N_("Get ready"),
        PhaseKind.HOLD: N_("Hold"),
        PhaseKind.CONTRACT: N_("Push gently"),
        PhaseKind.RELAX: N_("Relax and go deeper"),
        PhaseKind.SWITCH: N_("Switch legs"),
        PhaseKind.REST: N_("Rest"),
        PhaseKind.MOVE: N_("Move"),
    }
)


def side_words(side: Side | None) -> str:
    """'left leg', 'right leg' or 'both legs'."""
    if side is None:
        return _("both legs")
    return _("left leg") if side == "left" else _("right leg")


def banner_text(phase: Phase) -> str:
    """The phase in words, as the banner shows it.

    Hold and move name the leg (``Hold — left leg``); the other phases are
    short instructions (``Switch legs``, ``Push gently``).
    """
    words = PHASE_WORDS[phase.kind]
    if phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE) and phase.stretch is not None:
        return _("{phase} — {leg}").format(phase=words, leg=side_words(phase.side))
    return words


def side_line(phase: Phase) -> str:
    """The leg line under the banner: whole sentences, so each language words them its way."""
    if phase.stretch is None or phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE):
        return ""
    if phase.side is None:
        return _("Both legs")
    left = phase.side == "left"
    if phase.kind is PhaseKind.SWITCH:
        return _("Now the left leg") if left else _("Now the right leg")
    if phase.kind is PhaseKind.PREPARE:
        return _("Start with your left leg") if left else _("Start with your right leg")
    return _("Left leg") if left else _("Right leg")


def switch_to(side: Side) -> str:
    """``Switch to the left leg`` (what comes next, before a change of legs)."""
    return _("Switch to the left leg") if side == "left" else _("Switch to the right leg")


def plan_line(phase: Phase, stretch_name: str | None) -> str:
    """One phase of ``hamstring-gui plan``: what, which stretch, which leg, which rep."""
    sides = {
        "left": pgettext("side", "left"),
        "right": pgettext("side", "right"),
        "both": pgettext("side", "both"),
        "": "",
    }
    side = str(phase.side) if phase.side else ("both" if phase.kind is not PhaseKind.REST else "")
    rep = ""
    if phase.rep and phase.kind is not PhaseKind.REST:
        rep = _("rep {number}").format(number=phase.rep)
    phase_width = max(len(word) for word in PHASE_WORDS.values())
    side_width = max(len(word) for word in sides.values())
    words, name = PHASE_WORDS[phase.kind], stretch_name or "—"
    return f"{words:<{phase_width}} {name:<36} {sides[side]:<{side_width}} {rep}".rstrip()


STATE_WORDS = {
    "idle": N_("idle"),
    "running": N_("running"),
    "paused": N_("paused"),
    "finished": N_("finished"),
}
REMINDER_WORDS = {
    "on": N_("reminders on"),
    "snoozed": N_("reminders snoozed"),
    "paused": N_("reminders paused"),
    "off": N_("reminders off"),
}


def status_line(status: Mapping[str, object]) -> str:
    """``hamstring-gui status`` in one line for people; scripts use ``status --json``."""
    phase = status.get("phase")
    state = str(status.get("state"))
    text = _(STATE_WORDS[state]) if state in STATE_WORDS else state
    if isinstance(phase, dict):
        kind = str(phase.get("kind"))
        words = PHASE_WORDS[PhaseKind(kind)] if kind in set(PhaseKind) else kind
        where = f" {phase['stretch']}" if phase.get("stretch") else ""
        side = {"left": _("left leg"), "right": _("right leg")}.get(str(phase.get("side")), "")
        text += f": {words}{where}"
        text += f", {side}" if side else ""
        text += ", " + _("{seconds} s left").format(seconds=phase.get("remaining_seconds"))
    if status.get("routine"):
        text += f" ({status['routine']})"
    reminders = str(status.get("reminders"))
    text += "; " + (_(REMINDER_WORDS[reminders]) if reminders in REMINDER_WORDS else reminders)
    if status.get("next_reminder"):
        moment = str(status["next_reminder"])
        with contextlib.suppress(ValueError):
            moment = format_time(datetime.fromisoformat(moment))
        text += ", " + _("next at {time}").format(time=moment)
    return text


# -- Voice lines: heard, not read (context "voice"), short and calm --------------
# Whole lines per side, so each language can say them its own way.

_SPOKEN = {
    PhaseKind.PREPARE: (
        NC_("voice", "Get ready"),
        NC_("voice", "Get ready, left leg"),
        NC_("voice", "Get ready, right leg"),
    ),
    PhaseKind.HOLD: (
        NC_("voice", "Hold"),
        NC_("voice", "Hold, left leg"),
        NC_("voice", "Hold, right leg"),
    ),
    PhaseKind.MOVE: (
        NC_("voice", "Begin"),
        NC_("voice", "Begin, left leg"),
        NC_("voice", "Begin, right leg"),
    ),
    PhaseKind.SWITCH: (
        NC_("voice", "Switch legs"),
        NC_("voice", "Switch to your left leg"),
        NC_("voice", "Switch to your right leg"),
    ),
}
_SPOKEN_NAMED = (
    NC_("voice", "Get ready: {stretch}"),
    NC_("voice", "Get ready: {stretch}, left leg"),
    NC_("voice", "Get ready: {stretch}, right leg"),
)
_SPOKEN_UNSIDED = {
    PhaseKind.REST: NC_("voice", "Rest"),
    PhaseKind.CONTRACT: NC_("voice", "Push gently"),
    PhaseKind.RELAX: NC_("voice", "Relax and go deeper"),
}


def spoken_line(phase: Phase, stretch_name: str | None) -> str:
    """What the voice says as ``phase`` begins ("Get ready: Towel stretch, left leg")."""
    index = 0 if phase.side is None else 1 if phase.side == "left" else 2
    if phase.kind is PhaseKind.PREPARE and stretch_name:
        return pgettext("voice", _SPOKEN_NAMED[index]).format(stretch=stretch_name)
    if phase.kind in _SPOKEN:
        return pgettext("voice", _SPOKEN[phase.kind][index])
    return pgettext("voice", _SPOKEN_UNSIDED[phase.kind])


def seconds_left_line(seconds: int) -> str:
    """The voice half-way through a long hold."""
    line = npgettext("voice", "{seconds} second left", "{seconds} seconds left", seconds)
    return line.format(seconds=seconds)


def session_complete_line() -> str:
    """The voice at the end of a finished session."""
    return pgettext("voice", "Session complete")


def sound_found(device: str, server: str) -> str:
    """What "Test sound" found."""
    if not device:
        return _("Chimes play on the default output ({server}).").format(server=server)
    return _("Chimes play on {device} ({server}).").format(device=device, server=server)


def voice_found(module: str, voice: str, language: str) -> str:
    """What "Test voice" found."""
    return _("The voice is speech-dispatcher, {module} ({voice}, {language}).").format(
        module=module, voice=voice, language=language
    )


def format_seconds(seconds: float) -> str:
    """``m:ss`` for a number of seconds (never negative)."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def format_minutes(seconds: float) -> str:
    """A routine length in words: ``5 min`` (``40 s`` when under a minute)."""
    if seconds < 60:
        return pgettext("duration", "{seconds} s").format(seconds=int(seconds))
    return pgettext("duration", "{minutes} min").format(minutes=max(1, round(seconds / 60)))


# -- Counts and short phrases, said as a person would ("1 rep", "2 reps") --------------


def count(number: int, one: str, many: str) -> str:
    """``"1 day"``, ``"3 days"``: the number with the word that fits it (English plural rule)."""
    return f"{number} {one if number == 1 else many}"


def streak(days: int) -> str:
    """``"Streak: 1 day"``, ``"Streak: 4 days"``."""
    return ngettext("Streak: {count} day", "Streak: {count} days", days).format(count=days)


def routine_title(routine_id: str, routines: Mapping[str, Routine]) -> str:
    """A routine's name as the user sees it (built-in ones translated), from its id.

    A routine no longer there (the user deleted or renamed their own) keeps a
    readable form of its id: ``my-desk-break`` -> ``My desk break``.
    """
    routine = routines.get(routine_id)
    if routine is not None:
        return routine.name
    text = " ".join(routine_id.replace("-", " ").replace("_", " ").split())
    return text[:1].upper() + text[1:] or routine_id


def joined(parts: list[str], separator: str = " · ") -> str:
    """Words joined once each, in order ("Static hold · Chair", never "Chair · Chair")."""
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return separator.join(seen)


# -- Break notices and reminders --------------------------------------------------------

_NOTICE_WORDS = {
    "WARNING_SUMMARY": N_("A stretch break soon"),
    "REMINDER_SUMMARY": N_("Time for a stretch"),
    "START": N_("Start"),
    "START_NOW": N_("Start now"),
    "SKIP": N_("Skip"),
    "SHOW_WINDOW": N_("Open Hamstring Coach"),
    "NO_SNOOZES_LEFT": N_("No snoozes left today"),
    "KEPT_MINIMIZED": N_(
        "Minimized, not closed: with no tray on this desktop, reminders run only while "
        "Hamstring Coach is open. Quit from the menu to stop them."
    ),
    # Preferences > Sounds and the cue player (issue 22)
    "TEST_VOICE_LINE": N_("This is how the steps will sound."),
    "NO_SOUND_SERVER": N_(
        "No sound server was found (sounds need PulseAudio, or PipeWire's PulseAudio service)."
    ),
    "NO_SPEECH_SERVER": N_(
        "No text-to-speech engine is installed (on Linux: speech-dispatcher with espeak-ng)."
    ),
    "LOOKING_FOR_SOUND": N_("Looking for the sound server…"),
    "STARTING_VOICE": N_("Starting the voice…"),
    "SOUND_CHECK_INTRO": N_(
        "Chimes go to the desktop's sound server (PulseAudio, or PipeWire's PulseAudio "
        "service); the voice is speech-dispatcher. There is no other way to play them."
    ),
    "VOICE_LEVEL_NOTE": N_(
        "The voice is set to sound as loud as the chimes with espeak-ng, speech-dispatcher's "
        "usual voice. Another speech module may sound louder or quieter; the volume "
        "setting changes both."
    ),
}


def __getattr__(name: str) -> str:
    """``words.START``, the other notice and sound words, in the language in use when read."""
    if name in _NOTICE_WORDS:
        return _(_NOTICE_WORDS[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def snooze_label(minutes: int) -> str:
    """The Snooze button: ``"Snooze 10 min"``."""
    return _("Snooze {minutes} min").format(minutes=minutes)


def warning_body(title: str, seconds: int) -> str:
    """The gentle notice before a break."""
    return _("{routine} in {seconds} s. Finish what you are doing; no rush.").format(
        routine=title, seconds=seconds
    )


def reminder_body(title: str, minutes: int, *, late: bool = False) -> str:
    """The reminder; ``late`` when it waited for a full screen, a lock or do not disturb."""
    if late:
        return _("Your break waited until you were free. {routine}, about {minutes} min.").format(
            routine=title, minutes=minutes
        )
    return _("{routine}, about {minutes} min. Your hamstrings will thank you.").format(
        routine=title, minutes=minutes
    )


def autostart_failed(reason: str) -> str:
    """Start at login is on but cannot work."""
    return _("Start at login will not work: {reason}.").format(reason=reason)


# -- Problems in a data file, said as a person would ----------------------------------

_ITEM_ENTRY = re.compile(r"^(?P<routine>.+) item (?P<number>\d+)$")
_UNKNOWN_STRETCH = re.compile(
    r"^unknown stretch '(?P<id>[^']*)'(?: \(did you mean '(?P<hint>[^']*)'\?\))?$"
)
_UNKNOWN_KEY = re.compile(r"^unknown key \(allowed: (?P<allowed>.*)\)$")
_OUT_OF_RANGE = re.compile(r"^(?P<value>-?\d+) is out of range (?P<low>-?\d+)\.\.(?P<high>-?\d+)$")


def data_problem(error: DataError) -> str:
    """A :class:`~hamstring_gui.core.datafile.DataError` as one plain sentence.

    ``entry 'physio-plan item 1': field 'stretch': unknown stretch 'x' (did you
    mean 'y'?)`` becomes ``In physio-plan.toml, item 1: there is no stretch
    called 'x'. Did you mean 'y'?`` (``str(error)`` stays exact, for logs).
    """
    file, problem, entry, field = error.file, error.problem, error.entry, error.field
    name = file
    item = _ITEM_ENTRY.match(entry or "")
    if field is None:
        return f"{name}: {problem}."
    if item:
        where = _("In {file}, item {number}").format(file=name, number=item["number"])
    else:
        where = _("In {file}").format(file=name)
    what = f"“{field}”"
    if stretch := _UNKNOWN_STRETCH.match(problem):
        if stretch["hint"]:
            sentence = _("there is no stretch called '{id}'; did you mean '{hint}'?")
        else:
            sentence = _("there is no stretch called '{id}'.")
        return f"{where}: " + sentence.format(id=stretch["id"], hint=stretch["hint"])
    if key := _UNKNOWN_KEY.match(problem):
        sentence = _("{field} is not something a routine can have (it can have: {allowed}).")
        return f"{where}: " + sentence.format(field=what, allowed=key["allowed"])
    if problem == "missing":
        return f"{where}: " + _("{field} is missing.").format(field=what)
    if bounds := _OUT_OF_RANGE.match(problem):
        sentence = _("{field} is {value}; it must be from {low} to {high}.")
        return f"{where}: " + sentence.format(field=what, **bounds.groupdict())
    if problem.startswith(("must ", "is ", "needs ", "longer ")):
        return f"{where}: {what} {problem}."
    return f"{where}, {what}: {problem}."


def out_of_range(label: str, typed: int, minimum: int, maximum: int, unit: str = "") -> str:
    """Why a typed number was not taken (``Hold: 5 s is too short; it can be from 15 to 60 s.``)."""
    unit = f" {unit}" if unit else ""
    if unit.strip() in ("s", "min"):
        how = _("too short") if typed < minimum else _("too long")
    else:
        how = _("too low") if typed < minimum else _("too high")
    return _("{label}: {typed} is {how}; it can be from {minimum} to {maximum}.").format(
        label=_(label),
        typed=f"{typed}{unit}",
        how=how,
        minimum=minimum,
        maximum=f"{maximum}{unit}",
    )


def sore_back_note(stretch: Stretch) -> str:
    """The import note on a stretch that is not for a sore back, with the library's reason."""
    return _("note: {id} ({name}) is not for a sore back: {reason}").format(
        id=repr(stretch.id), name=stretch.name, reason=stretch.back_caution_reason()
    )
