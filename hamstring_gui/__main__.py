"""``python -m hamstring_gui`` and the ``hamstring-gui`` script."""

from __future__ import annotations

import gc
import sys

# Start-up builds tens of thousands of objects that live as long as the app
# (modules, classes, Qt wrappers and enums); while they arrive, the cyclic
# collector walks them ~60 times and frees nothing (~10 ms before the first
# frame). So it waits: the GUI turns it back on once its first frame is on
# screen (app.run_gui), every other command at once (cli.main).
gc.disable()

from hamstring_gui.cli import main  # noqa: E402 - after the collector is paused

if __name__ == "__main__":
    sys.exit(main())
