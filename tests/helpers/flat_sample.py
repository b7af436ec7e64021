"""Old 2D pose files kept as test samples: the compatibility path stays tested
after the stretch they came from has moved to a 3D (schema 2) file."""

from __future__ import annotations

from pathlib import Path

from hamstring_gui.core.figure.flat_file import Illustration, parse_illustration

SAMPLES = Path(__file__).with_name("flat_samples")


def load_sample(stretch_id: str, *, both_legs: bool = False) -> Illustration:
    """The 2D illustration of the sample file ``stretch_id``.toml."""
    path = SAMPLES / f"{stretch_id}.toml"
    return parse_illustration(path.read_text(encoding="utf-8"), str(path), stretch_id, both_legs)
