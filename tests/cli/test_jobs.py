"""``gowls --check --jobs N``: forked workers give the report a single process gives."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from gowls import languages
from gowls.analysis.config import ConfigError
from gowls.analysis.engine import FileResult
from gowls.analysis.snapshot import Snapshot
from gowls.analysis.workspace import Workspace
from gowls.cli.check import CheckOptions, check_files, collect_files, make_policy
from gowls.cli.jobs import FORKS, MIN_FILES_PER_JOB, effective_jobs, split_runs
from workspace_files import run_gowls as gowls
from workspace_files import write_tree as write

forks = pytest.mark.skipif(not FORKS, reason="no forked workers on this system")
REPOS = 6
MODULES = 40  # per repository: 6 x (40 go.mod + a go.work) files, enough for two workers


def monorepos(root: Path) -> Path:
    """Repositories of a go.work and its modules; some go.mod files carry findings (one
    with a safe fix), and a go.work uses a directory that does not exist."""
    files: dict[str, str] = {}
    for r in range(REPOS):
        uses = [f"./m{m:02}" for m in range(MODULES)] + (["./gone"] if r % 2 else [])
        files[f"repo{r}/go.work"] = "go 1.22\n\nuse (\n" + "".join(f"\t{u}\n" for u in uses) + ")\n"
        for m in range(MODULES):
            text = f"module example.com/r{r}/m{m}\n\ngo 1.22\n"
            if m % 7 == 3:
                text += "require example.com/x 1.2.3\n"  # not a semantic version
            if m % 11 == 5:
                text += "require example.com/y v1.0.0\nrequire example.com/y v1.0.0\n"
            files[f"repo{r}/m{m:02}/go.mod"] = text
    return write(root, files)


def workspace_files(root: Path) -> tuple[Workspace, list[Path]]:
    options = CheckOptions(paths=[root])
    policy = make_policy(options, root)
    workspace = Workspace([root], policy, languages=languages.LANGUAGES)
    return workspace, collect_files(workspace, [root], policy)


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_report_and_exit_code_equal_one_process(tmp_path: Path, output_format: str) -> None:
    root = monorepos(tmp_path)
    runs = [
        gowls(["--check", ".", "--output-format", output_format, "--jobs", jobs], root)
        for jobs in ("1", "2")
    ]
    assert runs[0].returncode == 1, runs[0].stderr
    assert runs[0].stdout.count("GM") >= REPOS * MODULES // 7
    assert (runs[1].returncode, runs[1].stdout, runs[1].stderr) == (
        runs[0].returncode,
        runs[0].stdout,
        runs[0].stderr,
    )


def test_fix_then_report_equal_one_process(tmp_path: Path) -> None:
    one = monorepos(tmp_path / "one")
    two = tmp_path / "two"
    shutil.copytree(one, two)
    runs = [
        gowls(["--check", ".", "--fix", "--jobs", jobs], root)
        for jobs, root in (("1", one), ("2", two))
    ]
    assert "Fixed" in runs[0].stderr
    assert (runs[1].returncode, runs[1].stdout, runs[1].stderr) == (
        runs[0].returncode,
        runs[0].stdout,
        runs[0].stderr,
    )
    for path in one.rglob("go.mod"):
        assert (two / path.relative_to(one)).read_bytes() == path.read_bytes()


@forks
def test_workers_check_and_place_the_findings(tmp_path: Path) -> None:
    workspace, files = workspace_files(monorepos(tmp_path))
    assert effective_jobs(2, len(files)) == 2
    alone, no_indexes = check_files(workspace, files, 1, io.StringIO())
    forked, indexes = check_files(workspace, files, 2, io.StringIO())
    assert forked == alone
    assert no_indexes == {}  # one process: the report reads them from its snapshot
    assert set(indexes) == {f.path for f in alone}  # workers: they send them


class Terminal(io.StringIO):
    """What a progress bar is drawn on."""

    def isatty(self) -> bool:
        return True


@forks
def test_progress_counts_every_file(tmp_path: Path) -> None:
    workspace, files = workspace_files(monorepos(tmp_path))
    err = Terminal()
    check_files(workspace, files, 2, err)
    drawn = err.getvalue().split("\r")
    assert drawn[-2].endswith(f"] {len(files)}/{len(files)} files")
    assert drawn[-1] == "\x1b[K"  # erased at the end


class FailingWorkspace(Workspace):
    """A workspace whose check of chosen files raises, as a broken configuration does."""

    def __init__(self, root: Path, failing: dict[Path, str]) -> None:
        super().__init__([root], None, languages=languages.LANGUAGES)
        self.failing = failing

    def compute(
        self,
        snapshot: Snapshot,
        paths: Iterable[Path],
        progress: Callable[[Path], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[FileResult] | None:
        paths = list(paths)
        for path in paths:
            if path in self.failing:
                raise ConfigError(self.failing[path])
        return super().compute(snapshot, paths, progress, cancelled)


def test_the_first_error_in_file_order_is_raised(tmp_path: Path) -> None:
    root = monorepos(tmp_path)
    _, files = workspace_files(root)
    workspace = FailingWorkspace(root, {files[-1]: "last", files[len(files) // 3]: "first"})
    for jobs in (1, 2):
        with pytest.raises(ConfigError, match=r"^first$"):
            check_files(workspace, files, jobs, io.StringIO())


@forks
def test_few_files_are_checked_in_this_process() -> None:
    assert effective_jobs(8, MIN_FILES_PER_JOB - 1) == 1
    assert effective_jobs(8, 3 * MIN_FILES_PER_JOB) == 3
    assert effective_jobs(1, 100 * MIN_FILES_PER_JOB) == 1


def _tree(rel: Iterable[str]) -> list[Path]:
    return sorted(Path("/r") / r for r in rel)


def test_split_keeps_light_directories_whole() -> None:
    files = _tree([f"{repo}/{name}" for repo in "abcdefgh" for name in ("x", "y/z", "y/w")])
    runs = split_runs(files, 2, lambda p: 1)
    assert [f for run in runs for f in run] == files
    assert len(runs) > 2
    repos = [{p.parts[2] for p in run} for run in runs]
    assert sum(map(len, repos)) == len(set().union(*repos))  # no repository in two runs


def test_split_cuts_a_heavy_directory_between_its_entries() -> None:
    files = _tree([f"big/{d}/f{i}" for d in "abcdefgh" for i in range(4)] + ["small/g"])
    runs = split_runs(files, 2, lambda p: 1)
    assert [f for run in runs for f in run] == files
    assert len(runs) >= 4
    for run in runs:  # cut between big/<d> directories, not inside one
        for directory in {p.parent for p in run if p.parent.parent.name == "big"}:
            assert len([p for p in run if p.parent == directory]) == 4


@pytest.mark.parametrize("args", [["--jobs", "0"], ["--jobs", "two"], ["--jobs", "-1"]])
def test_bad_jobs_is_a_usage_error(tmp_path: Path, args: list[str]) -> None:
    proc = gowls(["--check", ".", *args], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("gowls: error: argument --jobs: ")
    assert len(proc.stderr.splitlines()) == 1


def test_jobs_needs_check(tmp_path: Path) -> None:
    proc = gowls(["--jobs", "2"], tmp_path)
    assert proc.returncode == 2
    assert "--jobs needs --check" in proc.stderr
