"""External programs the tests use, and the Debian package of each.

``make test`` installs every package below (``DEB_PACKAGES`` in the Makefile,
held equal by ``tests/test_makefile.py``). Without one, a test is skipped on
a developer's machine, but fails with ``CI=true``: CI must run what a new
user runs, never skip it quietly.
"""

from __future__ import annotations

import os
import shutil

import pytest

PACKAGE_OF = {
    "Xvfb": "xvfb",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "import": "imagemagick",
    "dbus-run-session": "dbus-daemon",
    "dbus-daemon": "dbus-daemon",
    "busctl": "systemd",
    "dunst": "dunst",
    "dunstctl": "dunst",
    "trayer": "trayer",
    "pulseaudio": "pulseaudio",
    "parec": "pulseaudio-utils",
    "speech-dispatcher": "speech-dispatcher",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    # The accessibility bus a screen reader reads, and keys typed into the real
    # window (tests/e2e/test_xvfb_atspi.py).
    "xdotool": "xdotool",
    "/usr/libexec/at-spi-bus-launcher": "at-spi2-core",
    "/usr/libexec/at-spi2-registryd": "at-spi2-core",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfimages": "poppler-utils",
    "man": "man-db",
    "groff": "groff-base",
    "zsh": "zsh",
    "fish": "fish",
    "xgettext": "gettext",
    "msgfmt": "gettext",
}


def missing(*tools: str) -> list[str]:
    """The ``tools`` not on PATH."""
    return [tool for tool in tools if shutil.which(tool) is None]


def in_ci() -> bool:
    """Whether this run is CI (``CI=true``, as GitHub Actions and GitLab set it)."""
    return os.environ.get("CI", "").lower() == "true"


def require(*tools: str) -> None:
    """Skip the calling test when a tool is missing, or fail it under ``CI=true``."""
    absent = missing(*tools)
    if not absent:
        return
    packages = sorted({PACKAGE_OF[tool] for tool in absent})
    message = (
        f"needs {', '.join(absent)}: Debian package {', '.join(packages)} (`make deps` installs it)"
    )
    if in_ci():
        pytest.fail(f"{message}; CI=true does not skip", pytrace=False)
    pytest.skip(message)
