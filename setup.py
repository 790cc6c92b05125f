"""Build the tree-sitter-gomod grammar into the extension module gowls.syntax._gomod.

Everything else about the package is declared in pyproject.toml. The generated parser
(grammars/tree-sitter-gomod/src/parser.c) is committed, so building needs only a C
compiler, not the tree-sitter CLI.
"""

from setuptools import Extension, setup

GRAMMAR_SRC = "grammars/tree-sitter-gomod/src"

setup(
    ext_modules=[
        Extension(
            name="gowls.syntax._gomod",
            sources=[
                f"{GRAMMAR_SRC}/parser.c",
                f"{GRAMMAR_SRC}/scanner.c",
                "server/gowls/syntax/_gomod_binding.c",
            ],
            include_dirs=[GRAMMAR_SRC],
            define_macros=[("Py_LIMITED_API", "0x030B0000")],
            py_limited_api=True,
        )
    ],
    options={"bdist_wheel": {"py_limited_api": "cp311"}},
)
