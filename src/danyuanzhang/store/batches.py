"""Ids in slices small enough for one `IN (?, ?, ...)` each: a leaf of its own, since the
projection (derive) and the migrations that call it use it as much as the store does."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

SQL_CHUNK = 500  # ids per `IN (...)`: well under SQLite's limit on bound parameters


def in_chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """Ids in slices small enough for one `IN (?, ?, ...)` each."""
    for start in range(0, len(items), SQL_CHUNK):
        yield items[start : start + SQL_CHUNK]
