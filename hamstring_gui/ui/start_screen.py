"""The start screen: routines as cards, a "where am I / what do I have" filter, one Start.

A view: it lists what it is given (:meth:`StartScreen.set_routines`) and
asks for a start with :attr:`StartScreen.startRequested`; building the plan
and running it is the main window's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.catalog import Catalog, Equipment, Position
from ..core.plan import build_plan
from ..core.routine import Routine
from ..core.settings import SessionSettings
from . import theme
from .words import EQUIPMENT_WORDS, POSITION_WORDS

DESK_POSITIONS = frozenset({Position.CHAIR, Position.STANDING})
FLOOR_POSITIONS = frozenset({Position.LYING, Position.FLOOR_SEATED})
# Props a user may not have to hand; anything else (a chair, a table) is assumed.
PROPS = (Equipment.TOWEL_OR_STRAP, Equipment.WALL, Equipment.PARTNER)

PLACE_ANYWHERE = "anywhere"
PLACE_DESK = "desk"
PLACE_FLOOR = "floor"

CARD_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RoutineCard:
    """What a card shows about one routine."""

    id: str
    name: str
    description: str
    seconds: int
    positions: tuple[Position, ...]
    equipment: tuple[Equipment, ...]

    @property
    def badges(self) -> list[str]:
        """Position and equipment words, without repeating "Chair"."""
        words = [POSITION_WORDS[p] for p in self.positions]
        words += [EQUIPMENT_WORDS[e] for e in self.equipment if EQUIPMENT_WORDS[e] not in words]
        return words

    def fits(self, place: str, props: frozenset[Equipment]) -> bool:
        """Whether this routine suits where the user is and what they have."""
        positions = set(self.positions)
        if place == PLACE_DESK and not positions <= DESK_POSITIONS:
            return False
        if place == PLACE_FLOOR and not positions & FLOOR_POSITIONS:
            return False
        return all(thing in props for thing in self.equipment if thing in PROPS)

    def spoken(self) -> str:
        """The card in one sentence for screen readers."""
        return (
            f"{self.name}, {theme.format_minutes(self.seconds)}. "
            f"{', '.join(self.badges)}. {self.description}"
        )


class CardDelegate(QStyledItemDelegate):
    """Paints a routine as a card: name and length, badges, one-line description."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        return theme.scaled_font(1.35, bold=True), theme.scaled_font(0.95), theme.scaled_font(1.05)

    def _pad(self) -> int:
        return round(theme.base_pixel_size() * 1.0)

    def _viewport_width(self) -> int:
        # Not viewport().width(): wrapping the C++-made viewport the first time
        # makes PySide6 look through every QWidget subclass and build their
        # Python enums (65 of them, ~11 ms of the first paint).
        scroll_bar = self.view.verticalScrollBar()
        taken = scroll_bar.width() if scroll_bar.isVisible() else 0
        return self.view.maximumViewportSize().width() - taken

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: D102, N802, E501
        card: RoutineCard = index.data(CARD_ROLE)
        title, badge, body = self._fonts()
        pad = self._pad()
        width = max(200, self._viewport_width() - 2 * pad - 8)
        text_height = QFontMetrics(body).boundingRect(
            QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, card.description
        ).height()
        height = pad + QFontMetrics(title).height() + pad // 2 + QFontMetrics(badge).height() + 8
        height += pad // 2 + text_height + pad
        return QSize(width, height + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: D102, E501
        card: RoutineCard = index.data(CARD_ROLE)
        title_font, badge_font, body_font = self._fonts()
        pad = self._pad()
        palette = option.palette  # type: ignore[attr-defined]
        rect = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        # Asked of the view, not of option.state: reading that builds all of
        # QStyle's Python enums (~7 ms, on the first paint of every start).
        selected = self.view.selectionModel().isSelected(index)
        focused = selected and self.view.hasFocus() and self.view.currentIndex() == index
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = QColor(palette.color(QPalette.ColorRole.Highlight))
        fill = QColor(palette.color(QPalette.ColorRole.Base))
        if selected:
            fill = QColor(accent)
            fill.setAlphaF(0.14)
        border = QColor(accent) if selected else QColor(palette.color(QPalette.ColorRole.Mid))
        painter.setPen(border)
        painter.setBrush(fill)
        radius = pad * 0.8
        painter.drawRoundedRect(rect, radius, radius)
        if selected:
            pen = painter.pen()
            pen.setWidth(3 if focused else 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, radius, radius)

        text = QColor(palette.color(QPalette.ColorRole.Text))
        quiet = QColor(text)
        quiet.setAlphaF(0.72)
        inner = rect.adjusted(pad, pad, -pad, -pad)

        painter.setFont(title_font)
        title_h = QFontMetrics(title_font).height()
        length = theme.format_minutes(card.seconds)
        painter.setPen(text)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, card.name)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), title_h),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, length)

        y = inner.top() + title_h + pad // 2
        painter.setFont(badge_font)
        metrics = QFontMetrics(badge_font)
        x = inner.left()
        chip = QColor(palette.color(QPalette.ColorRole.WindowText))
        chip.setAlphaF(0.08)
        for word in card.badges:
            w = metrics.horizontalAdvance(word) + pad
            chip_rect = QRect(x, y, w, metrics.height() + 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip)
            painter.drawRoundedRect(chip_rect, chip_rect.height() / 2, chip_rect.height() / 2)
            painter.setPen(text)
            painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, word)
            x += w + pad // 2

        y += metrics.height() + 6 + pad // 2
        painter.setFont(body_font)
        painter.setPen(quiet)
        painter.drawText(QRect(inner.left(), y, inner.width(), inner.bottom() - y + pad),
                         int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), card.description)  # noqa: E501
        painter.restore()


class StartScreen(QWidget):
    """Pick a routine and start it.

    Signals:
        startRequested(str): the id of the routine to start.
    """

    startRequested = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        base = theme.base_pixel_size()
        self._cards: list[RoutineCard] = []

        title = QLabel("Time for a stretch")
        title.setObjectName("startTitle")
        title.setFont(theme.scaled_font(2.0, bold=True))
        subtitle = QLabel("Choose a routine. A mild pull, never pain, never bounce.")
        subtitle.setFont(theme.scaled_font(1.1))

        self.place_group = QButtonGroup(self)
        self.place_group.setExclusive(True)
        place_row = QHBoxLayout()
        where = QLabel("Where are you?")
        place_row.addWidget(where)
        for key, words in ((PLACE_ANYWHERE, "Anywhere"), (PLACE_DESK, "At my desk"),
                           (PLACE_FLOOR, "On the floor")):
            button = QPushButton(words)
            button.setCheckable(True)
            button.setObjectName(f"place-{key}")
            button.setAccessibleName(f"Where: {words}")
            button.setProperty("place", key)
            self.place_group.addButton(button)
            place_row.addWidget(button)
            if key == PLACE_ANYWHERE:
                button.setChecked(True)
        place_row.addSpacing(base * 2)
        place_row.addWidget(QLabel("I have:"))
        self.prop_boxes: dict[Equipment, QCheckBox] = {}
        for thing in PROPS:
            box = QCheckBox(EQUIPMENT_WORDS[thing])
            box.setChecked(True)
            box.setObjectName(f"prop-{thing}")
            box.setAccessibleName(f"I have a {EQUIPMENT_WORDS[thing].lower()}")
            box.toggled.connect(self._apply_filter)
            self.prop_boxes[thing] = box
            place_row.addWidget(box)
        place_row.addStretch(1)
        self.place_group.buttonToggled.connect(self._apply_filter)

        self.routine_list = QListWidget()
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName("Routines")
        self.routine_list.setItemDelegate(CardDelegate(self.routine_list))
        self.routine_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.routine_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.routine_list.setSpacing(2)
        self.routine_list.setFrameShape(QListWidget.Shape.NoFrame)
        self.routine_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.routine_list.setUniformItemSizes(False)
        self.routine_list.currentItemChanged.connect(self._update_start)
        self.routine_list.itemDoubleClicked.connect(lambda _item: self.start_selected())

        self.empty_label = QLabel("No routine fits that. Try another place or tick a prop you have.")  # noqa: E501
        self.empty_label.setObjectName("noRoutine")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName("Start the selected routine")
        self.start_button.setToolTip("Start the selected routine (Enter)")
        self.start_button.setDefault(True)
        self.start_button.setFont(theme.scaled_font(1.35, bold=True))
        self.start_button.setMinimumHeight(round(base * 3.4))
        self.start_button.setMinimumWidth(base * 20)
        self.start_button.clicked.connect(self.start_selected)
        start_row = QHBoxLayout()
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)

        # Enter starts the selected routine wherever the focus is on this screen.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.start_selected)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        layout.setSpacing(base)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(place_row)
        layout.addWidget(self.routine_list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(start_row)

    # -- content -----------------------------------------------------------------

    def set_routines(
        self, routines: Mapping[str, Routine], catalog: Catalog, settings: SessionSettings
    ) -> None:
        """Show ``routines``, their lengths computed with the user's ``settings``."""
        selected = self.selected_routine()
        self._cards = []
        self.routine_list.clear()
        for routine in routines.values():
            plan = build_plan(routine, catalog, settings)
            card = RoutineCard(
                id=routine.id,
                name=routine.name,
                description=routine.description,
                seconds=plan.total_seconds,
                positions=tuple(routine.positions(catalog)),
                equipment=tuple(routine.equipment(catalog)),
            )
            self._cards.append(card)
            item = QListWidgetItem()
            item.setData(CARD_ROLE, card)
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, card.spoken())
            item.setToolTip(card.description)
            self.routine_list.addItem(item)
        self._apply_filter()
        if selected:
            self.select(selected)

    def cards(self) -> list[RoutineCard]:
        """All routine cards, shown or filtered out."""
        return list(self._cards)

    def visible_routines(self) -> list[str]:
        """Ids of the routines the filter lets through, in order."""
        return [
            self.routine_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.routine_list.count())
            if not self.routine_list.item(row).isHidden()
        ]

    def selected_routine(self) -> str | None:
        """The id of the selected routine, if one is selected and shown."""
        item = self.routine_list.currentItem()
        if item is None or item.isHidden():
            return None
        routine_id: str = item.data(Qt.ItemDataRole.UserRole)
        return routine_id

    def select(self, routine_id: str) -> None:
        """Select a routine by id (if shown)."""
        for row in range(self.routine_list.count()):
            item = self.routine_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == routine_id and not item.isHidden():
                self.routine_list.setCurrentItem(item)
                return

    def place(self) -> str:
        """The chosen place filter."""
        button = self.place_group.checkedButton()
        return str(button.property("place")) if button else PLACE_ANYWHERE

    def set_place(self, place: str) -> None:
        """Choose a place filter (``anywhere``, ``desk``, ``floor``)."""
        for button in self.place_group.buttons():
            if button.property("place") == place:
                button.setChecked(True)

    def props(self) -> frozenset[Equipment]:
        """Props the user says they have."""
        return frozenset(thing for thing, box in self.prop_boxes.items() if box.isChecked())

    def start_selected(self) -> None:
        """Ask to start the selected routine."""
        routine_id = self.selected_routine()
        if routine_id is not None:
            self.startRequested.emit(routine_id)

    # -- internals -----------------------------------------------------------------

    def _apply_filter(self, *_: object) -> None:
        place, props = self.place(), self.props()
        for row in range(self.routine_list.count()):
            item = self.routine_list.item(row)
            card: RoutineCard = item.data(CARD_ROLE)
            item.setHidden(not card.fits(place, props))
        visible = self.visible_routines()
        self.empty_label.setVisible(not visible)
        current = self.routine_list.currentItem()
        if visible and (current is None or current.isHidden()):
            self.select(visible[0])
        self._update_start()

    def _update_start(self, *_: object) -> None:
        routine_id = self.selected_routine()
        card = next((c for c in self._cards if c.id == routine_id), None)
        self.start_button.setEnabled(card is not None)
        self.start_button.setText(f"Start  {card.name}  ▶" if card else "Start")
        self.start_button.setAccessibleName(f"Start {card.name}" if card else "Start")

    def showEvent(self, event: object) -> None:  # noqa: D102, N802 - Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.routine_list.setFocus()
