"""Command-line front end: ``gowls`` (server) and ``gowls --check`` (CI checker)."""
