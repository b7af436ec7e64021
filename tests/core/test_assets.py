"""Resources are found from the package, and data can never reach outside them."""

from __future__ import annotations

import pytest

from hamstring_gui.core import assets
from hamstring_gui.core.assets import ResourceError

UNSAFE = ["", "/etc/passwd", "../pyproject.toml", "catalog/../../x", "a\\b"]


@pytest.mark.parametrize("name", UNSAFE)
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(ResourceError):
        assets.resource(name)
    assert not assets.exists(name)


def test_catalog_and_routines_are_bundled() -> None:
    assert assets.exists("catalog/stretches.toml")
    assert any(name.endswith(".toml") for name in assets.listdir("routines"))
    assert assets.read_bytes("catalog/stretches.toml").startswith(b"#")
