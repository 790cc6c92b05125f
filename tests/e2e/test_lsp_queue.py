"""The analysis queue: bursts are coalesced, requests never wait for analysis."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsp_harness import TIMEOUT, GowlsTestClient, settle, start
from lsprotocol import types as lsp

MODULES = 200


def _workspace() -> dict[str, str | bytes]:
    uses = "".join(f"\t./m{i}\n" for i in range(MODULES))
    files: dict[str, str | bytes] = {"go.work": f"go 1.22\n\nuse (\n{uses})\n"}
    for i in range(MODULES):
        after = (i + 1) % MODULES
        # a hundred requirements each: a pass re-checking every module takes far longer
        # than reading a burst, whatever caches the client's capabilities enable
        deps = "".join(f"\texample.com/dep{j} v1.0.{j}\n" for j in range(100))
        files[f"m{i}/go.mod"] = (
            f"module example.com/m{i}\n\ngo 1.22\n\nrequire example.com/m{after} v0.0.0\n"
            f"\nrequire (\n{deps})\n"
        )
    return files


async def test_a_burst_of_edits_costs_at_most_two_analyses_and_hover_does_not_wait(
    client: GowlsTestClient, tmp_path: Path
) -> None:
    session = await start(client, tmp_path, _workspace())
    uri = session.open("go.work")
    before = await settle(client)
    text = session.texts[uri]
    published_before = len(client.published)
    hover: asyncio.Task[lsp.Hover | None] | None = None
    order: list[str] = []
    for n in range(20):
        # each edit changes the go line's patch version: 1.22.0, 1.22.1, ... (a fact every
        # module's check reads: each pass re-checks the whole workspace)
        session.replace(uri, session.texts[uri].split("\n")[0], f"go 1.22.{n}")
        if n == 19:
            # Sent after the whole burst: a server that analysed each edit before reading
            # the next message would answer it only after publishing the last edit.
            hover = asyncio.ensure_future(
                client.text_document_hover_async(
                    lsp.HoverParams(
                        text_document=lsp.TextDocumentIdentifier(uri),
                        position=lsp.Position(0, 4),
                    )
                )
            )
            hover.add_done_callback(lambda _: order.append("hover"))
    final_version = session.versions[uri]

    def burst_published() -> bool:
        done = any(
            p.uri == uri and p.version == final_version for p in client.published[published_before:]
        )
        if done and "diagnostics" not in order:
            order.append("diagnostics")
        return done

    assert hover is not None
    answer = await asyncio.wait_for(hover, TIMEOUT)
    assert answer is not None and "Go" in str(answer.contents)
    await client.wait_until(burst_published, "the diagnostics of the last edit")
    after = await settle(client)
    assert order == ["hover", "diagnostics"], order
    assert after - before <= 2, f"{after - before} analyses for one burst"
    assert text != session.texts[uri]
