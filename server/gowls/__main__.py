"""Allow ``python -m gowls``."""

from gowls.main import main

raise SystemExit(main())
