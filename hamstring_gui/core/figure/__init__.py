"""The drawn figure (pure Python, no Qt).

The 2D stick figure of the first pose files lives in :mod:`.flat` and is
re-exported here while stretches move to the 3D figure (:mod:`.pose`,
:mod:`.scene`).
"""

from hamstring_gui.core.figure.flat import *  # noqa: F403
from hamstring_gui.core.figure.flat_file import *  # noqa: F403
from hamstring_gui.core.figure.flat_scene import *  # noqa: F403
from hamstring_gui.core.figure.roles import Role  # noqa: F401
