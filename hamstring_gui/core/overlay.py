"""Per-language overlays of the stretch library and the built-in routines.

The library's words (names, summaries, steps, cues, cautions, disagreement
notes) and the routines' names and descriptions are data, not code, so they
are translated as data: ``resources/catalog/stretches.de.toml`` holds, for
each stretch id, the German of each text field and no numbers, ids or
sources, which stay in the one English file. Each entry carries ``source``,
a short hash of the English it was written from: when the English changes,
the entry is stale, the app shows that stretch in English (a correct English
caution is better than an out-of-date German one) and a test names it.

Format (``<kind>.<language>.toml``, kind ``stretches`` or ``routines``)::

    schema = 1
    language = "de"
    [supine-hand-towel]
    source = "3f2a9c1b7d0e"      # `make overlay-hashes` prints the current ones
    name = "..."
    steps = ["...", "..."]       # as many as the English
    cues = { prepare = "...", hold = "..." }
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache

from hamstring_gui.core import assets
from hamstring_gui.core.datafile import parse_toml
from hamstring_gui.core.i18n import PSEUDO, SOURCE_LANGUAGE, pseudo

OVERLAY_FOLDER = "catalog"
KINDS = ("stretches", "routines")

Fields = Mapping[str, object]


def source_hash(english: Fields) -> str:
    """A short hash of an entry's English text fields: what a translation was made from.

    ``hashlib`` is imported here, not at the top: importing it loads OpenSSL
    (3.4 MB resident), which an English session never needs.
    """
    import hashlib

    text = json.dumps(english, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def overlay_resource(kind: str, language: str) -> str:
    """The resource name of an overlay: ``catalog/stretches.de.toml``."""
    return f"{OVERLAY_FOLDER}/{kind}.{language}.toml"


@cache
def read_overlay(kind: str, language: str) -> Mapping[str, Fields]:
    """The entries of an overlay by id (empty when the language has none)."""
    name = overlay_resource(kind, language)
    if not assets.exists(name):
        return {}
    data = parse_toml(assets.read_text(name), name)
    return {key: value for key, value in data.items() if isinstance(value, Mapping)}


def shape_problems(english: Fields, translated: Fields) -> list[str]:
    """How ``translated`` differs in shape from ``english`` (fields, list lengths, cue keys)."""
    problems = []
    fields = set(translated) - {"source"}
    if missing := sorted(set(english) - fields):
        problems.append(f"missing {', '.join(missing)}")
    if extra := sorted(fields - set(english)):
        problems.append(f"unknown {', '.join(extra)}")
    for key, value in english.items():
        other = translated.get(key)
        if isinstance(value, str):
            if not isinstance(other, str) or not other.strip():
                problems.append(f"{key} is not a text")
        elif isinstance(value, list | tuple):
            if not isinstance(other, list) or len(other) != len(value):
                problems.append(f"{key} needs {len(value)} texts")
            elif not all(isinstance(item, str) and item.strip() for item in other):
                problems.append(f"{key} has an empty text")
        elif isinstance(value, Mapping) and (
            not isinstance(other, Mapping) or set(other) != set(value)
        ):
            problems.append(f"{key} needs exactly {', '.join(sorted(value))}")
    return problems


def _pseudo(value: object) -> object:
    if isinstance(value, str):
        return pseudo(value)
    if isinstance(value, list | tuple):
        return [_pseudo(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _pseudo(item) for key, item in value.items()}
    return value


def localized(kind: str, entry_id: str, english: Fields, language: str) -> Fields:
    """``english`` in ``language`` when its overlay entry is whole and current, else English."""
    if language == SOURCE_LANGUAGE:
        return english
    if language == PSEUDO:
        return {key: _pseudo(value) for key, value in english.items()}
    translated = read_overlay(kind, language).get(entry_id)
    if translated is None or translated.get("source") != source_hash(english):
        return english
    if shape_problems(english, translated):
        return english
    return {key: translated[key] for key in english}


def check_overlay(kind: str, language: str, english: Mapping[str, Fields]) -> list[str]:
    """Every missing, stale, misshapen or unknown entry of an overlay, one line each."""
    overlay = read_overlay(kind, language)
    name = overlay_resource(kind, language)
    problems = [f"{name}: [{key}] is no {kind} id" for key in overlay if key not in english]
    for entry_id, fields in english.items():
        translated = overlay.get(entry_id)
        if translated is None:
            problems.append(f"{name}: [{entry_id}] is missing")
            continue
        if translated.get("source") != source_hash(fields):
            problems.append(
                f"{name}: [{entry_id}] is stale: translated from other English "
                f"(source = {source_hash(fields)!r} now)"
            )
        problems += [f"{name}: [{entry_id}] {p}" for p in shape_problems(fields, translated)]
    return problems
