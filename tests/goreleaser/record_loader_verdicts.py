"""Record GoReleaser's own loader verdicts on the corpus and on our cases.

Run from the project root after adding a case or when the corpus changes:
``python tests/goreleaser/record_loader_verdicts.py``. It rewrites
``tests/goreleaser/data/loader_verdicts.json``; ``test_goreleaser_loader_verdicts.py``
checks the recorded file against a fresh run.
"""

from __future__ import annotations

import json
import sys

from goreleaser_oracle import LOADER, VERDICTS, case_configs, corpus_configs, load


def main() -> int:
    """Write the verdicts file; 1 when the loader is missing."""
    if not LOADER.is_file():
        print(f"loader not found at {LOADER}", file=sys.stderr)
        return 1
    verdicts = load([*corpus_configs(), *case_configs()])
    VERDICTS.parent.mkdir(parents=True, exist_ok=True)
    VERDICTS.write_text(json.dumps(verdicts, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(verdicts)} verdicts written to {VERDICTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
