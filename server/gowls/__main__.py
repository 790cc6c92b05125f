"""Allow ``python -m gowls``."""

from gowls.cli.main import main

raise SystemExit(main())
