"""The built-in objects Helm hands a template (``.Release``, ``.Chart``, …) and their fields."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BuiltinField:
    """A field of a built-in object (``name`` as written after the object)."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class BuiltinObject:
    """A top-level object of a template's root context."""

    name: str
    description: str
    fields: tuple[BuiltinField, ...] = ()


def _f(name: str, description: str) -> BuiltinField:
    return BuiltinField(name, description)


BUILTINS: tuple[BuiltinObject, ...] = (
    BuiltinObject("Values", "The chart's values (values.yaml merged with the user's)."),
    BuiltinObject(
        "Release",
        "The release being installed or upgraded.",
        (
            _f("Name", "The release name."),
            _f("Namespace", "The namespace the release is installed into."),
            _f("IsUpgrade", "True when the current operation is an upgrade or rollback."),
            _f("IsInstall", "True when the current operation is an install."),
            _f("Revision", "The revision number of this release (1 on install)."),
            _f("Service", "The service rendering the template (always `Helm`)."),
        ),
    ),
    BuiltinObject(
        "Chart",
        "The contents of Chart.yaml (fields capitalised).",
        (
            _f("Name", "The chart name."),
            _f("Version", "The chart version (SemVer 2)."),
            _f("AppVersion", "The version of the app the chart contains."),
            _f("Description", "A one-sentence description of the chart."),
            _f("APIVersion", "The chart API version (`v2`)."),
            _f("Type", "`application` or `library`."),
            _f("KubeVersion", "A SemVer range of compatible Kubernetes versions."),
            _f("Home", "The project's home page URL."),
            _f("Icon", "A URL to an icon."),
            _f("Sources", "URLs to the source code of the project."),
            _f("Keywords", "Keywords about the project."),
            _f("Maintainers", "The chart's maintainers."),
            _f("Annotations", "Annotations of Chart.yaml."),
            _f("Dependencies", "The chart's dependencies."),
            _f("Deprecated", "Whether the chart is deprecated."),
        ),
    ),
    BuiltinObject(
        "Capabilities",
        "What the Kubernetes cluster supports.",
        (
            _f("APIVersions", 'The API versions the cluster serves (`.Has "apps/v1"`).'),
            _f("KubeVersion", "The Kubernetes version (`.Version`, `.Major`, `.Minor`)."),
            _f("HelmVersion", "The Helm version (`.Version`, `.GitCommit`, `.GoVersion`)."),
        ),
    ),
    BuiltinObject(
        "Files",
        "The chart's non-special files (not templates, not values).",
        (
            _f("Get", 'The contents of a file as a string (`.Files.Get "config.ini"`).'),
            _f("GetBytes", "The contents of a file as bytes."),
            _f("Glob", "The files whose names match a glob pattern."),
            _f("Lines", "A file's lines, to range over."),
            _f("AsSecrets", "The files as base64-encoded Secret data."),
            _f("AsConfig", "The files as ConfigMap data."),
        ),
    ),
    BuiltinObject(
        "Template",
        "The current template.",
        (
            _f("Name", "The namespaced path of the current template file."),
            _f("BasePath", "The namespaced path of the chart's templates directory."),
        ),
    ),
    BuiltinObject("Subcharts", "The scope (values, chart, …) of each subchart, by name."),
)
"""Every object of a template's root context, in Helm's documentation order."""

BUILTIN_BY_NAME = {obj.name: obj for obj in BUILTINS}
