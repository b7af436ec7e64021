"""The user's words and number formats, in one place for every screen, the CLI and the tray.

Catalog values, phases and sides in words, and ``m:ss`` times: the banner,
the session screen, the summary, the editor and the command line all say
them the same way, and translation has one module to hook into.
"""

from __future__ import annotations

import re

from hamstring_gui.core.catalog import Equipment, Kind, Position
from hamstring_gui.core.datafile import DataError
from hamstring_gui.core.plan import Phase, PhaseKind, Side

POSITION_WORDS = {
    Position.LYING: "Lying",
    Position.FLOOR_SEATED: "Seated on the floor",
    Position.CHAIR: "Chair",
    Position.STANDING: "Standing",
    Position.HANDS_AND_FEET: "On hands and feet",
}
EQUIPMENT_WORDS = {
    Equipment.NONE: "Nothing",
    Equipment.TOWEL_OR_STRAP: "Towel or strap",
    Equipment.WALL: "Wall",
    Equipment.CHAIR: "Chair",
    Equipment.TABLE: "Table",
    Equipment.PARTNER: "Partner",
    Equipment.FOAM_ROLLER: "Foam roller",
    Equipment.STOOL: "Stool",
}
KIND_WORDS = {
    Kind.STATIC: "Static hold",
    Kind.PNF: "PNF (push, relax)",
    Kind.DYNAMIC: "Dynamic move",
    Kind.WARMUP: "Warm-up",
    Kind.YOGA: "Yoga",
    Kind.FOAM_ROLL: "Foam rolling",
    Kind.SELF_TEST: "Self-test",
}

PHASE_WORDS = {
    PhaseKind.PREPARE: "Get ready",
    PhaseKind.HOLD: "Hold",
    PhaseKind.CONTRACT: "Push gently",
    PhaseKind.RELAX: "Relax and go deeper",
    PhaseKind.SWITCH: "Switch legs",
    PhaseKind.REST: "Rest",
    PhaseKind.MOVE: "Move",
}


def side_words(side: Side | None) -> str:
    """'left leg', 'right leg' or 'both legs'."""
    return f"{side} leg" if side else "both legs"


def banner_text(phase: Phase) -> str:
    """The phase in words, as the banner shows it.

    Hold and move name the leg (``Hold — left leg``); the other phases are
    short instructions (``Switch legs``, ``Push gently``).
    """
    words = PHASE_WORDS[phase.kind]
    if phase.kind in (PhaseKind.HOLD, PhaseKind.MOVE) and phase.stretch is not None:
        return f"{words} — {side_words(phase.side)}"
    return words


def spoken_line(phase: Phase, stretch_name: str | None) -> str:
    """What the voice says as ``phase`` begins ("Get ready: Towel stretch, left leg")."""
    match phase.kind:
        case PhaseKind.PREPARE:
            words = f"Get ready: {stretch_name}" if stretch_name else "Get ready"
        case PhaseKind.MOVE:
            words = "Begin"
        case PhaseKind.SWITCH:
            return f"Switch to your {phase.side} leg" if phase.side else "Switch legs"
        case PhaseKind.HOLD:
            words = PHASE_WORDS[phase.kind]
        case _:
            return PHASE_WORDS[phase.kind]
    return f"{words}, {phase.side} leg" if phase.side else words


def seconds_left_line(seconds: int) -> str:
    """The voice half-way through a long hold."""
    return f"{seconds} seconds left"


SESSION_COMPLETE_LINE = "Session complete"
TEST_VOICE_LINE = "This is how the steps will sound."

NO_SOUND_SERVER = (
    "No sound server was found (sounds need PulseAudio, or PipeWire's PulseAudio service)."
)
NO_SPEECH_SERVER = (
    "No text-to-speech engine is installed (on Linux: speech-dispatcher with espeak-ng)."
)
LOOKING_FOR_SOUND = "Looking for the sound server…"
STARTING_VOICE = "Starting the voice…"
SOUND_CHECK_INTRO = (
    "Chimes go to the desktop's sound server (PulseAudio, or PipeWire's PulseAudio service); "
    "the voice is speech-dispatcher. There is no other way to play them."
)


def sound_found(device: str, server: str) -> str:
    """What "Test sound" found."""
    return f"Chimes play on {device or 'the default output'} ({server})."


def voice_found(module: str, voice: str, language: str) -> str:
    """What "Test voice" found."""
    return f"The voice is speech-dispatcher, {module} ({voice}, {language})."


def format_seconds(seconds: float) -> str:
    """``m:ss`` for a number of seconds (never negative)."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60}:{whole % 60:02d}"


def format_minutes(seconds: float) -> str:
    """A routine length in words: ``5 min`` (``40 s`` when under a minute)."""
    if seconds < 60:
        return f"{int(seconds)} s"
    return f"{max(1, round(seconds / 60))} min"


# -- Counts and short phrases, said as a person would ("1 rep", "2 reps") --------------


def count(number: int, one: str, many: str) -> str:
    """``"1 day"``, ``"3 days"``: the number with the word that fits it."""
    return f"{number} {one if number == 1 else many}"


def streak(days: int) -> str:
    """``"Streak: 1 day"``, ``"Streak: 4 days"``."""
    return f"Streak: {count(days, 'day', 'days')}"


def joined(parts: list[str], separator: str = " · ") -> str:
    """Words joined once each, in order ("Static hold · Chair", never "Chair · Chair")."""
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return separator.join(seen)


# -- Break notices and reminders --------------------------------------------------------

WARNING_SUMMARY = "A stretch break soon"
REMINDER_SUMMARY = "Time for a stretch"
START = "Start"
START_NOW = "Start now"
SKIP = "Skip"
SHOW_WINDOW = "Open Hamstring Coach"
NO_SNOOZES_LEFT = "No snoozes left today"


def snooze_label(minutes: int) -> str:
    """The Snooze button: ``"Snooze 10 min"``."""
    return f"Snooze {minutes} min"


def warning_body(title: str, seconds: int) -> str:
    """The gentle notice before a break."""
    return f"{title} in {seconds} s. Finish what you are doing; no rush."


def reminder_body(title: str, minutes: int, *, late: bool = False) -> str:
    """The reminder; ``late`` when it waited for a full screen, a lock or do not disturb."""
    if late:
        return f"Your break waited until you were free. {title}, about {minutes} min."
    return f"{title}, about {minutes} min. Your hamstrings will thank you."


KEPT_MINIMIZED = (
    "Minimized, not closed: with no tray on this desktop, reminders run only while "
    "Hamstring Coach is open. Quit from the menu to stop them."
)


def autostart_failed(reason: str) -> str:
    """Start at login is on but cannot work."""
    return f"Start at login will not work: {reason}."


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
    where = f"In {name}" + (f", item {item['number']}" if item else "")
    what = f"“{field}”"
    if stretch := _UNKNOWN_STRETCH.match(problem):
        sentence = f"there is no stretch called '{stretch['id']}'."
        if stretch["hint"]:
            sentence = sentence[:-1] + f"; did you mean '{stretch['hint']}'?"
        return f"{where}: {sentence}"
    if key := _UNKNOWN_KEY.match(problem):
        return (
            f"{where}: {what} is not something a routine can have (it can have: {key['allowed']})."
        )
    if problem == "missing":
        return f"{where}: {what} is missing."
    if bounds := _OUT_OF_RANGE.match(problem):
        return (
            f"{where}: {what} is {bounds['value']}; "
            f"it must be from {bounds['low']} to {bounds['high']}."
        )
    if problem.startswith(("must ", "is ", "needs ", "longer ")):
        return f"{where}: {what} {problem}."
    return f"{where}, {what}: {problem}."


def out_of_range(label: str, typed: int, minimum: int, maximum: int, unit: str = "") -> str:
    """Why a typed number was not taken (``Hold: 5 s is too short; it can be from 15 to 60 s.``)."""
    unit = f" {unit}" if unit else ""
    how = "too low" if typed < minimum else "too high"
    if unit.strip() in ("s", "min"):
        how = "too short" if typed < minimum else "too long"
    return f"{label}: {typed}{unit} is {how}; it can be from {minimum} to {maximum}{unit}."
