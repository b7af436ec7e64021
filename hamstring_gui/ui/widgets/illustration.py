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
A loop is a flip-book: one picture per frame tick, each drawn once and then
copied (:class:`~hamstring_gui.ui.widgets.loop_pictures.LoopPictures`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache, lru_cache

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from hamstring_gui.core.figure.library import load_figure, rest_scene
from hamstring_gui.core.figure.roles import Role
from hamstring_gui.core.figure.scene import Scene
from hamstring_gui.core.plan import PhaseKind, Side
from hamstring_gui.ui.style.palette import FigurePalette, palette_for, system_is_dark
from hamstring_gui.ui.widgets.loop_pictures import LoopPicture, LoopPictures
from hamstring_gui.ui.widgets.scene_painter import Bounds, paint_scene, scene_extent

FRAME_MS = 33  # <= 30 fps while easing into a stretch (a few seconds)
# Loops of dynamic moves last whole phases (30-120 s), so they are drawn at
# 10 fps: still 16 frames a cycle for the quickest (jumping jacks, 1.6 s), at a
# third of the easing's drawing cost (the session's CPU budget, issue 11).
LOOP_FRAME_MS = 100


def loop_frames(loop_seconds: float) -> int:
    """How many pictures one cycle of a loop is drawn as: one per frame tick."""
    return max(2, round(loop_seconds * 1000 / LOOP_FRAME_MS))


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


@lru_cache(maxsize=256)
def _loop_scene(stretch_id: str, side: Side | None, frame: int, frames: int, deep: bool) -> Scene:
    """Frame ``frame`` of ``frames`` of a loop: each pose is solved once, not every cycle."""
    return scene_for(stretch_id, side, PhaseKind.MOVE, frame / frames, deep)


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
        self._frame_number: int | None = None  # a loop's frame, chosen by step(), painted once
        self._pictures = LoopPictures()
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
            app.styleHints().colorSchemeChanged.connect(self._restyle)

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
        self._pictures.clear()
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
            if self._looping():
                self._frame_number = self._loop_frame()[0]
                extent = QRectF(self._loop_picture(self._frame_number).extent)
            else:
                self._frame_scene = self.current_scene()
                extent = scene_extent(
                    QRectF(self.rect()), self._frame_scene, self._stretch_bounds()
                )
            self.update(extent.united(self._last_extent).toAlignedRect())
            self._last_extent = extent
        else:
            self._forget_frame()
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
            frame, frames = self._loop_frame()
            return _loop_scene(self._stretch, self._side, frame, frames, self._deep)
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
        if self._looping():
            self._paint_loop(painter, event.rect(), self._frame_number)
        elif self._stretch is None:
            self._paint(painter, event.rect(), *_rest(), palette_for(system_is_dark()))
        else:
            scene = self._frame_scene or self.current_scene()
            palette = palette_for(system_is_dark())
            self._paint(painter, event.rect(), scene, self._stretch_bounds(), palette)
        self._frame_scene = None
        self._frame_number = None
        painter.end()

    def _paint(
        self,
        painter: QPainter,
        area: QRect,
        scene: Scene,
        bounds: Bounds,
        palette: FigurePalette,
        looping: bool = False,
    ) -> None:
        """The background over ``area``, then the scene."""
        # Not fillRect: its overloads make PySide6 build QGradient's 180 presets (~3 ms
        # of a session's first frame).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().window())
        painter.drawRect(area)
        # A moving figure leaves out the lit bands (the session's CPU budget, issue 11).
        paint_scene(painter, QRectF(self.rect()), scene, bounds, palette, shaded=not looping)

    def _paint_loop(self, painter: QPainter, area: QRect, frame: int | None) -> None:
        """A loop's frame: its kept picture copied, or painted (and kept) the first time."""
        if frame is None:  # not a frame step() chose: a resize, an expose
            frame = self._loop_frame()[0]
        ratio = self.devicePixelRatioF()
        if self._pictures.ratio != ratio:  # another screen: pictures of its pixels
            self._pictures.clear(ratio)
        picture = self._loop_picture(frame)
        pixmap = picture.pixmap
        if pixmap is None:
            scene, bounds = self._loop_scene(frame), self._stretch_bounds()
            palette = palette_for(system_is_dark())
            if not self._pictures.has_room(picture.extent):
                self._paint(painter, area, scene, bounds, palette, looping=True)
                return
            pixmap = self._picture(picture.extent, scene, bounds, palette)
            self._pictures.keep(frame, pixmap)
        # Where the last frame was, outside this one's picture, only the floor and the
        # inset show: they never move.
        rest = QRegion(area).subtracted(QRegion(picture.extent))
        if not rest.isEmpty():
            painter.save()
            painter.setClipRegion(rest)
            self._paint_backdrop(painter, rest.boundingRect(), frame)
            painter.restore()
        painter.drawPixmap(picture.extent.topLeft(), pixmap)

    def _paint_backdrop(self, painter: QPainter, area: QRect, frame: int) -> None:
        """The view without the figure (background, floor, inset): kept, then copied."""
        backdrop = self._pictures.backdrop
        if backdrop is None:
            scene = self._loop_scene(frame)
            still = Scene(
                tuple(s for s in scene.shapes if s.role is Role.FLOOR), scene.inset, scene.corner
            )
            bounds, palette = self._stretch_bounds(), palette_for(system_is_dark())
            if not self._pictures.has_room(self.rect()):
                self._paint(painter, area, still, bounds, palette)
                return
            backdrop = self._picture(self.rect(), still, bounds, palette)
            self._pictures.keep_backdrop(backdrop)
        painter.drawPixmap(0, 0, backdrop)

    def _picture(
        self, extent: QRect, scene: Scene, bounds: Bounds, palette: FigurePalette
    ) -> QPixmap:
        """``extent`` of the view painted as it would be, into a pixmap."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(extent.width() * ratio), round(extent.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setFont(self.font())  # as a painter on the view starts (the L/R badge)
        painter.translate(-QPointF(extent.topLeft()))
        self._paint(painter, extent, scene, bounds, palette, looping=True)
        painter.end()
        return pixmap

    def _loop_picture(self, frame: int) -> LoopPicture:
        """Frame ``frame`` of the loop shown, its extent worked out the first time."""
        picture = self._pictures.get(frame)
        if picture is None:
            rect = QRectF(self.rect())
            extent = scene_extent(rect, self._loop_scene(frame), self._stretch_bounds())
            picture = self._pictures.place(frame, extent.toAlignedRect().intersected(self.rect()))
        return picture

    def _loop_scene(self, frame: int) -> Scene:
        assert self._stretch is not None
        frames = self._loop_frame()[1]
        return _loop_scene(self._stretch, self._side, frame, frames, self._deep)

    def _stretch_bounds(self) -> Bounds:
        assert self._stretch is not None
        return _bounds(self._stretch, _side_name(self._side))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """New colours or a new font: a loop's kept pictures are drawn anew."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._pictures.clear()
        super().changeEvent(event)

    def _restyle(self) -> None:
        """The system's light or dark scheme changed."""
        self._pictures.clear()
        self.update()

    # --- internals ----------------------------------------------------------

    def _forget_frame(self) -> None:
        """A new phase or motion: the next frame is painted whole and computed afresh."""
        self._frame_scene = None
        self._frame_number = None
        self._last_extent = QRectF()

    def _looping(self) -> bool:
        """Whether a move is looping now (not paused, not reduced motion)."""
        return self._stretch is not None and self._kind is PhaseKind.MOVE and self._timer.isActive()

    def _loop_frame(self) -> tuple[int, int]:
        """The loop's frame now, and how many frames one cycle has."""
        frames = loop_frames(self._loop_seconds())
        return round(self.progress() * frames) % frames, frames

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
        interval = LOOP_FRAME_MS if self._kind is PhaseKind.MOVE else FRAME_MS
        if interval != self._timer.interval():  # setting it restarts a running timer
            self._timer.setInterval(interval)
        if moving and not self._timer.isActive():
            self._timer.start()
        elif not moving and self._timer.isActive():
            self._timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """A new size: the next frame is painted whole, the loop's pictures drawn anew."""
        self._forget_frame()
        self._pictures.clear()
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        """Start moving again once visible."""
        super().showEvent(event)  # type: ignore[arg-type]
        self._sync_timer()

    def hideEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        """A hidden picture never runs a timer."""
        super().hideEvent(event)  # type: ignore[arg-type]
        self._timer.stop()
