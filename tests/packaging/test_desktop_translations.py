"""The desktop entries and the AppStream metainfo carry every shipped language."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.helpers import tools

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translate_desktop_files", ROOT / "tools" / "translate_desktop_files.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_menu_entries_and_metainfo_speak_german_and_spanish() -> None:
    tool = _tool()
    menu = tool.DESKTOP_FILES[0].read_text(encoding="utf-8")
    assert "GenericName[de]=Dehn-Coach" in menu
    assert "Comment[es]=Estiramientos guiados" in menu
    assert "Name[de]=Programm „Schreibtischpause“ starten" in menu
    autostart = tool.DESKTOP_FILES[1].read_text(encoding="utf-8")
    assert "Comment[de]=Erinnert dich an eine Dehnpause" in autostart
    metainfo = tool.METAINFO.read_text(encoding="utf-8")
    for language in ("de", "es"):
        assert f'<summary xml:lang="{language}">' in metainfo
        assert metainfo.count(f'xml:lang="{language}"') >= 10


def test_they_are_current_with_the_catalogues() -> None:
    """Fails when a .po changed but `make po` did not write it into the files."""
    tools.require("msgfmt")
    tool = _tool()
    for path, text in tool.expected().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run make po"


def test_the_english_template_is_what_the_files_hold_without_translations() -> None:
    tool = _tool()
    menu = tool.DESKTOP_FILES[0].read_text(encoding="utf-8")
    english = tool.english_desktop(menu)
    assert "[de]" not in english and "Name=Hamstring Coach" in english
    assert 'xml:lang="' not in tool.english_metainfo(tool.METAINFO.read_text(encoding="utf-8"))
