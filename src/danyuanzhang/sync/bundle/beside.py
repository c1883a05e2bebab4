"""Reading a big bundle in a second process, while this one writes what it has read.

Reading and checking a bundle (parsing its lines, checking each value, hashing each change)
is about half of what an import costs, and writing it to the notebook is the other half. Both
are Python code, so two threads would take turns; two processes run at once on a laptop's
second core. The reader runs the very same `read` in a child process and sends the records
back in batches, so the two halves overlap and nothing is decided differently.

The pipe between them holds about one batch: the reader waits while the writer is behind, and
memory stays bounded however big the bundle is. When the child cannot start or is lost, the
caller undoes what it wrote and reads the bundle in this process instead (`ReaderLost`).
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

from danyuanzhang.core.changes import Change
from danyuanzhang.core.merge import Incoming
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.reader import Body, Deliver, Progress, ReadAgain, open_source, read

_change = functools.partial(tuple.__new__, Change)  # Change._make, without its length check

# Below this size a bundle is read in this process: starting a second one would cost more
# than it saves (a few tenths of a second on Windows, which starts it afresh).
BESIDE_FROM = 8 << 20
# Windows can only start the reader afresh ("spawn": the frozen build runs dyz.exe again, which
# must call freeze_support first); elsewhere it forks, at once, the reader's modules already
# loaded and the caller's script not run again.
START_METHOD = "spawn" if sys.platform == "win32" else "fork"
SEND_EVERY = 20_000  # changes in one message: as many as the importer applies at a time


class ReaderLost(Exception):
    """The second process could not start, or ended without a verdict."""


def worth_reading_beside(size: int) -> bool:
    return size >= BESIDE_FROM and (os.cpu_count() or 1) > 1


def read_beside(path: Path, deliver: Deliver, progress: Progress | None = None) -> Body:
    """`read(open_source(path), deliver, progress)`, the reading done by a second process.
    The same records arrive in the same order, and the same BundleError or ReadAgain ends it."""
    try:
        context: Any = multiprocessing.get_context(START_METHOD)  # typeshed's has no .Process
        ours, theirs = context.Pipe(duplex=False)
        child = context.Process(
            target=_read_and_send, args=(path, theirs, progress is not None), daemon=True
        )
        child.start()
    except (OSError, ValueError, RuntimeError) as error:
        raise ReaderLost from error
    theirs.close()
    finished = False
    try:
        body = _receive(ours, deliver, progress)
        finished = True
        return body
    finally:
        ours.close()
        if not finished:  # the import stopped before the reader: it has nobody to read for
            child.kill()
        child.join()


def _receive(ours: Any, deliver: Deliver, progress: Progress | None) -> Body:
    while True:
        try:
            message = ours.recv()
        except (EOFError, OSError) as error:
            raise ReaderLost from error
        kind = message[0]
        if kind == "records":
            for entity, record, changes, line in marshal.loads(message[1]):
                deliver(Incoming(entity, record, [_change(c) for c in changes]), line)
        elif kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "done":
            body = Body(message[1], deliver)
            body.references = message[2]
            return body
        elif kind == "refused":
            problem, line, params = message[1:]
            raise BundleError(problem, line, **params)
        elif kind == "again":
            raise ReadAgain
        else:
            raise ReaderLost


def _read_and_send(path: Path, theirs: Any, with_progress: bool) -> None:
    """The second process: read the bundle and send what it holds, then the verdict."""
    pending: list[tuple[str, str, list[Any], int]] = []
    held = 0

    def deliver(incoming: Incoming, line: int) -> None:
        nonlocal held
        pending.append(
            (incoming.entity, incoming.record, [tuple(c) for c in incoming.changes], line)
        )
        held += len(incoming.changes)
        if held >= SEND_EVERY:
            send_pending()

    def send_pending() -> None:
        nonlocal held
        if pending:
            theirs.send(("records", marshal.dumps(pending)))
            pending.clear()
            held = 0

    def report(phase: str, fraction: float) -> None:
        theirs.send(("progress", phase, fraction))

    try:
        body = read(open_source(path), deliver, report if with_progress else None)
        send_pending()
        theirs.send(("done", body.header, body.references))
    except BundleError as error:
        theirs.send(("refused", error.problem, error.line, error.problem_params))
    except ReadAgain:
        theirs.send(("again",))
    except (KeyboardInterrupt, BrokenPipeError):
        pass  # the importer stopped: nobody is listening
    except Exception:  # no traceback from here, where it could show what a bundle holds
        with contextlib.suppress(OSError):  # the importer reads it itself, and says why
            theirs.send(("lost",))
    finally:
        theirs.close()
