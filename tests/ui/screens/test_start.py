"""The start screen's routine cards: what they show, how they follow the list, Enter."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QFontInfo, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from hamstring_gui.core.catalog import Equipment, load_catalog
from hamstring_gui.core.settings import SessionSettings
from hamstring_gui.core.words import format_minutes
from hamstring_gui.library import all_routines
from hamstring_gui.ui.compat import keep_singletons_alive
from hamstring_gui.ui.screens.start import CardLook, CardWidget, StartScreen
from hamstring_gui.ui.style.theme import fallback_palette

keep_singletons_alive()

# The offscreen platform cannot pass size hints to a window manager; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def screen(qtbot) -> StartScreen:
    page = StartScreen()
    page.set_routines(all_routines(), load_catalog(), SessionSettings())
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def started(screen: StartScreen, action: Callable[[], object]) -> list[str]:
    seen: list[str] = []
    screen.startRequested.connect(seen.append)
    action()
    return seen


def test_each_routine_is_a_card_with_its_name_length_badges_and_text(screen: StartScreen) -> None:
    cards = screen.cards()
    assert screen.routine_list.count() == len(cards) == len(all_routines())
    for row, card in enumerate(cards):
        widget = screen.routine_list.card_widget(row)
        assert isinstance(widget, CardWidget)
        assert widget.name_label.text() == card.name
        assert widget.length_label.text() == format_minutes(card.seconds)
        assert [label.text() for label in widget.badge_labels] == card.badges
        assert widget.description_label.text() == card.description
        item = screen.routine_list.item(row)
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == card.spoken()


def test_cards_fill_the_width_and_fit_their_wrapped_text(qtbot, screen: StartScreen) -> None:
    routines = all_routines()
    long_text = "Breathe out slowly and keep the pull mild, never painful. " * 6
    routines["desk-break"] = dataclasses.replace(routines["desk-break"], description=long_text)
    screen.set_routines(routines, load_catalog(), SessionSettings())
    listing = screen.routine_list
    row = list(routines).index("desk-break")
    heights = []
    for width in (1400, 800):
        screen.resize(width, 700)
        qtbot.waitUntil(
            lambda: (
                abs(listing.card_widget(0).width() - listing.viewport().width())
                <= 2 * listing.spacing()
            )
        )  # noqa: E501
        card = listing.card_widget(row)
        qtbot.waitUntil(lambda c=card: c.height() == c.heightForWidth(c.width()))  # nothing cut off
        heights.append(card.height())
    assert heights[1] > heights[0]  # narrower: the text wrapped onto more lines


def test_new_routines_replace_the_cards_of_a_shown_list(qtbot, screen: StartScreen) -> None:
    routines = all_routines()
    screen.resize(900, 380)  # short: the scroll bar comes and goes while cards are added
    for _ in range(3):  # e.g. a custom routine saved, the settings changed
        screen.set_routines(routines, load_catalog(), SessionSettings())
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    cards = screen.findChildren(CardWidget)
    assert len(cards) == screen.routine_list.count() == len(routines)
    assert [card.name_label.text() for card in cards] == [r.name for r in routines.values()]


def test_the_current_card_shows_selection_and_focus(qtbot, screen: StartScreen) -> None:
    listing = screen.routine_list
    qtbot.waitUntil(listing.hasFocus)
    assert [listing.card_widget(r).state for r in range(listing.count())][:2] == ["focused", ""]
    screen.start_button.setFocus()
    assert listing.card_widget(0).state == "selected"
    screen.select(screen.cards()[1].id)
    assert [listing.card_widget(r).state for r in range(2)] == ["", "selected"]


def test_selecting_a_card_does_not_move_its_text(qtbot, screen: StartScreen) -> None:
    listing = screen.routine_list
    card = listing.card_widget(1)

    def text_at() -> QPoint:
        QApplication.sendPostedEvents()  # the style sheet's new border lays the card out again
        return card.name_label.mapTo(card, QPoint(0, 0))

    before = text_at()
    qtbot.waitUntil(listing.hasFocus)
    screen.select(screen.cards()[1].id)
    assert card.state == "focused"
    assert text_at() == before
    screen.start_button.setFocus()
    assert card.state == "selected"
    assert text_at() == before


def test_a_click_selects_a_card_and_a_double_click_starts_it(qtbot, screen: StartScreen) -> None:
    listing = screen.routine_list
    target = listing.card_widget(1).description_label
    QTest.mouseClick(target, Qt.MouseButton.LeftButton)
    assert screen.selected_routine() == screen.cards()[1].id
    seen = started(screen, lambda: QTest.mouseDClick(target, Qt.MouseButton.LeftButton))
    assert seen[-1:] == [screen.cards()[1].id]


@pytest.mark.parametrize("where", ["list", "place button", "prop box", "start button"])
def test_enter_starts_the_selected_routine_wherever_the_focus_is(
    qtbot, screen: StartScreen, where: str
) -> None:
    focus: QWidget = {
        "list": screen.routine_list,
        "place button": screen.place_group.buttons()[1],
        "prop box": next(iter(screen.prop_boxes.values())),
        "start button": screen.start_button,
    }[where]
    screen.select("desk-break")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        seen = started(screen, lambda k=key: QTest.keyClick(focus, k))
        assert seen == ["desk-break"]  # once, not once per handler


def test_filtered_out_cards_are_hidden(qtbot, screen: StartScreen) -> None:
    screen.set_place("desk")
    visible = screen.visible_routines()
    for row, card in enumerate(screen.cards()):
        qtbot.waitUntil(
            lambda r=row, c=card: (
                screen.routine_list.card_widget(r).isVisible() == (c.id in visible)
            )
        )  # noqa: E501


def test_a_dark_palette_recolours_the_cards(qtbot, screen: StartScreen) -> None:
    light_sheet = screen.routine_list.styleSheet()
    dark = fallback_palette(dark=True)
    QApplication.setPalette(dark)  # as Preferences' dark theme does
    try:
        dark_sheet = CardLook(dark).list_sheet
        qtbot.waitUntil(lambda: screen.routine_list.styleSheet() == dark_sheet)
        current = screen.routine_list.card_widget(screen.routine_list.currentRow())
        assert dark.color(QPalette.ColorRole.Highlight).name() in current.styleSheet()
    finally:
        QApplication.setPalette(QPalette())
    qtbot.waitUntil(lambda: screen.routine_list.styleSheet() == light_sheet)


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_badges_stay_round_at_every_text_size(qtbot, scale: float) -> None:
    original = QFont(QApplication.font())
    bigger = QFont(original)
    bigger.setPixelSize(round(QFontInfo(original).pixelSize() * scale))
    QApplication.setFont(bigger)  # a larger text scale in Preferences
    try:
        page = StartScreen()
        qtbot.addWidget(page)
        page.set_routines(all_routines(), load_catalog(), SessionSettings())
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        look = CardLook(page.palette())
        radius = look.badge_radius
        assert f"border-radius: {radius}px" in page.routine_list.styleSheet()
        badges = page.routine_list.card_widget(0).badge_labels
        # Qt draws square corners once the radius passes half the height.
        assert all(2 * radius <= badge.height() for badge in badges)
    finally:
        QApplication.setFont(original)


def test_a_new_app_font_restyles_the_cards(qtbot, screen: StartScreen) -> None:
    original = QFont(QApplication.font())
    smaller = QFont(original)
    smaller.setPixelSize(max(6, QFontInfo(original).pixelSize() // 2))
    QApplication.setFont(smaller)  # the desktop's font changed while the app runs
    try:
        qtbot.waitUntil(
            lambda: screen.routine_list.styleSheet() == CardLook(screen.palette()).list_sheet
        )  # noqa: E501
    finally:
        QApplication.setFont(original)


def test_a_routine_without_a_description_is_a_whole_card(qtbot, screen: StartScreen) -> None:
    routines = all_routines()
    routines["desk-break"] = dataclasses.replace(routines["desk-break"], description="")
    screen.set_routines(routines, load_catalog(), SessionSettings())
    listing = screen.routine_list
    row = list(routines).index("desk-break")
    card = listing.card_widget(row)
    assert not card.description_label.isVisibleTo(card)
    height = listing.item(row).sizeHint().height()
    assert height >= card.name_label.sizeHint().height() + card.badge_labels[0].sizeHint().height()
    spoken = listing.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith("Chair, Standing.")


def test_cards_made_while_the_page_is_hidden_fit_when_it_comes_back(qtbot) -> None:
    # As after "Choose another": the routines were set again during a session.
    page = StartScreen()
    qtbot.addWidget(page)
    page.set_routines(all_routines(), load_catalog(), SessionSettings())
    page.resize(900, 420)  # short: the list needs its vertical scroll bar
    page.show()
    qtbot.waitExposed(page)
    page.hide()
    page.set_routines(all_routines(), load_catalog(), SessionSettings())
    page.show()
    listing = page.routine_list
    qtbot.waitUntil(lambda: listing.verticalScrollBar().isVisible())
    room = listing.viewport().width()
    qtbot.waitUntil(
        lambda: all(listing.card_widget(r).width() <= room for r in range(listing.count()))
    )
    assert not listing.horizontalScrollBar().isVisible()


def test_without_a_towel_no_towel_routine_is_listed(screen: StartScreen) -> None:
    screen.prop_boxes[Equipment.TOWEL_OR_STRAP].setChecked(False)
    visible = screen.visible_routines()
    assert "pnf-towel" not in visible
    for card in screen.cards():
        if card.id in visible:
            assert Equipment.TOWEL_OR_STRAP not in card.equipment
            assert "with a towel" not in card.description.lower()


def test_the_start_button_says_the_routine_with_single_spaces(screen: StartScreen) -> None:
    screen.select("desk-break")
    assert screen.start_button.text() == "Start Desk break ▶"
    assert "  " not in screen.start_button.text()
