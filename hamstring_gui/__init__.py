"""Hamstring Coach: a calm desktop guide for hamstring stretches during work breaks."""

__version__ = "0.1.0"
APP_ID = "hamstring-gui"
