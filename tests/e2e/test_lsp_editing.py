"""Editing features over LSP: completion, hover, definition, links, symbols, folding,
formatting, and the go.work migration (code action + executeCommand)."""

from __future__ import annotations

from pathlib import Path

from lsp_harness import GowlsTestClient, apply_edits, start
from lsprotocol import types as lsp

MOD_A = (
    "module example.com/a\n\ngo 1.22\n\nrequire example.com/b v0.0.0-00010101000000-000000000000\n"
)
MOD_A_REPLACED = MOD_A + "\nreplace example.com/b => ../b\n"
MOD_B = "module example.com/b\n\ngo 1.23\n\nrequire golang.org/x/mod v0.20.0\n"
GOWORK = "go 1.23\n\nuse (\n\t./a\n\t\n)\n"


def pos(line: int, character: int) -> lsp.Position:
    return lsp.Position(line=line, character=character)


async def test_completion_offers_unused_module_directories(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(
        client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A, "b/go.mod": MOD_B}
    )
    uri = session.open("go.work")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(4, 1))
    )
    assert isinstance(result, lsp.CompletionList)
    labels = {item.label: item for item in result.items}
    assert set(labels) == {"./b"}, "only the module not yet used is offered"
    item = labels["./b"]
    assert item.kind == lsp.CompletionItemKind.Folder
    assert item.detail == "module example.com/b"
    assert isinstance(item.text_edit, lsp.TextEdit)
    assert item.text_edit.range == lsp.Range(pos(4, 1), pos(4, 1))

    # At the start of a line outside blocks: the directives a go.work accepts.
    top = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(1, 0))
    )
    assert isinstance(top, lsp.CompletionList)
    assert {i.label for i in top.items} == {"go", "toolchain", "godebug", "use", "replace"}


async def test_completion_of_go_versions_in_go_mod(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, {"a/go.mod": MOD_A})
    uri = session.open("a/go.mod", "module example.com/a\n\ngo 1.2\n")
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(2, 6))
    )
    assert isinstance(result, lsp.CompletionList)
    labels = [i.label for i in sorted(result.items, key=lambda i: i.sort_text or "")]
    assert labels[0] == "1.27.0"
    assert "1.21.0" in labels
    first = result.items[0]
    assert isinstance(first.text_edit, lsp.TextEdit)
    assert first.text_edit.range == lsp.Range(pos(2, 3), pos(2, 6)), "replaces the typed prefix"


async def test_hover_on_a_requirement_shows_what_provides_it(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(
        client,
        tmp_path,
        {
            "go.work": "go 1.23\n\nuse (\n\t./a\n\t./b\n)\n",
            "a/go.mod": MOD_A_REPLACED,
            "b/go.mod": MOD_B,
        },
    )
    uri = session.open("a/go.mod")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri), position=pos(4, 12))
    )
    assert hover is not None
    assert isinstance(hover.contents, lsp.MarkupContent)
    text = hover.contents.value
    assert "example.com/b" in text
    assert "replaced by `../b` in this go.mod" in text
    assert "provided by the workspace module in `./b`" in text
    assert hover.range == lsp.Range(pos(4, 8), pos(4, 21))

    work = session.open("go.work")
    on_use = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(work), position=pos(4, 3))
    )
    assert on_use is not None and isinstance(on_use.contents, lsp.MarkupContent)
    assert "example.com/b" in on_use.contents.value
    assert "go 1.23" in on_use.contents.value
    assert "1 requirement" in on_use.contents.value

    on_go = await client.text_document_hover_async(
        lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(work), position=pos(0, 4))
    )
    assert on_go is not None and isinstance(on_go.contents, lsp.MarkupContent)
    assert "Go 1.23" in on_go.contents.value and "2024-08-13" in on_go.contents.value


async def test_definition_and_links_lead_to_the_used_go_mod(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(
        client, tmp_path, {"go.work": GOWORK, "a/go.mod": MOD_A_REPLACED, "b/go.mod": MOD_B}
    )
    work = session.open("go.work")
    location = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=lsp.TextDocumentIdentifier(work), position=pos(3, 2))
    )
    assert isinstance(location, lsp.Location)
    assert location.uri == session.uri("a/go.mod")

    mod = session.open("a/go.mod")
    links = await client.text_document_document_link_async(
        lsp.DocumentLinkParams(text_document=lsp.TextDocumentIdentifier(mod))
    )
    assert links is not None
    assert [(link.target, link.range.start.line) for link in links] == [
        (session.uri("b/go.mod"), 6)
    ]


async def test_symbols_folding_and_formatting(client: GowlsTestClient, tmp_path: Path) -> None:
    messy = (
        "module example.com/a\ngo 1.22\nrequire (\n  example.com/z v1.0.0\n"
        " example.com/b v1.0.0\n)\n"
    )
    session = await start(client, tmp_path, {"a/go.mod": messy})
    uri = session.open("a/go.mod")
    ident = lsp.TextDocumentIdentifier(uri)
    symbols = await client.text_document_document_symbol_async(
        lsp.DocumentSymbolParams(text_document=ident)
    )
    assert symbols is not None
    names = [(s.name, [c.name for c in (s.children or [])]) for s in symbols]  # type: ignore[union-attr]
    assert names == [
        ("module", []),
        ("go", []),
        ("require", ["example.com/z", "example.com/b"]),
    ]
    folds = await client.text_document_folding_range_async(lsp.FoldingRangeParams(ident))
    assert folds is not None
    assert [(f.start_line, f.end_line) for f in folds] == [(2, 5)]

    edits = await client.text_document_formatting_async(
        lsp.DocumentFormattingParams(ident, lsp.FormattingOptions(tab_size=4, insert_spaces=False))
    )
    assert edits
    formatted = apply_edits(messy, edits, session.encoding)
    assert formatted == (
        "module example.com/a\n\ngo 1.22\n\nrequire (\n"
        "\texample.com/b v1.0.0\n\texample.com/z v1.0.0\n)\n"
    )


async def test_migration_code_action_and_command_create_go_work(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, {"a/go.mod": MOD_A_REPLACED, "b/go.mod": MOD_B})
    uri = session.open("a/go.mod")
    replace_line = lsp.Range(pos(6, 0), pos(6, 0))
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri),
            range=replace_line,
            context=lsp.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions is not None
    migrate = [a for a in actions if isinstance(a, lsp.CodeAction) and a.command]
    assert len(migrate) == 1
    action = migrate[0]
    assert action.kind == lsp.CodeActionKind.RefactorRewrite
    assert action.command is not None and action.command.command == "gowls.migrate"

    result = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command=action.command.command, arguments=action.command.arguments)
    )
    assert result["changed"] is True and result["applied"] is True
    assert result["added"] == ["./a", "./b"]
    assert "keep for GOWORK=off" in result["report"]
    assert (tmp_path / "go.work").read_text() == "go 1.23\n\nuse (\n\t./a\n\t./b\n)\n"

    # Nothing more to do: the command reports so and edits nothing.
    applied_before = len(client.applied)
    again = await client.workspace_execute_command_async(
        lsp.ExecuteCommandParams(command="gowls.migrate", arguments=[tmp_path.as_uri()])
    )
    assert again["changed"] is False
    assert len(client.applied) == applied_before


SELECTED = {
    "app/go.mod": (
        "module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/lib v1.0.0\n"
        "\texample.com/dep v0.1.0\n)\n\nreplace example.com/lib => ../lib\n\n"
        "replace example.com/dep => ../dep\n"
    ),
    "dep/go.mod": "module example.com/dep\n\ngo 1.22\n\nrequire example.com/lib v1.2.0\n",
    "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
}


async def test_inlay_hint_and_hover_show_the_selected_version(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, SELECTED)
    uri = session.open("app/go.mod")
    ident = lsp.TextDocumentIdentifier(uri)
    hints = await client.text_document_inlay_hint_async(
        lsp.InlayHintParams(text_document=ident, range=lsp.Range(pos(0, 0), pos(12, 0)))
    )
    assert hints is not None
    assert [(h.position, h.label) for h in hints] == [(pos(5, 23), "→ v1.2.0 (selected)")]
    hover = await client.text_document_hover_async(
        lsp.HoverParams(text_document=ident, position=pos(5, 3))
    )
    assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
    assert "the build selects `v1.2.0`, required by `example.com/dep@v0.1.0`" in (
        hover.contents.value
    )


REFERENCED = {
    "go.work": "go 1.22\n\nuse (\n\t./app\n\t./lib\n)\n",
    "app/go.mod": "module example.com/app\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n",
    "app/main.go": (
        'package main\n\nimport (\n\t"fmt"\n\n\t"example.com/dep/sub"\n\t"example.com/lib"\n)\n\n'
        "func main() { fmt.Println(sub.X, lib.Y) }\n"
    ),
    "app/tool/tool.go": 'package tool\n\nimport _ "example.com/dep"\n',
    "app/nested/go.mod": "module example.com/nested\n\ngo 1.22\n",
    "app/nested/n.go": 'package nested\n\nimport _ "example.com/dep"\n',
    "lib/go.mod": "module example.com/lib\n\ngo 1.22\n",
    "lib/lib.go": "package lib\n\nconst Y = 1\n",
}


async def test_references_from_require_and_module_lines(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, REFERENCED)
    app = session.open("app/go.mod")
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(app),
            position=pos(4, 12),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    assert sorted((r.uri, r.range.start.line, r.range.start.character) for r in refs) == [
        (session.uri("app/main.go"), 5, 1),
        (session.uri("app/tool/tool.go"), 2, 9),
    ]
    lib = session.open("lib/go.mod")
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=lsp.TextDocumentIdentifier(lib),
            position=pos(0, 10),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    assert [(r.uri, r.range.start.line) for r in refs] == [(session.uri("app/main.go"), 6)]


async def test_code_lenses_count_imports(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, REFERENCED)
    lib = session.open("lib/go.mod")
    lenses = await client.text_document_code_lens_async(
        lsp.CodeLensParams(text_document=lsp.TextDocumentIdentifier(lib))
    )
    assert lenses is not None
    assert [(x.range.start.line, x.command.title if x.command else "") for x in lenses] == [
        (0, "1 import in the workspace")
    ]
    app = session.open("app/go.mod")
    lenses = await client.text_document_code_lens_async(
        lsp.CodeLensParams(text_document=lsp.TextDocumentIdentifier(app))
    )
    assert lenses is not None
    titles = [x.command.title for x in lenses if x.command]
    assert titles == ["0 imports in the workspace", "2 imports in this module"]


async def test_require_and_tool_completion(client: GowlsTestClient, tmp_path: Path) -> None:
    files = {
        "go.work": "go 1.24\n\nuse (\n\t./app\n\t./lib\n)\n",
        "app/go.mod": "module example.com/app\n\ngo 1.24\n\nrequire \n\ntool \n",
        "app/cmd/gen/main.go": "package main\n\nfunc main() {}\n",
        "lib/go.mod": "module example.com/lib\n\ngo 1.24\n",
    }
    session = await start(client, tmp_path, files)
    uri = session.open("app/go.mod")
    ident = lsp.TextDocumentIdentifier(uri)
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=ident, position=pos(4, 8))
    )
    assert isinstance(result, lsp.CompletionList)
    assert [(i.label, i.detail) for i in result.items] == [
        ("example.com/lib", "workspace module in ../lib")
    ]
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=ident, position=pos(6, 5))
    )
    assert isinstance(result, lsp.CompletionList)
    assert [i.label for i in result.items] == ["example.com/app/cmd/gen"]


async def _labels(
    client: GowlsTestClient, uri: str, line: int, column: int
) -> list[tuple[str, str | None, lsp.Range | None]]:
    """(label, detail, replaced range) of the completions at a position, in sort order."""
    result = await client.text_document_completion_async(
        lsp.CompletionParams(lsp.TextDocumentIdentifier(uri), pos(line, column))
    )
    assert isinstance(result, lsp.CompletionList)
    out = []
    for item in sorted(result.items, key=lambda i: i.sort_text or i.label):
        edit = item.text_edit
        out.append(
            (item.label, item.detail, edit.range if isinstance(edit, lsp.TextEdit) else None)
        )
    return out


async def test_godebug_key_and_value_completion(client: GowlsTestClient, tmp_path: Path) -> None:
    """Keys after ``godebug``; after ``key=`` the setting's documented values, replacing only
    what follows ``=``; Go versions for ``default=``; the same in go.work."""
    gomod = (
        "module example.com/a\n\ngo 1.24\n\ngodebug \n\ngodebug fips140=o\n\n"
        "godebug (\n\tdefault=\n\tpanicnil=\n)\n"
    )
    files = {"a/go.mod": gomod, "go.work": "go 1.24\n\nuse ./a\n\ngodebug http2client=\n"}
    session = await start(client, tmp_path, files)
    mod = session.open("a/go.mod")

    keys = await _labels(client, mod, 4, 8)
    assert ("panicnil=", "GODEBUG setting of runtime (default changed in Go 1.21)") in [
        (label, detail) for label, detail, _ in keys
    ]
    assert "default=" in [label for label, _, _ in keys]

    fips = await _labels(client, mod, 6, 17)
    assert [label for label, _, _ in fips] == ["off", "on", "only", "debug"]
    assert all(rng == lsp.Range(pos(6, 16), pos(6, 17)) for _, _, rng in fips)

    defaults = await _labels(client, mod, 9, 9)
    assert [label for label, _, _ in defaults][:2] == ["go1.27", "go1.26"]
    assert [label for label, _, _ in defaults][-1] == "go1.20"

    panicnil = await _labels(client, mod, 10, 10)
    assert [(label, detail) for label, detail, _ in panicnil] == [
        ("0", "the default since Go 1.21"),
        ("1", "the behaviour before Go 1.21"),
    ]

    work = session.open("go.work")
    http2 = await _labels(client, work, 4, 20)
    assert [label for label, _, _ in http2] == ["0", "1"]
    assert all(rng == lsp.Range(pos(4, 20), pos(4, 20)) for _, _, rng in http2)


async def test_toolchain_name_completion(client: GowlsTestClient, tmp_path: Path) -> None:
    session = await start(client, tmp_path, {})
    uri = session.open("go.mod", "module example.com/a\n\ngo 1.24\n\ntoolchain go\n")
    labels = [label for label, _, _ in await _labels(client, uri, 4, 12)]
    assert labels[0].startswith("go1.27."), "newest first"
    assert labels[1].startswith("go1.26.")
    assert set(labels) - {"default"} == {x for x in labels if x.startswith("go1.")}
    assert "default" in labels


async def test_gowork_use_lines_count_and_list_importers(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, REFERENCED)
    work = session.open("go.work")
    ident = lsp.TextDocumentIdentifier(work)
    lenses = await client.text_document_code_lens_async(lsp.CodeLensParams(text_document=ident))
    assert lenses is not None
    assert [(x.range.start.line, x.command.title if x.command else "") for x in lenses] == [
        (3, "0 imports in the workspace"),
        (4, "1 import in the workspace"),
    ]
    refs = await client.text_document_references_async(
        lsp.ReferenceParams(
            text_document=ident,
            position=pos(4, 3),
            context=lsp.ReferenceContext(include_declaration=False),
        )
    )
    assert refs is not None
    assert [(r.uri, r.range.start.line) for r in refs] == [(session.uri("app/main.go"), 6)]


async def test_code_lens_shows_the_selected_version(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, SELECTED)
    uri = session.open("app/go.mod")
    lenses = await client.text_document_code_lens_async(
        lsp.CodeLensParams(text_document=lsp.TextDocumentIdentifier(uri))
    )
    assert lenses is not None
    titles = sorted((x.range.start.line, x.command.title if x.command else "") for x in lenses)
    assert (5, "selected v1.2.0") in titles
    assert [t for t in titles if t[1].startswith("selected")] == [(5, "selected v1.2.0")]


async def test_ignore_and_exclude_completion(client: GowlsTestClient, tmp_path: Path) -> None:
    files = {
        "go.mod": (
            "module example.com/m\n\ngo 1.25\n\nrequire example.com/dep v1.0.0\n\n"
            "ignore \n\nexclude \n"
        ),
        "gen/x.go": "package gen\n",
        "testdata/t.txt": "",
        "_skip/y.go": "package y\n",
        "web/index.txt": "",
    }
    session = await start(client, tmp_path, files)
    uri = session.open("go.mod")
    assert [label for label, _, _ in await _labels(client, uri, 6, 7)] == ["./gen", "./web"]
    assert [(label, detail) for label, detail, _ in await _labels(client, uri, 8, 8)] == [
        ("example.com/dep", "required at v1.0.0")
    ]
