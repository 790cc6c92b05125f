"""The Go import scanner: paths and ranges, and where it stops."""

from __future__ import annotations

from gowls.syntax.goimports import package_name, scan_imports

SOURCE = b"""// Copyright
/* block */ package main

import "fmt"
import (
\t_ "example.com/x/y" // c
\tfoo "example.com/z"
\t. `example.com/raw`
)

import "os"; import "io"

func main() { _ = "example.com/not" }

import "never"
"""


def test_every_import_with_its_range() -> None:
    found = [
        (i.path, i.span.start.line, i.span.start.column, i.span.end.column)
        for i in scan_imports(SOURCE)
    ]
    assert found == [
        ("fmt", 3, 7, 12),
        ("example.com/x/y", 5, 3, 20),
        ("example.com/z", 6, 5, 20),
        ("example.com/raw", 7, 3, 20),
        ("os", 10, 7, 11),
        ("io", 10, 20, 24),
    ]


def test_broken_and_binary_input_yields_what_it_can() -> None:
    assert scan_imports(b"\x00\xff garbage") == []
    assert scan_imports(b'package x\nimport (\n\t"a"\n')[0].path == "a"
    assert scan_imports(b'package x\nimport "unterminated\n') == []
    assert [i.path for i in scan_imports('package x\nimport "例/パス"\n'.encode())] == ["例/パス"]


def test_package_name_after_leading_comments_only() -> None:
    assert package_name(b"// Copyright\n/* x */ package main\n") == "main"
    assert package_name(b"// package main\npackage lib\n") == "lib"
    assert package_name(b"func main() {}\n") is None
