"""The pure-Python heart of Hamstring Coach.

Nothing in this package imports Qt or platformdirs: it holds the stretch
library, routines, plans, the session engine and the settings schema, all
testable with a fake clock. The Qt layer (``hamstring_gui.ui``) only adapts it.
"""
