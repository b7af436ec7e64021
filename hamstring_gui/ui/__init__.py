"""The Qt layer: thin adapters that show the core and turn user input into core commands."""

from hamstring_gui.ui.compat import keep_singletons_alive

# Before any Qt call anywhere in the app (see compat.py: PySide6 6.12 on 3.11).
keep_singletons_alive()
