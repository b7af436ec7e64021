"""``python -m hamstring_gui`` and the ``hamstring-gui`` script."""

from __future__ import annotations

import sys

from hamstring_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
