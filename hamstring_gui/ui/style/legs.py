"""The colours of the left and right leg in charts and papers: one pair everywhere.

Okabe-Ito blue and reddish purple: apart for every common kind of colour
blindness, and neither is the orange the session screen gives the working
leg (which would read as "this leg" there). Charts also mark the legs by
shape (circle left, square right) and line (solid left, dashed right), so
colour is never the only cue. Dark variants keep AA contrast on dark grey.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

LEG_COLOURS = {
    "left": ("#0072b2", "#56b4e9"),  # (light scheme, dark scheme)
    "right": ("#b4457f", "#e08cc0"),
}


def leg_colour(side: str, dark: bool = False) -> QColor:
    """The colour of ``side`` (``left`` or ``right``) on a light or dark background."""
    light, darker = LEG_COLOURS[side]
    return QColor(darker if dark else light)
