"""The one place that knows where bundled resources live.

Resources ship inside the package as ``hamstring_gui/resources`` (in the
checkout a symlink to the top-level ``resources/`` folder), so
``importlib.resources`` finds them from a wheel and from an editable checkout
alike.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import PurePosixPath

_PACKAGE = "hamstring_gui"
_FOLDER = "resources"


class ResourceError(ValueError):
    """A resource name that is unsafe or names nothing."""


def resource(name: str) -> Traversable:
    """Return the bundled resource ``name`` (a relative, slash-separated path).

    Raises:
        ResourceError: for absolute paths, ``..`` parts or empty names, so data
            files can never reach outside the resources folder.
    """
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise ResourceError(f"unsafe resource name: {name!r}")
    node = resources.files(_PACKAGE).joinpath(_FOLDER)
    for part in path.parts:
        node = node.joinpath(part)
    return node


def read_text(name: str) -> str:
    """Read a bundled text resource as UTF-8."""
    return resource(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    """Read a bundled binary resource."""
    return resource(name).read_bytes()


def exists(name: str) -> bool:
    """Tell whether a bundled resource exists (unsafe names never do)."""
    try:
        return resource(name).is_file()
    except ResourceError:
        return False


def listdir(name: str) -> list[str]:
    """Names of the entries in a bundled resource folder, sorted."""
    return sorted(child.name for child in resource(name).iterdir())
