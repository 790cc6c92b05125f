"""A progress bar on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TextIO

MIN_FILES = 50
"""Fewer files than this finish too fast for a bar to help."""


class Progress:
    """``[#####.....] 120/400 files`` redrawn in place at most ten times a second."""

    def __init__(self, stream: TextIO, total: int, width: int = 30) -> None:
        self.stream = stream
        self.total = total
        self.width = width
        self.done = 0
        self.enabled = total >= MIN_FILES and _is_tty(stream)
        self._last = 0.0
        self._drawn = False

    def advance(self, count: int = 1) -> None:
        """Count finished files and redraw if enough time passed."""
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
