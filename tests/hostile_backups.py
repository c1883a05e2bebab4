"""Backups as an attacker makes them: any SQLite file, or any bytes, sealed with the very
functions `dyz backup` uses, under a passphrase or to the office's public key (which is all a
backup sealed to the office needs), with header fields of the attacker's choosing."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from danyuanzhang.backup import CHUNK, _blocks, key_fields, read_header, write_sealed
from danyuanzhang.store import Store

PASSPHRASE = "芙蓉南路二栋二单元"
ABSENT = object()  # a header field left out, as backups of an older dyz do


def copy_of(notebook: Path, target: Path) -> Path:
    """A plain copy of a notebook to make hostile, as `dyz backup` takes one."""
    conn = sqlite3.connect(notebook)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    return target


def seal(
    plain: Path | Iterable[bytes],
    target: Path,
    passphrase: str | None = PASSPHRASE,
    office: tuple[str, str, str] | None = None,
    **fields: Any,
) -> Path:
    """`plain` (a file, or blocks of bytes) sealed into the backup `target`; `fields` replace
    the header's own (ABSENT leaves one out), after the key is made, as a forger would."""
    blocks = _blocks(plain) if isinstance(plain, Path) else plain
    header: dict[str, Any] = {
        "format": "dyz-backup",
        "made": "2026-12-03T17:27:56",
        "laptop": "0" * 32,
        "laptop_name": "王建国的电脑",
        "schema": _version(plain) if isinstance(plain, Path) else 18,
        "changes": 0,
        "latest": None,
        "chunk": CHUNK,
        "compression": "zlib",
    }
    if isinstance(plain, Path):
        header["size"] = plain.stat().st_size
    key, keyed = key_fields(passphrase, office)
    header |= keyed
    for name, value in fields.items():
        if value is ABSENT:
            header.pop(name, None)
        else:
            header[name] = value
    write_sealed(blocks, target, header, key)
    return target


def office_key(db: Path) -> tuple[str, str, str]:
    """The office's id, name and public key, as every laptop of its community holds them."""
    from nacl.signing import SigningKey

    from danyuanzhang.keys import PRIVATE

    store = Store.open(db)
    try:
        device, name = store.device()
        seed = base64.b64decode(str(store.setting(PRIVATE)))
    finally:
        store.close()
    public = bytes(SigningKey(seed).verify_key)
    return device, name, base64.b64encode(public).decode()


def _version(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


__all__ = ["ABSENT", "PASSPHRASE", "copy_of", "office_key", "read_header", "seal"]
