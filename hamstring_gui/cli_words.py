"""argparse's own words ("usage:", "options", its error lines) in the app's language.

Python's :mod:`argparse` looks its words up with :func:`gettext.gettext`, in
gettext's global domain and ``.mo`` files on disk; the app compiles its
catalogue in memory (:mod:`hamstring_gui.core.i18n`). :func:`use_app_language`
hands argparse the app's lookup instead, and the words argparse says to a
person are listed here, marked, so they are extracted into the app's ``.po``
files with everything else (argparse's messages for programmers are not).
"""

from __future__ import annotations

import argparse

from hamstring_gui.core import i18n
from hamstring_gui.core.i18n import N_

# The msgids exactly as Python 3.11-3.13's argparse writes them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
VERSION_HELP = N_("show program's version number and exit")  # argparse's, which it never translates


def expected_arguments(count: int) -> str:
    """Argparse's one plural (it asks for it itself; written here to be extracted)."""
    return i18n.ngettext("expected %s argument", "expected %s arguments", count)


def use_app_language() -> None:
    """Make argparse say its words through the app's catalogue, in the language in use.

    WORKAROUND for argparse binding ``gettext.gettext`` at import: it cannot see
    a catalogue compiled in memory, so its two lookups are replaced (they are
    read at each message, so the language chosen later still counts).
    """
    vars(argparse).update(_=i18n._, ngettext=i18n.ngettext)
