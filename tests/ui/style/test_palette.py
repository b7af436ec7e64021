"""The figure's light and dark palettes, and the dark check they follow."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from hamstring_gui.core.figure import Role
from hamstring_gui.core.figure.library import STANDING
from hamstring_gui.core.figure.pose import solve
from hamstring_gui.core.figure.props import KINDS, Prop, primitives
from hamstring_gui.core.figure.shapes import Block, Capsule
from hamstring_gui.ui.style.palette import DARK, LIGHT, FigurePalette, palette_for, system_is_dark
from hamstring_gui.ui.style.theme import blend, contrast, fallback_palette
from hamstring_gui.ui.widgets.scene_painter import FLOOR_ALPHA, shade_floor


def test_each_palette_colours_every_role() -> None:
    for palette in (LIGHT, DARK):
        assert set(palette.colours) == set(Role)
        assert all(palette.colour(role).isValid() for role in Role)
    assert palette_for(True) is DARK and palette_for(False) is LIGHT


def test_system_is_dark_follows_the_app_palette(qapp) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    try:
        app.setPalette(fallback_palette(True))
        assert system_is_dark()
        app.setPalette(fallback_palette(False))
        assert not system_is_dark()
    finally:
        app.setPalette(before)


def _prop_roles() -> tuple[set[Role], set[Role]]:
    """Roles the props draw in: as solids (outlined), and as bands (a towel or strap)."""
    body = solve(STANDING)
    solid: set[Role] = set()
    band: set[Role] = set()
    for kind in KINDS:
        for prim in primitives(Prop(kind, {}), body):
            (solid if isinstance(prim, Block | Capsule) else band).add(prim.role)
    return solid, band


def _grounds(palette: FigurePalette, dark: bool) -> list[QColor]:
    """What a prop is painted on: the window, a view's base, and the floor disc on either."""
    qt = fallback_palette(dark)
    out = []
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        under = qt.color(role)
        floor = palette.colour(Role.FLOOR)
        floor.setAlphaF(FLOOR_ALPHA)
        out += [under, blend(floor, under)]
    return out


@pytest.mark.parametrize("dark", [False, True])
def test_every_prop_is_outlined_at_3_to_1_against_its_ground(qapp, dark: bool) -> None:
    # Review fix 19: door posts, chairs, stools and mats vanished on the dark window.
    palette = palette_for(dark)
    solid, _ = _prop_roles()
    assert solid >= {Role.PROP_FILL, Role.WALL}
    for role in solid:
        for shade in (1.0, 0.5):  # the lit and the darkest face share one edge colour
            fill = palette.colour(role).darker(int(100 / shade_floor(shade)))
            edge = palette.outline(role, fill)
            for ground in _grounds(palette, dark):
                assert contrast(edge, ground) >= 3.0, (role, shade, ground.name())


def test_dark_props_are_lighter_than_the_dark_window(qapp) -> None:
    window = fallback_palette(True).color(QPalette.ColorRole.Window)
    solid, band = _prop_roles()
    for role in solid | band:  # a lit face, and the towel or strap itself
        assert contrast(DARK.colour(role), window) >= 3.0, role


@pytest.mark.parametrize("dark", [False, True])
def test_a_far_working_leg_still_reads_as_the_orange_one(qapp, dark: bool) -> None:
    # Review of main6: in dark, the far working leg (seated one-leg, standing hamstring,
    # the lunge's back leg) was a dull brown that merged with the tan mat.
    palette = palette_for(dark)
    near, far = palette.colour(Role.WORK), palette.colour(Role.WORK_FAR)
    mat = palette.colour(Role.PROP_FILL)
    hue = abs(far.hslHue() - near.hslHue()) % 360
    assert min(hue, 360 - hue) < 10  # the same orange
    assert far.hslSaturationF() > 0.6 and far.hslSaturationF() > mat.hslSaturationF() + 0.3
    assert near != far  # and still told apart, so depth reads
    if dark:  # light: a pale orange, outlined, on the pale window (the reviewer read it)
        window = fallback_palette(dark).color(QPalette.ColorRole.Window)
        assert contrast(far, window) >= 3.0


def test_dark_far_limbs_show_on_the_dark_ground_and_stay_behind_the_near_ones(qapp) -> None:
    # Review of main9: in dark the far-side grey limbs (the tucked leg of the
    # seated one-leg stretch) were faint on the floor's oval.
    far, near = DARK.colour(Role.BODY_FAR), DARK.colour(Role.BODY)
    window = fallback_palette(True).color(QPalette.ColorRole.Window)
    assert contrast(far, DARK.colour(Role.FLOOR)) >= 2.5
    assert contrast(far, window) >= 4.5
    assert far.lightnessF() < near.lightnessF()  # nearer is lighter in dark: depth reads
