"""Paints a figure :class:`Scene` with ``QPainter``: shapes, arrows, the L/R badge, the inset.

The illustration widget, the PDF handout, the SVG/PNG export and the contact
sheet all draw through :func:`paint_scene`, so a picture looks the same
wherever it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from hamstring_gui.core.figure.cues import INSET_SHARE
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Scene
from hamstring_gui.core.figure.shapes import Kind, Shape
from hamstring_gui.core.i18n import pgettext
from hamstring_gui.ui.style.palette import FigurePalette

Bounds = tuple[float, float, float, float]
FLOOR_ALPHA = 0.45  # the ground under a raised view: a soft disc, props stand on it
GHOST_ALPHA = 0.28  # the start pose behind a small hinge: seen, but the held pose leads


def _fit(rect: QRectF, bounds: Bounds) -> tuple[float, float, float, float] | None:
    """How world ``bounds`` sit in ``rect``: margin, scale and offsets (None if no room)."""
    left, bottom, right, top = bounds
    margin = min(rect.width(), rect.height()) * 0.06
    area = rect.adjusted(margin, margin, -margin, -margin)
    if area.width() <= 0 or area.height() <= 0:
        return None
    scale = min(area.width() / (right - left), area.height() / (top - bottom))
    off_x = area.center().x() - (left + right) / 2 * scale
    off_y = area.center().y() + (bottom + top) / 2 * scale
    return margin, scale, off_x, off_y


def scene_extent(rect: QRectF, scene: Scene, bounds: Bounds) -> QRectF:
    """The part of ``rect`` the scene's shapes (not the floor) cover, strokes included.

    The view repaints only this (and the last frame's) while a move loops.
    """
    fit = _fit(rect, bounds)
    if fit is None:
        return QRectF()
    _, scale, off_x, off_y = fit
    shapes = [shape for shape in scene.shapes if shape.role is not Role.FLOOR]
    us = [u for shape in shapes for u, _ in shape.points]
    vs = [v for shape in shapes for _, v in shape.points]
    if not us:
        return QRectF()
    # The box in world units, then on screen (v is up there, y down here).
    left, right = off_x + min(us) * scale, off_x + max(us) * scale
    top, bottom = off_y - max(vs) * scale, off_y - min(vs) * scale
    # Strokes, arrow heads, the L/R badge (sized by the picture) and antialiasing.
    reach = max(shape.width for shape in shapes)
    pad = max(reach * scale * 2, _badge_radius(rect) * 1.3) + 4
    return QRectF(
        left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad
    ).intersected(rect)


def _badge_radius(rect: QRectF) -> float:
    """The L/R badge: a share of the picture, never smaller than a readable 11 px.

    About 9.5 cm across the radius at the stage's scale, so mid-bone it leaves
    the knee and the hip in sight (review of main9: at 4.2 % it covered the
    knee whose angle the lying stretches show); 17 px in a 512 px picture.
    """
    return max(11.0, min(rect.width(), rect.height()) * 0.034)


def paint_scene(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    bounds: Bounds,
    palette: FigurePalette,
    *,
    shaded: bool = True,
) -> None:
    """Fit ``bounds`` (world units, ``y`` up) into ``rect`` and paint ``scene``.

    ``shaded`` False paints flat colours (the small inset, where the lit band
    would not show but would cost, and a moving figure).
    """
    fit = _fit(rect, bounds)
    if fit is None:
        return
    margin, scale, off_x, off_y = fit

    def at(point: tuple[float, float]) -> QPointF:
        return QPointF(off_x + point[0] * scale, off_y - point[1] * scale)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)  # and any clip the caller set
    outline = max(0.7, min(rect.width(), rect.height()) * 0.0028)
    # Solids are drawn in world units through one transform.
    device = painter.worldTransform()
    world = QTransform(scale, 0.0, 0.0, -scale, off_x, off_y) * device
    in_world = False
    ghost = [s for s in scene.shapes if s.role is Role.GHOST]
    for shape in scene.shapes:
        if shape.role is Role.GHOST:
            if shape is ghost[0]:
                painter.setWorldTransform(world)
                in_world = True
                _ghost(painter, ghost, palette.colour(Role.GHOST))
            continue
        colour = palette.colour(shape.role)
        if (shape.kind is Kind.FILL) != in_world:
            in_world = not in_world
            painter.setWorldTransform(world if in_world else device)
        if shape.role is Role.FLOOR and shape.kind is Kind.LINE:
            y = at(shape.points[0]).y()
            painter.setPen(
                QPen(
                    colour,
                    max(shape.width * scale, 1.0),
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                )
            )
            painter.drawLine(
                QPointF(rect.left() + margin / 2, y), QPointF(rect.right() - margin / 2, y)
            )
        elif shape.kind is Kind.FILL:
            _fill(painter, shape, colour, palette, shaded, outline)
        elif shape.kind is Kind.LINE:
            painter.setPen(_pen(colour, max(shape.width * scale, 1.0)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF([at(p) for p in shape.points]))
        elif shape.kind is Kind.ARROW:
            width = max(shape.width * scale, 1.5)
            _arrow(painter, [at(p) for p in shape.points], colour, width)
        else:
            _badge(
                painter,
                at(shape.points[0]),
                _badge_radius(rect),
                _badge_letter(shape.text),
                colour,
                palette.label_text,
            )
    painter.setWorldTransform(device)
    if scene.inset is not None:
        _inset(painter, rect, scene, palette)
    painter.restore()


def _pen(colour: QColor, width: float) -> QPen:
    return QPen(
        colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )


def _fill(
    painter: QPainter,
    shape: Shape,
    colour: QColor,
    palette: FigurePalette,
    shaded: bool,
    outline: float,
) -> None:
    """A solid: its base colour with a thin outline, and a lighter band on the lit side."""
    polygon = QPolygonF([QPointF(u, v) for u, v in shape.points])
    if shape.role is Role.FLOOR:
        colour = QColor(colour)
        colour.setAlphaF(FLOOR_ALPHA)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(polygon)
        return
    if shape.shade < 1.0:
        colour = colour.darker(int(100 / shade_floor(shape.shade)))
    pen = QPen(palette.outline(shape.role, colour), outline)
    # Its width in device pixels: crisp at every size. Over one pixel wide (most pictures)
    # QPainter strokes it on its general path, most of a frame's cost (see LoopPictures).
    pen.setCosmetic(True)
    painter.setPen(pen)
    painter.setBrush(colour)
    painter.drawPolygon(polygon)
    if shape.shine and shaded:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour.lighter(116))
        painter.drawPolygon(QPolygonF([QPointF(u, v) for u, v in shape.shine]))


def _ghost(painter: QPainter, shapes: list[Shape], colour: QColor) -> None:
    """The ghost's outlines as one path, filled once: overlaps do not darken, no edges."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for shape in shapes:
        path.addPolygon(QPolygonF([QPointF(u, v) for u, v in shape.points]))
        path.closeSubpath()
    colour = QColor(colour)
    colour.setAlphaF(GHOST_ALPHA)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)


def shade_floor(shade: float) -> float:
    """A face's shade, never so dark that the prop loses its colour."""
    return max(0.5, min(1.0, shade))


def _arrow(painter: QPainter, points: list[QPointF], colour: QColor, width: float) -> None:
    end, before = points[-1], points[-2]
    direction = end - before
    length = max((direction.x() ** 2 + direction.y() ** 2) ** 0.5, 1e-6)
    d = QPointF(direction.x() / length, direction.y() / length)
    normal = QPointF(-d.y(), d.x())
    head = width * 3.2
    painter.setPen(_pen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([*points[:-1], end - d * head * 0.6]))
    painter.setPen(_pen(colour, width * 0.5))
    painter.setBrush(colour)
    painter.drawPolygon(
        QPolygonF(
            [end, end - d * head + normal * head * 0.65, end - d * head - normal * head * 0.65]
        )
    )


def _badge_letter(text: str) -> str:
    """The working leg's letter in the app's language (Spanish: I and D)."""
    if text == "L":
        return pgettext("badge on the left leg", "L")
    if text == "R":
        return pgettext("badge on the right leg", "R")
    return text


def badge_font(base: QFont, radius: float, text: str) -> QFont:
    """A bold font for ``text`` in a badge of ``radius``, small enough to stay inside its ring.

    A translation may need more than one letter (the pseudo-locale's "‹Ľ·›"): it
    shrinks instead of spilling over the leg.
    """
    font = QFont(base)
    font.setBold(True)
    font.setPixelSize(max(int(radius * 1.2), 9))
    wide = QFontMetricsF(font).horizontalAdvance(text)
    if wide > radius * 1.5:
        font.setPixelSize(max(int(font.pixelSize() * radius * 1.5 / wide), 5))
    return font


def _badge(
    painter: QPainter, centre: QPointF, radius: float, text: str, fill: QColor, ink: str
) -> None:
    # A ring of the label's ink keeps the badge apart from the orange thigh it sits on.
    painter.setPen(QPen(QColor(ink), max(1.5, radius * 0.18)))
    painter.setBrush(fill)
    painter.drawEllipse(centre, radius, radius)
    painter.setFont(badge_font(painter.font(), radius, text))
    painter.setPen(QPen(QColor(ink)))
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def _inset(painter: QPainter, rect: QRectF, scene: Scene, palette: FigurePalette) -> None:
    """The small "not like this" picture in a top corner, crossed out."""
    assert scene.inset is not None
    pad = min(rect.width(), rect.height()) * 0.03
    width = rect.width() * INSET_SHARE
    height = width * 0.75
    left = rect.left() + pad if scene.corner == "top-left" else rect.right() - pad - width
    box = QRectF(left, rect.top() + pad, width, height)
    frame = palette.colour(Role.FLOOR)
    painter.setPen(QPen(frame, max(1.0, width * 0.01)))
    background = palette.colour(Role.WALL)
    background.setAlphaF(0.55)
    painter.setBrush(background)
    painter.drawRoundedRect(box, width * 0.05, width * 0.05)
    paint_scene(painter, box, scene.inset, scene.inset.bounds(), palette, shaded=False)
    cross = palette.colour(Role.CUE)
    painter.setPen(_pen(cross, max(2.0, width * 0.035)))
    m = width * 0.14
    painter.drawLine(
        QPointF(box.left() + m, box.top() + m), QPointF(box.right() - m, box.bottom() - m)
    )
    painter.drawLine(
        QPointF(box.right() - m, box.top() + m), QPointF(box.left() + m, box.bottom() - m)
    )
