"""Rule metadata of the GoReleaser checks (codes ``GR001`` and ``GR1xx``)."""

from __future__ import annotations

from gowls.analysis.findings import Severity
from gowls.analysis.registry import Example, RuleInfo

KIND = "goreleaser"
CONFIG = ".goreleaser.yaml"
"""The file name the rules' examples are written to."""

YAML_SYNTAX = RuleInfo(
    "GR001",
    "yaml-syntax",
    KIND,
    Severity.ERROR,
    "The file is not valid YAML, or a mapping repeats a key",
    "GoReleaser reads its configuration with go-yaml, which stops at the first syntax error "
    "and rejects a key written twice in one mapping (`mapping key already defined`). "
    "Nothing else in the file is used until this is fixed.",
    "Fix the YAML at the marked place; for a repeated key, keep one of the two.",
    Example(
        {CONFIG: ("version: 2\nproject_name: a\nproject_name: b\n")},
        CONFIG,
    ),
)
UNKNOWN_KEY = RuleInfo(
    "GR101",
    "unknown-key",
    KIND,
    Severity.ERROR,
    "GoReleaser has no such key here",
    "GoReleaser loads its configuration strictly: a key its types do not declare makes the "
    "whole load fail (`field X not found in type config.T`). Keys are case-sensitive.",
    "Use the suggested key (a quick fix renames it) or remove the key.",
    Example(
        {CONFIG: ("version: 2\nbuilds:\n  - binry: app\n")},
        CONFIG,
    ),
)
WRONG_TYPE = RuleInfo(
    "GR102",
    "wrong-type",
    KIND,
    Severity.ERROR,
    "The value has a shape or type GoReleaser cannot decode",
    "go-yaml cannot decode the value into GoReleaser's type (`cannot unmarshal !!str into "
    "[]string`), so the configuration does not load. A boolean takes true/false (or yes/no, "
    "on/off) unquoted; an integer takes an unquoted number; a list needs `[...]` or `- ` items.",
    "Write the value in the expected shape; for a single value where a list is expected, the "
    "quick fix wraps it in `[...]`.",
    Example(
        {CONFIG: ("version: 2\nbuilds:\n  - goos: linux\n")},
        CONFIG,
    ),
)
INVALID_VALUE = RuleInfo(
    "GR103",
    "invalid-value",
    KIND,
    Severity.WARNING,
    "The value is not one GoReleaser accepts for this key",
    "GoReleaser loads the value as text but the step that uses it rejects it (an unknown GOOS "
    "fails the build, an unknown archive format fails archiving). Templated values are not "
    "checked.",
    "Use one of the listed values.",
    Example(
        {CONFIG: ("version: 2\narchives:\n  - formats: [rar]\n")},
        CONFIG,
    ),
)
VERSION_MISSING = RuleInfo(
    "GR104",
    "version-missing",
    KIND,
    Severity.WARNING,
    "The configuration does not say `version: 2`",
    "GoReleaser v2 treats a configuration without `version` as version 0: it warns when the "
    "file otherwise loads and refuses it as soon as anything else is wrong, reporting only the "
    "version.",
    "Add `version: 2` at the top (quick fix), after checking the keys GoReleaser v2 removed.",
    Example(
        {CONFIG: ("project_name: app\n")},
        CONFIG,
    ),
)
VERSION_WRONG = RuleInfo(
    "GR105",
    "version-unsupported",
    KIND,
    Severity.ERROR,
    "GoReleaser v2 only reads `version: 2` configurations",
    "Any other `version` makes GoReleaser v2 warn, and refuse the file when anything else is "
    "wrong (`only version: 2 configuration files are supported`).",
    "Set `version: 2` after migrating the configuration to v2.",
    Example(
        {CONFIG: ("version: 1\n")},
        CONFIG,
    ),
)
DEPRECATED = RuleInfo(
    "GR106",
    "deprecated-key",
    KIND,
    Severity.WARNING,
    "The key is deprecated in GoReleaser v2",
    "GoReleaser still reads the key but logs a deprecation notice, and will drop it in a "
    "future major version. Each message links the notice on GoReleaser's deprecations page.",
    "Use the replacement; where the rewrite is mechanical (rename, wrap in a list, move to the "
    "top level) the quick fix does it.",
    Example(
        {CONFIG: ("version: 2\narchives:\n  - format: zip\n")},
        CONFIG,
    ),
)
REMOVED = RuleInfo(
    "GR107",
    "removed-key",
    KIND,
    Severity.ERROR,
    "GoReleaser removed this key",
    "The key was deprecated and then removed (most in v2.0): GoReleaser no longer knows it, "
    "so the configuration fails to load.",
    "Use the replacement named in the message (the quick fix renames the key where that is "
    "all it takes).",
    Example(
        {CONFIG: ("version: 2\nchangelog:\n  skip: true\n")},
        CONFIG,
    ),
)
PRO_ONLY = RuleInfo(
    "GR108",
    "pro-only",
    KIND,
    Severity.WARNING,
    "Only GoReleaser Pro accepts this key or value shape",
    "GoReleaser OSS fails to load a configuration using GoReleaser Pro features. Set "
    "`pro: true` (or `[goreleaser] pro = true` in .gowls.toml) when the project releases with "
    "Pro; the finding is an error when the project visibly releases with OSS (its CI installs "
    "GoReleaser OSS, or .gowls.toml says `pro = false`).",
    "Set `pro: true` when releasing with GoReleaser Pro; otherwise remove the key.",
    Example(
        {CONFIG: ("version: 2\nincludes:\n  - from_file:\n      path: common.yaml\n")},
        CONFIG,
    ),
)
TEMPLATE_FIELD = RuleInfo(
    "GR109",
    "unknown-template-field",
    KIND,
    Severity.ERROR,
    "The template reads a field GoReleaser does not provide here",
    "GoReleaser renders templates with `missingkey=error`: an unknown field fails the release "
    "(`map has no entry for key`). Artifact fields such as `.Os` exist only in templates "
    "rendered per artifact. `.WorkspaceDir`, suggested by some Go workspace guides, does not "
    "exist. `.Env.NAME` is not checked: the environment is only known at release time.",
    "Use the suggested field, or a field listed in GoReleaser's template documentation.",
    Example(
        {CONFIG: 'version: 2\nbuilds:\n  - ldflags: ["-X main.root={{ .WorkspaceDir }}"]\n'},
        CONFIG,
    ),
)
TEMPLATE_SYNTAX = RuleInfo(
    "GR119",
    "template-syntax",
    KIND,
    Severity.ERROR,
    "GoReleaser cannot parse the template: unclosed action, stray `end`, unknown function",
    "GoReleaser parses a templated value only when it renders it, so the configuration loads "
    "(`goreleaser check` passes) and the release fails at that step: `template: failed to "
    'apply "…": unexpected "}" in operand`. The message is Go\'s `text/template` wording. '
    "Functions are Go's built-ins and GoReleaser's (`tolower`, `replace`, `time`, `envOrDefault`, "
    "…, and Pro's).",
    "Close the action or block, remove the stray keyword, or correct the function name (the "
    "quick fix offers the nearest one).",
    Example(
        {CONFIG: 'version: 2\nbuilds:\n  - ldflags: ["-X main.version={{ .Version }"]\n'},
        CONFIG,
    ),
)
MOD_WORKSPACE = RuleInfo(
    "GR110",
    "mod-workspace",
    KIND,
    Severity.ERROR,
    "GoReleaser has no workspace mode setting",
    "Migration guides sometimes add `mod: workspace` to a build, but a GoReleaser build has no "
    "`mod` key (the load fails), and `gomod.mod` only passes `-mod` to go, which accepts "
    "`mod`, `readonly` or `vendor`, not `workspace`. Workspace mode comes from the go.work "
    "file itself: go finds it from the build's `dir` (or GOWORK) and uses it.",
    "Remove the key (quick fix); keep the go.work next to the modules, or set `GOWORK=off` in "
    "`env` to build without it.",
    Example(
        {CONFIG: ("version: 2\nbuilds:\n  - mod: workspace\n")},
        CONFIG,
    ),
)

TOO_NEW = RuleInfo(
    "GR111",
    "key-too-new",
    KIND,
    Severity.WARNING,
    "The key is newer than the GoReleaser version the project releases with",
    "The project targets a GoReleaser version older than the one that introduced the key; "
    "that version does not know it and fails to load the file. The target is "
    '`[goreleaser] version = "2.16"` in .gowls.toml, else the `version:` input of '
    "`goreleaser/goreleaser-action` in a CI workflow (`v2.5.1`, `~> v2.5`). `main: ./...` "
    "needs v2.15 the same way.",
    "Raise the pinned version, or use the older spelling of the setting.",
    Example(
        {
            CONFIG: "version: 2\narchives:\n  - ids: [app]\n",
            ".github/workflows/release.yml": (
                "on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n"
                "      - uses: goreleaser/goreleaser-action@v6\n        with:\n"
                "          version: v2.5.0\n"
            ),
        },
        CONFIG,
    ),
)

PATH_MISSING = RuleInfo(
    "GR112",
    "path-missing",
    KIND,
    Severity.ERROR,
    "A build's `dir` or `main`, or `gomod.dir`, does not exist, or `main` is no main package",
    "GoReleaser runs `go build` in the build's `dir` on its `main` package (or file), and "
    "`go list -m` in `gomod.dir`, all relative to the directory it runs in (the one above "
    "`.config/` for `.config/goreleaser.yaml`, else the config's). A missing path fails the "
    "release. Before building it parses `main` (a file, or the Go files of a directory) and "
    "stops when no `func main()` is there (`build for <binary> does not contain a main "
    "function`); `main: ./...` (since v2.15) needs some main package below it. "
    "`no_main_check: true` turns that check off.",
    "Fix the path; point `main` at the directory (or file) of the command's `package main`.",
    Example(
        {CONFIG: ("version: 2\nbuilds:\n  - main: ./cmd/nothing-here\n")},
        CONFIG,
    ),
)
PROXY_REPLACE = RuleInfo(
    "GR113",
    "proxy-with-replace",
    KIND,
    Severity.ERROR,
    "`gomod.proxy` is on while the released go.mod has `replace` directives",
    "With `gomod.proxy: true` GoReleaser builds the module as published on the Go module "
    "proxy, where its own `replace` directives do not apply. GoReleaser refuses a single-line "
    "`replace` (`cannot use the go.mod replace directive with go mod proxy enabled`); a "
    "`replace (...)` block passes its check but the build still ignores it.",
    "Remove the replace directives from the released module, or set `gomod.proxy: false`.",
    Example(
        {
            CONFIG: "version: 2\ngomod:\n  proxy: true\nbuilds:\n  - main: .\n",
            "main.go": "package main\n\nfunc main() {}\n",
            "go.mod": (
                "module example.com/app\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n\n"
                "replace example.com/x => ./x\n"
            ),
            "x/go.mod": "module example.com/x\n\ngo 1.22\n",
        },
        CONFIG,
    ),
)
GOWORK_ENV = RuleInfo(
    "GR114",
    "gowork-off-in-build-env",
    KIND,
    Severity.WARNING,
    "`GOWORK=off` in a build's `env` does not reach `go list -m`",
    "GoReleaser finds the module path (`.ModulePath`, verifiable builds) with `go list -m`, run "
    "with the top-level `env` and `gomod.env` only. With a go.work above the module it still "
    "answers with the workspace's first `use` entry.",
    "Move `GOWORK=off` to the top-level `env` (quick fix).",
    Example(
        {CONFIG: ("version: 2\nbuilds:\n  - env: [GOWORK=off]\n")},
        CONFIG,
    ),
)
MOD_IN_WORKSPACE = RuleInfo(
    "GR115",
    "mod-in-workspace",
    KIND,
    Severity.ERROR,
    "`gomod.mod: mod` while a go.work is in effect",
    "GoReleaser passes `gomod.mod` to `go list -m` as `-mod`; in workspace mode go accepts "
    "only `-mod=readonly` or `-mod=vendor` and fails with `-mod=mod`.",
    "Remove `mod` (quick fix) or set `GOWORK=off` in the top-level `env`.",
    Example(
        {
            CONFIG: "version: 2\ngomod:\n  mod: mod\n",
            "go.work": "go 1.22\n\nuse .\n",
            "go.mod": "module example.com/app\n\ngo 1.22\n",
        },
        CONFIG,
    ),
)

FIRST_USE = RuleInfo(
    "GR116",
    "workspace-first-use",
    KIND,
    Severity.WARNING,
    "The go.work lists another module before the released one",
    "GoReleaser sets the module path from the first line of `go list -m`; in workspace mode "
    "that is the go.work's first `use` entry. Another module there gives a wrong "
    "`.ModulePath` and wrong module information in verifiable builds.",
    "Move the released module's `use` first in go.work (quick fix, edits go.work).",
    Example(
        {
            CONFIG: "version: 2\n",
            "go.work": "go 1.22\n\nuse (\n\t./tools\n\t.\n)\n",
            "go.mod": "module example.com/app\n\ngo 1.22\n",
            "tools/go.mod": "module example.com/tools\n\ngo 1.22\n",
        },
        CONFIG,
    ),
)
BUILD_OUTSIDE_WORKSPACE = RuleInfo(
    "GR117",
    "build-outside-workspace",
    KIND,
    Severity.WARNING,
    "A build runs in a module the go.work does not use",
    "In workspace mode go only builds packages of the modules the go.work `use`s; from any "
    "other module it stops (`current directory is contained in a module that is not one of "
    "the workspace modules listed in go.work`).",
    "Add the module to go.work (`go work use`), or set `GOWORK=off` in the top-level `env`.",
    Example(
        {
            CONFIG: "version: 2\nbuilds:\n  - dir: tools\n",
            "go.work": "go 1.22\n\nuse .\n",
            "go.mod": "module example.com/app\n\ngo 1.22\n",
            "tools/go.mod": "module example.com/tools\n\ngo 1.22\n",
            "tools/main.go": "package main\n\nfunc main() {}\n",
        },
        CONFIG,
        also=("GW110",),
    ),
)
SETTINGS_INVALID = RuleInfo(
    "GR118",
    "settings-invalid",
    KIND,
    Severity.ERROR,
    "The `[goreleaser]` table of .gowls.toml has a value gowls cannot use",
    "`[goreleaser]` in .gowls.toml says which GoReleaser the project releases with: "
    '`version = "2.16"` (a v2 release, as a string) and `pro = true|false`. A value that '
    "cannot be read is ignored, so the checks fall back to what the CI workflows show; the "
    "finding sits on the first line of each GoReleaser file the table governs, since the "
    "TOML file is not a document gowls checks.",
    "Fix the value in .gowls.toml (the message names the file and the key).",
    Example(
        {CONFIG: "version: 2\n", ".gowls.toml": '[goreleaser]\nversion = "abc"\n'},
        CONFIG,
    ),
)

ALL: tuple[RuleInfo, ...] = (
    YAML_SYNTAX,
    UNKNOWN_KEY,
    WRONG_TYPE,
    INVALID_VALUE,
    VERSION_MISSING,
    VERSION_WRONG,
    DEPRECATED,
    REMOVED,
    PRO_ONLY,
    TEMPLATE_FIELD,
    MOD_WORKSPACE,
    TOO_NEW,
    PATH_MISSING,
    PROXY_REPLACE,
    GOWORK_ENV,
    MOD_IN_WORKSPACE,
    FIRST_USE,
    BUILD_OUTSIDE_WORKSPACE,
    SETTINGS_INVALID,
    TEMPLATE_SYNTAX,
)
