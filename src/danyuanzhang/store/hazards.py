"""Reading hazards and the steps taken on them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store


def hazards(
    store: Store,
    estates: Sequence[str],
    building: str | None = None,
    unit: str | None = None,
    kind: str | None = None,
) -> list[Any]:
    # a hazard withdrawn as entered by mistake is in no list (`hazard show` still has it)
    where = [f"estate IN ({', '.join('?' * len(estates))})", "withdrawn_on IS NULL"]
    params: list[Any] = list(estates)
    for column, value in (("building", building), ("unit", unit), ("kind", kind)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return store.conn.execute(
        f"SELECT * FROM hazards WHERE {' AND '.join(where)} ORDER BY found_on, id", params
    ).fetchall()


def hazard(store: Store, hazard_id: str) -> Any:
    return store.conn.execute("SELECT * FROM hazards WHERE id = ?", (hazard_id,)).fetchone()


def events_of(store: Store, hazard_ids: Sequence[str]) -> list[Any]:
    from danyuanzhang.store.steps import steps_of

    return steps_of(store, "hazard_events", hazard_ids)


def verified_since(
    store: Store, estate: str, building: str, unit: str, kind: str, since: str
) -> list[Any]:
    """The hazards of a kind at a unit last verified on `since` or later (`verified_on` is the
    latest verified step's day): a seek in `hazards_verified_at`, however many were verified
    before."""
    return store.conn.execute(
        "SELECT * FROM hazards WHERE estate = ? AND building = ? AND unit = ? AND kind = ?"
        " AND verified_on >= ? AND withdrawn_on IS NULL",
        (estate, building, unit, kind, since),
    ).fetchall()


def notice_numbers(store: Store, prefix: str) -> list[str]:
    """The numbers of the notices issued under `prefix` (芙南〔2026〕第3-), on any laptop."""
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = store.conn.execute(
        "SELECT notice_no FROM hazards WHERE notice_no LIKE ? ESCAPE '\\'", (pattern,)
    )
    return [row[0] for row in rows]


def writable_fields(store: Store, hazard_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that a change to a hazard would write: without its personal words, where
    its household is erased."""
    from danyuanzhang.store.derive import without_erased_words

    return without_erased_words(store.conn, "hazard", hazard_id, fields)
