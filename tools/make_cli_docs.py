"""Write the man page and the shell completion scripts from the argument parser.

    .venv/bin/python tools/make_cli_docs.py

Writes ``packaging/linux/hamstring-gui.1`` and ``packaging/linux/completions/``
(bash, zsh, fish). Run it after changing a command or option:
``tests/packaging/test_cli_docs.py`` fails while the committed files differ
from what :mod:`hamstring_gui.cli_docs` makes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hamstring_gui import __version__, cli_docs  # noqa: E402
from hamstring_gui.cli import build_parser  # noqa: E402
from hamstring_gui.core import i18n  # noqa: E402
from hamstring_gui.core.routine import builtin_routines  # noqa: E402

LINUX = ROOT / "packaging" / "linux"


def documents() -> dict[Path, str]:
    """Every generated file and its text, in English whatever the desktop's language."""
    i18n.use("en")
    parser = build_parser()
    return {
        LINUX / "hamstring-gui.1": cli_docs.man_page(parser, list(builtin_routines()), __version__),
        LINUX / "completions" / "hamstring-gui.bash": cli_docs.bash_completion(parser),
        LINUX / "completions" / "_hamstring-gui": cli_docs.zsh_completion(parser),
        LINUX / "completions" / "hamstring-gui.fish": cli_docs.fish_completion(parser),
    }


def main() -> int:
    """Write the files; print what changed."""
    for path, text in documents().items():
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
