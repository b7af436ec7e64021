"""core/ is plain Python: importing it (and the plain CLI) never loads Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import hamstring_gui.core


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return set(out.stdout.split())


def test_core_imports_no_qt_and_no_platformdirs() -> None:
    modules = [m.name for m in pkgutil.iter_modules(hamstring_gui.core.__path__)]
    assert "session" in modules
    code = "\n".join(f"import hamstring_gui.core.{name}" for name in modules)
    loaded = _loaded_after(code)
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "platformdirs"))}


def test_plain_cli_commands_import_no_qt() -> None:
    code = (
        "import io, contextlib\n"
        "from hamstring_gui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['plan', 'full-session', '--json']) == 0\n"
        "    assert main(['routines']) == 0\n"
        "    assert main(['stretches', '--json']) == 0\n"
    )
    loaded = _loaded_after(code)
    assert "hamstring_gui.cli" in loaded
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}
