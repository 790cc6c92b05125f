"""The file kinds the fuzzers know: where a document of the kind lives and what to type.

A new kind (GoReleaser, Helm) is one more :class:`Kind` in :data:`KINDS`; the parser property
test also picks up every ``Language`` in ``gowls.languages`` on its own, using the kind's
vocabulary from here when it has one and :data:`YAML_WORDS` plus noise otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

MOD_A = "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v1.0.0\n"
MOD_B = "module example.com/b\n\ngo 1.22\n"
WORK = "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n"

WORKSPACE: dict[str, str | bytes] = {"a/go.mod": MOD_A, "b/go.mod": MOD_B, "go.work": WORK}
"""The files on disk around the fuzzed document."""

NOISE = ("\x00", "\x1b", "\ufffd", "\u4e16\u754c", "\U0001f600", "\t", "\\", "é", "\ufeff")
"""Characters editors really send (no line separators other than ``\\n``: LSP clients and
pygls would disagree on where lines break, which is not what this tests)."""

GO_WORDS = (
    "module", "go", "toolchain", "godebug", "require", "exclude", "replace", "retract",
    "tool", "ignore", "use", "(", ")", "[", "]", ",", "=>", "//", "/*", "*/", '"', "`",
    " ", " ", "\t", "\n", "\n", "\n", "example.com/a", "example.com/b", "example.com/c/v2",
    "./a", "./b", "../b", "./c", "/tmp", "v1.0.0", "v1.2.3", "v2.0.0+incompatible",
    "v0.0.0-20200101000000-abcdefabcdef", "1.22", "1.21.0", "1.23rc1", "go1.22.1",
    "// indirect", "default=go1.21", "panicnil=1", "gowls:ignore GM101", *NOISE,
)  # fmt: skip

YAML_WORDS = (
    "a:", "b: 1", "- ", "  ", "    ", "\n", "\n", ": ", "&x ", "*x", "<<: *x", "[", "]", "{",
    "}", ",", "'", '"', "|", ">", "#", "---", "...", "!!str ", "? ", "key", "value", "{{",
    "}}", "{{ .Values.x }}", "builds:", "version: 2", *NOISE,
)  # fmt: skip

VOCABULARY: dict[str, tuple[str, ...]] = {"go.mod": GO_WORDS, "go.work": GO_WORDS}


def words(kind: str) -> tuple[str, ...]:
    """What to type into a file of ``kind``."""
    return VOCABULARY.get(kind, YAML_WORDS)


def texts(kind: str, max_words: int = 40) -> st.SearchStrategy[str]:
    """Random text of a kind: its vocabulary mixed with arbitrary characters."""
    piece = st.one_of(
        st.sampled_from(words(kind)),
        st.text(
            st.characters(
                blacklist_categories=("Cs",),
                blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
            ),
            max_size=4,
        ),
    )
    return st.lists(piece, max_size=max_words).map("".join)


@dataclass(frozen=True)
class Kind:
    """A kind the server fuzzer edits: the document's path and a text to start from."""

    name: str
    path: str
    seed: str


KINDS: tuple[Kind, ...] = (
    Kind("go.mod", "a/go.mod", MOD_A),
    Kind("go.work", "go.work", WORK),
    Kind("go.mod", "c/go.mod", ""),  # a module no go.work uses
)
