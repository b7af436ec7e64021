"""The user's routines and session settings, as the CLI and the app both read them.

One place for the two lists so that ``cli`` and ``app`` never import each
other: the CLI uses this module and loads ``app`` lazily; nothing imports
``cli``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

# The CLI imports this module for choose_language() alone: the stretch library
# and the settings schema are loaded by the functions that use them.
if TYPE_CHECKING:
    from hamstring_gui.core.routine import Routine
    from hamstring_gui.core.settings import SessionSettings


def current_settings() -> SessionSettings:
    """The user's session settings from ``settings.json`` (defaults when there is none).

    Reads without changing anything on disk (the app repairs a bad file at
    start-up); each problem found is printed once on stderr.
    """
    from hamstring_gui.core.settings.store import load_settings
    from hamstring_gui.paths import settings_file

    settings, messages = load_settings(settings_file())
    for message in messages:
        print(f"hamstring-gui: {message}", file=sys.stderr)
    return settings.session


def choose_language() -> str:
    """Use the language of Preferences (``appearance.language``) or else the desktop's.

    Called once at start, before any word is shown; returns the code chosen.
    """
    from hamstring_gui.core import i18n
    from hamstring_gui.core.settings.store import load_settings
    from hamstring_gui.paths import settings_file

    override = load_settings(settings_file())[0].appearance.language
    return i18n.use(i18n.choose_language("" if override == "system" else override)).code


_REPORTED_PROBLEMS: set[str] = set()


def all_routines() -> dict[str, Routine]:
    """Built-in routines, then the user's custom ones, by id (the CLI's and the app's list).

    A broken custom routine file is skipped and named on stderr once per process,
    however often the list is read again (``start`` checks it before the app loads it).
    """
    from hamstring_gui.core.catalog import load_catalog
    from hamstring_gui.core.routine_store import load_all
    from hamstring_gui.paths import routines_dir

    routines, problems = load_all(routines_dir(), load_catalog())
    for problem in problems:
        if problem not in _REPORTED_PROBLEMS:
            _REPORTED_PROBLEMS.add(problem)
            print(f"hamstring-gui: {problem}", file=sys.stderr)
    return routines


def routine_problems() -> list[str]:
    """Every broken routine file named so far, one line each (for the window at start-up)."""
    return sorted(_REPORTED_PROBLEMS)
