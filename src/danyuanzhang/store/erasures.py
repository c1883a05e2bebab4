"""The SQL of erasures held for a person to read (sync/erasures.py): the held changes, the
erasures taken unseen (counted over a window) and the marks the held changes keep down."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from danyuanzhang.store import Store, in_chunks

if TYPE_CHECKING:
    from danyuanzhang.core.changes import Change

_CHANGE = "id, hlc, substr(hlc, 28) AS device, author, entity, record, op, field, value, parents"


def hold(store: Store, held: Iterable[tuple[Change, str, str, str]], bundle: str, path: str) -> int:
    """Keep changes out of the log, each with the household it erases or goes with, the laptop
    that erased it and the flat as people know it; a change held already stays as it was."""
    rows = [
        (*change[:2], *change[3:], household, erased_by, flat, bundle, path, store.now_iso())
        for change, household, erased_by, flat in held
    ]
    before = store.conn.total_changes
    store.conn.executemany(
        "INSERT OR IGNORE INTO erasures_held (id, hlc, author, entity, record, op, field, value,"
        " parents, household, erased_by, flat, bundle, path, held_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return store.conn.total_changes - before


def held_households(store: Store) -> dict[str, str]:
    """Every household with an erasure held: the laptop that erased it."""
    rows = store.conn.execute("SELECT DISTINCT household, erased_by FROM erasures_held")
    return {str(r[0]): str(r[1]) for r in rows}


def held_changes(store: Store, bundle: str | None = None) -> list[Change]:
    """The changes held (those of the households whose erasure came in one bundle, when
    given), oldest first."""
    from danyuanzhang.core.changes import Change

    args: tuple[str, ...] = ()
    where = ""
    if bundle is not None:  # and what else is held of the households they erase
        where = "WHERE household IN (SELECT household FROM erasures_held WHERE bundle = ?)"
        args = (bundle,)
    rows = store.conn.execute(
        f"SELECT {_CHANGE} FROM erasures_held {where} ORDER BY hlc, id", args
    ).fetchall()
    return [Change._make(row) for row in rows]


def release(store: Store, ids: Sequence[str]) -> None:
    """The changes no longer held: in the log now."""
    for chunk in in_chunks(sorted(set(ids))):
        marks = ", ".join("?" * len(chunk))
        store.conn.execute(f"DELETE FROM erasures_held WHERE id IN ({marks})", chunk)


def held_flats(store: Store) -> list[Any]:
    """The households held, one row each: who erased it, the flat, the bundle and its file."""
    return store.conn.execute(
        "SELECT household, erased_by, flat, min(bundle) AS bundle, min(path) AS path, min(held_at) AS held_at"
        " FROM erasures_held WHERE entity = 'household' AND household = record"
        " GROUP BY household ORDER BY erased_by, held_at, flat"
    ).fetchall()


def took(store: Store, device: str, records: Sequence[str], now_ms: int) -> None:
    store.conn.executemany(
        "INSERT OR REPLACE INTO erasures_taken (device, record, taken_ms) VALUES (?, ?, ?)",
        [(device, record, now_ms) for record in records],
    )


def taken_since(store: Store, since_ms: int) -> dict[str, int]:
    """Per laptop, the households whose erasure was taken unseen since then."""
    store.conn.execute("DELETE FROM erasures_taken WHERE taken_ms <= ?", (since_ms,))
    rows = store.conn.execute("SELECT device, count(*) FROM erasures_taken GROUP BY device")
    return {str(r[0]): int(r[1]) for r in rows}


def first_held(store: Store) -> dict[str, str]:
    """Per laptop whose change is held, the stamp of its earliest held change."""
    rows = store.conn.execute("SELECT substr(hlc, 28), min(hlc) FROM erasures_held GROUP BY 1")
    return {str(r[0]): str(r[1]) for r in rows}


def held_back_marks(store: Store) -> dict[str, str]:
    rows = store.conn.execute("SELECT device, hlc FROM erasure_marks")
    return {str(r[0]): str(r[1]) for r in rows}


def keep_held_back_mark(store: Store, device: str, stamp: str) -> None:
    store.conn.execute(
        "INSERT INTO erasure_marks (device, hlc) VALUES (?, ?)"
        " ON CONFLICT (device) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
        (device, stamp),
    )


def forget_held_back_mark(store: Store, device: str) -> None:
    store.conn.execute("DELETE FROM erasure_marks WHERE device = ?", (device,))


def lower_mark(store: Store, device: str, stamp: str) -> None:
    store.conn.execute(
        "UPDATE marks SET hlc = ? WHERE device = ? AND hlc > ?", (stamp, device, stamp)
    )


def revoked(store: Store) -> dict[str, str]:
    """The laptops the office revoked, with the last of their changes that counts."""
    rows = store.conn.execute("SELECT device, revoked FROM members WHERE revoked != ''")
    return {str(r[0]): str(r[1]) for r in rows}
