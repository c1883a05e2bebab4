"""Files dyz writes beside the notebook (a bundle, a backup, a sheet): written whole or not at
all, with what an interrupted write left cleared away, and a failed write told in words a person
can act on."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from danyuanzhang.errors import DyzError


def size_words(count: int) -> str:
    """A size as people read it: 3.2 MB, 820 KB."""
    if count >= 1 << 30:
        return f"{count / (1 << 30):.1f} GB"
    if count >= 1 << 20:
        return f"{count / (1 << 20):.1f} MB"
    return f"{max(1, count // 1024)} KB"


def free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def write_failure(error: OSError, path: Path) -> DyzError:
    """A file dyz writes (a bundle, a backup, a sheet) could not be written: a full disk says
    how much room there is; anything else says why."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        folder = path.resolve().parent
        return DyzError(
            "file_disk_full", path=str(path), folder=str(folder),
            free=size_words(free_bytes(folder) or 0),
        )  # fmt: skip
    return DyzError("cannot_write", path=str(path), reason=error.strerror or str(error))


# a file being written is named `.NAME.part` (and `.NAME.body.part`) beside where it goes;
# one older than this was left by a dyz that was killed, not one still writing
STRAY_AFTER_SECONDS = 3600


def remove_stray_parts(target: Path) -> None:
    """What an interrupted write left beside `target`: its own temporary files, and any other
    `.*.part` there old enough that no dyz is still writing it."""
    import time

    folder = target.resolve().parent
    now = time.time()
    for part in folder.glob(".*.part"):
        with contextlib.suppress(OSError):
            mine = part.name in (f".{target.name}.part", f".{target.name}.body.part")
            if mine or now - part.stat().st_mtime > STRAY_AFTER_SECONDS:
                part.unlink()


@contextlib.contextmanager
def written_whole(target: Path) -> Iterator[Path]:
    """A file written as `.NAME.part` beside `target` (the path yielded) and moved into place
    once whole: whatever stops it (a full disk, Ctrl-C) takes the part away, and the parts
    earlier crashes left go first."""
    remove_stray_parts(target)
    partial = target.with_name(f".{target.name}.part")
    try:
        yield partial
        os.replace(partial, target)
    except OSError as error:
        raise write_failure(error, target) from None
    finally:
        partial.unlink(missing_ok=True)
