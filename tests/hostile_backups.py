"""Backups as an attacker makes them: any SQLite file, or any bytes, sealed with the very
functions `dyz backup` uses, under a passphrase or to the office's public key (which is all
sealing to the office needs), signed with any laptop's key or none, with header fields of the
attacker's choosing."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.upkeep.backup import CHUNK, file_blocks, key_fields, read_header, write_sealed

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
    signed_by: bytes | None = None,
    **fields: Any,
) -> Path:
    """`plain` (a file, or blocks of bytes) sealed into the backup `target`, and signed with
    the Ed25519 seed `signed_by` if given; `fields` replace the header's own (ABSENT leaves one
    out), after the key is made, as a forger would."""
    blocks = file_blocks(plain) if isinstance(plain, Path) else plain
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
    write_sealed(blocks, target, header, key, None if signed_by is None else _signer(signed_by))
    return target


def _signer(seed: bytes) -> Callable[[str], str]:
    from nacl.signing import SigningKey

    key = SigningKey(seed)
    return lambda text: base64.b64encode(key.sign(text.encode()).signature).decode()


def laptop_seed(db: Path) -> bytes:
    """A laptop's private signing key (its seed), as a thief of the laptop holds it."""
    from danyuanzhang.sync.keys import PRIVATE

    store = Store.open(db)
    try:
        return base64.b64decode(str(store.setting(PRIVATE)))
    finally:
        store.close()


def office_key(db: Path) -> tuple[str, str, str]:
    """The office's id, name and public key, as every laptop of its community holds them."""
    from nacl.signing import SigningKey

    device, name = laptop_of(db)
    public = bytes(SigningKey(laptop_seed(db)).verify_key)
    return device, name, base64.b64encode(public).decode()


def laptop_of(db: Path) -> tuple[str, str]:
    """A notebook's laptop: its id and name."""
    store = Store.open(db)
    try:
        device, name = store.device()
        return str(device), str(name)
    finally:
        store.close()


def _version(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[60:64], "big")


__all__ = [
    "ABSENT",
    "PASSPHRASE",
    "copy_of",
    "laptop_of",
    "laptop_seed",
    "office_key",
    "read_header",
    "seal",
]
