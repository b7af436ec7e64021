"""The drawn figure (pure Python, no Qt).

A 3D body posed per stretch, its props, camera and form cues
(:mod:`.pose`, :mod:`.scene`, :mod:`.stretch`).
"""

from hamstring_gui.core.figure.roles import Role  # noqa: F401
