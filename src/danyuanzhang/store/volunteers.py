"""Reading the volunteer team and the services its people gave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store, in_chunks


def volunteer(store: Store, volunteer_id: str) -> Any:
    return store.conn.execute("SELECT * FROM volunteers WHERE id = ?", (volunteer_id,)).fetchone()


def ids_starting(store: Store, prefix: str) -> list[str]:
    """The ids of the volunteers that start with `prefix`."""
    rows = store.conn.execute("SELECT id FROM volunteers WHERE id LIKE ? || '%'", (prefix,))
    return [str(row[0]) for row in rows]


def volunteers(store: Store, estates: Sequence[str] | None = None) -> list[Any]:
    """Every volunteer (of these estates), by estate, area and name."""
    where, params = "", list(estates or ())
    if estates is not None:
        where = f"WHERE estate IN ({', '.join('?' * len(params))})"
    return store.conn.execute(
        f"SELECT * FROM volunteers {where} ORDER BY estate, building, unit, name, id", params
    ).fetchall()


def named(store: Store, text: str) -> list[Any]:
    """Volunteers whose name holds `text`."""
    return store.conn.execute(
        "SELECT * FROM volunteers WHERE instr(name, ?) > 0 ORDER BY name, id", (text,)
    ).fetchall()


def service(store: Store, service_id: str) -> Any:
    """A service given, with the room of the household it was given to."""
    return store.conn.execute(
        "SELECT s.*, h.room AS room FROM services s"
        " LEFT JOIN households h ON h.id = s.household_id WHERE s.id = ?",
        (service_id,),
    ).fetchone()


def services_of(store: Store, volunteer_id: str) -> list[Any]:
    """Every service a volunteer gave, newest first."""
    return store.conn.execute(
        "SELECT s.*, h.room AS room FROM services s LEFT JOIN households h ON h.id = s.household_id"
        " WHERE s.volunteer_id = ? ORDER BY s.on_date DESC, s.id",
        (volunteer_id,),
    ).fetchall()


def services_between(store: Store, estates: Sequence[str], start: str, end: str) -> list[Any]:
    """The services given in some estates between two days (inclusive), oldest first."""
    return store.conn.execute(
        f"""
        SELECT s.*, h.room AS room FROM services s LEFT JOIN households h ON h.id = s.household_id
        WHERE s.estate IN ({", ".join("?" * len(estates))}) AND s.on_date BETWEEN ? AND ?
        ORDER BY s.on_date, s.building, s.unit, h.room, s.id
        """,
        [*estates, start, end],
    ).fetchall()


def names_of(store: Store, volunteer_ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in in_chunks(sorted(set(volunteer_ids))):
        rows = store.conn.execute(
            f"SELECT id, name FROM volunteers WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        )
        found.update((row[0], row[1]) for row in rows)
    return found
