"""Where a file that dyz writes may be seen by others than this laptop's user.

The notebook's own folder is the user's alone (mode 0600 here, the user's profile ACL on
Windows). A file written elsewhere with residents' names in it is not: a USB stick or a memory
card keeps no owner (FAT and exFAT have no permissions) and travels from hand to hand, and the
Desktop is on the screen for whoever sits down, and on many Windows laptops synced to the cloud.
dyz still writes there, since that is how a ledger reaches the office, and says so in one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

# file systems that keep no owner or permissions: what USB sticks and memory cards carry
OWNERLESS = frozenset({"vfat", "msdos", "exfat", "ntfs", "ntfs3", "fuseblk"})
REMOVABLE_ROOTS = ("/media/", "/run/media/")
DRIVE_REMOVABLE = 2  # GetDriveTypeW


def where_exposed(path: Path, mounts: Sequence[tuple[str, str]] | None = None) -> str | None:
    """ "removable" (a USB stick, a card), "desktop", or None where only this user reads it.
    `mounts`: (mount point, file system) pairs, the system's own by default."""
    place = path.expanduser().absolute()
    if _removable(place, _mounts() if mounts is None else mounts):
        return "removable"
    if any(place.is_relative_to(desktop) for desktop in desktops()):
        return "desktop"
    return None


def desktops() -> list[Path]:
    """The Desktop folders of this user, under their English and Chinese names."""
    home = Path.home()
    found = [home / "Desktop", home / "桌面"]
    if sys.platform == "win32":
        for variable in ("USERPROFILE", "OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
            root = os.environ.get(variable)
            if root:
                found += [Path(root) / "Desktop", Path(root) / "桌面"]
    else:
        named = _xdg_desktop(home)
        if named is not None:
            found.append(named)
    return [p.absolute() for p in found]


def _xdg_desktop(home: Path) -> Path | None:
    """The desktop a Linux desktop names in ~/.config/user-dirs.dirs (桌面 on a Chinese one)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "user-dirs.dirs"
    try:
        lines = config.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        name, _, value = line.partition("=")
        if name.strip() == "XDG_DESKTOP_DIR":
            value = value.strip().strip('"').replace("$HOME", str(home))
            return Path(value) if value else None
    return None


def _removable(place: Path, mounts: Sequence[tuple[str, str]]) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive = place.anchor
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOVABLE
    text = str(place)
    if text.startswith(REMOVABLE_ROOTS):
        return True
    # the mount holding the path is the longest mount point it lies under
    holding = max(
        ((point, kind) for point, kind in mounts if place.is_relative_to(point)),
        key=lambda mount: len(mount[0]),
        default=None,
    )
    return holding is not None and holding[1] in OWNERLESS


def _mounts() -> list[tuple[str, str]]:
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            # spaces in a mount point are written \040
            found.append((fields[1].replace("\\040", " "), fields[2]))
    return found
