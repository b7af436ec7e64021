"""The Background portal: start at login from inside Flatpak (issue 25)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hamstring_gui.platform import autostart, background
from hamstring_gui.platform.dbus import DBusError
from tests.helpers.dbus import FakeBus


def test_the_request_names_autostart_and_the_tray_command() -> None:
    bus = FakeBus({"RequestBackground": ("/org/freedesktop/portal/desktop/request/1_5/t",)})
    handle = background.request_background(bus, autostart=True)
    assert handle == "/org/freedesktop/portal/desktop/request/1_5/t"
    ((interface, method, signature, args),) = bus.calls
    assert (interface, method, signature) == (
        "org.freedesktop.portal.Background",
        "RequestBackground",
        "sa{sv}",
    )
    parent, options = args
    assert parent == ""
    assert options["autostart"] == ("b", True)
    assert options["commandline"] == ("as", ["hamstring-gui", "--tray"])
    assert options["reason"][0] == "s" and options["reason"][1]


def test_switching_off_asks_for_no_autostart() -> None:
    bus = FakeBus({"RequestBackground": ("/r",)})
    background.request_background(bus, autostart=False)
    assert bus.calls[0][3][1]["autostart"] == ("b", False)


def test_the_sandbox_is_known_by_its_info_file(tmp_path: Path) -> None:
    assert not background.in_sandbox(tmp_path)
    (tmp_path / ".flatpak-info").write_text("[Application]\n", encoding="utf-8")
    assert background.in_sandbox(tmp_path)


def test_inside_flatpak_the_setting_goes_to_the_portal(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(background, "in_sandbox", lambda: True)
    monkeypatch.setattr(background, "set_autostart", asked.append)
    autostart.set_enabled(True, ["hamstring-gui"])
    autostart.set_enabled(False)
    assert asked == [True, False]

    def refuse(_on: bool) -> str:
        raise DBusError("org.freedesktop.DBus.Error.ServiceUnknown")

    monkeypatch.setattr(background, "set_autostart", refuse)
    with pytest.raises(autostart.AutostartError, match="ServiceUnknown"):  # said to the user
        autostart.set_enabled(True, ["hamstring-gui"])


def test_outside_a_sandbox_no_portal_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "in_sandbox", lambda: False)
    monkeypatch.setattr(background, "set_autostart", lambda _on: pytest.fail("portal asked"))
    assert autostart.set_enabled(True, ["hamstring-gui"]).is_file()
