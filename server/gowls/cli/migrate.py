"""``gowls migrate [PATH] [--dry-run]``: create or update go.work from local replace hacks."""

from __future__ import annotations

import argparse
import difflib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from gowls import languages
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.source import FileSource
from gowls.atomic import UnsafeWrite, write_inside

COMMAND = "gowls.migrate"


def main(argv: Sequence[str]) -> int:
    """Run ``gowls migrate``; returns the exit code (0 done, 2 usage or internal error)."""
    parser = argparse.ArgumentParser(
        prog="gowls migrate",
        description="Create or update go.work at PATH so that it uses every module below PATH, "
        "and explain which local replace directives become redundant and which must stay "
        "for GOWORK=off builds.",
    )
    parser.add_argument("path", nargs="?", default=".", help="the repository root (default: .)")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the plan and the go.work diff; write nothing"
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    args = parser.parse_args(list(argv))
    root = Path(args.path)
    if not root.is_dir():
        sys.stderr.write(f"gowls: error: {root}: not a directory\n")
        return 2
    try:
        spec = languages.LANGUAGES.command(COMMAND)
        assert spec is not None
        snapshot = Snapshot(FileSource(), languages.LANGUAGES, roots=(root,))
        result = spec.run(snapshot, [str(root), str(Path.cwd())])
        sys.stdout.write(result.message)
        for write in result.writes:
            if args.dry_run:
                diff = difflib.unified_diff(
                    write.old_text.splitlines(keepends=True),
                    write.text.splitlines(keepends=True),
                    f"a/{write.path.name}" if write.existed else "/dev/null",
                    f"b/{write.path.name}",
                )
                sys.stdout.write("".join(diff))
            else:
                write_inside(write.path, write.text.encode("utf-8"), (root,))
                sys.stdout.write(f"Wrote {write.path}\n")
        return 0
    except UnsafeWrite as exc:
        sys.stderr.write(f"gowls: error: {exc}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"gowls: error: cannot write: {exc.strerror or exc}\n")
        return 2
    except ValueError as exc:  # the command refuses (no module, no folder): a usage error
        sys.stderr.write(f"gowls: error: {exc}\n")
        return 2
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"gowls: internal error: {type(exc).__name__}: {exc}\n")
        return 2
