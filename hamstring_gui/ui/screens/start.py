"""The start screen: routines as cards, a "where am I / what do I have" filter, one Start.

A view: it lists what it is given (:meth:`StartScreen.set_routines`) and
asks for a start with :attr:`StartScreen.startRequested`; building the plan
and running it is the main window's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hamstring_gui.core.catalog import Catalog, Equipment, Position
from hamstring_gui.core.plan import build_plan
from hamstring_gui.core.routine import Routine
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import EQUIPMENT_WORDS, POSITION_WORDS, format_minutes
from hamstring_gui.ui.style import theme

DESK_POSITIONS = frozenset({Position.CHAIR, Position.STANDING})
FLOOR_POSITIONS = frozenset({Position.LYING, Position.FLOOR_SEATED, Position.HANDS_AND_FEET})
# Props a user may not have to hand; anything else (a chair, a table) is assumed.
PROPS = (Equipment.TOWEL_OR_STRAP, Equipment.WALL, Equipment.PARTNER)

PLACE_ANYWHERE = "anywhere"
PLACE_DESK = "desk"
PLACE_FLOOR = "floor"

# The routine id of a list item.
ID_ROLE = Qt.ItemDataRole.UserRole


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
        spoken = f"{self.name}, {format_minutes(self.seconds)}. {', '.join(self.badges)}."
        return f"{spoken} {self.description}" if self.description else spoken


class CardWidget(QFrame):
    """One routine as a card: name and length, badges, the description.

    Plain labels in layouts, styled by style sheets (see :class:`CardLook`),
    so a card wraps, scales and recolours like any other widget.
    """

    def __init__(self, card: RoutineCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routineCard")
        self.state = ""
        pad = theme.base_pixel_size()
        self.name_label = QLabel(card.name)
        self.name_label.setWordWrap(True)  # a long name at large text wraps, never widens
        theme.set_font(self.name_label, 1.35, bold=True)
        self.length_label = QLabel(format_minutes(card.seconds))
        theme.set_font(self.length_label, 1.35, bold=True)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.length_label)

        badge_row = QHBoxLayout()
        badge_row.setSpacing(pad // 2)
        self.badge_labels: list[QLabel] = []
        for word in card.badges:
            badge = QLabel(word)
            badge.setObjectName("badge")
            theme.set_font(badge, CardLook.BADGE_FONT_SCALE)
            badge_row.addWidget(badge)
            self.badge_labels.append(badge)
        badge_row.addStretch(1)

        self.description_label = QLabel(card.description)
        self.description_label.setObjectName("cardText")
        self.description_label.setWordWrap(True)
        theme.set_font(self.description_label, 1.05)
        self.description_label.setVisible(bool(card.description))  # optional in a routine file

        layout = QVBoxLayout(self)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(pad // 2)
        layout.addLayout(title_row)
        layout.addLayout(badge_row)
        layout.addWidget(self.description_label)

    def set_state(self, state: str, look: CardLook) -> None:
        """``""``, ``"selected"`` or ``"focused"`` (selected in the focused list)."""
        if state != self.state:
            self.state = state
            self.setStyleSheet(look.state_sheets[state])


def _rgba(colour: QColor, alpha: float) -> str:
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


class CardLook:
    """The cards' style sheets, from a palette and the app's font: the list's, and one per state.

    The border grows with the selection while the padding shrinks by as
    much, so a card's text never moves when it is selected.
    """

    BADGE_FONT_SCALE = 0.95
    BADGE_PADDING = 2  # px above and below a badge's word

    def __init__(self, palette: QPalette) -> None:
        pad = theme.base_pixel_size()
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        # Half the badge's height: a radius beyond that and Qt draws square corners.
        badge_font = theme.scaled_font(self.BADGE_FONT_SCALE)
        self.badge_radius = (QFontMetrics(badge_font).height() + 2 * self.BADGE_PADDING) // 2
        self.list_sheet = (
            "QListView::item, QListView::item:selected, QListView::item:hover"
            " { background: transparent; border: none; }\n"
            f"QFrame#routineCard {{ background: {palette.color(QPalette.ColorRole.Base).name()};"
            f" border: 1px solid {palette.color(QPalette.ColorRole.Mid).name()};"
            f" border-radius: {round(pad * 0.8)}px; padding: 2px; }}\n"
            f"QFrame#routineCard QLabel {{ background: transparent; border: none;"
            f" color: {text.name()}; }}\n"
            f"QFrame#routineCard QLabel#badge {{ background: {_rgba(text, 0.08)};"
            f" border-radius: {self.badge_radius}px;"
            f" padding: {self.BADGE_PADDING}px {pad // 2}px; }}\n"
            f"QFrame#routineCard QLabel#cardText {{ color: {_rgba(text, 0.72)}; }}\n"
        )
        selected = (
            f"QFrame#routineCard {{ background: {_rgba(accent, 0.14)};"
            f" border-color: {accent.name()};"
        )
        self.state_sheets = {
            "": "",
            "selected": f"{selected} border-width: 2px; padding: 1px; }}",
            "focused": f"{selected} border-width: 3px; padding: 0px; }}",
        }


class CardList(QListWidget):
    """The routine list: a :class:`CardWidget` per item, as wide as the view.

    Keyboard, selection and screen-reader text stay the list's own; the cards
    only show them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._card_width = 0
        self._look = CardLook(self.palette())
        self.setStyleSheet(self._look.list_sheet)
        self.currentItemChanged.connect(self.show_selection)
        # The vertical scroll bar coming or going changes the room for the cards.
        self.verticalScrollBar().rangeChanged.connect(self.fit_cards)

    def restyle(self, palette: QPalette) -> None:
        """Recolour the cards from ``palette`` (light or dark changed).

        Given by the screen: the list's own palette stops following its
        parent once its style sheet has styled it.
        """
        look = CardLook(palette)
        if look.list_sheet == self._look.list_sheet:
            return
        self._look = look
        self.setStyleSheet(look.list_sheet)
        for row in range(self.count()):
            card = self.card_widget(row)
            card.setStyleSheet(look.state_sheets[card.state])

    def add_card(self, card: RoutineCard) -> QListWidgetItem:
        """Append ``card``; its item carries the routine id and the spoken text."""
        item = QListWidgetItem()
        item.setData(ID_ROLE, card.id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, card.spoken())
        item.setToolTip(card.description)
        self.addItem(item)
        self.setItemWidget(item, CardWidget(card))
        self._fit(item, self._width())
        return item

    def card_widget(self, row: int) -> CardWidget:
        """The card shown for ``row``."""
        widget = self.itemWidget(self.item(row))
        assert isinstance(widget, CardWidget)
        return widget

    def fit_cards(self, *_: object) -> None:
        """Give every card the view's width and the height its wrapped text needs."""
        width = self._width()
        if width == self._card_width:
            return
        self._card_width = width
        for row in range(self.count()):
            self._fit(self.item(row), width)

    def show_selection(self, *_: object) -> None:
        """Mark the current card selected, and focused while the list has the focus."""
        current = self.currentRow()
        for row in range(self.count()):
            state = ""
            if row == current:
                state = "focused" if self.hasFocus() else "selected"
            self.card_widget(row).set_state(state, self._look)

    def _width(self) -> int:
        return max(200, self.viewport().width() - 2 * self.spacing())

    def _fit(self, item: QListWidgetItem, width: int) -> None:
        card = self.itemWidget(item)
        if card is None:  # just added: add_card fits it once its card is set
            return
        card.ensurePolished()  # the style sheet's border and padding count
        # Without a wrapped description the layout has no height-for-width (-1).
        height = card.heightForWidth(width)
        item.setSizeHint(QSize(width, height if height > 0 else card.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: D102, N802 - Qt override
        super().resizeEvent(event)
        self.fit_cards()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102, N802 - Qt override
        super().showEvent(event)
        self._card_width = 0  # fitted while hidden: fit again to the width shown
        self.fit_cards()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: D102, N802 - Qt override
        super().focusInEvent(event)
        self.show_selection()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: D102, N802 - Qt override
        super().focusOutEvent(event)
        self.show_selection()


class StartScreen(QWidget):
    """Pick a routine and start it.

    Signals:
        startRequested(str): the id of the routine to start.
        printRequested(str): the id of the routine to print as a handout.
    """

    startRequested = Signal(str)  # noqa: N815 - Qt signal naming
    printRequested = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        base = theme.base_pixel_size()
        self._cards: list[RoutineCard] = []

        title = QLabel("Time for a stretch")
        title.setObjectName("startTitle")
        theme.set_font(title, 2.0, bold=True)
        subtitle = QLabel("Choose a routine. A mild pull, never pain, never bounce.")
        subtitle.setWordWrap(True)
        theme.set_font(subtitle, 1.1)

        self.place_group = QButtonGroup(self)
        self.place_group.setExclusive(True)
        # Two rows, not one: in one row 200 % text made the screen wider than a laptop's.
        place_row = QHBoxLayout()
        where = QLabel("Where are you?")
        place_row.addWidget(where)
        for key, words in (
            (PLACE_ANYWHERE, "Anywhere"),
            (PLACE_DESK, "At my desk"),
            (PLACE_FLOOR, "On the floor"),
        ):
            # Radio buttons: one place at a time, and screen readers say so.
            button = QRadioButton(words)
            button.setObjectName(f"place-{key}")
            button.setAccessibleDescription("Where are you?")
            button.setProperty("place", key)
            self.place_group.addButton(button)
            place_row.addWidget(button)
            if key == PLACE_ANYWHERE:
                button.setChecked(True)
        place_row.addStretch(1)
        props_row = QHBoxLayout()
        props_row.addWidget(QLabel("I have:"))
        self.prop_boxes: dict[Equipment, QCheckBox] = {}
        for thing in PROPS:
            box = QCheckBox(EQUIPMENT_WORDS[thing])
            box.setChecked(True)
            box.setObjectName(f"prop-{thing}")
            box.setAccessibleDescription("I have:")
            box.toggled.connect(self._apply_filter)
            self.prop_boxes[thing] = box
            props_row.addWidget(box)
        props_row.addStretch(1)
        self.place_group.buttonToggled.connect(self._apply_filter)

        self.routine_list = CardList()
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName("Routines")
        self.routine_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.routine_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.routine_list.setSpacing(6)
        self.routine_list.setFrameShape(QListWidget.Shape.NoFrame)
        self.routine_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.routine_list.setUniformItemSizes(False)
        self.routine_list.currentItemChanged.connect(self._update_start)
        self.routine_list.itemDoubleClicked.connect(lambda _item: self.start_selected())

        self.empty_label = QLabel(
            "No routine fits that. Try another place or tick a prop you have."
        )  # noqa: E501
        self.empty_label.setObjectName("noRoutine")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName("Start the selected routine")
        self.start_button.setToolTip("Start the selected routine (Enter)")
        self.start_button.setDefault(True)
        theme.set_font(self.start_button, 1.35, bold=True)
        self.start_button.setMinimumHeight(round(base * 3.4))
        self.start_button.setMinimumWidth(base * 20)
        self.start_button.clicked.connect(self.start_selected)
        self.print_button = QPushButton("Print / Save as PDF…")
        self.print_button.setObjectName("printHandout")
        self.print_button.setToolTip(
            "A handout of the selected routine: pictures, steps, holds and the safety rules"
        )
        self.print_button.clicked.connect(self.print_selected)
        start_row = QHBoxLayout()
        start_row.addWidget(self.print_button)
        start_row.addStretch(1)
        start_row.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(base * 2, base * 2, base * 2, base * 2)
        layout.setSpacing(base)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(place_row)
        layout.addLayout(props_row)
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
            self.routine_list.add_card(card)
        self._apply_filter()
        if selected:
            self.select(selected)

    def cards(self) -> list[RoutineCard]:
        """All routine cards, shown or filtered out."""
        return list(self._cards)

    def visible_routines(self) -> list[str]:
        """Ids of the routines the filter lets through, in order."""
        return [
            self.routine_list.item(row).data(ID_ROLE)
            for row in range(self.routine_list.count())
            if not self.routine_list.item(row).isHidden()
        ]

    def selected_routine(self) -> str | None:
        """The id of the selected routine, if one is selected and shown."""
        item = self.routine_list.currentItem()
        if item is None or item.isHidden():
            return None
        routine_id: str = item.data(ID_ROLE)
        return routine_id

    def select(self, routine_id: str) -> None:
        """Select a routine by id (if shown)."""
        for row in range(self.routine_list.count()):
            item = self.routine_list.item(row)
            if item.data(ID_ROLE) == routine_id and not item.isHidden():
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

    def print_selected(self) -> None:
        """Ask to print the selected routine's handout."""
        routine_id = self.selected_routine()
        if routine_id is not None:
            self.printRequested.emit(routine_id)

    # -- internals -----------------------------------------------------------------

    def _apply_filter(self, *_: object) -> None:
        place, props = self.place(), self.props()
        for row in range(self.routine_list.count()):
            self.routine_list.item(row).setHidden(not self._cards[row].fits(place, props))
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
        self.print_button.setEnabled(card is not None)
        self.start_button.setText(f"Start {card.name} ▶" if card else "Start")
        self.start_button.setAccessibleName(f"Start {card.name}" if card else "Start")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: D102, N802 - Qt override
        # Enter starts the selected routine wherever the focus is on this screen:
        # the list and the place buttons leave Enter to us, Start takes it itself.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_selected()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802 - Qt override
        super().changeEvent(event)
        # Light or dark, or a new desktop font (badge corners follow its height).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.routine_list.restyle(self.palette())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: D102, N802 - Qt override
        super().showEvent(event)
        self.routine_list.setFocus()
