"""Paints the figure of a stretch, and the widget the session window shows.

:func:`render_illustration` paints one moment of a stretch into any
``QPainter`` (widget, image, SVG). :class:`IllustrationView` follows the
session's phases:

* ``prepare`` and ``switch``: eases from the start pose into the stretch
  over a few seconds, then stands still;
* ``hold``: still;
* ``contract``: still, with an arrow for the gentle push;
* ``relax``: eases a little deeper, then still (later holds stay deeper);
* ``move``: loops the movement (about one cycle per two seconds);
* ``rest``: the start pose, or a calm standing figure between stretches.

A frame timer runs only while something moves, at most 30 frames a second;
paused or reduced motion stops it (reduced motion shows the stretched pose).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hamstring_gui.core.figure.cues import INSET_SHARE
from hamstring_gui.core.figure.library import load_figure, rest_scene
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Scene
from hamstring_gui.core.figure.shapes import Kind, Shape
from hamstring_gui.core.i18n import pgettext
from hamstring_gui.core.plan import PhaseKind, Side
from hamstring_gui.ui.style.palette import FigurePalette, palette_for, system_is_dark

FRAME_MS = 33  # <= 30 fps while easing into a stretch (a few seconds)
# Loops of dynamic moves last whole phases (30-60 s), so they are drawn at
# 10 fps: still 12 frames a cycle for the quickest (jogging, 1.2 s), at a
# third of the easing's drawing cost (the session's CPU budget, issue 11).
LOOP_FRAME_MS = 100
# A loop's position is rounded to 1/LOOP_STEPS of a cycle (10 ms of the
# quickest loop: invisible), so each of its poses is solved once, not per frame.
LOOP_STEPS = 60
FLOOR_ALPHA = 0.45  # the ground under a raised view: a soft disc, props stand on it
Bounds = tuple[float, float, float, float]


def _side_name(side: Side | None) -> str | None:
    return str(side) if side is not None else None


@cache
def _bounds(stretch_id: str, side: str | None) -> Bounds:
    return load_figure(stretch_id).bounds(side)


@cache
def _rest() -> tuple[Scene, Bounds]:
    scene = rest_scene()
    left, bottom, right, top = scene.bounds()
    return scene, (left - 40, min(0.0, bottom), right + 40, top)


def scene_for(
    stretch_id: str, side: Side | None, kind: PhaseKind, progress: float, deep: bool = False
) -> Scene:
    """The scene of a stretch at one moment (what :func:`render_illustration` paints)."""
    return load_figure(stretch_id).scene(kind, progress, _side_name(side), deep)


@lru_cache(maxsize=4 * LOOP_STEPS)
def _loop_scene(stretch_id: str, side: Side | None, step: int, deep: bool) -> Scene:
    return scene_for(stretch_id, side, PhaseKind.MOVE, step / LOOP_STEPS, deep)


def render_illustration(
    painter: QPainter,
    rect: QRectF,
    stretch_id: str,
    side: Side | None,
    *,
    progress: float = 1.0,
    kind: PhaseKind | None = None,
    dark: bool = False,
) -> None:
    """Paint ``stretch_id`` for ``side`` into ``rect``.

    ``progress`` is how far the phase's motion has got (0..1; for ``move``
    the position in the loop); ``kind`` None paints the still picture
    (``StretchFigure.still_kind``). Nothing outside ``rect`` is touched; the
    background is left as it is.
    """
    if kind is None:
        kind = load_figure(stretch_id).still_kind
    scene = scene_for(stretch_id, side, kind, progress)
    paint_scene(painter, rect, scene, _bounds(stretch_id, _side_name(side)), palette_for(dark))


def render_rest(painter: QPainter, rect: QRectF, *, dark: bool = False) -> None:
    """Paint the resting figure shown between stretches."""
    scene, bounds = _rest()
    paint_scene(painter, rect, scene, bounds, palette_for(dark))


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
    xs: list[float] = []
    ys: list[float] = []
    reach = 0.0
    for shape in scene.shapes:
        if shape.role is Role.FLOOR:
            continue
        reach = max(reach, shape.width)
        for x, y in shape.points:
            xs.append(off_x + x * scale)
            ys.append(off_y - y * scale)
    if not xs:
        return QRectF()
    # Strokes, arrow heads, the L/R badge (sized by the picture) and antialiasing.
    pad = max(reach * scale * 2, _badge_radius(rect) * 1.3) + 4
    return QRectF(
        min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    ).intersected(rect)


def _badge_radius(rect: QRectF) -> float:
    """The L/R badge: a share of the picture, never smaller than a readable 11 px.

    About a thigh's length across at the stage's scale: bigger, it would hide
    the thigh it labels and spill onto the hip.
    """
    return max(11.0, min(rect.width(), rect.height()) * 0.042)


def paint_scene(
    painter: QPainter,
    rect: QRectF,
    scene: Scene,
    bounds: Bounds,
    palette: FigurePalette,
    *,
    shaded: bool = True,
    keep: bool = False,
) -> None:
    """Fit ``bounds`` (world units, ``y`` up) into ``rect`` and paint ``scene``.

    ``shaded`` False paints flat colours (the small inset, where the lit band
    would not show but would cost). ``keep`` keeps the shapes' Qt polygons for
    the next time the same scene is painted (a looping move's frames).
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
    painter.setClipRect(rect)
    outline = max(0.7, min(rect.width(), rect.height()) * 0.0028)
    # Solids are drawn in world units through one transform, from polygons kept per
    # shape: a looping move reuses its scenes, so a frame converts no points at all.
    device = painter.worldTransform()
    world = QTransform(scale, 0.0, 0.0, -scale, off_x, off_y) * device
    in_world = False
    for shape in scene.shapes:
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
            _fill(painter, shape, colour, palette, shaded, outline, keep)
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


_POLYGONS: dict[int, tuple[Shape, QPolygonF, QPolygonF | None]] = {}
POLYGON_CACHE = 2500  # shapes: every frame of one looping move (~1 MB)


def _polygons(shape: Shape, keep: bool) -> tuple[QPolygonF, QPolygonF | None]:
    """The outline and lit band of ``shape`` as Qt polygons in world units (kept if asked)."""
    found = _POLYGONS.get(id(shape))
    if found is not None and found[0] is shape:
        return found[1], found[2]
    outline = QPolygonF([QPointF(u, v) for u, v in shape.points])
    shine = QPolygonF([QPointF(u, v) for u, v in shape.shine]) if shape.shine else None
    if keep:
        if len(_POLYGONS) >= POLYGON_CACHE:
            _POLYGONS.clear()
        _POLYGONS[id(shape)] = (shape, outline, shine)  # held: its id stays its own
    return outline, shine


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
    keep: bool,
) -> None:
    """A solid: its base colour with a thin outline, and a lighter band on the lit side."""
    polygon, shine = _polygons(shape, keep)
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
    pen.setCosmetic(True)  # a device-pixel line: Qt's fast path, crisp at every size
    painter.setPen(pen)
    painter.setBrush(colour)
    painter.drawPolygon(polygon)
    if shine is not None and shaded:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour.lighter(116))
        painter.drawPolygon(shine)


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


class IllustrationView(QWidget):
    """Shows the figure for the current phase, easing and looping when it should.

    Call :meth:`show_phase` on every phase change. ``clock`` (seconds,
    monotonic) can be replaced for tests; :meth:`step` advances one frame.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock: Callable[[], float] = time.monotonic
        self._stretch: str | None = None
        self._side: Side | None = None
        self._kind = PhaseKind.REST
        self._seconds = 0.0
        self._started = 0.0
        self._frozen_at: float | None = None
        self._paused = False
        self._reduced = False
        self._deep = False
        self._last_extent = QRectF()  # where the previous animation frame drew
        self._frame_scene: Scene | None = None  # computed by step(), painted once
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.step)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # It paints its own background: Qt need not paint the screen behind each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(self.update)

    # --- public API -------------------------------------------------------

    def show_phase(
        self, stretch_id: str | None, side: Side | None, kind: PhaseKind, seconds: float
    ) -> None:
        """Show ``kind`` of ``stretch_id`` on ``side``, lasting ``seconds``.

        ``stretch_id`` None is the rest between stretches: a calm standing figure.
        """
        same = stretch_id == self._stretch and side == self._side
        if not same or kind in (PhaseKind.PREPARE, PhaseKind.SWITCH, PhaseKind.REST):
            self._deep = False
        if kind is PhaseKind.RELAX and stretch_id is not None:
            self._deep = True
        self._stretch, self._side, self._kind = stretch_id, side, kind
        self._seconds = max(0.0, float(seconds))
        self._started = self.clock()
        self._frozen_at = self._started if self._paused else None
        self._forget_frame()
        self._sync_timer()
        self.update()

    def set_paused(self, paused: bool) -> None:
        """Freeze (or continue) any motion where it is."""
        if paused == self._paused:
            return
        self._paused = paused
        now = self.clock()
        if paused:
            self._frozen_at = now
        elif self._frozen_at is not None:
            self._started += now - self._frozen_at
            self._frozen_at = None
        self._forget_frame()
        self._sync_timer()
        self.update()

    def set_reduced_motion(self, reduced: bool) -> None:
        """With reduced motion nothing moves: the stretched pose shows still."""
        self._reduced = reduced
        self._forget_frame()
        self._sync_timer()
        self.update()

    def is_animating(self) -> bool:
        """Whether a frame timer is running (only while the figure moves)."""
        return self._timer.isActive()

    def step(self) -> None:
        """Advance one frame: repaint what moved, and stop the timer once the motion is done."""
        if self._stretch is not None and not self._last_extent.isNull():
            # Only the figure moves (a loop can run a whole phase): repaint where it
            # was and where it is, not the whole picture.
            self._frame_scene = self.current_scene()
            extent = scene_extent(
                QRectF(self.rect()),
                self._frame_scene,
                _bounds(self._stretch, _side_name(self._side)),
            )
            self.update(extent.united(self._last_extent).toAlignedRect())
            self._last_extent = extent
        else:
            self._frame_scene = None
            self._last_extent = QRectF(self.rect())  # first frame of a motion: all of it
            self.update()
        self._sync_timer()

    def progress(self) -> float:
        """How far the current motion has got (0..1; for moves, the loop position)."""
        if self._reduced or self._stretch is None:
            return 1.0
        elapsed = self._elapsed()
        if self._kind is PhaseKind.MOVE:
            return (elapsed / self._loop_seconds()) % 1.0
        duration = self._ease_seconds()
        if duration <= 0:
            return 1.0
        return min(1.0, elapsed / duration)

    def current_scene(self) -> Scene:
        """What is painted right now."""
        if self._stretch is None:
            return _rest()[0]
        kind = self._kind
        if self._reduced and kind is not PhaseKind.REST:
            kind = PhaseKind.CONTRACT if kind is PhaseKind.CONTRACT else PhaseKind.HOLD
        if kind is PhaseKind.MOVE:
            step = round(self.progress() * LOOP_STEPS) % LOOP_STEPS
            return _loop_scene(self._stretch, self._side, step, self._deep)
        return scene_for(self._stretch, self._side, kind, self.progress(), self._deep)

    # --- Qt ---------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """A comfortable size."""
        return QSize(400, 300)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Still readable at 200 x 150."""
        return QSize(200, 150)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        """The picture keeps a 4:3 shape."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        """Three quarters of the width."""
        return width * 3 // 4

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint the current moment."""
        painter = QPainter(self)
        # Not fillRect: its overloads make PySide6 build QGradient's 180 presets (~3 ms
        # of a session's first frame).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().window())
        painter.drawRect(event.rect())
        rect = QRectF(self.rect())
        palette = palette_for(system_is_dark())
        if self._stretch is None:
            scene, bounds = _rest()
        else:
            scene = self._frame_scene or self.current_scene()
            bounds = _bounds(self._stretch, _side_name(self._side))
        self._frame_scene = None
        # A looping move shows the same few dozen scenes again and again: keep their
        # polygons, and leave out the lit bands a moving figure does not need (the
        # session's CPU budget, issue 11).
        looping = self._kind is PhaseKind.MOVE and self._timer.isActive()
        paint_scene(painter, rect, scene, bounds, palette, shaded=not looping, keep=looping)
        painter.end()

    # --- internals ----------------------------------------------------------

    def _forget_frame(self) -> None:
        """A new phase or motion: the next frame is painted whole and computed afresh."""
        self._frame_scene = None
        self._last_extent = QRectF()

    def _elapsed(self) -> float:
        now = self._frozen_at if self._frozen_at is not None else self.clock()
        return max(0.0, now - self._started)

    def _ease_seconds(self) -> float:
        if self._kind in (PhaseKind.PREPARE, PhaseKind.SWITCH):
            return min(3.0, max(0.0, self._seconds * 0.6))
        if self._kind is PhaseKind.RELAX:
            return min(2.5, self._seconds)
        return 0.0

    def _loop_seconds(self) -> float:
        if self._stretch is None:
            return 2.0
        return max(0.5, load_figure(self._stretch).loop_seconds)

    def _moving(self) -> bool:
        if self._stretch is None or self._paused or self._reduced or not self.isVisible():
            return False
        if self._kind is PhaseKind.MOVE:
            return True
        return self._ease_seconds() > 0 and self._elapsed() < self._ease_seconds()

    def _sync_timer(self) -> None:
        moving = self._moving()
        self._timer.setInterval(LOOP_FRAME_MS if self._kind is PhaseKind.MOVE else FRAME_MS)
        if moving and not self._timer.isActive():
            self._timer.start()
        elif not moving and self._timer.isActive():
            self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """A new size: the next frame is painted whole."""
        self._forget_frame()
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        """Start moving again once visible."""
        super().showEvent(event)  # type: ignore[arg-type]
        self._sync_timer()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        """A hidden picture never runs a timer."""
        super().hideEvent(event)  # type: ignore[arg-type]
        self._timer.stop()
