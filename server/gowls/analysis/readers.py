"""Which stored results read which keys: the answers behind ``Workspace.affected``.

After an edit the workspace asks which results read one of a handful of keys. Walking every
stored result's :class:`Dependencies` costs in proportion to the workspace (1,000 go.mod
results after each go.work keystroke). Each question asked (the keys of an edit of one file)
keeps its answer here, and the next time it is asked only the results stored since are
walked: typing in a go.work walks its own new result, not the 1,000 others. Keeping an index
of every key instead would cost more at each store than the walk it saves when a go.mod edit
re-checks the whole workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.source import Key

if TYPE_CHECKING:
    from gowls.analysis.engine import FileResult

QUESTIONS = 16
"""How many questions keep their answers (the keys of an edit of one file each)."""


@dataclass(slots=True)
class _Answer:
    """The results that read the keys (2) or only the weak keys (1), as of a store."""

    seen: int
    """The position in the store log up to which the answer is current."""
    hard: set[Path] = field(default_factory=set)
    soft: set[Path] = field(default_factory=set)


class ReadIndex:
    """The stored results, and the answers of recent questions about their reads.

    Thread-safe: the server asks (``affected``) in its analysis thread while the event loop
    may forget results of files deleted on disk."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._results: dict[Path, FileResult] = {}
        self._log: list[Path] = []
        """The paths whose result was stored or dropped, in order (since :attr:`_start`)."""
        self._start = 0
        self._answers: dict[tuple[frozenset[Key], frozenset[Key]], _Answer] = {}

    def holds(self, results: Iterable[tuple[Path, FileResult]]) -> bool:
        """Whether ``results`` are the indexed ones (compared in one go: a copy of them taken
        before the pass is the usual question)."""
        with self._lock:
            return self._results == dict(results)

    def result(self, path: Path) -> FileResult | None:
        """The result of ``path`` the index holds."""
        with self._lock:
            return self._results.get(path)

    def add(self, result: FileResult) -> None:
        """Index ``result`` (replacing the one of its path)."""
        with self._lock:
            self._results[result.path] = result
            self._changed(result.path)

    def remove(self, path: Path) -> None:
        """Forget the result of ``path``."""
        with self._lock:
            if self._results.pop(path, None) is not None:
                self._changed(path)

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._results.clear()
            self._log.clear()
            self._answers.clear()

    def _changed(self, path: Path) -> None:
        self._log.append(path)
        if len(self._log) > 4 * len(self._results) + 1_000:
            # Answers this far behind cost a whole walk to catch up anyway.
            self._start += len(self._log)
            self._log.clear()
            self._answers.clear()

    def touching(self, keys: frozenset[Key], weak: frozenset[Key]) -> tuple[set[Path], set[Path]]:
        """The paths whose results read any of ``keys``, and those (not among them) that
        read some of ``weak``: ``Dependencies.touches`` of every result, walking only the
        results stored since the same question was last asked. Not to be modified."""
        with self._lock:
            question = (keys, weak)
            answer = self._answers.pop(question, None)
            end = self._start + len(self._log)
            if answer is None or answer.seen < self._start:
                answer = _Answer(end)
                self._walk(answer, self._results, keys, weak)
            elif answer.seen < end:
                changed = dict.fromkeys(self._log[answer.seen - self._start :])
                answer.hard.difference_update(changed)
                answer.soft.difference_update(changed)
                current = ((p, self._results.get(p)) for p in changed)
                self._walk(answer, {p: r for p, r in current if r is not None}, keys, weak)
                answer.seen = end
            self._answers[question] = answer  # the most recent last
            if len(self._answers) > QUESTIONS:
                del self._answers[next(iter(self._answers))]
            return answer.hard, answer.soft

    @staticmethod
    def _walk(
        answer: _Answer, results: dict[Path, FileResult], keys: frozenset[Key], weak: frozenset[Key]
    ) -> None:
        for path, result in results.items():
            touched = result.depends_on.touches(keys, weak)
            if touched == 2:
                answer.hard.add(path)
            elif touched == 1:
                answer.soft.add(path)
