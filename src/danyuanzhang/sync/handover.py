"""`dyz handover`: a unit head who steps down leaves no personal data on the laptop.

The notebook is the office's data, kept by the unit head on its behalf (PIPL art. 21): when
that ends, it goes back and this copy goes. Nothing is erased through the change log (an
erasure travels, and would erase the office's records too): the notebook's files are
overwritten and deleted here, once the office is known to hold every change this laptop holds
(it acknowledged them in a bundle it sent back).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store


def office_lacks(store: Store) -> tuple[str, int]:
    """(the office's name, how many changes this laptop holds that the office is not known
    to hold). Refused for a laptop that has joined no office, and for the office itself."""
    from danyuanzhang.store import sync as sql
    from danyuanzhang.sync.members import is_office, office_of

    office = office_of(store)
    if office is None:
        raise DyzError("handover_no_office")
    if is_office(store):
        raise DyzError("handover_is_office")
    known = sql.knowledge(store, office.device, "")
    lacking = 0
    for device in sql.devices_in_log(store):
        if device == office.device:
            continue  # its own changes it has
        lacking += sql.count_after(store, device, known.get(device, ""), 1_000_000)
    return office.name, lacking


def wipe(path: Path) -> list[Path]:
    """Overwrite the notebook, its -wal and -shm with zeros and delete them; what was wiped.
    (On a flash disk the old blocks may survive the overwrite: the best a program can do.)"""
    wiped = []
    for suffix in ("", "-wal", "-shm"):
        file = Path(f"{path}{suffix}")
        if not file.exists():
            continue
        size = file.stat().st_size
        with contextlib.suppress(OSError), file.open("r+b") as stream:
            block = b"\0" * (1 << 20)
            left = size
            while left > 0:
                stream.write(block[: min(left, len(block))])
                left -= len(block)
            stream.flush()
            os.fsync(stream.fileno())
        file.unlink()
        wiped.append(file)
    return wiped
