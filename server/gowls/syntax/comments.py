"""Comment tokens as every kind's syntax layer reports them (for suppressions and the outline)."""

from __future__ import annotations

from dataclasses import dataclass

from gowls.syntax.positions import Span


@dataclass(frozen=True, slots=True)
class CommentToken:
    """A real comment of a file (never text inside a string): its span and its body.

    ``body`` is the text between the comment markers (``//``, ``#``, ``{{/* … */}}``).
    """

    span: Span
    body: str
