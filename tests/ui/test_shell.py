"""The Shell protocol: the main window and the fake both offer every verb a service uses."""

from __future__ import annotations

import inspect

from hamstring_gui.ui.screens.main_window import MainWindow
from hamstring_gui.ui.shell import Shell
from tests.helpers.shell import FakeShell


def _verbs() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(member)
        for name, member in vars(Shell).items()
        if callable(member) and not name.startswith("_")
    }


def test_the_window_and_the_fake_offer_every_verb_with_its_parameters() -> None:
    verbs = _verbs()
    assert set(verbs) == {
        "start_routine",
        "bring_to_front",
        "show_message",
        "open_preferences",
        "show_history",
        "quit_app",
    }
    for implementation in (MainWindow, FakeShell):
        for name, signature in verbs.items():
            offered = inspect.signature(getattr(implementation, name))
            assert list(offered.parameters) == list(signature.parameters), (implementation, name)
    assert isinstance(vars(Shell)["routines"], property)


def test_the_fake_records_what_was_asked() -> None:
    shell = FakeShell()
    shell.bring_to_front()
    shell.start_routine("desk-break")
    shell.show_message("Saved.")
    assert shell.verbs() == ["bring_to_front", "start_routine", "show_message"]
    assert "desk-break" in shell.routines
