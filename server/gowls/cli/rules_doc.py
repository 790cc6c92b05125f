"""Render docs/rules.md from every kind's rules.

Regenerate with ``python -m gowls.cli.rules_doc > docs/rules.md``.
"""

from __future__ import annotations

import sys

from gowls import languages

HEADER = """# Rules

Generated from the rule registry by `python -m gowls.cli.rules_doc > docs/rules.md`;
a test fails when this file and the code disagree.

Every rule has a stable code and a default severity. Its message states the fact `go` (or
the tool concerned) states, followed by how to fix it. Where a quick fix exists, the editor
offers it as a code action; a fix marked safe is one that cannot change what builds.
"""


def render() -> str:
    """The Markdown text of docs/rules.md."""
    out = [HEADER]
    for kind in languages.LANGUAGES.all:
        rules = sorted(kind.rules, key=lambda r: r.info.code)
        if not rules:
            continue
        out.append(f"## {kind.name}\n")
        out.append("| code | name | severity | summary |\n|---|---|---|---|")
        for r in rules:
            i = r.info
            out.append(
                f"| [{i.code}](#{i.code.lower()}-{i.name}) | {i.name} | {i.severity.label} | "
                f"{i.summary} |"
            )
        out.append("")
        for r in rules:
            i = r.info
            out.append(f"### {i.code} {i.name}\n")
            out.append(f"**{i.summary}.** Default severity: {i.severity.label}.\n")
            out.append(i.explanation + "\n")
            if i.fix:
                out.append(f"**Fix.** {i.fix}\n")
            if i.example:
                out.append(f"Example ({kind.name}):\n\n```\n{i.example.rstrip()}\n```\n")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
