"""PyInstaller's entry script: the same ``main`` as the ``hamstring-gui`` command."""

import sys

from hamstring_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
