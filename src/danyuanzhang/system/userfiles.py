"""Files the user names (a roll, a roster, a photo, a template): opened only when they are
ordinary files, and read no further than a limit. `/dev/zero`, a FIFO or a symlink to either
passes a size check (its size is 0) and then reads for ever; a file may also grow while read.

>>> data = read_bounded(Path("照片.jpg"), 512 * 1024)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from danyuanzhang.errors import DyzError

# O_NONBLOCK: opening a FIFO to read would otherwise wait for a writer, before fstat can refuse it
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: Path, limit: int) -> BinaryIO:
    """The file opened for reading, once it is known to be an ordinary file of at most
    `limit` bytes (its symlinks followed)."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError:
        raise DyzError("file_unreadable", path=str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DyzError("file_not_regular", path=str(path))
        if info.st_size > limit:
            raise DyzError("file_too_big", path=str(path), limit_mb=_mb(limit))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of an ordinary file of at most `limit` bytes; one clear line otherwise."""
    with open_regular(path, limit) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError:
            raise DyzError("file_unreadable", path=str(path)) from None
    if len(data) > limit:  # it grew since it was opened
        raise DyzError("file_too_big", path=str(path), limit_mb=_mb(limit))
    return data


def _mb(limit: int) -> str:
    return f"{limit / 2**20:g}"
