"""A fake :class:`~hamstring_gui.ui.shell.Shell`: it records what services asked of the window."""

from __future__ import annotations

from collections.abc import Mapping

from hamstring_gui.core.routine import Routine, builtin_routines


class FakeShell:
    """Records every verb in ``calls``; ``routines`` are the built-in ones unless given."""

    def __init__(self, routines: Mapping[str, Routine] | None = None) -> None:
        self.routines: Mapping[str, Routine] = dict(
            builtin_routines() if routines is None else routines
        )
        self.calls: list[tuple[str, object]] = []

    def start_routine(self, routine_id: str) -> None:  # noqa: D102 - the Shell's
        self.calls.append(("start_routine", routine_id))

    def bring_to_front(self) -> None:  # noqa: D102 - the Shell's
        self.calls.append(("bring_to_front", None))

    def show_message(self, text: str, milliseconds: int = 15000) -> None:  # noqa: D102
        self.calls.append(("show_message", text))

    def open_preferences(self) -> None:  # noqa: D102 - the Shell's
        self.calls.append(("open_preferences", None))

    def show_history(self) -> None:  # noqa: D102 - the Shell's
        self.calls.append(("show_history", None))

    def quit_app(self) -> None:  # noqa: D102 - the Shell's
        self.calls.append(("quit_app", None))

    def verbs(self) -> list[str]:
        """The verbs called, in order."""
        return [verb for verb, _ in self.calls]
