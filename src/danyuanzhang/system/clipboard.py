"""Text put on the system's clipboard, for pasting into a WeChat group: `clip` on Windows,
`pbcopy` on a Mac, `wl-copy`, `xclip` or `xsel` on Linux — whichever the system has; nothing
where it has none (a laptop with no desktop, a script)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def _command() -> tuple[list[str], str] | None:
    """(the command, the encoding it reads) of this system's clipboard, if it has one."""
    if sys.platform == "win32":
        return (["clip"], "utf-16") if shutil.which("clip") else None  # UTF-16 with its BOM
    if sys.platform == "darwin":
        return (["pbcopy"], "utf-8") if shutil.which("pbcopy") else None
    candidates = []
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    for command in candidates:
        if shutil.which(command[0]):
            return command, "utf-8"
    return None


def available() -> bool:
    return _command() is not None


def copy(text: str) -> bool:
    """Put `text` on the clipboard; False if the system has none or it refused."""
    found = _command()
    if found is None:
        return False
    command, encoding = found
    try:
        done = subprocess.run(
            command, input=text.encode(encoding), timeout=10, capture_output=True, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
