"""Write the German, Spanish… words into the desktop entries and the AppStream metainfo.

``make po`` runs this after merging the catalogues: the English files stay the
source (the template ``xgettext`` reads), and ``msgfmt --desktop`` / ``--xml``
put each language's ``Name[de]=`` lines and ``xml:lang="de"`` elements back in
from ``resources/locale/<lang>.po`` (the languages in ``LINGUAS``). Running it
twice changes nothing; the tests check the shipped files are current.

Usage: ``python tools/translate_desktop_files.py [--check | --templates DIR]``
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.hamstringcoach.HamstringCoach"
DESKTOP_FILES = (LINUX / f"{APP_ID}.desktop", LINUX / "autostart" / f"{APP_ID}.desktop")
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def english_desktop(text: str) -> str:
    """The entry without its translated keys (``Name[de]=…``): msgfmt's template."""
    return "".join(
        line for line in text.splitlines(keepends=True) if not re.match(r"^[\w-]+\[[^]]+\]=", line)
    )


def english_metainfo(text: str) -> str:
    """The metainfo without its ``xml:lang`` elements (one per line, as msgfmt writes them)."""
    return "".join(line for line in text.splitlines(keepends=True) if 'xml:lang="' not in line)


def translated(path: Path, template: str, kind: str) -> str:
    """``template`` with every language's words, as ``msgfmt --desktop`` or ``--xml`` writes it."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / path.name
        source.write_text(template, encoding="utf-8")
        target = Path(folder) / f"out-{path.name}"
        subprocess.run(
            ["msgfmt", f"--{kind}", f"--template={source}", "-d", str(LOCALE), "-o", str(target)],
            check=True,
        )
        return target.read_text(encoding="utf-8")


def expected() -> dict[Path, str]:
    """Each shipped file as it should be now."""
    files = {
        path: translated(path, english_desktop(path.read_text(encoding="utf-8")), "desktop")
        for path in DESKTOP_FILES
    }
    files[METAINFO] = translated(
        METAINFO, english_metainfo(METAINFO.read_text(encoding="utf-8")), "xml"
    )
    return files


def write_templates(folder: Path) -> None:
    """The English of each file into ``folder``, for ``xgettext`` (``make pot-only``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in DESKTOP_FILES:
        prefix = "autostart-" if path.parent.name == "autostart" else ""
        text = english_desktop(path.read_text(encoding="utf-8"))
        (folder / f"{prefix}{path.name}").write_text(text, encoding="utf-8")
    text = english_metainfo(METAINFO.read_text(encoding="utf-8"))
    (folder / METAINFO.name).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    """Write the files (``--check``: exit 1 naming stale ones; ``--templates DIR``: English)."""
    if argv[:1] == ["--templates"]:
        write_templates(Path(argv[1]))
        return 0
    stale = []
    for path, text in expected().items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if "--check" not in argv:
                path.write_text(text, encoding="utf-8")
    if "--check" in argv and stale:
        print("not current (run make po):", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
