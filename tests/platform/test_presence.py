"""Screen lock and "do not disturb" queries, against a fake bus and a fake gsettings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hamstring_gui.platform.presence import DoNotDisturb, ScreenLock, plain
from tests.helpers.dbus import FakeBus


def properties(values: dict[tuple[str, str], Any]) -> FakeBus:
    """A bus whose ``Properties.Get`` and portal ``ReadOne`` answer from ``values``."""

    bus = FakeBus()
    for method in ("Get", "ReadOne"):
        bus.replies[method] = lambda args: (values[tuple(args)],) if tuple(args) in values else ()
    return bus


INHIBITED = ("org.freedesktop.Notifications", "Inhibited")
DUNST_PAUSED = ("org.dunstproject.cmd0", "paused")
BANNERS = ("org.gnome.desktop.notifications", "show-banners")


def no_gsettings(_argv: Sequence[str]) -> str | None:
    return None


def test_the_screensaver_says_locked_and_is_never_started() -> None:
    bus = FakeBus({"GetActive": (True,)})
    assert ScreenLock(bus).locked()
    assert set(bus.auto_start) == {False}
    bus.replies["GetActive"] = (("b", False),)
    assert ScreenLock(bus).locked() is False


def test_no_screensaver_means_not_locked() -> None:
    bus = FakeBus()
    assert ScreenLock(bus).locked() is False
    assert bus.methods() == ["GetActive"] * 3, "GNOME's, then both freedesktop paths"


def test_kde_do_not_disturb_is_the_inhibited_property() -> None:
    assert DoNotDisturb(properties({INHIBITED: ("b", True)}), "KDE", no_gsettings).active()
    assert not DoNotDisturb(properties({INHIBITED: ("b", False)}), "KDE", no_gsettings).active()


def test_dunst_paused_is_do_not_disturb() -> None:
    assert DoNotDisturb(properties({DUNST_PAUSED: ("b", True)}), "i3", no_gsettings).active()
    assert not DoNotDisturb(properties({DUNST_PAUSED: ("b", False)}), "i3", no_gsettings).active()


def test_gnome_do_not_disturb_is_show_banners_off_through_the_portal() -> None:
    off = properties({BANNERS: ("v", ("b", False))})
    assert DoNotDisturb(off, "ubuntu:GNOME", no_gsettings).active()
    on = properties({BANNERS: ("v", ("b", True))})
    assert not DoNotDisturb(on, "ubuntu:GNOME", no_gsettings).active()


def test_gnome_without_a_portal_asks_gsettings() -> None:
    asked: list[list[str]] = []

    def gsettings(argv: Sequence[str]) -> str | None:
        asked.append(list(argv))
        return "false\n"

    assert DoNotDisturb(FakeBus(), "GNOME", gsettings).active()
    assert asked == [["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"]]


def test_gnome_setting_is_not_read_on_other_desktops() -> None:
    def gsettings(_argv: Sequence[str]) -> str | None:
        raise AssertionError("not on this desktop")

    bus = properties({BANNERS: ("b", False)})
    assert not DoNotDisturb(bus, "XFCE", gsettings).active()


def test_nothing_answers_means_not_disturbing() -> None:
    assert not DoNotDisturb(FakeBus(), "GNOME", no_gsettings).active()


def test_plain_unwraps_nested_variants_only() -> None:
    assert plain(("v", ("b", True))) is True
    assert plain(True) is True
    assert plain(("hello", "world")) == ("hello", "world")
