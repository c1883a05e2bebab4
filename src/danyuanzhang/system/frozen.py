"""What differs when dyz runs as the one-folder build (packaging/build.py), which carries its
own Python, rather than from an installed package."""

from __future__ import annotations

import contextlib
import sys

SYSTEMS = {"win32": "Windows", "linux": "Linux", "darwin": "macOS"}


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def edition() -> str:
    """Which dyz this is, for `dyz --version` and for whoever answers a question about it."""
    python = "Python {}.{}.{}".format(*sys.version_info[:3])
    if not is_frozen():
        return f"source, {python}"
    return f"{SYSTEMS.get(sys.platform, sys.platform)} one-folder build, {python}"


def alone_in_its_console() -> bool:
    """Whether dyz has a console window to itself: dyz.exe double-clicked rather than typed
    into a command window. Windows closes such a window the moment dyz ends."""
    if sys.platform != "win32":
        return False
    import ctypes

    processes = (ctypes.c_uint32 * 2)()
    return int(ctypes.windll.kernel32.GetConsoleProcessList(processes, 2)) == 1


def hold_the_window(words: str) -> None:
    """Keep a double-clicked dyz's window open on its last words (an error) until Enter: they
    would vanish with the window otherwise."""
    if not alone_in_its_console():
        return
    sys.stdout.write(f"\n{words}")
    sys.stdout.flush()
    with contextlib.suppress(AttributeError, OSError, ValueError, KeyboardInterrupt):
        sys.stdin.readline()  # no keyboard (no stdin, a console gone): nothing to wait for
