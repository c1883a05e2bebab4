"""Whether the notebook's folder on Windows is its user's alone.

Linux and macOS have the file mode (0600, set at every open). On Windows a file's access comes
from its folder's ACL: %LOCALAPPDATA%, where dyz keeps the notebook unless told otherwise,
grants the user, SYSTEM and the Administrators only. A folder chosen with --db or DYZ_DB (D:\\,
a shared folder) may grant every user of the laptop, and dyz doctor says so. The ACL is read as
SDDL with `icacls /save`, whose well-known SIDs do not change with the language of Windows.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

# SIDs that stand for more people than the user: everyone, the laptop's users, anyone signed in,
# guests, anonymous logons (as SDDL abbreviations and as SIDs)
BROAD = {
    "WD": "Everyone",
    "S-1-1-0": "Everyone",
    "BU": "Users",
    "S-1-5-32-545": "Users",
    "AU": "Authenticated Users",
    "S-1-5-11": "Authenticated Users",
    "BG": "Guests",
    "S-1-5-32-546": "Guests",
    "AN": "Anonymous",
    "S-1-5-7": "Anonymous",
}
_ACE = re.compile(r"\(([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*)\)")


def broad_grants(sddl: str) -> list[str]:
    """Who beyond the user an SDDL's access list lets in (allow entries only), by name."""
    dacl = sddl.split("D:", 1)[1] if "D:" in sddl else ""
    dacl = dacl.split("S:", 1)[0]  # the audit list that may follow is not access
    found = []
    for kind, _flags, _rights, _object, _inherited, sid in _ACE.findall(dacl):
        name = BROAD.get(sid.upper())
        if kind.upper() in ("A", "OA") and name is not None and name not in found:
            found.append(name)
    return found


def folder_sddl(folder: Path) -> str | None:
    """The SDDL of a folder, by `icacls FOLDER /save`; None where icacls cannot say."""
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "acl.txt"
        try:
            subprocess.run(
                ["icacls", str(folder), "/save", str(saved), "/q"],
                check=True,
                capture_output=True,
                timeout=30,
                stdin=subprocess.DEVNULL,
            )
            raw = saved.read_bytes()
        except (OSError, subprocess.SubprocessError):
            return None
    return sddl_of(raw)


def sddl_of(raw: bytes) -> str | None:
    """icacls writes the name, then the SDDL, in UTF-16 (with or without its mark)."""
    text = raw.decode("utf-16-le" if b"\x00" in raw else "utf-8", errors="replace")
    lines = [line.strip().lstrip("\ufeff") for line in text.splitlines() if line.strip()]
    return next((line for line in lines if line.startswith(("D:", "O:", "G:"))), None)


def restrict_command(folder: Path) -> str:
    """The command that leaves a folder to its user (and SYSTEM and the Administrators)."""
    return (
        f'icacls "{folder}" /inheritance:r /grant:r "%USERNAME%:(OI)(CI)F"'
        ' "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F"'
    )
