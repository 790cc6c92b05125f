"""The language server's interpreter settings (``gowls.main.tune_runtime``)."""

from __future__ import annotations

import json
import subprocess
import sys

from gowls.main import SWITCH_INTERVAL, YOUNG_COLLECTION_THRESHOLD

PROBE = """
import gc, json, sys
gc.disable()
held = [[] for _ in range(1000)]  # built during start-up: frozen by tune_runtime
from gowls.main import tune_runtime
tune_runtime()
print(json.dumps([gc.isenabled(), gc.get_threshold(), gc.get_freeze_count(),
                  sys.getswitchinterval()]))
"""


def test_start_up_frozen_young_collections_batched_and_threads_switched_often() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    enabled, threshold, frozen, switch = json.loads(done.stdout)
    assert enabled and frozen >= 1000
    assert threshold == [YOUNG_COLLECTION_THRESHOLD, 10, 10]
    assert switch == SWITCH_INTERVAL < 0.005  # Python's default
