"""A work counter, not a stopwatch: how many steps of SQLite's virtual machine a command takes.

Every connection dyz opens while the counter runs reports to it through SQLite's progress
handler, called once per `EVERY` virtual-machine instructions. The count is the same on every
run and every machine, however busy, so a test can assert that a command's work does not grow
with the history in the notebook (DESIGN.md), where a timing could only be flaky."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

EVERY = 10  # instructions per call of the handler: fine enough to see one row's lookup


@dataclass
class Work:
    steps: int = 0  # in units of EVERY instructions

    def tick(self) -> int:
        self.steps += 1
        return 0  # go on


@contextmanager
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[Work]:
    """The work of everything run inside, on every notebook connection opened inside."""
    from danyuanzhang import store

    work = Work()
    opened = store.connect

    def connect(path: Path) -> tuple[sqlite3.Connection, bool]:
        conn, created = opened(path)
        conn.set_progress_handler(work.tick, EVERY)
        return conn, created

    with monkeypatch.context() as patch:
        patch.setattr(store, "connect", connect)
        yield work


def counted_on(conn: sqlite3.Connection) -> Work:
    """A counter on a connection already open (a domain call's store)."""
    work = Work()
    conn.set_progress_handler(work.tick, EVERY)
    return work
