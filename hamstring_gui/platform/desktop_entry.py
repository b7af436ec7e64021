"""``hamstring-gui desktop-entry install|uninstall``: the app in this user's desktop.

An install from a wheel (pipx, ``pip install --user``) or a checkout has no
menu entry until this runs. It writes, under ``$XDG_DATA_HOME`` (default
``~/.local/share``):

- ``applications/<id>.desktop``: the menu entry, its ``Exec`` lines pointing
  at this program (``hamstring-gui`` when that is on ``PATH``, otherwise the
  absolute path of the running program, see
  :func:`hamstring_gui.platform.autostart.launch_command`);
- ``metainfo/<id>.metainfo.xml``: AppStream data for software centres;
- ``icons/hicolor/{48x48,128x128,256x256,scalable}/apps/<id>.{png,svg}``;
- ``man/man1/hamstring-gui.1``: found by ``man`` when ``~/.local/bin`` is on ``PATH``;
- shell completion: ``bash-completion/completions/hamstring-gui`` and
  ``fish/vendor_completions.d/hamstring-gui.fish`` (both read from there),
  ``zsh/site-functions/_hamstring-gui`` (zsh needs that folder on ``fpath``).

The desktop files are the package's resources (``resources/desktop/`` links
to ``packaging/linux/``); the man page and completion are generated from the
argument parser, as their committed copies are. ``uninstall`` removes all of
it and the login entry. No Qt here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from hamstring_gui import __version__, cli_docs
from hamstring_gui.core import assets
from hamstring_gui.core.i18n import _, ngettext
from hamstring_gui.core.routine import builtin_routines
from hamstring_gui.platform import autostart
from hamstring_gui.platform.autostart import DESKTOP_ID

ICON_SIZES = (48, 128, 256)
PROGRAM = "hamstring-gui"


def data_home() -> Path:
    """``$XDG_DATA_HOME`` (an unset or relative value means ``~/.local/share``)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def exec_line(command: list[str]) -> str:
    """``command`` as the start of an ``Exec`` value (quoted, ``%`` doubled, as the spec asks)."""
    return " ".join(autostart._quoted(part).replace("%", "%%") for part in command)


def menu_entry(command: list[str]) -> str:
    """The packaged menu entry with every ``Exec=hamstring-gui`` running ``command``."""
    text = assets.read_text(f"desktop/{DESKTOP_ID}.desktop")
    start = exec_line(command).replace("\\", "\\\\")  # a string value escapes backslashes again
    return "".join(
        f"Exec={start}{line[len('Exec=' + PROGRAM) :]}"
        if line.startswith(f"Exec={PROGRAM}")
        else line
        for line in text.splitlines(keepends=True)
    )


class DesktopEntryError(Exception):
    """The files cannot be written or removed; the message says why, in one line."""


def contents(command: list[str], parser: argparse.ArgumentParser) -> dict[str, bytes]:
    """Every file to install, by path under the data folder (``parser``: the CLI's)."""
    files = {
        f"applications/{DESKTOP_ID}.desktop": menu_entry(command).encode(),
        f"metainfo/{DESKTOP_ID}.metainfo.xml": assets.read_bytes(
            f"desktop/{DESKTOP_ID}.metainfo.xml"
        ),
        f"icons/hicolor/scalable/apps/{DESKTOP_ID}.svg": assets.read_bytes(
            "icons/hamstring-coach.svg"
        ),
        f"man/man1/{PROGRAM}.1": cli_docs.man_page(
            parser, list(builtin_routines()), __version__
        ).encode(),
        f"bash-completion/completions/{PROGRAM}": cli_docs.bash_completion(parser).encode(),
        f"zsh/site-functions/_{PROGRAM}": cli_docs.zsh_completion(parser).encode(),
        f"fish/vendor_completions.d/{PROGRAM}.fish": cli_docs.fish_completion(parser).encode(),
    }
    for size in ICON_SIZES:
        files[f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png"] = assets.read_bytes(
            f"icons/hamstring-coach-{size}.png"
        )
    return files


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.chmod(0o644)  # menus, man and shells of this user read them; nothing secret
    os.replace(temporary, path)


def _refresh(data: Path) -> None:
    """Menus and icon themes notice changes by the folders' times; a user icon cache is optional."""
    for folder in (data / "applications", data / "icons" / "hicolor"):
        if folder.is_dir():
            os.utime(folder)
    cache = data / "icons" / "hicolor" / "icon-theme.cache"
    tool = shutil.which("gtk-update-icon-cache")
    if cache.exists() and tool:
        subprocess.run([tool, "-q", "-t", "-f", str(cache.parent)], check=False)


def install(
    data: Path,
    parser: argparse.ArgumentParser,
    command_for: Callable[[], list[str]] = autostart.launch_command,
) -> list[Path]:
    """Write every file under ``data``; returns their paths."""
    written = []
    for relative, content in contents(command_for(), parser).items():
        path = data / relative
        _write(path, content)
        written.append(path)
    _refresh(data)
    return written


def uninstall(data: Path, parser: argparse.ArgumentParser) -> list[Path]:
    """Remove what :func:`install` writes, and the login entry; returns what was there."""
    removed = []
    installed = [data / relative for relative in contents([PROGRAM], parser)]
    for path in [*installed, autostart.entry_path()]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh(data)
    return removed


def run_desktop_entry(action: str, parser: argparse.ArgumentParser, out: TextIO) -> int:
    """The ``desktop-entry`` command; returns the exit code.

    Raises:
        DesktopEntryError: inside Flatpak, or the data folder cannot be written.
    """
    if Path("/.flatpak-info").exists():
        raise DesktopEntryError(
            _("inside Flatpak the menu entry comes with the app; nothing to do")
        )
    data = data_home()
    try:
        if action == "install":
            paths = install(data, parser)
            done = _("Installed the menu entry, icons, man page and completion into {folder}")
            out.write(done.format(folder=data) + "\n")
            entry = paths[0].read_text(encoding="utf-8")
            start = next(line for line in entry.splitlines() if line.startswith("Exec="))
            runs = _("The menu entry runs: {command}")
            out.write(runs.format(command=start[len("Exec=") :]) + "\n")
            zsh = _("zsh: add {folder} to fpath for completion (bash and fish find theirs).")
            out.write(zsh.format(folder=data / "zsh/site-functions") + "\n")
        else:
            removed = uninstall(data, parser)
            gone = ngettext(
                "Removed {count} file from {folder} (settings and history stay)",
                "Removed {count} files from {folder} (settings and history stay)",
                len(removed),
            )
            out.write(gone.format(count=len(removed), folder=data) + "\n")
    except OSError as error:
        if action == "install":
            why = _("cannot write in {folder}: {problem}")
        else:
            why = _("cannot remove from {folder}: {problem}")
        raise DesktopEntryError(why.format(folder=data, problem=error.strerror or error)) from None
    return 0
