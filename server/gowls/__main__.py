"""Allow ``python -m gowls``."""

from gowls.main import run

run()
