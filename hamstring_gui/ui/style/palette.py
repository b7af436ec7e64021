"""Colours of the illustrations, light and dark, following the system scheme.

The working leg uses a warm accent that stays clearly apart from the cool
neutral body in both palettes; props are soft wood and stone tones (a foam
roller or folded towel a fabric blue, so it never reads as wood or stone), outlined
in a fixed edge colour that stands 3:1 off the window (WCAG's non-text
contrast) whichever way a face is turned.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from hamstring_gui.core.figure.roles import Role
from hamstring_gui.ui.style import theme


@dataclass(frozen=True)
class FigurePalette:
    """One colour per :class:`Role`, the label text colour, and the props' edges."""

    colours: dict[Role, str]
    label_text: str
    edges: Mapping[Role, str] = field(default_factory=dict)

    def colour(self, role: Role) -> QColor:
        """The colour of ``role``."""
        return QColor(self.colours[role])

    def outline(self, role: Role, fill: QColor) -> QColor:
        """The outline of a solid filled ``fill``: the role's edge, else a darker fill."""
        edge = self.edges.get(role)
        return QColor(edge) if edge is not None else fill.darker(150)


LIGHT = FigurePalette(
    {
        Role.FLOOR: "#c9ced6",
        Role.GHOST: "#8a96a3",
        Role.PROP: "#a88f70",
        Role.PROP_FILL: "#d9c4a5",
        Role.SOFT: "#7aa5d6",
        Role.WALL: "#e3e6ea",
        Role.STRAP: "#2f9e94",
        Role.PARTNER: "#9ab0a4",
        Role.BODY: "#6f7d8c",
        Role.BODY_FAR: "#a7b2be",
        Role.ARM: "#56606c",
        Role.WORK: "#e0702c",
        Role.WORK_FAR: "#f0ad80",
        Role.CUE: "#c0392b",
        Role.LABEL: "#e0702c",
    },
    "#ffffff",
    {Role.PROP_FILL: "#8a7457", Role.WALL: "#747c86", Role.SOFT: "#3e6896"},
)

DARK = FigurePalette(
    {
        Role.FLOOR: "#4b525c",
        Role.GHOST: "#aeb8c4",
        Role.PROP: "#9c8668",
        Role.PROP_FILL: "#a08c70",
        Role.SOFT: "#6f9fd8",
        Role.WALL: "#6b7480",
        Role.STRAP: "#55c7bb",
        Role.PARTNER: "#6f8c7f",
        Role.BODY: "#b9c3cf",
        Role.BODY_FAR: "#8b96a3",
        Role.ARM: "#dde4ec",
        Role.WORK: "#ff9a52",
        Role.WORK_FAR: "#e67a36",
        Role.CUE: "#ff7a6b",
        Role.LABEL: "#ff9a52",
    },
    "#1d1f23",
    {Role.PROP_FILL: "#c9b595", Role.WALL: "#aab3be", Role.SOFT: "#c4dcf6"},
)


def system_is_dark() -> bool:
    """Whether the app looks dark (light when there is no app): ``theme.is_dark()``."""
    return theme.is_dark()


def palette_for(dark: bool) -> FigurePalette:
    """The light or dark palette."""
    return DARK if dark else LIGHT
