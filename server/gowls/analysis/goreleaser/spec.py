"""GoReleaser v2.18 configuration, every object and key (OSS and Pro).

Each ``Obj`` is named after GoReleaser's Go type (as its loader names it in errors).
Descriptions are ours; defaults, versions and Pro markers follow GoReleaser's docs and
source. ``tests/goreleaser/test_model_vs_schema.py`` checks this against the JSON schema.
"""

from __future__ import annotations

from gowls.analysis.goreleaser.enums import (
    ARCHIVE_FORMAT,
    ARCHIVE_FORMAT_OVERRIDE,
    CHANGELOG_SORT,
    CHANGELOG_USE,
    CHECKSUM_ALGORITHM,
    GO386,
    GOAMD64,
    GOARCH,
    GOARM,
    GOARM64,
    GOMIPS,
    GOOS,
    GOPPC64,
    GORISCV64,
    NFPM_FORMAT,
    RELEASE_MODE,
)
from gowls.analysis.goreleaser.model import (
    ANY,
    BOOL,
    INT,
    STRING,
    STRING_MAP,
    STRING_OR_BOOL,
    STRING_OR_INT,
    STRING_OR_LIST,
    Enum,
    Field,
    ListOf,
    MapOf,
    Obj,
    OneOf,
    docs_url,
)

COMMIT_SIGNING = Obj(
    "CommitSigning",
    docs_url("publish/homebrew_casks"),
    (
        Field("enabled", BOOL, "Turns this entry on; accepts a template rendering to true/false."),
        Field("key", STRING, "Key to use.", templated=True),
        Field("program", STRING, "Signing program.", templated=True),
        Field(
            "format",
            Enum("CommitSigning.format", ("openpgp", "x509", "ssh")),
            "Output format.",
            default="openpgp",
        ),
    ),
)

COMMIT_AUTHOR = Obj(
    "CommitAuthor",
    docs_url("publish/homebrew_casks"),
    (
        Field("name", STRING, "Name of this entry.", templated=True),
        Field("email", STRING, "E-mail address.", templated=True),
        Field("signing", COMMIT_SIGNING, "Commit signing settings."),
        Field(
            "use_github_app_token", BOOL, "Uses the GitHub App token for commits.", default="false"
        ),
    ),
)

AUR = Obj(
    "AUR",
    docs_url("publish/aur"),
    (
        Field("name", STRING, "Name of this entry.", default="ProjectName with a -bin suffix"),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field(
            "commit_msg_template",
            STRING,
            "Template for the commit message.",
            default="'Update to {{ .Tag }}'",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            default="depends on the client",
            templated=True,
        ),
        Field(
            "maintainers",
            ListOf(STRING),
            "Package maintainers.",
            default="inferred from global metadata",
        ),
        Field("contributors", ListOf(STRING), "Package contributors."),
        Field(
            "provides",
            ListOf(STRING),
            "Virtual packages this package provides.",
            default="the project name",
        ),
        Field(
            "conflicts",
            ListOf(STRING),
            "Packages this one conflicts with.",
            default="the project name",
        ),
        Field("depends", ListOf(STRING), "Runtime dependencies."),
        Field("optdepends", ListOf(STRING), "Optional dependencies."),
        Field("backup", ListOf(STRING), "Files to back up on upgrade."),
        Field("rel", STRING, "Package release number.", default="'1'"),
        Field(
            "package",
            STRING,
            "Package function body.",
            default='\'install -Dm755 "./PROJECT_NAME" "${pkgdir}/usr/bin/PROJECT_NAME"\'',
        ),
        Field("git_url", STRING, "Git URL of the repository to push to."),
        Field(
            "git_ssh_command",
            STRING,
            "SSH command used by git.",
            default="'ssh -i {{ .KeyPath }} -o StrictHostKeyChecking=accept-new -F /dev/null'",
        ),
        Field("private_key", STRING, "Private key (path or content) used to push."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "directory",
            STRING,
            "Directory inside the target repository to write to.",
            default="'.'",
            templated=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.8",
            templated=True,
        ),
        Field("install", STRING, "Install instructions.", since="2.8"),
    ),
)

AUR_SOURCE = Obj(
    "AURSource",
    docs_url("publish/aursources"),
    (
        Field("name", STRING, "Name of this entry.", default="ProjectName"),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field(
            "commit_msg_template",
            STRING,
            "Template for the commit message.",
            default="'Update to {{ .Tag }}'",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            default="depends on the client",
            templated=True,
        ),
        Field(
            "maintainers",
            ListOf(STRING),
            "Package maintainers.",
            default="inferred from global metadata",
        ),
        Field("contributors", ListOf(STRING), "Package contributors."),
        Field("arches", ListOf(STRING), "Architectures.", default="[ 'x86_64', 'aarch64' ]"),
        Field(
            "provides",
            ListOf(STRING),
            "Virtual packages this package provides.",
            default="the project name",
        ),
        Field(
            "conflicts",
            ListOf(STRING),
            "Packages this one conflicts with.",
            default="the project name",
        ),
        Field("depends", ListOf(STRING), "Runtime dependencies."),
        Field("optdepends", ListOf(STRING), "Optional dependencies."),
        Field("makedepends", ListOf(STRING), "Build-time dependencies.", default='["go", "git"]'),
        Field("backup", ListOf(STRING), "Files to back up on upgrade."),
        Field("rel", STRING, "Package release number.", default="'1'"),
        Field("prepare", STRING, "Prepare function body."),
        Field("build", STRING, "Build function body."),
        Field("package", STRING, "Package function body."),
        Field("git_url", STRING, "Git URL of the repository to push to."),
        Field(
            "git_ssh_command",
            STRING,
            "SSH command used by git.",
            default="'ssh -i {{ .KeyPath }} -o StrictHostKeyChecking=accept-new -F /dev/null'",
        ),
        Field("private_key", STRING, "Private key (path or content) used to push."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "directory",
            STRING,
            "Directory inside the target repository to write to.",
            default="'.'",
            templated=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.8",
            templated=True,
        ),
        Field("install", STRING, "Install instructions.", since="2.8"),
    ),
)

HOOK = Obj(
    "Hook",
    docs_url("builds/builders/go"),
    (
        Field("dir", STRING, "Working directory."),
        Field("cmd", STRING, "Command to run."),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.17",
            pro=True,
        ),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE."),
        Field("output", BOOL, "Shows the command's output in the log."),
    ),
)

AFTER = Obj(
    "After",
    docs_url("general/hooks"),
    (
        Field(
            "hooks",
            OneOf(
                "After.hooks",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Commands to run around this step.",
            pro=True,
            templated=True,
        ),
    ),
)

BLUESKY = Obj(
    "Bluesky",
    docs_url("announce/bluesky"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("username", STRING, "User name to post as."),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
    ),
)

DISCORD = Obj(
    "Discord",
    docs_url("announce/discord"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("author", STRING, "Author.", default="'GoReleaser'"),
        Field(
            "color",
            STRING,
            "Color of the message.",
            default="'3888754' (the grey-ish from GoReleaser)",
        ),
        Field(
            "icon_url",
            STRING,
            "URL of the icon to show.",
            default="'https://goreleaser.com/static/avatar.png'",
        ),
    ),
)

DISCOURSE = Obj(
    "Discourse",
    docs_url("announce/discourse"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "title_template",
            STRING,
            "Template for the title.",
            default="'{{ .ProjectName }} {{ .Tag }} is out!'",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("server", STRING, "Server URL."),
        Field("category_id", INT, "Category id."),
        Field("username", STRING, "User name to post as.", default="system"),
    ),
)

LINKEDIN = Obj(
    "LinkedIn",
    docs_url("announce/linkedin"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
        ),
    ),
)

MASTODON = Obj(
    "Mastodon",
    docs_url("announce/mastodon"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("server", STRING, "Server URL."),
    ),
)

MATTERMOST = Obj(
    "Mattermost",
    docs_url("announce/mattermost"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field(
            "title_template",
            STRING,
            "Template for the title.",
            default="'{{ .ProjectName }} {{ .Tag }} is out!'",
            templated=True,
        ),
        Field(
            "color",
            STRING,
            "Color of the message.",
            default="'#2D313E' (the grey-ish from GoReleaser)",
        ),
        Field("channel", STRING, "Channel to post to."),
        Field("username", STRING, "User name to post as."),
        Field("icon_emoji", STRING, "Emoji used as the icon."),
        Field("icon_url", STRING, "URL of the icon to show."),
    ),
)

OPEN_COLLECTIVE = Obj(
    "OpenCollective",
    docs_url("announce/opencollective"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("slug", STRING, "Collective slug."),
        Field(
            "title_template",
            STRING,
            "Template for the title.",
            default="'{{ .Tag }}'",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default=(
                "'{{ .ProjectName }} {{ .Tag }} is out!<br/>Check it out at <a "
                'href="{{ .ReleaseURL }}">{{ .ReleaseURL }}</a>\''
            ),
            templated=True,
        ),
    ),
)

REDDIT = Obj(
    "Reddit",
    docs_url("announce/reddit"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("application_id", STRING, "Application id."),
        Field("username", STRING, "User name to post as."),
        Field(
            "title_template",
            STRING,
            "Template for the title.",
            default="'{{ .ProjectName }} {{ .Tag }} is out!'",
            templated=True,
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            default="'{{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("sub", STRING, "Subreddit."),
    ),
)

SMTP = Obj(
    "SMTP",
    docs_url("announce/smtp"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("host", STRING, "SMTP host.", default="'$SMTP_HOST'"),
        Field("port", INT, "Port.", default="'$SMTP_PORT'"),
        Field("username", STRING, "User name to post as.", default="'$SMTP_USERNAME'"),
        Field("from", STRING, "Sender address."),
        Field("to", ListOf(STRING), "Recipients."),
        Field(
            "subject_template",
            STRING,
            "Template of the subject.",
            default="'{{ .ProjectName }} {{ .Tag }} is out!'",
            templated=True,
        ),
        Field(
            "body_template",
            STRING,
            "Template of the body.",
            default="'You can view details from: {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("insecure_skip_verify", BOOL, "Skips TLS verification (insecure)."),
    ),
)

SLACK = Obj(
    "Slack",
    docs_url("announce/slack"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("channel", STRING, "Channel to post to."),
        Field("username", STRING, "User name to post as."),
        Field("icon_emoji", STRING, "Emoji used as the icon."),
        Field("icon_url", STRING, "URL of the icon to show."),
        Field("blocks", ListOf(ANY), "Slack blocks.", templated=True),
        Field("attachments", ListOf(ANY), "Slack attachments.", templated=True),
    ),
)

TEAMS = Obj(
    "Teams",
    docs_url("announce/teams"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "title_template",
            STRING,
            "Template for the title.",
            default="'{{ .ProjectName }} {{ .Tag }} is out!'",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field(
            "color",
            STRING,
            "Color of the message.",
            default="'#2D313E' (the grey-ish from GoReleaser)",
        ),
        Field(
            "icon_url",
            STRING,
            "URL of the icon to show.",
            default="'https://goreleaser.com/static/avatar.png'",
        ),
    ),
)

TELEGRAM = Obj(
    "Telegram",
    docs_url("announce/telegram"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default=(
                '\'{{ print .ProjectName " " .Tag " is out! Check it out at " '
                ".ReleaseURL | mdv2escape }}'"
            ),
            templated=True,
        ),
        Field("chat_id", STRING_OR_INT, "Chat id.", templated=True),
        Field(
            "parse_mode",
            Enum("Telegram.parse_mode", ("MarkdownV2", "HTML")),
            "Message parse mode.",
            default="'MarkdownV2'",
        ),
        Field("message_thread_id", STRING_OR_INT, "Thread id.", since="2.15"),
    ),
)

TWITTER = Obj(
    "Twitter",
    docs_url("announce/twitter"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
    ),
)

WEBHOOK = Obj(
    "Webhook",
    docs_url("announce/webhook"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("skip_tls_verify", BOOL, "Skips TLS certificate verification (insecure)."),
        Field(
            "message_template",
            STRING,
            "Template for the message text.",
            default="'{{ .ProjectName }} {{ .Tag }} is out! Check it out at {{ .ReleaseURL }}'",
            templated=True,
        ),
        Field("endpoint_url", STRING, "Endpoint URL."),
        Field("headers", STRING_MAP, "HTTP headers to send."),
        Field("content_type", STRING, "Content type.", default="'application/json; charset=utf-8'"),
        Field(
            "expected_status_codes",
            ListOf(INT),
            "HTTP status codes treated as success.",
            default="200, 201, 202, 204",
        ),
    ),
)

ANNOUNCE = Obj(
    "Announce",
    docs_url("announce"),
    (
        Field(
            "skip",
            STRING_OR_BOOL,
            "Skips this entry; accepts a template rendering to true/false.",
            docs=docs_url("announce/skip"),
            templated=True,
        ),
        Field("twitter", TWITTER, "Post to X/Twitter.", docs=docs_url("announce/twitter")),
        Field("mastodon", MASTODON, "Post to Mastodon.", docs=docs_url("announce/mastodon")),
        Field("reddit", REDDIT, "Post to Reddit.", docs=docs_url("announce/reddit")),
        Field("slack", SLACK, "Post to Slack.", docs=docs_url("announce/slack")),
        Field("discord", DISCORD, "Post to Discord.", docs=docs_url("announce/discord")),
        Field("teams", TEAMS, "Post to Microsoft Teams.", docs=docs_url("announce/teams")),
        Field("smtp", SMTP, "Send an e-mail.", docs=docs_url("announce/smtp")),
        Field(
            "mattermost", MATTERMOST, "Post to Mattermost.", docs=docs_url("announce/mattermost")
        ),
        Field("linkedin", LINKEDIN, "Post to LinkedIn.", docs=docs_url("announce/linkedin")),
        Field("telegram", TELEGRAM, "Post to Telegram.", docs=docs_url("announce/telegram")),
        Field("webhook", WEBHOOK, "Webhook settings.", docs=docs_url("announce/webhook")),
        Field(
            "opencollective",
            OPEN_COLLECTIVE,
            "Post to OpenCollective.",
            docs=docs_url("announce/opencollective"),
        ),
        Field("bluesky", BLUESKY, "Post to Bluesky.", docs=docs_url("announce/bluesky")),
        Field(
            "discourse",
            DISCOURSE,
            "Post to Discourse.",
            since="2.13",
            docs=docs_url("announce/discourse"),
        ),
    ),
)

FILE_INFO = Obj(
    "FileInfo",
    docs_url("package/archives"),
    (
        Field("owner", STRING, "Repository owner."),
        Field("group", STRING, "Owning group."),
        Field("mode", INT, "File mode or operation mode."),
        Field("mtime", STRING, "Modification time (RFC 3339)."),
    ),
)

FILE = Obj(
    "File",
    docs_url("package/archives"),
    (
        Field("src", STRING, "Source path or glob."),
        Field("dst", STRING, "Destination path."),
        Field("strip_parent", BOOL, "Drops the parent directories of matched files."),
        Field(
            "info",
            FILE_INFO,
            "File owner, group, mode and mtime to set.",
            default="copied from the source file",
        ),
    ),
)

TEMPLATED_FILE = Obj(
    "TemplatedFile",
    docs_url("package/archives"),
    (
        Field("src", STRING, "Source path or glob.", pro=True),
        Field("dst", STRING, "Destination path.", pro=True),
        Field(
            "info",
            FILE_INFO,
            "File owner, group, mode and mtime to set.",
            default="copied from the source file",
            pro=True,
        ),
    ),
)

APP_BUNDLE = Obj(
    "AppBundle",
    docs_url("package/app_bundles"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "name",
            STRING,
            "Name of this entry.",
            default="'{{.ProjectName}}'",
            pro=True,
            templated=True,
        ),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            pro=True,
            templated=True,
        ),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            pro=True,
            templated=True,
        ),
        Field("icon", STRING, "Icon path.", pro=True, templated=True),
        Field("bundle", STRING, "App bundle to use.", pro=True, templated=True),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "AppBundle.extra_files",
                    (
                        STRING,
                        FILE,
                    ),
                )
            ),
            "Additional files (globs) to include.",
            since="2.6",
            pro=True,
            templated=True,
        ),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_FILE),
            "Additional files rendered as templates before use.",
            since="2.6",
            pro=True,
            templated=True,
        ),
    ),
)

ARCHIVE_HOOKS = Obj(
    "ArchiveHooks",
    docs_url("package/archives"),
    (
        Field(
            "before",
            OneOf(
                "ArchiveHooks.before",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run before this step.",
            pro=True,
        ),
        Field(
            "after",
            OneOf(
                "ArchiveHooks.after",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run after this step.",
            pro=True,
        ),
    ),
)

FORMAT_OVERRIDE = Obj(
    "FormatOverride",
    docs_url("package/archives"),
    (
        Field("goos", GOOS, "Target operating systems (GOOS)."),
        Field(
            "formats",
            OneOf(
                ARCHIVE_FORMAT_OVERRIDE.name,
                (ARCHIVE_FORMAT_OVERRIDE, ListOf(ARCHIVE_FORMAT_OVERRIDE)),
            ),
            "Output formats.",
            since="2.6",
        ),
        Field("format", ARCHIVE_FORMAT_OVERRIDE, "Output format."),
    ),
)

ARCHIVE = Obj(
    "Archive",
    docs_url("package/archives"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="empty (include all)",
            since="2.8",
        ),
        Field(
            "builds_info",
            FILE_INFO,
            "File info applied to the binaries in the archive.",
            default="mode 0755; other fields copied from the source binary",
        ),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default=(
                "if format is `binary`:; `{{ .Binary }}_{{ .Version }}_{{ .Os }}_{{"
                " .Arch }}{{ with .Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . "
                '}}{{ end }}{{ if not (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end }}`; if'
                " format is anything else:; `{{ .ProjectName }}_{{ .Version }}_{{ "
                ".Os }}_{{ .Arch }}{{ with .Arm }}v{{ . }}{{ end }}{{ with .Mips "
                '}}_{{ . }}{{ end }}{{ if not (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end'
                " }}"
            ),
            templated=True,
        ),
        Field(
            "formats",
            OneOf(ARCHIVE_FORMAT.name, (ARCHIVE_FORMAT, ListOf(ARCHIVE_FORMAT))),
            "Archive formats to produce.",
            since="2.6",
        ),
        Field(
            "format_overrides",
            ListOf(FORMAT_OVERRIDE),
            "Other formats per GOOS (e.g. zip on windows).",
        ),
        Field(
            "wrap_in_directory",
            STRING_OR_BOOL,
            "Puts all files inside one top directory (true or a name).",
            default="false",
        ),
        Field(
            "strip_binary_directory", BOOL, "Drops the binaries' parent directories in the archive."
        ),
        Field(
            "files",
            ListOf(
                OneOf(
                    "Archive.files",
                    (
                        STRING,
                        FILE,
                    ),
                )
            ),
            "Extra files (globs) to put in the archive.",
            default=(
                "[ 'license*', 'LICENSE*', 'readme*', 'README*', 'changelog*', 'CHANGELOG*' ]"
            ),
            templated=True,
        ),
        Field("meta", BOOL, "Produces an artifact without binaries (only extra files)."),
        Field(
            "allow_different_binary_count",
            BOOL,
            "Allows archives holding different numbers of binaries.",
        ),
        Field("hooks", ARCHIVE_HOOKS, "Commands to run around this step.", pro=True),
        Field(
            "templated_files",
            ListOf(TEMPLATED_FILE),
            "Files rendered as templates and included.",
            pro=True,
            templated=True,
        ),
        Field(
            "format",
            ARCHIVE_FORMAT,
            "Archive format (deprecated: use `formats`).",
            default="['tar.gz']",
        ),
        Field("builds", ListOf(STRING), "Build ids to include (deprecated where `ids` exists)."),
    ),
)

BEFORE = Obj(
    "Before",
    docs_url("general/hooks"),
    (
        Field(
            "hooks",
            OneOf(
                "Before.hooks",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                            pro_options=(1,),
                        )
                    ),
                ),
                pro_options=(0,),
            ),
            "Commands to run around this step.",
            templated=True,
        ),
    ),
)

BEFORE_PUBLISH_HOOK = Obj(
    "BeforePublishHook",
    docs_url("publish/beforepublish"),
    (
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="no filter",
            pro=True,
        ),
        Field("dir", STRING, "Working directory.", default="current working directory", pro=True),
        Field("cmd", STRING, "Command to run.", pro=True, templated=True),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE.", pro=True),
        Field(
            "artifacts",
            ListOf(
                Enum(
                    "BeforePublishHook.artifacts",
                    (
                        "image",
                        "checksum",
                        "source",
                        "package",
                        "archive",
                        "binary",
                        "sbom",
                        "installer",
                        "diskimage",
                    ),
                )
            ),
            "Which kind of artifacts to act on.",
            default="no filter",
            pro=True,
        ),
        Field("output", BOOL, "Shows the command's output in the log.", default="false", pro=True),
    ),
)

BINARY_SIGN = Obj(
    "BinarySign",
    docs_url("sign/binary_sign"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field("cmd", STRING, "Command to run.", default="'gpg'"),
        Field(
            "args",
            ListOf(STRING),
            "Arguments of the command.",
            default='["--output", "${signature}", "--detach-sig", "${artifact}"]',
            templated=True,
        ),
        Field(
            "signature",
            STRING,
            "Signing settings for the produced package.",
            default=(
                "'${artifact}_{{ .Os }}_{{ .Arch }}{{ with .Arm }}v{{ . }}{{ end "
                '}}{{ with .Mips }}_{{ . }}{{ end }}{{ if not (eq .Amd64 "v1") }}{{'
                " .Amd64 }}{{ end }}'"
            ),
            templated=True,
        ),
        Field(
            "artifacts",
            Enum("BinarySign.artifacts", ("binary", "none")),
            "Which kind of artifacts to act on.",
            default="'binary'",
        ),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            pro=True,
            templated=True,
        ),
        Field("stdin", STRING, "Text fed to the command's standard input.", templated=True),
        Field("stdin_file", STRING, "File fed to the command's standard input."),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE."),
        Field("certificate", STRING, "Certificate to use.", templated=True),
        Field("output", STRING_OR_BOOL, "Shows the command's output in the log."),
    ),
)

EXTRA_FILE = Obj(
    "ExtraFile",
    docs_url("publish/scm"),
    (
        Field("glob", STRING, "Glob of the files to include."),
        Field("name_template", STRING, "Template for the produced name."),
    ),
)

TEMPLATED_EXTRA_FILE = Obj(
    "TemplatedExtraFile",
    docs_url("publish/scm"),
    (
        Field("src", STRING, "Source path or glob.", pro=True),
        Field("dst", STRING, "Destination path.", pro=True),
    ),
)

BLOB = Obj(
    "Blob",
    docs_url("publish/blob"),
    (
        Field("bucket", STRING, "Bucket name.", templated=True),
        Field("provider", STRING, "Storage provider (s3, gs, azblob).", templated=True),
        Field("region", STRING, "Bucket region.", templated=True),
        Field("disable_ssl", BOOL, "Uses plain HTTP."),
        Field(
            "directory",
            STRING,
            "Directory inside the target repository to write to.",
            default="'{{ .ProjectName }}/{{ .Tag }}'",
            templated=True,
        ),
        Field("kms_key", STRING, "KMS key for encryption."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("endpoint", STRING, "Storage endpoint URL.", templated=True),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "Blob.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                    pro_options=(0,),
                )
            ),
            "Additional files (globs) to include.",
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "s3_force_path_style",
            BOOL,
            "Uses path-style S3 URLs.",
            default="true if `endpoint` is set, otherwise the AWS SDK default",
        ),
        Field("acl", STRING, "Access control list.", default="''"),
        Field("cache_control", ListOf(STRING), "Cache-Control header values.", default="''"),
        Field(
            "content_disposition",
            STRING,
            "Content-Disposition header.",
            default="attachment;filename={{.Filename}}",
            templated=True,
        ),
        Field("include_meta", BOOL, "Also includes metadata artifacts."),
        Field("extra_files_only", BOOL, "Only uploads the extra files."),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.3",
            pro=True,
            templated=True,
        ),
    ),
)

BUILD_DETAILS_OVERRIDE = Obj(
    "BuildDetailsOverride",
    docs_url("builds/builders/go"),
    (
        Field("goos", GOOS, "Target operating systems (GOOS)."),
        Field("goarch", GOARCH, "Target architectures (GOARCH)."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use."),
        Field("go386", GO386, "GO386 values for 386 builds."),
        Field("goarm64", GOARM64, "GOARM64 values for arm64 builds."),
        Field("goarm", STRING_OR_INT, "Which GOARM version of arm binaries to use."),
        Field("gomips", GOMIPS, "GOMIPS values for mips builds."),
        Field("goppc64", GOPPC64, "GOPPC64 values for ppc64 builds."),
        Field("goriscv64", GORISCV64, "GORISCV64 values for riscv64 builds."),
        Field(
            "buildmode",
            Enum(
                "BuildDetailsOverride.buildmode",
                ("c-archive", "c-shared", "pie", "wheel", "sdist", ""),
            ),
            "Go -buildmode value.",
        ),
        Field("ldflags", STRING_OR_LIST, "Linker flags passed to the build."),
        Field("tags", STRING_OR_LIST, "Tags (labels) to attach."),
        Field("flags", STRING_OR_LIST, "Extra flags for the tool."),
        Field("asmflags", STRING_OR_LIST, "Go -asmflags values."),
        Field("gcflags", STRING_OR_LIST, "Go -gcflags values."),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE."),
    ),
)

BUILD_HOOK_CONFIG = Obj(
    "BuildHookConfig",
    docs_url("builds/builders/go"),
    (
        Field(
            "pre",
            OneOf(
                "BuildHookConfig.pre",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run before.",
        ),
        Field(
            "post",
            OneOf(
                "BuildHookConfig.post",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run after.",
        ),
    ),
)

IGNORED_BUILD = Obj(
    "IgnoredBuild",
    docs_url("builds/builders/go"),
    (
        Field("goos", GOOS, "Target operating systems (GOOS)."),
        Field("goarch", GOARCH, "Target architectures (GOARCH)."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use."),
        Field("go386", GO386, "GO386 values for 386 builds."),
        Field("goarm", STRING_OR_INT, "Which GOARM version of arm binaries to use."),
        Field("goarm64", GOARM64, "GOARM64 values for arm64 builds."),
        Field("gomips", GOMIPS, "GOMIPS values for mips builds."),
        Field("goppc64", GOPPC64, "GOPPC64 values for ppc64 builds."),
        Field("goriscv64", GORISCV64, "GORISCV64 values for riscv64 builds."),
    ),
)

PRE_BUILT_OPTIONS = Obj(
    "PreBuiltOptions",
    docs_url("builds/builders/go"),
    (Field("path", STRING, "Path.", pro=True),),
)

BUILD = Obj(
    "Build",
    docs_url("builds/builders/go"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this build; archives, packages and others select it through `ids`.",
            default="Project name",
        ),
        Field(
            "goos",
            ListOf(GOOS),
            "Target operating systems (GOOS).",
            default="[ 'darwin', 'linux', 'windows' ]",
        ),
        Field(
            "goarch",
            ListOf(GOARCH),
            "Target architectures (GOARCH).",
            default="[ '386', 'amd64', 'arm64' ]",
        ),
        Field(
            "goamd64",
            ListOf(GOAMD64),
            "Which GOAMD64 level of amd64 binaries to use.",
            default="[ 'v1' ]",
        ),
        Field(
            "go386",
            ListOf(GO386),
            "GO386 values for 386 builds.",
            default="[ 'sse2' ]",
            since="2.4",
        ),
        Field(
            "goarm", ListOf(GOARM), "Which GOARM version of arm binaries to use.", default="[ 6 ]"
        ),
        Field(
            "goarm64",
            ListOf(GOARM64),
            "GOARM64 values for arm64 builds.",
            default="[ 'v8.0' ]",
            since="2.4",
        ),
        Field(
            "gomips",
            ListOf(GOMIPS),
            "GOMIPS values for mips builds.",
            default="[ 'hardfloat' ]",
            since="2.4",
        ),
        Field(
            "goppc64",
            ListOf(GOPPC64),
            "GOPPC64 values for ppc64 builds.",
            default="[ 'power8' ]",
            since="2.4",
        ),
        Field(
            "goriscv64",
            ListOf(GORISCV64),
            "GORISCV64 values for riscv64 builds.",
            default="[ 'rva20u64' ]",
            since="2.4",
        ),
        Field(
            "targets",
            ListOf(STRING),
            "Explicit build targets (goos_goarch[_variant]), instead of the goos/goarch matrix.",
        ),
        Field("ignore", ListOf(IGNORED_BUILD), "Target combinations to skip."),
        Field(
            "dir",
            STRING,
            "Directory the build runs in (`go build` working directory).",
            default="'.'",
        ),
        Field("main", STRING, "Main package or file to build, relative to `dir`.", default="."),
        Field(
            "binary",
            STRING,
            "Name of the produced binary (a template).",
            default="Project name",
            templated=True,
        ),
        Field("hooks", BUILD_HOOK_CONFIG, "Commands to run around this step.", templated=True),
        Field(
            "builder",
            Enum(
                "Build.builder",
                ("", "go", "rust", "zig", "bun", "deno", "node", "uv", "poetry"),
                pro_values=("prebuilt",),
            ),
            "Which builder to use (go by default).",
            default="'go'",
        ),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            templated=True,
        ),
        Field(
            "skip",
            STRING_OR_BOOL,
            "Skips this build (only the build, not the rest).",
            templated=True,
        ),
        Field(
            "tool", STRING, "Go binary to build with.", default='"go"', since="2.5", templated=True
        ),
        Field(
            "command",
            STRING,
            "Go sub-command to run (`build` by default, `test` for test binaries).",
            default="build",
        ),
        Field(
            "no_unique_dist_dir",
            STRING_OR_BOOL,
            "Puts binaries directly in dist, not one directory per target.",
            templated=True,
        ),
        Field("no_main_check", BOOL, "Skips checking that `main` holds a main function."),
        Field(
            "buildmode",
            Enum("Build.buildmode", ("c-archive", "c-shared", "pie", "wheel", "sdist", "")),
            "Go -buildmode value.",
        ),
        Field(
            "ldflags",
            STRING_OR_LIST,
            "Linker flags passed to the build.",
            default=(
                "'-s -w -X main.version={{.Version}} -X main.commit={{.Commit}} -X "
                "main.date={{.Date}} -X main.builtBy=goreleaser'"
            ),
            templated=True,
        ),
        Field("tags", STRING_OR_LIST, "Go build tags."),
        Field("flags", STRING_OR_LIST, "Extra flags of `go build`.", templated=True),
        Field("asmflags", STRING_OR_LIST, "Go -asmflags values.", templated=True),
        Field("gcflags", STRING_OR_LIST, "Go -gcflags values.", templated=True),
        Field(
            "env",
            ListOf(STRING),
            "Environment of the build command, as KEY=VALUE.",
            default="os.Environ() ++ env config section",
            templated=True,
        ),
        Field(
            "overrides", ListOf(BUILD_DETAILS_OVERRIDE), "Per-target overrides of these settings."
        ),
        Field(
            "prebuilt",
            PRE_BUILT_OPTIONS,
            "Where prebuilt binaries are imported from (Pro).",
            pro=True,
        ),
        Field(
            "gobinary",
            STRING,
            "Go binary to use (deprecated: use `tool`).",
            default='"go"',
            templated=True,
        ),
    ),
)

INCLUDE_FROM_FILE = Obj(
    "IncludeFromFile",
    docs_url("publish/scm"),
    (Field("path", STRING, "Path.", pro=True, templated=True),),
)

INCLUDE_FROM_URL = Obj(
    "IncludeFromURL",
    docs_url("publish/scm"),
    (
        Field("url", STRING, "URL.", pro=True, templated=True),
        Field("headers", STRING_MAP, "HTTP headers to send.", pro=True),
    ),
)

INCLUDE_SPEC = Obj(
    "IncludeSpec",
    docs_url("publish/scm"),
    (
        Field("from_url", INCLUDE_FROM_URL, "Reads the content from a URL.", pro=True),
        Field("from_file", INCLUDE_FROM_FILE, "Reads the content from a file.", pro=True),
    ),
)

CHANGELOG_AI = Obj(
    "ChangelogAI",
    docs_url("publish/changelog"),
    (
        Field(
            "use",
            Enum("ChangelogAI.use", ("anthropic", "openai", "ollama")),
            "Which tool or backend to use.",
            pro=True,
        ),
        Field(
            "prompt",
            OneOf(
                "ChangelogAI.prompt",
                (
                    STRING,
                    INCLUDE_SPEC,
                ),
            ),
            "Prompt for the model.",
            pro=True,
            templated=True,
        ),
        Field("model", STRING, "Model to use.", pro=True),
    ),
)

CHANGELOG_SUBGROUP = Obj(
    "ChangelogSubgroup",
    docs_url("publish/changelog"),
    (
        Field("title", STRING, "Title text.", pro=True),
        Field("regexp", STRING, "Regular expression a commit message must match.", pro=True),
        Field("order", INT, "Position of this group.", pro=True),
    ),
)

CHANGELOG_GROUP = Obj(
    "ChangelogGroup",
    docs_url("publish/changelog"),
    (
        Field("title", STRING, "Title text."),
        Field("regexp", STRING, "Regular expression a commit message must match."),
        Field("order", INT, "Position of this group."),
        Field(
            "groups",
            ListOf(CHANGELOG_SUBGROUP),
            "Groups of changelog entries, matched by regexp.",
            pro=True,
        ),
    ),
)

FILTERS = Obj(
    "Filters",
    docs_url("publish/changelog"),
    (
        Field("include", ListOf(STRING), "Only commits matching one of these regexps."),
        Field("exclude", ListOf(STRING), "Commits matching one of these regexps are left out."),
    ),
)

CHANGELOG = Obj(
    "Changelog",
    docs_url("publish/changelog"),
    (
        Field("filters", FILTERS, "Commit messages to include or exclude."),
        Field("sort", CHANGELOG_SORT, "Order of changelog entries."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("use", CHANGELOG_USE, "Where the changelog comes from.", default="'git'"),
        Field("format", STRING, "Output format.", templated=True),
        Field("groups", ListOf(CHANGELOG_GROUP), "Groups of changelog entries, matched by regexp."),
        Field("divider", STRING, "Text between groups (Pro).", pro=True),
        Field("abbrev", INT, "Length of the commit hash shown (-1 hides it)."),
        Field(
            "paths",
            ListOf(STRING),
            "Only commits touching these paths (Pro).",
            default="monorepo.dir value, or empty if no monorepo",
            pro=True,
        ),
        Field("ai", CHANGELOG_AI, "AI-written changelog (Pro).", pro=True),
        Field(
            "title",
            STRING,
            "Title text.",
            default='"Changelog"',
            since="2.12",
            pro=True,
            templated=True,
        ),
    ),
)

CHECKSUM = Obj(
    "Checksum",
    docs_url("package/checksum"),
    (
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'{{ .ProjectName }}_{{ .Version }}_checksums.txt', or,",
            templated=True,
        ),
        Field(
            "algorithm", CHECKSUM_ALGORITHM, "Hash algorithm of the checksums.", default="'sha256'"
        ),
        Field("split", BOOL, "Writes one checksum file per artifact."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("disable", BOOL, "Turns this entry off; accepts a template rendering to true/false."),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "Checksum.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                    pro_options=(0,),
                )
            ),
            "Additional files (globs) to include.",
            templated=True,
        ),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
    ),
)

CHOCOLATEY_DEPENDENCY = Obj(
    "ChocolateyDependency",
    docs_url("package/chocolatey"),
    (
        Field("id", STRING, "Unique id of this entry; other sections select it through `ids`."),
        Field("version", STRING, "Version."),
    ),
)

CHOCOLATEY = Obj(
    "Chocolatey",
    docs_url("package/chocolatey"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name"),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("package_source_url", STRING, "URL of the package source."),
        Field("owners", STRING, "Package owners."),
        Field("title", STRING, "Title text.", default="the project name"),
        Field("authors", STRING, "Package authors."),
        Field("project_url", STRING, "Project URL."),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            default="depends on the git remote",
            templated=True,
        ),
        Field("icon_url", STRING, "URL of the icon to show."),
        Field("copyright", STRING, "Copyright notice.", templated=True),
        Field("license_url", STRING, "URL of the license."),
        Field("require_license_acceptance", BOOL, "Asks users to accept the license."),
        Field("project_source_url", STRING, "URL of the project source."),
        Field("docs_url", STRING, "Documentation URL."),
        Field("bug_tracker_url", STRING, "Bug tracker URL."),
        Field("tags", STRING, "Tags (labels) to attach."),
        Field("summary", STRING, "Short summary.", templated=True),
        Field("description", STRING, "Human-readable description.", templated=True),
        Field("release_notes", STRING, "Release notes text or template.", templated=True),
        Field("dependencies", ListOf(CHOCOLATEY_DEPENDENCY), "Packages this package depends on."),
        Field("skip_publish", BOOL, "Skips publishing."),
        Field("api_key", STRING, "API key.", templated=True),
        Field("source_repo", STRING, "Repository to push to."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "use",
            Enum("Chocolatey.use", ("archive", "msi", "nsis")),
            "Which tool or backend to use.",
            default="'archive'",
            pro=True,
        ),
    ),
)

CLOUDSMITH = Obj(
    "Cloudsmith",
    docs_url("publish/cloudsmith"),
    (
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field("organization", STRING, "Organization.", pro=True, templated=True),
        Field(
            "repository",
            STRING,
            "Repository to push the generated file to.",
            pro=True,
            templated=True,
        ),
        Field(
            "formats",
            ListOf(Enum("Cloudsmith.formats", ("apk", "deb", "rpm", "src.rpm"))),
            "Output formats.",
            default="['apk', 'deb', 'rpm']",
            pro=True,
        ),
        Field(
            "secret_name",
            STRING,
            "Name of the secret holding the credential.",
            default="'CLOUDSMITH_TOKEN'",
            pro=True,
        ),
        Field(
            "disable",
            STRING,
            "Turns this entry off; accepts a template rendering to true/false.",
            pro=True,
            templated=True,
        ),
        Field("distributions", MapOf(STRING_OR_LIST), "Distributions.", pro=True),
        Field("component", STRING, "Component.", since="2.7", pro=True),
        Field(
            "republish",
            STRING_OR_BOOL,
            "Republishes existing versions.",
            since="2.11",
            pro=True,
            templated=True,
        ),
    ),
)

DMG = Obj(
    "DMG",
    docs_url("package/dmg"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "name",
            STRING,
            "Name of this entry.",
            default="'{{.ProjectName}}_{{.Arch}}'",
            pro=True,
            templated=True,
        ),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field(
            "goamd64",
            GOAMD64,
            "Which GOAMD64 level of amd64 binaries to use.",
            default="v1",
            pro=True,
        ),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "DMG.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                )
            ),
            "Additional files (globs) to include.",
            pro=True,
        ),
        Field("replace", BOOL, "Replaces the original artifacts with the produced ones.", pro=True),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            pro=True,
            templated=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.4",
            pro=True,
            templated=True,
        ),
        Field(
            "use",
            Enum("DMG.use", ("binary", "appbundle")),
            "Which tool or backend to use.",
            default="'binary'",
            since="2.4",
            pro=True,
        ),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            since="2.4",
            pro=True,
            templated=True,
        ),
    ),
)

RETRY = Obj(
    "Retry",
    docs_url("package/dockers_v2"),
    (
        Field("attempts", INT, "Number of attempts.", default="10"),
        Field("delay", STRING, "Initial delay between attempts (duration).", default="10s"),
        Field("max_delay", STRING, "Maximum delay between attempts (duration).", default="5m"),
    ),
)

TEMPLATED_EXTRA_FILE_WITH_MODE = Obj(
    "TemplatedExtraFileWithMode",
    docs_url("package/dockers_v2"),
    (
        Field("src", STRING, "Source path or glob.", pro=True, templated=True),
        Field("dst", STRING, "Destination path.", pro=True, templated=True),
        Field("mode", INT, "File mode or operation mode.", default="0o644", pro=True),
    ),
)

DOCKER = Obj(
    "Docker",
    docs_url("package/docker"),
    (
        Field("id", STRING, "Unique id of this entry; other sections select it through `ids`."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("goos", GOOS, "Target operating systems (GOOS).", default="'linux'"),
        Field("goarch", GOARCH, "Target architectures (GOARCH).", default="'amd64'"),
        Field("goarm", STRING_OR_INT, "Which GOARM version of arm binaries to use.", default="'6'"),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "dockerfile", STRING, "Path to the Dockerfile.", default="'Dockerfile'", templated=True
        ),
        Field(
            "image_templates",
            ListOf(STRING),
            "Templates of the image names to build.",
            templated=True,
        ),
        Field(
            "skip_build",
            STRING_OR_BOOL,
            "Skips building the image (Pro).",
            pro=True,
            templated=True,
        ),
        Field("skip_push", STRING_OR_BOOL, "Skips pushing; true, false or `auto`.", templated=True),
        Field("extra_files", ListOf(STRING), "Additional files (globs) to include."),
        Field("build_flag_templates", ListOf(STRING), "Templates of build flags.", templated=True),
        Field("push_flags", ListOf(STRING), "Extra flags for the push command."),
        Field(
            "use",
            Enum("Docker.use", ("docker", "buildx"), pro_values=("podman",)),
            "Which tool or backend to use.",
            default="'docker'",
        ),
        Field("retry", RETRY, "Retry policy for the network operation.", since="2.12"),
        Field(
            "templated_files",
            ListOf(TEMPLATED_EXTRA_FILE_WITH_MODE),
            "Files rendered as templates and included.",
            pro=True,
            templated=True,
        ),
        Field(
            "templated_dockerfile",
            STRING,
            "Dockerfile rendered as a template (Pro).",
            pro=True,
            templated=True,
        ),
    ),
)

DOCKER_DIGEST = Obj(
    "DockerDigest",
    docs_url("package/docker_digests"),
    (
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'digests.txt'",
            templated=True,
        ),
    ),
)

DOCKER_HUB = Obj(
    "DockerHub",
    docs_url("publish/dockerhub"),
    (
        Field(
            "username",
            STRING,
            "User name to post as.",
            default='"{{ .Env.DOCKER_USERNAME }}"',
            pro=True,
            templated=True,
        ),
        Field(
            "secret_name",
            STRING,
            "Name of the secret holding the credential.",
            default='"DOCKER_PASSWORD"',
            pro=True,
            templated=True,
        ),
        Field(
            "images", ListOf(STRING), "Image names (templates) to build.", pro=True, templated=True
        ),
        Field(
            "disable",
            STRING,
            "Turns this entry off; accepts a template rendering to true/false.",
            pro=True,
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            pro=True,
            templated=True,
        ),
        Field(
            "full_description",
            OneOf(
                "DockerHub.full_description",
                (
                    STRING,
                    INCLUDE_SPEC,
                ),
            ),
            "Full description.",
            pro=True,
            templated=True,
        ),
    ),
)

DOCKER_MANIFEST = Obj(
    "DockerManifest",
    docs_url("package/docker_manifest"),
    (
        Field("id", STRING, "Unique id of this entry; other sections select it through `ids`."),
        Field("name_template", STRING, "Template for the produced name.", templated=True),
        Field("skip_push", STRING_OR_BOOL, "Skips pushing; true, false or `auto`.", templated=True),
        Field(
            "image_templates",
            ListOf(STRING),
            "Templates of the image names to build.",
            templated=True,
        ),
        Field("create_flags", ListOf(STRING), "Flags of the manifest create command."),
        Field("push_flags", ListOf(STRING), "Extra flags for the push command."),
        Field("use", STRING, "Which tool or backend to use.", default="'docker'"),
        Field("retry", RETRY, "Retry policy for the network operation.", since="2.12"),
    ),
)

DOCKER_V2 = Obj(
    "DockerV2",
    docs_url("package/dockers_v2"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="project name",
        ),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field(
            "dockerfile", STRING, "Path to the Dockerfile.", default="'Dockerfile'", templated=True
        ),
        Field("images", ListOf(STRING), "Image names (templates) to build.", templated=True),
        Field(
            "tags", ListOf(STRING), "Tags (labels) to attach.", default="'{{.Tag}}'", templated=True
        ),
        Field("labels", STRING_MAP, "Labels to set on the image.", templated=True),
        Field("annotations", STRING_MAP, "Annotations to set on the image.", templated=True),
        Field("extra_files", ListOf(STRING), "Additional files (globs) to include."),
        Field(
            "platforms",
            ListOf(STRING),
            "Target platforms.",
            default="[ linux/amd64 linux/arm64 ]",
            templated=True,
        ),
        Field("build_args", STRING_MAP, "Docker build arguments.", templated=True),
        Field("flags", ListOf(STRING), "Extra flags for the tool.", templated=True),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.12",
            templated=True,
        ),
        Field(
            "sbom",
            STRING_OR_BOOL,
            "Generates an SBOM.",
            default="'true'",
            since="2.12",
            templated=True,
        ),
        Field("hooks", BUILD_HOOK_CONFIG, "Commands to run around this step.", since="2.16"),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE_WITH_MODE),
            "Additional files rendered as templates before use.",
            since="2.17",
            pro=True,
            templated=True,
        ),
        Field(
            "templated_dockerfile",
            STRING,
            "Dockerfile rendered as a template (Pro).",
            since="2.17",
            pro=True,
            templated=True,
        ),
        Field("retry", RETRY, "Retry policy for the network operation."),
    ),
)

ENV_FILES = Obj(
    "EnvFiles",
    docs_url("publish/scm"),
    (
        Field("github_token", STRING, "File with the GitHub token."),
        Field("gitlab_token", STRING, "File with the GitLab token."),
        Field("gitea_token", STRING, "File with the Gitea token."),
    ),
)

FLATPAK = Obj(
    "Flatpak",
    docs_url("package/flatpak"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="empty",
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="empty (include all)",
        ),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default=(
                "'{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with "
                ".Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not"
                ' (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end }}\''
            ),
            templated=True,
        ),
        Field("app_id", STRING, "Application id."),
        Field("runtime", STRING, "Runtime."),
        Field("runtime_version", STRING, "Runtime version."),
        Field("sdk", STRING, "SDK."),
        Field("command", STRING, "Command to run.", default="the first binary name"),
        Field("finish_args", ListOf(STRING), "Sandbox permissions.", default="empty"),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
    ),
)

FURY = Obj(
    "Fury",
    docs_url("publish/gemfury"),
    (
        Field("account", STRING, "Account name.", pro=True),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field(
            "formats",
            ListOf(Enum("Fury.formats", ("apk", "deb", "rpm", "src.rpm"))),
            "Output formats.",
            default="['deb', 'rpm', 'apk']",
            pro=True,
        ),
        Field(
            "secret_name",
            STRING,
            "Name of the secret holding the credential.",
            default="'FURY_TOKEN'",
            pro=True,
        ),
        Field(
            "disable",
            STRING,
            "Turns this entry off; accepts a template rendering to true/false.",
            pro=True,
            templated=True,
        ),
    ),
)

GIT = Obj(
    "Git",
    docs_url("general/git"),
    (
        Field(
            "tag_sort",
            Enum(
                "Git.tag_sort",
                ("-version:refname", "-version:creatordate"),
                pro_values=("semver", "smartsemver"),
            ),
            "How tags are sorted to find the current and previous one.",
            default="'-version:refname'",
        ),
        Field("prerelease_suffix", STRING, "Suffix that marks pre-release tags when sorting."),
        Field("ignore_tags", ListOf(STRING), "Tags (templates) to ignore.", templated=True),
        Field(
            "ignore_tag_prefixes",
            ListOf(STRING),
            "Tag prefixes to ignore (Pro).",
            pro=True,
            templated=True,
        ),
    ),
)

GITHUB_URLS = Obj(
    "GitHubURLs",
    docs_url("publish/scm/github"),
    (
        Field("api", STRING, "API URL."),
        Field("upload", STRING, "Upload URL."),
        Field("download", STRING, "Download URL."),
        Field("skip_tls_verify", BOOL, "Skips TLS certificate verification (insecure)."),
    ),
)

GITLAB_URLS = Obj(
    "GitLabURLs",
    docs_url("publish/scm/gitlab"),
    (
        Field("api", STRING, "API URL."),
        Field("download", STRING, "Download URL."),
        Field("skip_tls_verify", BOOL, "Skips TLS certificate verification (insecure)."),
        Field("use_package_registry", BOOL, "Uses the GitLab package registry."),
        Field("use_job_token", BOOL, "Uses the CI job token."),
    ),
)

GITEA_URLS = Obj(
    "GiteaURLs",
    docs_url("publish/scm/gitea"),
    (
        Field("api", STRING, "API URL."),
        Field("download", STRING, "Download URL."),
        Field("skip_tls_verify", BOOL, "Skips TLS certificate verification (insecure)."),
    ),
)

GO_MOD = Obj(
    "GoMod",
    docs_url("builds/verifiable_builds"),
    (
        Field("proxy", BOOL, "Builds from the Go module proxy (verifiable builds)."),
        Field(
            "env",
            ListOf(STRING),
            "Environment of the `go mod` commands.",
            default="os.Environ()` merged with what you set the root `env` section",
        ),
        Field("gobinary", STRING, "Go binary used for the module commands.", default="go"),
        Field("mod", STRING, "Value of `-mod` for the module commands."),
        Field("dir", STRING, "Directory holding the go.mod to use.", default="''"),
    ),
)

HOMEBREW_DEPENDENCY = Obj(
    "HomebrewDependency",
    docs_url("publish/homebrew_formulas"),
    (
        Field("name", STRING, "Name of this entry."),
        Field("type", STRING, "Kind of this entry."),
        Field("version", STRING, "Version."),
        Field(
            "os", Enum("HomebrewDependency.os", ("mac", "linux")), "Operating system it applies to."
        ),
    ),
)

GIT_REPO_REF = Obj(
    "GitRepoRef",
    docs_url("publish/homebrew_casks"),
    (
        Field("url", STRING, "URL."),
        Field("ssh_command", STRING, "SSH command to use."),
        Field("private_key", STRING, "Private key (path or content) used to push."),
    ),
)

PULL_REQUEST_BASE = Obj(
    "PullRequestBase",
    docs_url("publish/homebrew_casks"),
    (
        Field("owner", STRING, "Repository owner."),
        Field("name", STRING, "Name of this entry."),
        Field("branch", STRING, "Branch to use."),
    ),
)

PULL_REQUEST = Obj(
    "PullRequest",
    docs_url("publish/homebrew_casks"),
    (
        Field("enabled", BOOL, "Turns this entry on; accepts a template rendering to true/false."),
        Field(
            "base",
            OneOf(
                "PullRequest.base",
                (
                    STRING,
                    PULL_REQUEST_BASE,
                ),
            ),
            "Base to use.",
        ),
        Field("draft", BOOL, "Creates it as a draft."),
        Field(
            "token", STRING, "Token to authenticate with (usually a template reading an env var)."
        ),
        Field("check_boxes", BOOL, "Checks the PR template's boxes (Pro).", pro=True),
        Field("body", STRING, "Body text.", pro=True),
    ),
)

REPO_REF = Obj(
    "RepoRef",
    docs_url("publish/homebrew_casks"),
    (
        Field("owner", STRING, "Repository owner."),
        Field("name", STRING, "Name of this entry."),
        Field(
            "token", STRING, "Token to authenticate with (usually a template reading an env var)."
        ),
        Field(
            "token_type",
            Enum("RepoRef.token_type", ("github", "gitlab", "gitea")),
            "Kind of token (Pro).",
            pro=True,
        ),
        Field("branch", STRING, "Branch to use."),
        Field("git", GIT_REPO_REF, "Git repository settings."),
        Field("pull_request", PULL_REQUEST, "Opens a pull request instead of pushing."),
    ),
)

HOMEBREW = Obj(
    "Homebrew",
    docs_url("publish/homebrew_formulas"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message.", templated=True),
        Field("directory", STRING, "Directory inside the target repository to write to."),
        Field("caveats", STRING, "Caveats shown to the user after install."),
        Field("install", STRING, "Install instructions.", default="'bin.install \"BinaryName\"'"),
        Field("extra_install", STRING, "Extra install instructions."),
        Field("post_install", STRING, "Commands run after install."),
        Field(
            "dependencies",
            ListOf(
                OneOf(
                    "Homebrew.dependencies",
                    (
                        STRING,
                        HOMEBREW_DEPENDENCY,
                    ),
                )
            ),
            "Packages this package depends on.",
        ),
        Field("test", STRING, "Test block."),
        Field("conflicts", ListOf(STRING), "Packages this one conflicts with."),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field("download_strategy", STRING, "Download strategy class."),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            templated=True,
        ),
        Field("url_headers", ListOf(STRING), "Headers for the download URL."),
        Field("custom_require", STRING, "Custom require statement."),
        Field("custom_block", STRING, "Extra text added to the generated file."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("goarm", STRING_OR_INT, "Which GOARM version of arm binaries to use.", default="6"),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="v1"),
        Field("service", STRING, "Service definition."),
        Field(
            "alternative_names",
            ListOf(STRING),
            "Other names to publish under (Pro).",
            pro=True,
            templated=True,
        ),
        Field("app", STRING, "macOS app bundle to install (Pro).", pro=True),
    ),
)

HOMEBREW_CASK_COMPLETIONS = Obj(
    "HomebrewCaskCompletions",
    docs_url("publish/homebrew_casks"),
    (
        Field("bash", STRING, "Bash completion file."),
        Field("zsh", STRING, "Zsh completion file."),
        Field("fish", STRING, "Fish completion file."),
    ),
)

HOMEBREW_CASK_CONFLICT = Obj(
    "HomebrewCaskConflict",
    docs_url("publish/homebrew_casks"),
    (
        Field("cask", STRING, "Cask it conflicts with."),
        Field("formula", STRING, "Formula it conflicts with (no-op, deprecated)."),
    ),
)

HOMEBREW_CASK_DEPENDENCY = Obj(
    "HomebrewCaskDependency",
    docs_url("publish/homebrew_casks"),
    (
        Field("cask", STRING, "Cask it conflicts with."),
        Field("formula", STRING, "Formula it conflicts with (no-op, deprecated)."),
    ),
)

HOMEBREW_CASK_GENERATED_COMPLETIONS = Obj(
    "HomebrewCaskGeneratedCompletions",
    docs_url("publish/homebrew_casks"),
    (
        Field("executable", STRING, "Executable to run.", default="the first binary in the cask"),
        Field("args", ListOf(STRING), "Arguments of the command."),
        Field("base_name", STRING, "Base name of the completion files.", default="the binary name"),
        Field("shell_parameter_format", STRING, "How the shell is passed to the binary."),
        Field(
            "shells",
            ListOf(STRING),
            "Shells to generate completions for.",
            default="[bash, zsh, fish]. cobra and typer also include pwsh by default",
        ),
    ),
)

HOMEBREW_CASK_HOOK = Obj(
    "HomebrewCaskHook",
    docs_url("publish/homebrew_casks"),
    (
        Field("install", STRING, "Install instructions."),
        Field("uninstall", STRING, "Uninstall steps."),
    ),
)

HOMEBREW_CASK_HOOKS = Obj(
    "HomebrewCaskHooks",
    docs_url("publish/homebrew_casks"),
    (
        Field("pre", HOMEBREW_CASK_HOOK, "Hooks run before."),
        Field("post", HOMEBREW_CASK_HOOK, "Hooks run after."),
    ),
)

HOMEBREW_CASK_URL = Obj(
    "HomebrewCaskURL",
    docs_url("publish/homebrew_casks"),
    (
        Field("template", STRING, "Template text.", templated=True),
        Field("verified", STRING, "Verified download domain.", templated=True),
        Field("using", STRING, "Download strategy.", templated=True),
        Field("cookies", STRING_MAP, "Cookies to send.", templated=True),
        Field("referer", STRING, "Referer to send.", templated=True),
        Field("headers", ListOf(STRING), "HTTP headers to send.", templated=True),
        Field("user_agent", STRING, "User agent to send.", templated=True),
        Field("data", STRING_MAP, "Data to send.", templated=True),
    ),
)

HOMEBREW_CASK_UNINSTALL = Obj(
    "HomebrewCaskUninstall",
    docs_url("publish/homebrew_casks"),
    (
        Field("launchctl", ListOf(STRING), "launchctl services to remove."),
        Field("quit", ListOf(STRING), "Apps to quit."),
        Field("login_item", ListOf(STRING), "Login items to remove."),
        Field("delete", ListOf(STRING), "Paths to delete."),
        Field("trash", ListOf(STRING), "Paths to move to the trash."),
    ),
)

HOMEBREW_CASK = Obj(
    "HomebrewCask",
    docs_url("publish/homebrew_casks"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message.", templated=True),
        Field(
            "directory",
            STRING,
            "Directory inside the target repository to write to.",
            default="Casks",
        ),
        Field("caveats", STRING, "Caveats shown to the user after install."),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field("custom_block", STRING, "Extra text added to the generated file."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("service", STRING, "Service definition."),
        Field(
            "binaries",
            ListOf(STRING),
            "Binaries the cask links.",
            default="the cask name",
            templated=True,
        ),
        Field("manpages", ListOf(STRING), "Man pages the cask installs.", templated=True),
        Field("url", HOMEBREW_CASK_URL, "URL."),
        Field(
            "completions",
            HOMEBREW_CASK_COMPLETIONS,
            "Shell completions to install.",
            templated=True,
        ),
        Field(
            "dependencies", ListOf(HOMEBREW_CASK_DEPENDENCY), "Packages this package depends on."
        ),
        Field("conflicts", ListOf(HOMEBREW_CASK_CONFLICT), "Packages this one conflicts with."),
        Field("hooks", HOMEBREW_CASK_HOOKS, "Commands to run around this step.", templated=True),
        Field("uninstall", HOMEBREW_CASK_UNINSTALL, "Uninstall steps."),
        Field("zap", HOMEBREW_CASK_UNINSTALL, "Files removed on `brew uninstall --zap`."),
        Field(
            "generate_completions_from_executable",
            HOMEBREW_CASK_GENERATED_COMPLETIONS,
            "Generates shell completions by running the binary.",
            since="2.15",
        ),
        Field("license", STRING, "License identifier of the package."),
        Field(
            "alternative_names",
            ListOf(STRING),
            "Other names to publish under (Pro).",
            pro=True,
            templated=True,
        ),
        Field("app", STRING, "macOS app bundle to install (Pro).", pro=True, templated=True),
        Field("manpage", STRING, "Man page the cask installs (deprecated: use `manpages`)."),
        Field("binary", STRING, "Binary the cask links (deprecated: use `binaries`)."),
    ),
)

INCLUDE = Obj(
    "Include",
    docs_url("general/includes"),
    (
        Field("from_url", INCLUDE_FROM_URL, "Reads the content from a URL.", pro=True),
        Field("from_file", INCLUDE_FROM_FILE, "Reads the content from a file.", pro=True),
    ),
)

IRU = Obj(
    "Iru",
    docs_url("publish/iru"),
    (
        Field("url", STRING, "URL.", templated=True),
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="all uploadable archives and binaries",
        ),
        Field(
            "api_token",
            STRING,
            "API token.",
            default="the $IRU_API_TOKEN environment variable",
            templated=True,
        ),
        Field("library_item_id", STRING, "Id of the Iru library item to update.", templated=True),
        Field(
            "install_type",
            Enum("Iru.install_type", ("package", "zip", "image")),
            "How Iru installs the package.",
            default="zip",
        ),
        Field(
            "install_enforcement",
            Enum(
                "Iru.install_enforcement",
                ("install_once", "continuously_enforce", "no_enforcement"),
            ),
            "How strictly Iru enforces the install.",
            default="install_once",
        ),
        Field("unzip_location", STRING, "Where Iru unzips the package."),
        Field("audit_script", STRING, "Script Iru runs to audit the install."),
        Field("preinstall_script", STRING, "Script run before install."),
        Field("postinstall_script", STRING, "Script run after install."),
        Field("show_in_self_service", BOOL, "Shows the item in Self Service."),
        Field(
            "self_service_category_id",
            STRING,
            "Self Service category id.",
            templated=True,
        ),
        Field("self_service_recommended", BOOL, "Marks the item as recommended in Self Service."),
        Field(
            "active",
            BOOL,
            "Makes the library item active.",
            default="true, applied by the API when creating",
        ),
        Field("restart", BOOL, "Restarts the device after install."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
    ),
)

KO = Obj(
    "Ko",
    docs_url("package/ko"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="project name",
        ),
        Field("build", STRING, "Build function body.", default="id"),
        Field("main", STRING, "Path to the main package (or file) to build.", default="build.main"),
        Field("working_dir", STRING, "Working directory.", default="build.dir"),
        Field(
            "base_image",
            STRING,
            "Base image.",
            default="'cgr.dev/chainguard/static'",
            templated=True,
        ),
        Field("labels", STRING_MAP, "Labels to set on the image.", templated=True),
        Field("annotations", STRING_MAP, "Annotations to set on the image.", templated=True),
        Field("user", STRING, "User to run as."),
        Field(
            "repositories",
            ListOf(STRING),
            "Image repositories to push to.",
            default="[ '$KO_DOCKER_REPO' ]",
            templated=True,
        ),
        Field("platforms", ListOf(STRING), "Target platforms.", default="'linux/amd64'"),
        Field(
            "tags", ListOf(STRING), "Tags (labels) to attach.", default="'latest'", templated=True
        ),
        Field("creation_time", STRING, "Image creation time.", templated=True),
        Field("ko_data_creation_time", STRING, "Creation time of ko data files.", templated=True),
        Field("sbom", Enum("Ko.sbom", ("spdx", "none")), "Generates an SBOM.", default="'spdx'"),
        Field(
            "sbom_directory",
            STRING,
            "Directory the SBOM is written to.",
            default=(
                "unset - no SBOM written to filesystem (but still uploaded to oci repository)"
            ),
        ),
        Field(
            "ldflags",
            ListOf(STRING),
            "Linker flags passed to the build.",
            default="build.ldflags",
            templated=True,
        ),
        Field(
            "flags",
            ListOf(STRING),
            "Extra flags for the tool.",
            default="build.flags",
            templated=True,
        ),
        Field(
            "env",
            ListOf(STRING),
            "Environment variables, as KEY=VALUE.",
            default="build.env",
            templated=True,
        ),
        Field("bare", BOOL, "Uses the repository name only."),
        Field("preserve_import_paths", BOOL, "Keeps the import path in the image name."),
        Field("base_import_paths", BOOL, "Uses the base import path in the image name."),
        Field(
            "local_domain", STRING, "Domain used for local builds.", since="2.10", templated=True
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.8",
            templated=True,
        ),
        Field(
            "repository",
            STRING,
            "Image repository (deprecated: use `repositories`).",
            default="'$KO_DOCKER_REPO'",
            templated=True,
        ),
    ),
)

KREW = Obj(
    "Krew",
    docs_url("publish/krew"),
    (
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message."),
        Field("caveats", STRING, "Caveats shown to the user after install."),
        Field(
            "short_description",
            STRING,
            "Short description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            templated=True,
        ),
        Field("goarm", STRING_OR_INT, "Which GOARM version of arm binaries to use.", default="6"),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
        ),
    ),
)

MCP_AUTH = Obj(
    "MCPAuth",
    docs_url("publish/mcp"),
    (
        Field(
            "type",
            Enum("MCPAuth.type", ("none", "github", "github-oidc")),
            "Kind of this entry.",
            default="none",
        ),
        Field(
            "token",
            STRING,
            "Token to authenticate with (usually a template reading an env var).",
            default="'$MCP_GITHUB_TOKEN'",
            templated=True,
        ),
    ),
)

MCP_TRANSPORT = Obj(
    "MCPTransport",
    docs_url("publish/mcp"),
    (
        Field(
            "type",
            Enum("MCPTransport.type", ("stdio", "streamable-http", "sse")),
            "Kind of this entry.",
        ),
    ),
)

MCP_PACKAGE = Obj(
    "MCPPackage",
    docs_url("publish/mcp"),
    (
        Field(
            "registry_type",
            Enum("MCPPackage.registry_type", ("oci", "npm", "pypi", "nuget", "mcpb")),
            "Package registry type.",
        ),
        Field("identifier", STRING, "Package identifier in its registry.", templated=True),
        Field("transport", MCP_TRANSPORT, "Transport settings."),
    ),
)

MCP_REPOSITORY = Obj(
    "MCPRepository",
    docs_url("publish/mcp"),
    (
        Field("url", STRING, "URL.", templated=True),
        Field(
            "source", Enum("MCPRepository.source", ("github", "gitlab", "gitea")), "Source path."
        ),
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            templated=True,
        ),
        Field("subfolder", STRING, "Subfolder of the server.", templated=True),
    ),
)

MCP_DETAILS = Obj(
    "MCPDetails",
    docs_url("publish/mcp"),
    (
        Field("name", STRING, "Name of this entry."),
        Field("title", STRING, "Title text."),
        Field("description", STRING, "Human-readable description."),
        Field("homepage", STRING, "Project homepage URL."),
        Field("packages", ListOf(MCP_PACKAGE), "Packages of the server."),
        Field("transports", ListOf(MCP_TRANSPORT), "Transports the server supports."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
        ),
        Field("repository", MCP_REPOSITORY, "Repository to push the generated file to."),
        Field("auth", MCP_AUTH, "Authentication settings."),
    ),
)

MCP = Obj(
    "MCP",
    docs_url("publish/mcp"),
    (
        Field(
            "github", MCP_DETAILS, "GitHub repository of the server (deprecated: use `repository`)."
        ),
        Field("name", STRING, "Name of this entry.", templated=True),
        Field("title", STRING, "Title text.", templated=True),
        Field("description", STRING, "Human-readable description.", templated=True),
        Field("homepage", STRING, "Project homepage URL.", templated=True),
        Field("packages", ListOf(MCP_PACKAGE), "Packages of the server."),
        Field("transports", ListOf(MCP_TRANSPORT), "Transports the server supports."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("repository", MCP_REPOSITORY, "Repository to push the generated file to."),
        Field("auth", MCP_AUTH, "Authentication settings."),
    ),
)

MSI_HOOKS = Obj(
    "MSIHooks",
    docs_url("package/msi"),
    (
        Field(
            "before",
            OneOf(
                "MSIHooks.before",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run before this step.",
            pro=True,
        ),
        Field(
            "after",
            OneOf(
                "MSIHooks.after",
                (
                    STRING,
                    ListOf(
                        OneOf(
                            "Hook",
                            (
                                STRING,
                                HOOK,
                            ),
                        )
                    ),
                ),
            ),
            "Hooks run after this step.",
            pro=True,
        ),
    ),
)

MSI = Obj(
    "MSI",
    docs_url("package/msi"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "name",
            STRING,
            "Name of this entry.",
            default="'{{.ProjectName}}_{{.MsiArch}}'",
            pro=True,
            templated=True,
        ),
        Field("wxs", STRING, "WiX source file.", pro=True, templated=True),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field(
            "goamd64",
            GOAMD64,
            "Which GOAMD64 level of amd64 binaries to use.",
            default="v1",
            pro=True,
        ),
        Field("extra_files", ListOf(STRING), "Additional files (globs) to include.", pro=True),
        Field("replace", BOOL, "Replaces the original artifacts with the produced ones.", pro=True),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            pro=True,
            templated=True,
        ),
        Field(
            "extensions",
            ListOf(STRING),
            "Extensions to enable.",
            since="2.6",
            pro=True,
            templated=True,
        ),
        Field("hooks", MSI_HOOKS, "Commands to run around this step.", since="2.14", pro=True),
        Field(
            "version",
            Enum("MSI.version", ("v3", "v4")),
            "Version.",
            default="inferred from the .wxs file",
            since="2.7",
            pro=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.12",
            pro=True,
            templated=True,
        ),
    ),
)

MACOS_PKG = Obj(
    "MacOSPkg",
    docs_url("package/pkg"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "name",
            STRING,
            "Name of this entry.",
            default="'{{.ProjectName}}_{{.Arch}}'",
            pro=True,
            templated=True,
        ),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field("replace", BOOL, "Replaces the original artifacts with the produced ones.", pro=True),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            pro=True,
            templated=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            pro=True,
            templated=True,
        ),
        Field(
            "use",
            Enum("MacOSPkg.use", ("binary", "appbundle")),
            "Which tool or backend to use.",
            default="'binary'",
            pro=True,
        ),
        Field(
            "identifier", STRING, "Package identifier in its registry.", pro=True, templated=True
        ),
        Field(
            "install_location",
            STRING,
            "Install location.",
            default="'/usr/local/bin'",
            pro=True,
            templated=True,
        ),
        Field("scripts", STRING, "Scripts run by the package manager.", pro=True, templated=True),
    ),
)

MAKESELF_FILE = Obj(
    "MakeselfFile",
    docs_url("package/makeself"),
    (
        Field("src", STRING, "Source path or glob."),
        Field("dst", STRING, "Destination path."),
        Field("strip_parent", BOOL, "Drops the parent directories of matched files."),
    ),
)

MAKESELF_TEMPLATED_FILE = Obj(
    "MakeselfTemplatedFile",
    docs_url("package/makeself"),
    (
        Field("src", STRING, "Source path or glob.", pro=True),
        Field("dst", STRING, "Destination path.", pro=True),
    ),
)

MAKESELF = Obj(
    "Makeself",
    docs_url("package/makeself"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field(
            "filename",
            STRING,
            "File name.",
            default=(
                "'{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with "
                ".Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not"
                ' (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end }}.run\''
            ),
            templated=True,
        ),
        Field("script", STRING, "Script to run.", templated=True),
        Field(
            "compression",
            Enum("Makeself.compression", ("gzip", "bzip2", "xz", "lzo", "compress", "none")),
            "Compression to use.",
            default="gzip (Makeself's default)",
            templated=True,
        ),
        Field("extra_args", ListOf(STRING), "Extra arguments.", templated=True),
        Field("files", ListOf(MAKESELF_FILE), "Files to include.", templated=True),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="empty (include all)",
        ),
        Field("goos", ListOf(GOOS), "Target operating systems (GOOS).", default="[linux darwin]"),
        Field(
            "goarch",
            ListOf(GOARCH),
            "Target architectures (GOARCH).",
            default="empty (all architectures)",
        ),
        Field(
            "name", STRING, "Name of this entry.", default="'{{ .ProjectName }}'", templated=True
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "maintainer",
            STRING,
            "Package maintainer, as 'Name <email>'.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("keywords", ListOf(STRING), "Keywords.", templated=True),
        Field(
            "homepage",
            STRING,
            "Project homepage URL.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "templated_files",
            ListOf(MAKESELF_TEMPLATED_FILE),
            "Files rendered as templates and included.",
            pro=True,
            templated=True,
        ),
    ),
)

REPO = Obj(
    "Repo",
    docs_url("publish/scm"),
    (
        Field("owner", STRING, "Repository owner."),
        Field("name", STRING, "Name of this entry."),
        Field(
            "token",
            STRING,
            "Token to authenticate with (usually a template reading an env var).",
            since="2.17",
            templated=True,
        ),
    ),
)

MILESTONE = Obj(
    "Milestone",
    docs_url("publish/milestone"),
    (
        Field("repo", REPO, "Repository.", default="extracted from the origin remote URL"),
        Field("close", BOOL, "Closes the milestone."),
        Field("fail_on_error", BOOL, "Fails the release when this step fails."),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'{{ .PrefixedTag }}'",
        ),
    ),
)

MONOREPO = Obj(
    "Monorepo",
    docs_url("monorepo"),
    (
        Field("tag_prefix", STRING, "Tag prefix of this project (Pro).", pro=True),
        Field("dir", STRING, "Working directory.", pro=True),
    ),
)

LIBDIRS = Obj(
    "Libdirs",
    docs_url("package/nfpm"),
    (
        Field(
            "header", STRING, "Text placed before the generated content.", default="'/usr/include'"
        ),
        Field("carchive", STRING, "Install directory of C archives.", default="'/usr/lib'"),
        Field("cshared", STRING, "Install directory of C shared libraries.", default="'/usr/lib'"),
    ),
)

NFPMAPK_SCRIPTS = Obj(
    "NFPMAPKScripts",
    docs_url("package/nfpm"),
    (
        Field("preupgrade", STRING, "Script run before upgrade."),
        Field("postupgrade", STRING, "Script run after upgrade."),
    ),
)

NFPMAPK_SIGNATURE = Obj(
    "NFPMAPKSignature",
    docs_url("package/nfpm"),
    (
        Field("key_file", STRING, "Path to the signing key file.", templated=True),
        Field(
            "key_name",
            STRING,
            "Name of the signing key.",
            default="maintainer's email address",
            templated=True,
        ),
    ),
)

NFPMAPK = Obj(
    "NFPMAPK",
    docs_url("package/nfpm"),
    (
        Field("scripts", NFPMAPK_SCRIPTS, "Scripts run by the package manager."),
        Field("signature", NFPMAPK_SIGNATURE, "Signing settings for the produced package."),
    ),
)

NFPM_ARCH_LINUX_SCRIPTS = Obj(
    "NFPMArchLinuxScripts",
    docs_url("package/nfpm"),
    (
        Field("preupgrade", STRING, "Script run before upgrade."),
        Field("postupgrade", STRING, "Script run after upgrade."),
    ),
)

NFPM_ARCH_LINUX = Obj(
    "NFPMArchLinux",
    docs_url("package/nfpm"),
    (
        Field("pkgbase", STRING, "Base package name."),
        Field("packager", STRING, "Packager name."),
        Field("scripts", NFPM_ARCH_LINUX_SCRIPTS, "Scripts run by the package manager."),
    ),
)

NFPM_CONTENT = Obj(
    "NFPMContent",
    docs_url("package/nfpm"),
    (
        Field("src", STRING, "Source path or glob.", templated=True),
        Field("dst", STRING, "Destination path."),
        Field(
            "type",
            Enum(
                "nFPM content type",
                (
                    *("symlink", "ghost", "config", "config|noreplace", "dir", "tree", ""),
                    *("config|missingok", "doc", "licence", "license", "readme", "file"),
                ),
            ),
            "How nFPM packs the entry (file, dir, symlink, config, doc, ...).",
        ),
        Field("packager", STRING, "Packager name."),
        Field("file_info", FILE_INFO, "File owner, group, mode and mtime."),
        Field("expand", BOOL, "Expands environment variables in the path.", default="false"),
    ),
)

NFPM_DEB_SCRIPTS = Obj(
    "NFPMDebScripts",
    docs_url("package/nfpm"),
    (
        Field("rules", STRING, "Rules file."),
        Field("templates", STRING, "Templates file."),
        Field("config", STRING, "Config file."),
    ),
)

NFPM_DEB_SIGNATURE = Obj(
    "NFPMDebSignature",
    docs_url("package/nfpm"),
    (
        Field("key_file", STRING, "Path to the signing key file.", templated=True),
        Field("type", STRING, "Kind of this entry.", default="'origin'"),
    ),
)

NFPM_DEB_TRIGGERS = Obj(
    "NFPMDebTriggers",
    docs_url("package/nfpm"),
    (
        Field(
            "interest", ListOf(STRING), "Triggers this package is interested in (dpkg interest)."
        ),
        Field(
            "interest_await",
            ListOf(STRING),
            "Interest triggers that make the triggering package wait.",
        ),
        Field(
            "interest_noawait",
            ListOf(STRING),
            "Interest triggers that do not make the triggering package wait.",
        ),
        Field("activate", ListOf(STRING), "Triggers this package activates."),
        Field("activate_await", ListOf(STRING), "Activated triggers that wait for processing."),
        Field(
            "activate_noawait",
            ListOf(STRING),
            "Activated triggers that do not wait for processing.",
        ),
    ),
)

NFPM_DEB = Obj(
    "NFPMDeb",
    docs_url("package/nfpm"),
    (
        Field("scripts", NFPM_DEB_SCRIPTS, "Scripts run by the package manager."),
        Field("triggers", NFPM_DEB_TRIGGERS, "Dpkg triggers."),
        Field("breaks", ListOf(STRING), "Packages this one breaks."),
        Field("signature", NFPM_DEB_SIGNATURE, "Signing settings for the produced package."),
        Field("lintian_overrides", ListOf(STRING), "Lintian overrides."),
        Field(
            "compression",
            Enum("NFPMDeb.compression", ("gzip", "xz", "zstd", "none")),
            "Compression to use.",
            since="2.14",
        ),
        Field("fields", STRING_MAP, "Extra control fields."),
        Field("predepends", ListOf(STRING), "Pre-dependencies."),
    ),
)

NFPMIPK_ALTERNATIVE = Obj(
    "NFPMIPKAlternative",
    docs_url("package/nfpm"),
    (
        Field("priority", INT, "Package priority."),
        Field("target", STRING, "Target to use."),
        Field("link_name", STRING, "Link name."),
    ),
)

NFPMIPK = Obj(
    "NFPMIPK",
    docs_url("package/nfpm"),
    (
        Field("abi_version", STRING, "ABI version.", default="none"),
        Field(
            "alternatives", ListOf(NFPMIPK_ALTERNATIVE), "Alternatives to register.", default="none"
        ),
        Field(
            "auto_installed", BOOL, "Marks the package as automatically installed.", default="false"
        ),
        Field("essential", BOOL, "Marks the package as essential.", default="false"),
        Field("predepends", ListOf(STRING), "Pre-dependencies.", default="none"),
        Field("tags", ListOf(STRING), "Tags (labels) to attach.", default="none"),
        Field("fields", STRING_MAP, "Extra control fields.", default="none"),
    ),
)

NFPMMSIX_VISUAL_ELEMENTS = Obj(
    "NFPMMSIXVisualElements",
    docs_url("package/nfpm"),
    (
        Field(
            "display_name",
            STRING,
            "Name shown to users.",
            default="the package name",
        ),
        Field(
            "description", STRING, "Human-readable description.", default="the package description"
        ),
        Field(
            "background_color",
            STRING,
            "Tile background colour.",
            default="'transparent'",
        ),
        Field(
            "square150x150_logo",
            STRING,
            "150x150 tile logo.",
            default="the package logo",
        ),
        Field(
            "square44x44_logo",
            STRING,
            "44x44 tile logo.",
            default="the package logo",
        ),
    ),
)

NFPMMSIX_APPLICATION = Obj(
    "NFPMMSIXApplication",
    docs_url("package/nfpm"),
    (
        Field("id", STRING, "Unique id of this entry; other sections select it through `ids`."),
        Field("executable", STRING, "Executable to run."),
        Field(
            "entry_point",
            STRING,
            "Application entry point.",
            default="'Windows.FullTrustApplication'",
        ),
        Field(
            "visual_elements",
            NFPMMSIX_VISUAL_ELEMENTS,
            "Tiles, logos and colours of the application.",
        ),
    ),
)

NFPMMSIX_CAPABILITIES = Obj(
    "NFPMMSIXCapabilities",
    docs_url("package/nfpm"),
    (
        Field("capabilities", ListOf(STRING), "Capabilities the package declares."),
        Field(
            "device_capabilities",
            ListOf(STRING),
            "Device capabilities the package needs.",
        ),
        Field("restricted", ListOf(STRING), "Restricted capabilities the package needs."),
    ),
)

NFPMMSIX_TARGET_DEVICE_FAMILY = Obj(
    "NFPMMSIXTargetDeviceFamily",
    docs_url("package/nfpm"),
    (
        Field("name", STRING, "Name of this entry."),
        Field("min_version", STRING, "Minimum OS version."),
        Field(
            "max_version_tested",
            STRING,
            "Highest OS version tested.",
        ),
    ),
)

NFPMMSIX_DEPENDENCIES = Obj(
    "NFPMMSIXDependencies",
    docs_url("package/nfpm"),
    (
        Field(
            "target_device_families",
            ListOf(NFPMMSIX_TARGET_DEVICE_FAMILY),
            "Windows device families the package targets.",
        ),
    ),
)

NFPMMSIX_IDENTITY = Obj(
    "NFPMMSIXIdentity",
    docs_url("package/nfpm"),
    (Field("resource_id", STRING, "MSIX resource id."),),
)

NFPMMSIX_PROPERTIES = Obj(
    "NFPMMSIXProperties",
    docs_url("package/nfpm"),
    (
        Field(
            "display_name",
            STRING,
            "Name shown to users.",
            default="the package name",
            templated=True,
        ),
        Field(
            "publisher_display_name",
            STRING,
            "Publisher name shown to users.",
            default="the package name",
            templated=True,
        ),
        Field("logo", STRING, "Logo image.", templated=True),
    ),
)

NFPMMSIX_SIGNATURE = Obj(
    "NFPMMSIXSignature",
    docs_url("package/nfpm"),
    (Field("pfx_file", STRING, "PFX certificate file.", templated=True),),
)

NFPMMSIX = Obj(
    "NFPMMSIX",
    docs_url("package/nfpm"),
    (
        Field("arch", STRING, "Architecture.", default="derived from the binary's GOARCH"),
        Field("publisher", STRING, "Publisher name.", templated=True),
        Field("identity", NFPMMSIX_IDENTITY, "Signing identity to use."),
        Field("properties", NFPMMSIX_PROPERTIES, "Package properties."),
        Field("applications", ListOf(NFPMMSIX_APPLICATION), "Applications."),
        Field(
            "dependencies",
            NFPMMSIX_DEPENDENCIES,
            "Packages this package depends on.",
            default="Windows.Desktop, 10.0.17763.0 to 10.0.22621.0",
        ),
        Field("capabilities", NFPMMSIX_CAPABILITIES, "Capabilities the package declares."),
        Field("signature", NFPMMSIX_SIGNATURE, "Signing settings for the produced package."),
    ),
)

NFPMRPM_SCRIPTS = Obj(
    "NFPMRPMScripts",
    docs_url("package/nfpm"),
    (
        Field("pretrans", STRING, "Script run before the transaction."),
        Field("posttrans", STRING, "Script run after the transaction."),
    ),
)

NFPMRPM_SIGNATURE = Obj(
    "NFPMRPMSignature",
    docs_url("package/nfpm"),
    (Field("key_file", STRING, "Path to the signing key file.", templated=True),),
)

NFPMRPM = Obj(
    "NFPMRPM",
    docs_url("package/nfpm"),
    (
        Field("summary", STRING, "Short summary.", default="first line of the description"),
        Field("group", STRING, "Owning group."),
        Field("compression", STRING, "Compression to use."),
        Field("signature", NFPMRPM_SIGNATURE, "Signing settings for the produced package."),
        Field("scripts", NFPMRPM_SCRIPTS, "Scripts run by the package manager."),
        Field("prefixes", ListOf(STRING), "Relocation prefixes."),
        Field("packager", STRING, "Packager name."),
        Field(
            "buildhost",
            STRING,
            "Build host recorded in the package.",
            default="os.Hostname()",
            since="2.10",
        ),
    ),
)

NFPM_SCRIPTS = Obj(
    "NFPMScripts",
    docs_url("package/nfpm"),
    (
        Field("preinstall", STRING, "Script run before install."),
        Field("postinstall", STRING, "Script run after install."),
        Field("preremove", STRING, "Script run before removal."),
        Field("postremove", STRING, "Script run after removal."),
    ),
)

NFPM_OVERRIDABLES = Obj(
    "NFPMOverridables",
    docs_url("package/nfpm"),
    (
        Field("file_name_template", STRING, "Template for the produced file name."),
        Field("package_name", STRING, "Name of the produced package."),
        Field("epoch", STRING, "Package epoch."),
        Field("release", STRING, "Package release number."),
        Field("prerelease", STRING, "Pre-release handling."),
        Field("version_metadata", STRING, "Version metadata (build part)."),
        Field("dependencies", ListOf(STRING), "Packages this package depends on."),
        Field("recommends", ListOf(STRING), "Recommended packages."),
        Field("suggests", ListOf(STRING), "Suggested packages."),
        Field("conflicts", ListOf(STRING), "Packages this one conflicts with."),
        Field("umask", STRING_OR_INT, "Umask applied to files."),
        Field("replaces", ListOf(STRING), "Packages this one replaces."),
        Field("provides", ListOf(STRING), "Virtual packages this package provides."),
        Field("contents", ListOf(NFPM_CONTENT), "Files and directories to put in the package."),
        Field("scripts", NFPM_SCRIPTS, "Scripts run by the package manager."),
        Field("rpm", NFPMRPM, "RPM-specific settings."),
        Field("deb", NFPM_DEB, "Deb-specific settings."),
        Field("apk", NFPMAPK, "APK-specific settings."),
        Field("archlinux", NFPM_ARCH_LINUX, "Arch Linux-specific settings."),
        Field("ipk", NFPMIPK, "IPK-specific settings."),
        Field("msix", NFPMMSIX, "MSIX-specific settings."),
        Field(
            "templated_contents",
            ListOf(NFPM_CONTENT),
            "Package contents rendered as templates (Pro).",
            pro=True,
        ),
        Field(
            "templated_scripts",
            NFPM_SCRIPTS,
            "Package scripts rendered as templates (Pro).",
            pro=True,
        ),
    ),
)

NFPM = Obj(
    "NFPM",
    docs_url("package/nfpm"),
    (
        Field(
            "file_name_template",
            STRING,
            "Template for the produced file name.",
            default=(
                "'{{ .PackageName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with "
                ".Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not"
                ' (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end }}\''
            ),
            templated=True,
        ),
        Field(
            "package_name",
            STRING,
            "Name of the produced package.",
            default="ProjectName",
            templated=True,
        ),
        Field(
            "epoch",
            STRING,
            "Package epoch.",
            default="extracted from `version` if it is semver compatible",
        ),
        Field("release", STRING, "Package release number."),
        Field(
            "prerelease",
            STRING,
            "Pre-release handling.",
            default="extracted from `version` if it is semver compatible",
        ),
        Field(
            "version_metadata",
            STRING,
            "Version metadata (build part).",
            default="extracted from `version` if it is semver compatible",
        ),
        Field("dependencies", ListOf(STRING), "Packages this package depends on."),
        Field("recommends", ListOf(STRING), "Recommended packages."),
        Field("suggests", ListOf(STRING), "Suggested packages."),
        Field("conflicts", ListOf(STRING), "Packages this one conflicts with."),
        Field(
            "umask",
            STRING_OR_INT,
            "Umask applied to files.",
            default="0o002 (will remove world-writable permissions)",
        ),
        Field("replaces", ListOf(STRING), "Packages this one replaces."),
        Field("provides", ListOf(STRING), "Virtual packages this package provides."),
        Field("contents", ListOf(NFPM_CONTENT), "Files and directories to put in the package."),
        Field("scripts", NFPM_SCRIPTS, "Scripts run by the package manager.", templated=True),
        Field("rpm", NFPMRPM, "RPM-specific settings."),
        Field("deb", NFPM_DEB, "Deb-specific settings."),
        Field("apk", NFPMAPK, "APK-specific settings."),
        Field("archlinux", NFPM_ARCH_LINUX, "Arch Linux-specific settings."),
        Field("ipk", NFPMIPK, "IPK-specific settings.", since="2.1"),
        Field("msix", NFPMMSIX, "MSIX-specific settings.", since="2.17"),
        Field(
            "templated_contents",
            ListOf(NFPM_CONTENT),
            "Package contents rendered as templates (Pro).",
            pro=True,
            templated=True,
        ),
        Field(
            "templated_scripts",
            NFPM_SCRIPTS,
            "Package scripts rendered as templates (Pro).",
            pro=True,
            templated=True,
        ),
        Field("overrides", MapOf(NFPM_OVERRIDABLES), "Per-target overrides of these settings."),
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="empty (include all)",
            since="2.8",
        ),
        Field("formats", ListOf(NFPM_FORMAT), "Output formats."),
        Field("section", STRING, "Package section."),
        Field("priority", STRING, "Package priority."),
        Field("vendor", STRING, "Package vendor."),
        Field(
            "homepage",
            STRING,
            "Project homepage URL.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "maintainer",
            STRING,
            "Package maintainer, as 'Name <email>'.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "bindir",
            STRING,
            "Directory binaries are installed to.",
            default="'/usr/bin'",
            templated=True,
        ),
        Field("libdirs", LIBDIRS, "Directories libraries are installed to.", templated=True),
        Field("changelog", STRING, "Changelog file."),
        Field("mtime", STRING, "Modification time (RFC 3339).", since="2.6", templated=True),
        Field("meta", BOOL, "Produces an artifact without binaries (only extra files)."),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.4",
            pro=True,
            templated=True,
        ),
        Field(
            "goamd64",
            ListOf(GOAMD64),
            "Which GOAMD64 level of amd64 binaries to use.",
            since="2.14",
        ),
        Field("builds", ListOf(STRING), "Build ids to include (deprecated where `ids` exists)."),
    ),
)

NPM = Obj(
    "NPM",
    docs_url("publish/npm"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field("name", STRING, "Name of this entry.", pro=True),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            pro=True,
            templated=True,
        ),
        Field(
            "homepage",
            STRING,
            "Project homepage URL.",
            default="inferred from global metadata",
            pro=True,
        ),
        Field("keywords", ListOf(STRING), "Keywords.", pro=True),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
            pro=True,
            templated=True,
        ),
        Field(
            "author",
            STRING,
            "Author.",
            default="inferred from global metadata",
            pro=True,
            templated=True,
        ),
        Field(
            "repository",
            STRING,
            "Repository to push the generated file to.",
            pro=True,
            templated=True,
        ),
        Field("bugs", STRING, "Bug tracker URL.", pro=True, templated=True),
        Field(
            "files",
            ListOf(
                OneOf(
                    "NPM.files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                )
            ),
            "Files to include.",
            default='["README*", "LICENSE*"]',
            pro=True,
            templated=True,
        ),
        Field(
            "templated_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Files rendered as templates and included.",
            pro=True,
            templated=True,
        ),
        Field(
            "access", Enum("NPM.access", ("", "public", "restricted")), "Access level.", pro=True
        ),
        Field(
            "format",
            Enum("NPM.format", ("tar", "tgz", "tar.gz", "zip", "binary")),
            "Output format.",
            pro=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            pro=True,
            templated=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            pro=True,
            templated=True,
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            since="2.10",
            pro=True,
            templated=True,
        ),
        Field(
            "tag", STRING, "Tag to use.", default="'latest'", since="2.13", pro=True, templated=True
        ),
        Field("extra", MapOf(ANY), "Extra fields.", since="2.13", pro=True),
    ),
)

NSIS = Obj(
    "NSIS",
    docs_url("package/nsis"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
            pro=True,
        ),
        Field(
            "name",
            STRING,
            "Name of this entry.",
            default="'{{.ProjectName}}_{{.Arch}}_setup'",
            pro=True,
            templated=True,
        ),
        Field("script", STRING, "Script to run.", pro=True, templated=True),
        Field(
            "ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all.", pro=True
        ),
        Field(
            "goamd64",
            GOAMD64,
            "Which GOAMD64 level of amd64 binaries to use.",
            default="v1",
            pro=True,
        ),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "NSIS.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                )
            ),
            "Additional files (globs) to include.",
            pro=True,
            templated=True,
        ),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
        Field("replace", BOOL, "Replaces the original artifacts with the produced ones.", pro=True),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            pro=True,
            templated=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            since="2.12",
            pro=True,
            templated=True,
        ),
    ),
)

NIGHTLY = Obj(
    "Nightly",
    docs_url("publish/nightlies"),
    (
        Field(
            "version_template",
            STRING,
            "Template of the version.",
            default="{{ incpatch .Version }}-{{ .ShortCommit }}-nightly",
            pro=True,
            templated=True,
        ),
        Field("tag_name", STRING, "Tag name.", pro=True, templated=True),
        Field("publish_release", BOOL, "Publishes the release.", pro=True),
        Field("keep_single_release", BOOL, "Keeps one nightly release.", pro=True),
        Field(
            "draft",
            BOOL,
            "Creates it as a draft.",
            default="value of 'release.draft'",
            since="2.12",
            pro=True,
        ),
        Field("name_template", STRING, "Template for the produced name.", pro=True),
    ),
)

NIX_DEPENDENCY = Obj(
    "NixDependency",
    docs_url("publish/nix"),
    (
        Field("name", STRING, "Name of this entry."),
        Field(
            "os", Enum("NixDependency.os", ("linux", "darwin")), "Operating system it applies to."
        ),
    ),
)

NIX = Obj(
    "Nix",
    docs_url("publish/nix"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field("path", STRING, "Path.", default="pkgs/<name>/default.nix", templated=True),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message.", templated=True),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="v1"),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            templated=True,
        ),
        Field(
            "install",
            STRING,
            "Install instructions.",
            default="'mkdir -p $out/bin; cp -vr $binary $out/bin/$binary', and",
            templated=True,
        ),
        Field("extra_install", STRING, "Extra install instructions.", templated=True),
        Field("post_install", STRING, "Commands run after install.", templated=True),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "homepage",
            STRING,
            "Project homepage URL.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "dependencies",
            ListOf(
                OneOf(
                    "Nix.dependencies",
                    (
                        STRING,
                        NIX_DEPENDENCY,
                    ),
                )
            ),
            "Packages this package depends on.",
        ),
        Field(
            "formatter",
            Enum("Nix.formatter", ("alejandra", "nixfmt")),
            "Nix formatter to run.",
            since="2.14",
        ),
        Field("main_program", STRING, "Main program of the package.", since="2.16", templated=True),
    ),
)

MACOS_NOTARIZE = Obj(
    "MacOSNotarize",
    docs_url("sign/notarize"),
    (
        Field("issuer_id", STRING, "App Store Connect issuer id.", templated=True),
        Field("key", STRING, "Key to use.", templated=True),
        Field("key_id", STRING, "App Store Connect key id.", templated=True),
        Field("timeout", STRING, "Timeout.", default="10m"),
        Field("wait", BOOL, "Waits for the operation to finish."),
    ),
)

MACOS_SIGN = Obj(
    "MacOSSign",
    docs_url("sign/notarize"),
    (
        Field("certificate", STRING, "Certificate to use.", templated=True),
        Field(
            "password", STRING, "Password (usually a template reading an env var).", templated=True
        ),
        Field("entitlements", STRING, "Entitlements file.", since="2.6", templated=True),
    ),
)

MACOS_SIGN_NOTARIZE = Obj(
    "MacOSSignNotarize",
    docs_url("sign/notarize"),
    (
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="the project name",
        ),
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            default="false",
            templated=True,
        ),
        Field("sign", MACOS_SIGN, "Signing settings."),
        Field("notarize", MACOS_NOTARIZE, "Notarization settings."),
    ),
)

MACOS_NOTARIZE_NATIVE = Obj(
    "MacOSNotarizeNative",
    docs_url("sign/notarize"),
    (
        Field("profile_name", STRING, "Notary profile name.", pro=True, templated=True),
        Field("wait", BOOL, "Waits for the operation to finish.", pro=True),
    ),
)

MACOS_SIGN_NATIVE = Obj(
    "MacOSSignNative",
    docs_url("sign/notarize"),
    (
        Field(
            "identity",
            STRING,
            "Signing identity to use.",
            pro=True,
            templated=True,
        ),
        Field("keychain", STRING, "Keychain to use.", pro=True, templated=True),
        Field("options", ListOf(STRING), "Options.", pro=True),
        Field("entitlements", STRING, "Entitlements file.", pro=True, templated=True),
    ),
)

MACOS_SIGN_NOTARIZE_NATIVE = Obj(
    "MacOSSignNotarizeNative",
    docs_url("sign/notarize"),
    (
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="the project name",
            pro=True,
        ),
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            default="false",
            pro=True,
            templated=True,
        ),
        Field("sign", MACOS_SIGN_NATIVE, "Signing settings.", pro=True),
        Field("notarize", MACOS_NOTARIZE_NATIVE, "Notarization settings.", pro=True),
        Field(
            "use",
            Enum("MacOSSignNotarizeNative.use", ("dmg", "pkg")),
            "Which tool or backend to use.",
            default='"dmg"',
            since="2.14",
            pro=True,
        ),
    ),
)

NOTARIZE = Obj(
    "Notarize",
    docs_url("sign/notarize"),
    (
        Field("macos", ListOf(MACOS_SIGN_NOTARIZE), "macOS signing and notarizing."),
        Field(
            "macos_native",
            ListOf(MACOS_SIGN_NOTARIZE_NATIVE),
            "macOS native signing and notarizing (Pro).",
            pro=True,
        ),
    ),
)

PARTIAL = Obj(
    "Partial",
    docs_url("general/partial"),
    (
        Field(
            "by",
            Enum("Partial.by", ("goos", "target")),
            "Groups by this property (Pro).",
            default="goos",
            pro=True,
        ),
    ),
)

PROJECT_METADATA = Obj(
    "ProjectMetadata",
    docs_url("general/metadata"),
    (
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            since="2.1",
            pro=True,
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", since="2.1", pro=True, templated=True),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            since="2.1",
            pro=True,
            templated=True,
        ),
        Field(
            "maintainers",
            ListOf(STRING),
            "Package maintainers.",
            since="2.1",
            pro=True,
            templated=True,
        ),
        Field(
            "commit_author",
            COMMIT_AUTHOR,
            "Author of the commits GoReleaser makes.",
            since="2.12",
            pro=True,
        ),
        Field(
            "full_description",
            OneOf(
                "ProjectMetadata.full_description",
                (
                    STRING,
                    INCLUDE_SPEC,
                ),
            ),
            "Full description.",
            since="2.1",
            pro=True,
            templated=True,
        ),
    ),
)

PUBLISHER = Obj(
    "Publisher",
    docs_url("publish/publishers"),
    (
        Field("name", STRING, "Name of this entry."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("checksum", BOOL, "Also processes the checksum file."),
        Field("signature", BOOL, "Signing settings for the produced package."),
        Field("meta", BOOL, "Produces an artifact without binaries (only extra files)."),
        Field("dir", STRING, "Working directory."),
        Field("cmd", STRING, "Command to run."),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE."),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "Publisher.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                    pro_options=(0,),
                )
            ),
            "Additional files (globs) to include.",
            templated=True,
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.5",
            pro=True,
            templated=True,
        ),
        Field(
            "output",
            STRING,
            "Shows the command's output in the log.",
            since="2.11",
            pro=True,
            templated=True,
        ),
    ),
)

RELEASE_PREFLIGHT = Obj(
    "ReleasePreflight",
    docs_url("publish/scm"),
    (
        Field(
            "fail_on_error",
            STRING_OR_BOOL,
            "Fails the release when this step fails.",
            templated=True,
        ),
    ),
)

RELEASE = Obj(
    "Release",
    docs_url("publish/scm"),
    (
        Field(
            "github",
            REPO,
            "GitHub repository to release to.",
            default="extracted from the origin remote URL or empty if its private hosted",
        ),
        Field("gitlab", REPO, "GitLab repository to release to."),
        Field("gitea", REPO, "Gitea repository to release to."),
        Field("draft", BOOL, "Creates it as a draft."),
        Field(
            "replace_existing_draft", BOOL, "Replaces an existing draft release with the same name."
        ),
        Field("use_existing_draft", BOOL, "Reuses an existing draft release.", since="2.5"),
        Field(
            "target_commitish",
            STRING,
            "Commit the tag is created on when it does not exist.",
            default="''",
            templated=True,
        ),
        Field(
            "tag", STRING, "Tag to use.", default="'{{ .PrefixedTag }}'", pro=True, templated=True
        ),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field("prerelease", STRING, "Pre-release handling.", default="false"),
        Field(
            "make_latest",
            STRING_OR_BOOL,
            "Marks the release as latest (true, false, or auto).",
            default="true",
            templated=True,
        ),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'{{.Tag}}' ('{{.PrefixedTag}}' on Pro)",
            templated=True,
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="[]",
        ),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "Release.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                    pro_options=(0,),
                )
            ),
            "Additional files (globs) to include.",
            templated=True,
        ),
        Field(
            "discussion_category_name",
            STRING,
            "GitHub discussion category to open for the release.",
            default="''",
        ),
        Field(
            "mode",
            RELEASE_MODE,
            "What to do with release notes when the release exists.",
            default="keep-existing",
        ),
        Field(
            "replace_existing_artifacts",
            BOOL,
            "Replaces artifacts already uploaded with the same name.",
        ),
        Field("include_meta", BOOL, "Also includes metadata artifacts."),
        Field("preflight", RELEASE_PREFLIGHT, "Checks run before creating the release."),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
        Field(
            "header",
            OneOf(
                "Release.header",
                (
                    STRING,
                    INCLUDE_SPEC,
                ),
                pro_options=(1,),
            ),
            "Text placed before the generated content.",
            templated=True,
        ),
        Field(
            "footer",
            OneOf(
                "Release.footer",
                (
                    STRING,
                    INCLUDE_SPEC,
                ),
                pro_options=(1,),
            ),
            "Text placed after the generated content.",
            templated=True,
        ),
    ),
)

SBOM = Obj(
    "SBOM",
    docs_url("sbom"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field("cmd", STRING, "Command to run.", default="'syft'"),
        Field(
            "env",
            ListOf(STRING),
            "Environment variables, as KEY=VALUE.",
            default='[ "SYFT_FILE_METADATA_CATALOGER_ENABLED=true" ]',
        ),
        Field(
            "args",
            ListOf(STRING),
            "Arguments of the command.",
            default=('["$artifact", "--output", "spdx-json=$document", "--enrich", "all"]'),
            templated=True,
        ),
        Field("documents", ListOf(STRING), "Files to generate SBOMs for.", templated=True),
        Field(
            "artifacts",
            Enum(
                "SBOM.artifacts",
                ("source", "package", "archive", "binary", "any", "none"),
                pro_values=("diskimage", "installer"),
            ),
            "Which kind of artifacts to act on.",
            default="'archive'",
        ),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            default="'false'",
            since="2.10",
            templated=True,
        ),
    ),
)

SRPM = Obj(
    "SRPM",
    docs_url("package/srpm"),
    (
        Field("summary", STRING, "Short summary."),
        Field("group", STRING, "Owning group."),
        Field("compression", STRING, "Compression to use."),
        Field("signature", NFPMRPM_SIGNATURE, "Signing settings for the produced package."),
        Field(
            "enabled",
            BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            default="false",
        ),
        Field("package_name", STRING, "Name of the produced package.", default="ProjectName"),
        Field("epoch", STRING, "Package epoch."),
        Field("import_path", STRING, "Go import path."),
        Field("section", STRING, "Package section."),
        Field("maintainer", STRING, "Package maintainer, as 'Name <email>'."),
        Field(
            "file_name_template",
            STRING,
            "Template for the produced file name.",
            default="'{{ .PackageName }}-{{ .Version }}.src.rpm'",
            templated=True,
        ),
        Field("spec_file", STRING, "RPM spec file template."),
        Field("license", STRING, "License identifier of the package."),
        Field("license_file_name", STRING, "License file name."),
        Field("vendor", STRING, "Package vendor."),
        Field("url", STRING, "URL."),
        Field("packager", STRING, "Packager name."),
        Field("description", STRING, "Human-readable description."),
        Field(
            "bins",
            STRING_MAP,
            "Binaries and where to install them.",
            default="{ ProjectName: '%{goipath}' }",
        ),
        Field("docs", ListOf(STRING), "Documentation files."),
        Field("contents", ListOf(NFPM_CONTENT), "Files and directories to put in the package."),
    ),
)

SCOOP = Obj(
    "Scoop",
    docs_url("publish/scoop"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("directory", STRING, "Directory inside the target repository to write to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message.", templated=True),
        Field(
            "homepage",
            STRING,
            "Project homepage URL.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            templated=True,
        ),
        Field("persist", ListOf(STRING), "Files kept between updates."),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field("pre_install", ListOf(STRING), "Commands run before install."),
        Field("post_install", ListOf(STRING), "Commands run after install."),
        Field("depends", ListOf(STRING), "Runtime dependencies."),
        Field("shortcuts", ListOf(ListOf(STRING)), "Start menu shortcuts."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "use",
            Enum("Scoop.use", ("archive", "msi", "nsis")),
            "Which tool or backend to use.",
            default="'archive'",
            pro=True,
        ),
    ),
)

SIGN = Obj(
    "Sign",
    docs_url("sign/sign"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
        ),
        Field("cmd", STRING, "Command to run.", default="'gpg'"),
        Field(
            "args",
            ListOf(STRING),
            "Arguments of the command.",
            default='["--output", "${signature}", "--detach-sig", "${artifact}"]',
            templated=True,
        ),
        Field(
            "signature",
            STRING,
            "Signing settings for the produced package.",
            default="'${artifact}.sig'",
            templated=True,
        ),
        Field(
            "artifacts",
            Enum(
                "Sign.artifacts",
                (
                    "all",
                    "manifests",
                    "images",
                    "checksum",
                    "source",
                    "package",
                    "archive",
                    "binary",
                    "sbom",
                ),
                pro_values=("installer", "diskimage"),
            ),
            "Which kind of artifacts to act on.",
            default="'none'",
        ),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            since="2.2",
            pro=True,
            templated=True,
        ),
        Field("stdin", STRING, "Text fed to the command's standard input.", templated=True),
        Field("stdin_file", STRING, "File fed to the command's standard input."),
        Field("env", ListOf(STRING), "Environment variables, as KEY=VALUE."),
        Field("certificate", STRING, "Certificate to use.", templated=True),
        Field("output", STRING_OR_BOOL, "Shows the command's output in the log.", templated=True),
    ),
)

SNAPCRAFT_APP_METADATA = Obj(
    "SnapcraftAppMetadata",
    docs_url("package/snapcraft"),
    (
        Field("command", STRING, "Command to run."),
        Field("args", STRING, "Arguments of the command."),
        Field("adapter", STRING, "Snap app adapter (none or full)."),
        Field("after", ListOf(STRING), "Hooks run after this step."),
        Field("aliases", ListOf(STRING), "Aliases of the app command."),
        Field("autostart", STRING, "Desktop file started at login."),
        Field("before", ListOf(STRING), "Hooks run before this step."),
        Field("bus_name", STRING, "D-Bus name of the app."),
        Field(
            "command_chain",
            ListOf(STRING),
            "Commands run before the app command.",
        ),
        Field("common_id", STRING, "AppStream id of the app."),
        Field("completer", STRING, "Completion script."),
        Field("daemon", STRING, "Runs as a daemon of this kind."),
        Field("desktop", STRING, "Desktop file of the app."),
        Field("environment", MapOf(ANY), "Environment variables."),
        Field("extensions", ListOf(STRING), "Extensions to enable."),
        Field("install_mode", STRING, "Whether the service starts on install (enable/disable)."),
        Field("passthrough", MapOf(ANY), "Raw snapcraft keys."),
        Field("plugs", ListOf(STRING), "Snap interfaces (plugs) to connect."),
        Field(
            "post_stop_command",
            STRING,
            "Command run after the service stops.",
        ),
        Field("refresh_mode", STRING, "What happens to the service on refresh."),
        Field("reload_command", STRING, "Command that reloads the service."),
        Field(
            "restart_condition",
            STRING,
            "When the service is restarted.",
        ),
        Field("restart_delay", STRING, "Delay before restarting the service."),
        Field("slots", ListOf(STRING), "Snap interfaces (slots) the app offers."),
        Field("sockets", MapOf(ANY), "Sockets."),
        Field("start_timeout", STRING, "Time allowed for the service to start."),
        Field("stop_command", STRING, "Command that stops the service."),
        Field("stop_mode", STRING, "Signal used to stop the service."),
        Field("stop_timeout", STRING, "Time allowed for the service to stop."),
        Field("timer", STRING, "Timer that starts the service."),
        Field(
            "watchdog_timeout",
            STRING,
            "Service watchdog timeout.",
        ),
    ),
)

SNAPCRAFT_EXTRA_FILES = Obj(
    "SnapcraftExtraFiles",
    docs_url("package/snapcraft"),
    (
        Field("source", STRING, "Source path."),
        Field("destination", STRING, "Destination path.", default="source"),
        Field("mode", INT, "File mode or operation mode.", default="0644"),
    ),
)

SNAPCRAFT_LAYOUT_METADATA = Obj(
    "SnapcraftLayoutMetadata",
    docs_url("package/snapcraft"),
    (
        Field("symlink", STRING, "Symlink target."),
        Field("bind", STRING, "Bind mount source."),
        Field("bind_file", STRING, "Bind mount file."),
        Field("type", STRING, "Kind of this entry."),
    ),
)

SNAPCRAFT = Obj(
    "Snapcraft",
    docs_url("package/snapcraft"),
    (
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default=(
                "'{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}{{ with "
                ".Arm }}v{{ . }}{{ end }}{{ with .Mips }}_{{ . }}{{ end }}{{ if not"
                ' (eq .Amd64 "v1") }}{{ .Amd64 }}{{ end }}\''
            ),
            templated=True,
        ),
        Field("publish", BOOL, "Publishes to the store."),
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="empty",
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="empty (include all)",
            since="2.8",
        ),
        Field("name", STRING, "Name of this entry.", default="the project name"),
        Field("title", STRING, "Title text."),
        Field("summary", STRING, "Short summary.", templated=True),
        Field("description", STRING, "Human-readable description.", templated=True),
        Field("icon", STRING, "Icon path."),
        Field("base", STRING, "Base to use."),
        Field("license", STRING, "License identifier of the package."),
        Field(
            "grade",
            Enum("Snapcraft.grade", ("stable", "devel")),
            "Snap grade.",
            default="'stable'",
            templated=True,
        ),
        Field("channel_templates", ListOf(STRING), "Store channels to release to.", templated=True),
        Field(
            "confinement",
            Enum("Snapcraft.confinement", ("strict", "classic", "devmode")),
            "Snap confinement.",
            default="'strict'",
        ),
        Field("assumes", ListOf(STRING), "Features the snap assumes."),
        Field("layout", MapOf(SNAPCRAFT_LAYOUT_METADATA), "Snap layout."),
        Field("apps", MapOf(SNAPCRAFT_APP_METADATA), "Snap apps."),
        Field("hooks", MapOf(ANY), "Commands to run around this step."),
        Field("plugs", MapOf(ANY), "Snap interfaces (plugs) to connect."),
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("extra_files", ListOf(SNAPCRAFT_EXTRA_FILES), "Additional files (globs) to include."),
        Field(
            "templated_extra_files",
            ListOf(SNAPCRAFT_EXTRA_FILES),
            "Additional files rendered as templates before use.",
            pro=True,
            templated=True,
        ),
        Field("builds", ListOf(STRING), "Build ids to include (deprecated where `ids` exists)."),
    ),
)

SNAPSHOT = Obj(
    "Snapshot",
    docs_url("publish/snapshots"),
    (
        Field(
            "name_template",
            STRING,
            "Snapshot version template (deprecated: use `version_template`).",
        ),
        Field(
            "version_template",
            STRING,
            "Template of the version used for snapshots.",
            default="{{ .Version }}-SNAPSHOT-{{.ShortCommit}}",
            templated=True,
        ),
    ),
)

SOURCE = Obj(
    "Source",
    docs_url("package/source"),
    (
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'{{ .ProjectName }}-{{ .Version }}'",
            templated=True,
        ),
        Field(
            "format",
            Enum("Source.format", ("tar", "tgz", "tar.gz", "zip")),
            "Output format.",
            default="'tar.gz'",
        ),
        Field("enabled", BOOL, "Turns this entry on; accepts a template rendering to true/false."),
        Field("prefix_template", STRING, "Template of the prefix.", templated=True),
        Field(
            "files",
            ListOf(
                OneOf(
                    "Source.files",
                    (
                        STRING,
                        FILE,
                    ),
                )
            ),
            "Files to include.",
            templated=True,
        ),
        Field(
            "templated_files",
            ListOf(TEMPLATED_FILE),
            "Files rendered as templates and included.",
            pro=True,
            templated=True,
        ),
    ),
)

TELEMETRY = Obj(
    "Telemetry",
    docs_url("telemetry"),
    (
        Field(
            "enabled",
            BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            pro=True,
        ),
    ),
)

TEMPLATE_FILE = Obj(
    "TemplateFile",
    docs_url("general/templatefiles"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="'default'",
            pro=True,
        ),
        Field("src", STRING, "Source path or glob.", pro=True, templated=True),
        Field("dst", STRING, "Destination path.", pro=True, templated=True),
        Field("mode", INT, "File mode or operation mode.", default="0644", pro=True),
    ),
)

UPX = Obj(
    "UPX",
    docs_url("builds/upx"),
    (
        Field(
            "enabled",
            STRING_OR_BOOL,
            "Turns this entry on; accepts a template rendering to true/false.",
            templated=True,
        ),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("goos", ListOf(GOOS), "Target operating systems (GOOS)."),
        Field("goarch", ListOf(GOARCH), "Target architectures (GOARCH)."),
        Field("goarm", ListOf(GOARM), "Which GOARM version of arm binaries to use."),
        Field("goamd64", ListOf(GOAMD64), "Which GOAMD64 level of amd64 binaries to use."),
        Field("binary", STRING, "Binary name."),
        Field(
            "compress",
            Enum("UPX.compress", ("1", "2", "3", "4", "5", "6", "7", "8", "9", "best", "")),
            "Compression level.",
        ),
        Field("lzma", BOOL, "Uses LZMA."),
        Field("brute", BOOL, "Tries all compression methods."),
    ),
)

UNIVERSAL_BINARY = Obj(
    "UniversalBinary",
    docs_url("builds/universalbinaries"),
    (
        Field(
            "id",
            STRING,
            "Unique id of this entry; other sections select it through `ids`.",
            default="the project name",
        ),
        Field(
            "ids",
            ListOf(STRING),
            "Ids of the builds/artifacts to use; empty means all.",
            default="the value of the id field",
        ),
        Field(
            "name_template",
            STRING,
            "Template for the produced name.",
            default="'{{ .ProjectName }}'",
            templated=True,
        ),
        Field("replace", BOOL, "Replaces the original artifacts with the produced ones."),
        Field("hooks", BUILD_HOOK_CONFIG, "Commands to run around this step.", templated=True),
        Field(
            "mod_timestamp",
            STRING,
            "Template for the modification time set on produced files (reproducibility).",
            templated=True,
        ),
    ),
)

UPLOAD = Obj(
    "Upload",
    docs_url("publish/artifactory"),
    (
        Field("name", STRING, "Name of this entry."),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("exts", ListOf(STRING), "Only artifacts with these extensions."),
        Field("target", STRING, "Target to use."),
        Field("username", STRING, "User name to post as.", templated=True),
        Field(
            "mode",
            Enum("Upload.mode", ("binary", "archive")),
            "File mode or operation mode.",
            default="'archive'",
        ),
        Field("method", STRING, "HTTP method.", default="'PUT'"),
        Field("checksum_header", STRING, "Header carrying the checksum."),
        Field("client_x509_cert", STRING, "Client certificate."),
        Field("client_x509_key", STRING, "Client certificate key."),
        Field("trusted_certificates", STRING, "Extra trusted CA certificates."),
        Field("checksum", BOOL, "Also processes the checksum file."),
        Field("signature", BOOL, "Signing settings for the produced package."),
        Field("meta", BOOL, "Produces an artifact without binaries (only extra files)."),
        Field("custom_artifact_name", BOOL, "Uses the target URL as the artifact name."),
        Field("custom_headers", STRING_MAP, "Extra HTTP headers (templates)."),
        Field(
            "extra_files",
            ListOf(
                OneOf(
                    "Upload.extra_files",
                    (
                        STRING,
                        EXTRA_FILE,
                    ),
                    pro_options=(0,),
                )
            ),
            "Additional files (globs) to include.",
            since="2.1",
        ),
        Field("extra_files_only", BOOL, "Only uploads the extra files.", since="2.1"),
        Field(
            "skip",
            STRING_OR_BOOL,
            "Skips this entry; accepts a template rendering to true/false.",
            since="2.7",
            templated=True,
        ),
        Field(
            "password",
            STRING,
            "Password (usually a template reading an env var).",
            since="2.12",
            templated=True,
        ),
        Field("matrix", MapOf(ListOf(STRING)), "Upload matrix (Pro).", pro=True),
        Field(
            "templated_extra_files",
            ListOf(TEMPLATED_EXTRA_FILE),
            "Additional files rendered as templates before use.",
            since="2.1",
            pro=True,
            templated=True,
        ),
    ),
)

VERIFY_COMMAND = Obj(
    "VerifyCommand",
    docs_url("verify"),
    (
        Field(
            "context",
            Enum("VerifyCommand.context", ("dir", "asset", "image")),
            "Build context directory.",
            pro=True,
        ),
        Field(
            "if",
            STRING,
            "Template condition; the entry runs only when it renders to true.",
            pro=True,
            templated=True,
        ),
        Field("cmd", STRING, "Command to run.", pro=True),
        Field("args", ListOf(STRING), "Arguments of the command.", pro=True, templated=True),
        Field(
            "env", ListOf(STRING), "Environment variables, as KEY=VALUE.", pro=True, templated=True
        ),
    ),
)

VERIFY = Obj(
    "Verify",
    docs_url("verify"),
    (
        Field(
            "disable",
            STRING_OR_BOOL,
            "Turns this entry off; accepts a template rendering to true/false.",
            pro=True,
            templated=True,
        ),
        Field("commands", ListOf(VERIFY_COMMAND), "Commands to run.", pro=True),
        Field("retry", RETRY, "Retry policy for the network operation.", pro=True),
    ),
)

WINGET_DEPENDENCY = Obj(
    "WingetDependency",
    docs_url("publish/winget"),
    (
        Field("package_identifier", STRING, "Package identifier."),
        Field("minimum_version", STRING, "Minimum version."),
    ),
)

WINGET_LOCALE = Obj(
    "WingetLocale",
    docs_url("publish/winget"),
    (
        Field("locale", STRING, "Locale."),
        Field("publisher", STRING, "Publisher name."),
        Field("publisher_url", STRING, "Publisher's URL."),
        Field("publisher_support_url", STRING, "Publisher's support URL."),
        Field("privacy_url", STRING, "Privacy policy URL."),
        Field("author", STRING, "Author."),
        Field("package_name", STRING, "Name of the produced package."),
        Field("homepage", STRING, "Project homepage URL."),
        Field("license", STRING, "License identifier of the package."),
        Field("license_url", STRING, "URL of the license."),
        Field("copyright", STRING, "Copyright notice."),
        Field("copyright_url", STRING, "Copyright notice URL."),
        Field("short_description", STRING, "Short description."),
        Field("description", STRING, "Human-readable description."),
        Field("tags", ListOf(STRING), "Tags (labels) to attach."),
        Field("release_notes", STRING, "Release notes text or template."),
        Field("release_notes_url", STRING, "URL of the release notes."),
        Field("installation_notes", STRING, "Notes shown on install."),
    ),
)

WINGET = Obj(
    "Winget",
    docs_url("publish/winget"),
    (
        Field("name", STRING, "Name of this entry.", default="the project name", templated=True),
        Field(
            "package_name",
            STRING,
            "Name of the produced package.",
            default="name",
            since="2.14",
            templated=True,
        ),
        Field(
            "package_identifier",
            STRING,
            "Package identifier.",
            default="the project name",
            templated=True,
        ),
        Field(
            "default_locale",
            STRING,
            "Default locale.",
            default="'en-US'",
            since="2.17",
            templated=True,
        ),
        Field("publisher", STRING, "Publisher name.", templated=True),
        Field("publisher_url", STRING, "Publisher's URL.", templated=True),
        Field("publisher_support_url", STRING, "Publisher's support URL.", templated=True),
        Field("privacy_url", STRING, "Privacy policy URL.", since="2.9", templated=True),
        Field("copyright", STRING, "Copyright notice.", templated=True),
        Field("copyright_url", STRING, "Copyright notice URL.", templated=True),
        Field("author", STRING, "Author.", templated=True),
        Field(
            "path",
            STRING,
            "Path.",
            default=(
                "'manifests/<lowercased first char of publisher>/<publisher>/<name>/<version>'"
            ),
        ),
        Field("repository", REPO_REF, "Repository to push the generated file to."),
        Field("commit_author", COMMIT_AUTHOR, "Author of the commits GoReleaser makes."),
        Field("commit_msg_template", STRING, "Template for the commit message.", templated=True),
        Field("ids", ListOf(STRING), "Ids of the builds/artifacts to use; empty means all."),
        Field("goamd64", GOAMD64, "Which GOAMD64 level of amd64 binaries to use.", default="'v1'"),
        Field(
            "skip_upload",
            STRING_OR_BOOL,
            "Skips pushing the generated file; true, false, or `auto` (skip prereleases).",
            templated=True,
        ),
        Field(
            "url_template",
            STRING,
            "Template for the download URL of each artifact.",
            templated=True,
        ),
        Field(
            "short_description",
            STRING,
            "Short description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field(
            "description",
            STRING,
            "Human-readable description.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("homepage", STRING, "Project homepage URL.", default="inferred from global metadata"),
        Field(
            "license",
            STRING,
            "License identifier of the package.",
            default="inferred from global metadata",
            templated=True,
        ),
        Field("license_url", STRING, "URL of the license.", templated=True),
        Field("release_notes", STRING, "Release notes text or template.", templated=True),
        Field("release_notes_url", STRING, "URL of the release notes.", templated=True),
        Field("installation_notes", STRING, "Notes shown on install.", since="2.9", templated=True),
        Field("tags", ListOf(STRING), "Tags (labels) to attach."),
        Field(
            "dependencies",
            ListOf(WINGET_DEPENDENCY),
            "Packages this package depends on.",
            templated=True,
        ),
        Field("additional_locales", ListOf(WINGET_LOCALE), "Other locales."),
        Field("product_code", STRING, "MSI product code (Pro).", pro=True),
        Field(
            "use",
            Enum("Winget.use", ("archive", "binary", "msi", "nsis")),
            "Which tool or backend to use.",
            default="''",
            pro=True,
        ),
    ),
)

PROJECT = Obj(
    "Project",
    docs_url(""),
    (
        Field(
            "version",
            INT,
            "Config schema version; must be 2 for GoReleaser v2.",
            docs=docs_url("general/project"),
        ),
        Field(
            "pro",
            BOOL,
            "Marks the config as a GoReleaser Pro config.",
            docs=docs_url("general/project"),
        ),
        Field(
            "project_name",
            STRING,
            "Project name, used in default templates.",
            docs=docs_url("general/project"),
        ),
        Field(
            "env",
            ListOf(STRING),
            "Environment variables available to templates and hooks.",
            templated=True,
            docs=docs_url("general/env"),
        ),
        Field(
            "release",
            RELEASE,
            "Creating the GitHub/GitLab/Gitea release.",
            docs=docs_url("publish/scm"),
        ),
        Field(
            "milestones",
            ListOf(MILESTONE),
            "Closing milestones on release.",
            docs=docs_url("publish/milestone"),
        ),
        Field(
            "npms",
            ListOf(NPM),
            "NPM packages (Pro).",
            since="2.8",
            docs=docs_url("publish/npm"),
            pro=True,
        ),
        Field(
            "homebrew_casks",
            ListOf(HOMEBREW_CASK),
            "Homebrew casks to generate and push.",
            since="2.10",
            docs=docs_url("publish/homebrew_casks"),
        ),
        Field(
            "nix",
            ListOf(NIX),
            "Nix packages (NUR) to generate and push.",
            docs=docs_url("publish/nix"),
        ),
        Field(
            "winget",
            ListOf(WINGET),
            "Winget manifests to generate and push.",
            docs=docs_url("publish/winget"),
        ),
        Field(
            "msi",
            ListOf(MSI),
            "Windows MSI installers (Pro).",
            docs=docs_url("package/msi"),
            pro=True,
        ),
        Field(
            "nsis",
            ListOf(NSIS),
            "Windows NSIS installers (Pro).",
            since="2.14",
            docs=docs_url("package/nsis"),
            pro=True,
        ),
        Field(
            "app_bundles",
            ListOf(APP_BUNDLE),
            "macOS app bundles (Pro).",
            since="2.4",
            docs=docs_url("package/app_bundles"),
            pro=True,
        ),
        Field(
            "dmg", ListOf(DMG), "macOS disk images (Pro).", docs=docs_url("package/dmg"), pro=True
        ),
        Field(
            "pkgs",
            ListOf(MACOS_PKG),
            "macOS installer packages (Pro).",
            since="2.14",
            docs=docs_url("package/pkg"),
            pro=True,
        ),
        Field(
            "aurs",
            ListOf(AUR),
            "Arch User Repository (binary) packages.",
            docs=docs_url("publish/aur"),
        ),
        Field(
            "aur_sources",
            ListOf(AUR_SOURCE),
            "Arch User Repository source packages.",
            since="2.5",
            docs=docs_url("publish/aursources"),
        ),
        Field("krews", ListOf(KREW), "Krew plugin manifests.", docs=docs_url("publish/krew")),
        Field("kos", ListOf(KO), "Container images built with ko.", docs=docs_url("package/ko")),
        Field("scoops", ListOf(SCOOP), "Scoop manifests.", docs=docs_url("publish/scoop")),
        Field(
            "builds", ListOf(BUILD), "How binaries are built.", docs=docs_url("builds/builders/go")
        ),
        Field(
            "archives",
            ListOf(ARCHIVE),
            "Archives of the built binaries.",
            docs=docs_url("package/archives"),
        ),
        Field(
            "nfpms",
            ListOf(NFPM),
            "Linux packages (deb, rpm, apk, ...) made with nFPM.",
            docs=docs_url("package/nfpm"),
        ),
        Field("srpm", SRPM, "Source RPM.", since="2.15", docs=docs_url("package/srpm")),
        Field(
            "snapcrafts", ListOf(SNAPCRAFT), "Snap packages.", docs=docs_url("package/snapcraft")
        ),
        Field(
            "flatpak",
            ListOf(FLATPAK),
            "Flatpak bundles.",
            since="2.15",
            docs=docs_url("package/flatpak"),
        ),
        Field(
            "snapshot",
            SNAPSHOT,
            "Settings for `--snapshot` runs.",
            docs=docs_url("publish/snapshots"),
        ),
        Field("checksum", CHECKSUM, "The checksums file.", docs=docs_url("package/checksum")),
        Field(
            "dockers_v2",
            ListOf(DOCKER_V2),
            "Docker images (multi-platform, buildx).",
            since="2.12",
            docs=docs_url("package/dockers_v2"),
        ),
        Field(
            "docker_digest",
            DOCKER_DIGEST,
            "File of pushed image digests.",
            since="2.12",
            docs=docs_url("package/docker_digests"),
        ),
        Field(
            "artifactories",
            ListOf(UPLOAD),
            "Uploads to Artifactory.",
            docs=docs_url("publish/artifactory"),
        ),
        Field("uploads", ListOf(UPLOAD), "HTTP uploads.", docs=docs_url("publish/upload")),
        Field(
            "blobs",
            ListOf(BLOB),
            "Uploads to S3, GCS or Azure blob storage.",
            docs=docs_url("publish/blob"),
        ),
        Field(
            "publishers",
            ListOf(PUBLISHER),
            "Custom publisher commands.",
            docs=docs_url("publish/publishers"),
        ),
        Field(
            "changelog",
            CHANGELOG,
            "Generating the release changelog.",
            docs=docs_url("publish/changelog"),
        ),
        Field(
            "dist", STRING, "Output directory.", default="'./dist'", docs=docs_url("general/dist")
        ),
        Field("signs", ListOf(SIGN), "Signing artifacts.", docs=docs_url("sign/sign")),
        Field(
            "notarize", NOTARIZE, "macOS signing and notarization.", docs=docs_url("sign/notarize")
        ),
        Field(
            "docker_signs",
            ListOf(SIGN),
            "Signing docker images and manifests.",
            docs=docs_url("sign/docker_sign"),
        ),
        Field(
            "binary_signs",
            ListOf(BINARY_SIGN),
            "Signing binaries.",
            since="2.2",
            docs=docs_url("sign/binary_sign"),
        ),
        Field(
            "env_files", ENV_FILES, "Files holding the SCM tokens.", docs=docs_url("publish/scm")
        ),
        Field(
            "before", BEFORE, "Global hooks run before the build.", docs=docs_url("general/hooks")
        ),
        Field(
            "after",
            AFTER,
            "Global hooks run after the release.",
            docs=docs_url("general/hooks"),
            pro=True,
        ),
        Field("source", SOURCE, "Source code archive.", docs=docs_url("package/source")),
        Field(
            "gomod",
            GO_MOD,
            "Go module settings (module proxy, verifiable builds).",
            docs=docs_url("builds/verifiable_builds"),
        ),
        Field("announce", ANNOUNCE, "Announcing the release.", docs=docs_url("announce")),
        Field("sboms", ListOf(SBOM), "Software bills of materials.", docs=docs_url("sbom")),
        Field(
            "chocolateys",
            ListOf(CHOCOLATEY),
            "Chocolatey packages.",
            docs=docs_url("package/chocolatey"),
        ),
        Field("git", GIT, "Git tag settings.", docs=docs_url("general/git")),
        Field(
            "report_sizes", BOOL, "Logs the size of each artifact.", docs=docs_url("reportsizes")
        ),
        Field(
            "metadata",
            PROJECT_METADATA,
            "Project metadata (mod_timestamp of metadata files, ...).",
            docs=docs_url("general/metadata"),
        ),
        Field(
            "makeselfs",
            ListOf(MAKESELF),
            "Self-extracting archives made with makeself.",
            docs=docs_url("package/makeself"),
        ),
        Field(
            "universal_binaries",
            ListOf(UNIVERSAL_BINARY),
            "macOS universal binaries.",
            docs=docs_url("builds/universalbinaries"),
        ),
        Field("upx", ListOf(UPX), "Compressing binaries with UPX.", docs=docs_url("builds/upx")),
        Field(
            "mcp",
            MCP,
            "Publishing to the MCP registry.",
            since="2.13",
            docs=docs_url("publish/mcp"),
        ),
        Field(
            "iru", IRU, "Publishing to Iru (Kandji).", since="2.18", docs=docs_url("publish/iru")
        ),
        Field(
            "retry",
            RETRY,
            "Retry policy for network operations.",
            since="2.15.3",
            docs=docs_url("general/retry"),
        ),
        Field(
            "force_token",
            Enum("Project.force_token", ("github", "gitlab", "gitea", "")),
            "Which SCM token to use when several are set.",
            docs=docs_url("publish/scm"),
        ),
        Field(
            "github_urls",
            GITHUB_URLS,
            "GitHub Enterprise URLs.",
            docs=docs_url("publish/scm/github"),
        ),
        Field(
            "gitlab_urls",
            GITLAB_URLS,
            "Self-hosted GitLab URLs.",
            docs=docs_url("publish/scm/gitlab"),
        ),
        Field("gitea_urls", GITEA_URLS, "Gitea URLs.", docs=docs_url("publish/scm/gitea")),
        Field(
            "includes",
            ListOf(INCLUDE),
            "Other config files to merge in (Pro).",
            docs=docs_url("general/includes"),
            pro=True,
        ),
        Field(
            "variables",
            MapOf(ANY),
            "Custom template variables, `{{ .Var.name }}` (Pro).",
            docs=docs_url("general/templates"),
            pro=True,
        ),
        Field(
            "monorepo",
            MONOREPO,
            "Monorepo settings: tag prefix and directory (Pro).",
            docs=docs_url("monorepo"),
            pro=True,
        ),
        Field(
            "partial",
            PARTIAL,
            "Split builds settings (Pro).",
            docs=docs_url("general/partial"),
            pro=True,
        ),
        Field(
            "nightly",
            NIGHTLY,
            "Nightly release settings (Pro).",
            docs=docs_url("publish/nightlies"),
            pro=True,
        ),
        Field(
            "gemfury",
            ListOf(FURY),
            "Gemfury pushes (Pro).",
            docs=docs_url("publish/gemfury"),
            pro=True,
        ),
        Field(
            "cloudsmiths",
            ListOf(CLOUDSMITH),
            "Cloudsmith pushes (Pro).",
            since="2.1",
            docs=docs_url("publish/cloudsmith"),
            pro=True,
        ),
        Field(
            "dockerhub",
            ListOf(DOCKER_HUB),
            "Docker Hub description updates (Pro).",
            docs=docs_url("publish/dockerhub"),
            pro=True,
        ),
        Field(
            "before_publish",
            ListOf(BEFORE_PUBLISH_HOOK),
            "Hooks run before publishing (Pro).",
            since="2.1",
            docs=docs_url("publish/beforepublish"),
            pro=True,
        ),
        Field(
            "template_files",
            ListOf(TEMPLATE_FILE),
            "Files rendered from templates (Pro).",
            docs=docs_url("general/templatefiles"),
            pro=True,
        ),
        Field(
            "verify",
            VERIFY,
            "Checks run on the produced artifacts (Pro).",
            since="2.17",
            docs=docs_url("verify"),
            pro=True,
        ),
        Field(
            "telemetry",
            TELEMETRY,
            "Telemetry settings (Pro).",
            since="2.18",
            docs=docs_url("telemetry"),
            pro=True,
        ),
        Field(
            "furies",
            ListOf(FURY),
            "Gemfury pushes (deprecated: use `gemfury`; Pro).",
            docs=docs_url("publish/gemfury"),
            pro=True,
        ),
        Field(
            "brews",
            ListOf(HOMEBREW),
            "Homebrew formulas (deprecated: use `homebrew_casks`).",
            docs=docs_url("publish/homebrew_formulas"),
        ),
        Field(
            "dockers",
            ListOf(DOCKER),
            "Docker images (deprecated: use `dockers_v2`).",
            docs=docs_url("package/docker"),
        ),
        Field(
            "docker_manifests",
            ListOf(DOCKER_MANIFEST),
            "Docker manifests (deprecated: use `dockers_v2`).",
            docs=docs_url("package/docker_manifest"),
        ),
    ),
)

PROJECT_ROOT = PROJECT
