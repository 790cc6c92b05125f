"""Record ``helm lint`` verdicts (Helm 4 and 3) for the test charts and the corpus charts.

Run by hand when charts change: ``python tests/helm/record_verdicts.py``. Writes
tests/helm/data/helm_lint_verdicts.json; test_helm_schema.py compares gowls with it, and (when
Helm can be installed) re-runs Helm to check the recording is still what Helm says.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import helm_oracle  # noqa: E402
from chart_sets import chart_dirs, extra_values_files  # noqa: E402

OUT = HERE / "data" / "helm_lint_verdicts.json"


def verdict(major: int, chart: Path, values: Path | None) -> dict[str, object]:
    """One lint run as JSON data."""
    result = helm_oracle.lint(major, chart, values)
    return {
        "rc": result.returncode,
        "findings": sorted([f.section, f.pointer, f.message] for f in result.findings),
        "schema_errors": list(result.schema_errors),
    }


def main() -> None:
    """Lint every chart with both Helms and write the verdicts file."""
    data: dict[str, object] = {
        "helm": {str(m): helm_oracle.helm_version(m) for m in (4, 3)},
        "charts": {},
    }
    charts: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, source in chart_dirs():
            # Helm may write (e.g. charts/ for dependencies); never into the corpus.
            chart = Path(tmp) / key.replace(":", "_")
            shutil.copytree(source, chart, symlinks=True)
            runs: dict[str, object] = {}
            for rel in ["values.yaml", *extra_values_files(chart)]:
                values = None if rel == "values.yaml" else chart / rel
                runs[rel] = {str(m): verdict(m, chart, values) for m in (4, 3)}
            charts[key] = runs
    data["charts"] = charts
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT} ({len(charts)} charts)")


if __name__ == "__main__":
    main()
