"""The language server's collector settings (``gowls.main.tune_collector``)."""

from __future__ import annotations

import json
import subprocess
import sys

from gowls.main import YOUNG_COLLECTION_THRESHOLD

PROBE = """
import gc, json
gc.disable()
held = [[] for _ in range(1000)]  # built during start-up: frozen by tune_collector
from gowls.main import tune_collector
tune_collector()
print(json.dumps([gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()]))
"""


def test_start_up_frozen_and_young_collections_batched() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    enabled, threshold, frozen = json.loads(done.stdout)
    assert enabled and frozen >= 1000
    assert threshold == [YOUNG_COLLECTION_THRESHOLD, 10, 10]
