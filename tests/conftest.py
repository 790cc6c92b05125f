"""Settings for the whole test run.

The module cache is part of what gowls reads (GM201-GM203, completion): every test, and every
server or CLI process a test starts, sees an empty one unless the test builds its own, so the
results never depend on what this machine has downloaded.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_EMPTY_CACHE = Path(tempfile.mkdtemp(prefix="gowls-empty-modcache-"))
(_EMPTY_CACHE / "cache" / "download").mkdir(parents=True)
os.environ["GOMODCACHE"] = str(_EMPTY_CACHE)
