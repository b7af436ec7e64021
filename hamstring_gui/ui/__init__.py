"""The Qt layer: thin adapters that show the core and turn user input into core commands."""
