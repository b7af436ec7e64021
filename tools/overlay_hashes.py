"""Print the ``source`` hash each language overlay entry must carry (``make overlay-hashes``).

After the English of a stretch or routine changes, its translated entries go
stale; this lists every entry with its current hash and, per language, whether
the overlay is missing, stale or fine, so a translator knows what to redo.
"""

from __future__ import annotations

import sys

from hamstring_gui.core import i18n, overlay
from hamstring_gui.core.catalog import load_base_catalog
from hamstring_gui.core.routine import base_builtin_routines


def main() -> int:
    """Print ``kind id hash`` lines, then every overlay problem; exit 1 when there is one."""
    english = {
        "stretches": {s.id: s.text_fields() for s in load_base_catalog().values()},
        "routines": {r.id: r.text_fields() for r in base_builtin_routines().values()},
    }
    for kind, entries in english.items():
        for entry_id, fields in entries.items():
            print(f"{kind:<9}  {entry_id:<28}  source = {overlay.source_hash(fields)!r}")
    problems = [
        problem
        for language in i18n.translated_languages()
        for kind, entries in english.items()
        for problem in overlay.check_overlay(kind, language, entries)
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
