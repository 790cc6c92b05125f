"""Running gowls where permissions apply: the tests run as root, whom mode bits do not stop."""

from __future__ import annotations

import os
import shutil
import subprocess


def unprivileged() -> tuple[list[str] | None, str]:
    """A command prefix under which a mode-000 file cannot be read, or why there is none."""
    if os.geteuid() != 0:
        return [], ""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None, "root, and no setpriv to drop CAP_DAC_OVERRIDE (util-linux)"
    prefix = [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--"]
    probe = subprocess.run([*prefix, "cat", "/proc/1/environ"], capture_output=True, check=False)
    if probe.returncode == 0 or b"ermission denied" not in probe.stderr:
        return None, f"setpriv could not drop the capabilities: {probe.stderr.decode()[-200:]}"
    return prefix, ""
