"""What a service may ask of the main window: a few verbs, never the window itself.

The reminders, the tray, the history link and the control commands are handed
a :class:`Shell` (the main window implements it) together with the session
controller and the settings model. A service that only needs these verbs can
be tested with a fake shell (``tests/helpers/shell.py``), and the window can
change its pages and widgets without touching any service.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from hamstring_gui.core.routine import Routine


class Shell(Protocol):
    """The window's verbs a service may use."""

    @property
    def routines(self) -> Mapping[str, Routine]:
        """Every routine the user can start, by id."""
        ...

    def start_routine(self, routine_id: str) -> None:
        """Run ``routine_id`` now (after the safety screen on first run)."""
        ...

    def bring_to_front(self) -> None:
        """Show the window on top of the others."""
        ...

    def show_message(self, text: str, milliseconds: int = 15000) -> None:
        """Tell the user something briefly, without a dialog (0: until the next message)."""
        ...

    def open_preferences(self) -> None:
        """Show the preferences dialog."""
        ...

    def show_history(self) -> None:
        """Show the history window (when a history is connected)."""
        ...

    def quit_app(self) -> None:
        """Quit the app, even when a tray would keep it running."""
        ...
