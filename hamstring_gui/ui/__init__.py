"""The Qt layer: thin adapters that show the core and turn user input into core commands."""

from hamstring_gui.ui.compat import answer_feature_scan_from_names, keep_singletons_alive

# Before any Qt call anywhere in the app (see compat.py: PySide6 6.12 on 3.11).
keep_singletons_alive()
# Before the app's Qt modules are imported (see compat.py: the __feature__ scan).
answer_feature_scan_from_names()
