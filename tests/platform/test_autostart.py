from __future__ import annotations

from pathlib import Path

from hamstring_gui.platform import autostart

ROOT = Path(__file__).resolve().parents[2]


def test_entry_goes_under_xdg_config_home_and_is_removed(private_dirs: Path) -> None:
    path = autostart.set_enabled(True)
    assert path == private_dirs / ".config" / "autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert autostart.is_enabled()
    text = path.read_text()
    assert "Exec=hamstring-gui --tray" in text
    assert not list(path.parent.glob(".*.tmp"))
    autostart.set_enabled(False)
    assert not path.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # removing twice is fine


def test_unset_config_home_means_dot_config(private_dirs: Path, monkeypatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert autostart.entry_path().parent == private_dirs / ".config" / "autostart"


def test_entry_matches_the_packaging_template() -> None:
    template = ROOT / "packaging/linux/autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert template.read_text() == autostart.ENTRY
