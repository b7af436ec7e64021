"""A printable handout of a routine: each stretch with its picture, steps, dose and cautions.

What Physitrack-style exercise sheets give patients: someone (or their
physiotherapist) can do the routine from the paper alone. The dose comes
from the plan the app would run under the user's settings, so paper and
session agree. The first page carries the safety rules.

Lifecycle: :func:`paint_handout` onto any paged device (a ``QPdfWriter`` or
the ``QPrinter`` of the print dialog); :func:`handout_items` is the
Qt-free part the tests check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice

from hamstring_gui.core.catalog import Catalog, Kind, Stretch
from hamstring_gui.core.i18n import _, format_long_date, ngettext, pgettext
from hamstring_gui.core.plan import PhaseKind, Plan, Side
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.words import EQUIPMENT_WORDS, side_words
from hamstring_gui.ui.paper.pages import MUTED, Pages
from hamstring_gui.ui.screens.safety import CHECK_FIRST, EMERGENCY, EVERY_STRETCH, INTRO, URGENT
from hamstring_gui.ui.widgets.illustration import render_illustration

PICTURE_HEIGHT = 150.0
CAPTION = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True)
class HandoutItem:
    """One stretch of the routine as the session will run it."""

    stretch: Stretch
    sides: tuple[Side, ...]  # empty: both legs together
    hold_seconds: int
    reps: int
    rest_between_reps: int
    rest_after: int
    seconds: int  # this item's share of the session, rests after it included

    @property
    def dose(self) -> str:
        """Hold, reps, sides and rests in one line."""
        if self.stretch.kind is Kind.PNF:
            what = ngettext(
                "Hold {seconds} s, then {reps} push–relax cycle",
                "Hold {seconds} s, then {reps} push–relax cycles",
                self.reps,
            )
        elif self.stretch.kind.is_timed_move:
            what = _("{reps} × {seconds} s of movement")
        else:
            what = _("Hold {seconds} s × {reps}") if self.reps > 1 else _("Hold {seconds} s")
        if len(self.sides) == 2:
            legs = _("{dose} on each leg")
        elif self.sides:
            legs = (
                _("{dose}, left leg only")
                if self.sides[0] == "left"
                else _("{dose}, right leg only")
            )
        else:
            legs = _("{dose}, both legs together")
        parts = [legs.format(dose=what.format(seconds=self.hold_seconds, reps=self.reps))]
        if self.rest_between_reps:
            parts.append(_("rest {seconds} s between").format(seconds=self.rest_between_reps))
        if self.rest_after:
            parts.append(_("rest {seconds} s after").format(seconds=self.rest_after))
        return " · ".join(parts)


def handout_items(plan: Plan, catalog: Catalog) -> list[HandoutItem]:
    """The routine's stretches, with the dose the plan gives each, in order."""
    items: list[HandoutItem] = []
    for index in range(plan.item_count):
        phases = [p for p in plan.phases if p.item == index]
        own = [p for p in phases if p.stretch is not None]
        if not own:
            continue
        work = [p for p in own if p.kind in (PhaseKind.HOLD, PhaseKind.MOVE)]
        sides: list[Side] = []
        for phase in own:
            if phase.side is not None and phase.side not in sides:
                sides.append(phase.side)
        rests = [p.seconds for p in own if p.kind is PhaseKind.REST]
        after = [p.seconds for p in phases if p.stretch is None]
        items.append(
            HandoutItem(
                stretch=catalog[own[0].stretch or ""],
                sides=tuple(sides),
                hold_seconds=work[0].seconds if work else 0,
                reps=max((p.rep for p in work), default=0),
                rest_between_reps=rests[0] if rests else 0,
                rest_after=after[0] if after else 0,
                seconds=sum(p.seconds for p in phases),
            )
        )
    return items


def minutes_words(seconds: int) -> str:
    """``12 min 30 s`` (or ``45 s``)."""
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return pgettext("duration", "{seconds} s").format(seconds=rest)
    if not rest:
        return pgettext("duration", "{minutes} min").format(minutes=minutes)
    return pgettext("duration", "{minutes} min {seconds} s").format(
        minutes=minutes, seconds=f"{rest:02d}"
    )


def paint_handout(
    device: QPagedPaintDevice, routine: Routine, plan: Plan, catalog: Catalog, today: date
) -> int:
    """Lay the handout out on ``device``; returns the number of pages."""
    items = handout_items(plan, catalog)
    header = _("Hamstring Coach · {routine} · printed {date}")
    pages = Pages(device, header=header.format(routine=routine.name, date=format_long_date(today)))
    pages.heading(routine.name, 20)
    if routine.description:
        pages.text(routine.description, 11)
    length = ngettext(
        "{count} stretch · about {time} in all, rests included",
        "{count} stretches · about {time} in all, rests included",
        len(items),
    )
    pages.text(
        length.format(count=len(items), time=minutes_words(plan.total_seconds)), 11, bold=True
    )
    equipment = [EQUIPMENT_WORDS[thing] for thing in routine.equipment(catalog)]
    if equipment:
        pages.text(_("You need: {things}").format(things=", ".join(equipment)))
    else:
        pages.text(_("You need: nothing but a mat"))
    pages.text(_(INTRO), colour=MUTED)
    for title, lines in (EVERY_STRETCH, EMERGENCY, URGENT, CHECK_FIRST):
        pages.heading(_(title), 12, keep=30)
        pages.bullets([_(line) for line in lines], 9.5)
    for number, item in enumerate(items, start=1):
        if number == 1:
            pages.new_page()
        else:
            pages.rule()
        _paint_item(pages, number, item)
    pages.finish()
    return pages.page_count


def _paint_item(pages: Pages, number: int, item: HandoutItem) -> None:
    stretch = item.stretch
    pages.heading(f"{number}. {stretch.name}", 15, keep=PICTURE_HEIGHT + 40)
    pages.text(item.dose, 11, bold=True)
    about = _("About {time}. {summary}")
    pages.text(
        about.format(time=minutes_words(item.seconds), summary=stretch.summary), colour=MUTED
    )
    box = pages.reserve(PICTURE_HEIGHT)
    sides: tuple[Side | None, ...] = item.sides or (None,)
    width = box.width() / len(sides)
    for column, side in enumerate(sides):
        cell = QRectF(box.left() + column * width, box.top(), width, box.height() - 16)
        with pages.drawing() as painter:
            render_illustration(painter, cell.adjusted(6, 2, -6, -2), stretch.id, side)
        caption = QRectF(cell.left(), cell.bottom(), width, 14)
        pages.painter.setPen(MUTED)
        pages.painter.drawText(caption, CAPTION, side_words(side))
    pages.y += 6
    pages.text(_("Steps"), 11, bold=True, after=2)
    pages.bullets(stretch.steps, numbered=True)
    if stretch.cautions:
        pages.y += 2
        pages.text(_("Cautions"), 11, bold=True, after=2)
        pages.bullets(stretch.cautions)
