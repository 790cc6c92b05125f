"""Shared fixtures: the e2e harness is importable from here, and fuzz budgets come from the
environment (``GOWLS_FUZZ_MINUTES`` turns the bounded CI runs into long runs)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
