"""Reading petitions, their steps and the links between them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from danyuanzhang.store import Store


def petitions(
    store: Store,
    estates: Sequence[str],
    building: str | None = None,
    unit: str | None = None,
    category: str | None = None,
) -> list[Any]:
    # a petition withdrawn as entered by mistake is in no list (`petition show` still has it)
    where = [f"estate IN ({', '.join('?' * len(estates))})", "withdrawn_on IS NULL"]
    params: list[Any] = list(estates)
    for column, value in (("building", building), ("unit", unit), ("category", category)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    return store.conn.execute(
        f"SELECT * FROM petitions WHERE {' AND '.join(where)} ORDER BY raised_on, id", params
    ).fetchall()


def done_not_closed(
    store: Store, estates: Sequence[str], building: str | None, unit: str | None
) -> list[Any]:
    """Petitions of a place done and not yet closed with the resident's word (settled by the
    day they were done, yet still waiting on the unit head), through the index of those alone
    (`petitions_done_not_closed`), however many were done and closed before."""
    from danyuanzhang.store.report import place_clause

    where, params = place_clause("p", estates, building, unit)
    return store.conn.execute(
        f"""
        SELECT p.* FROM petitions p
        WHERE p.done_on IS NOT NULL AND p.closed_on IS NULL AND {where} AND p.withdrawn_on IS NULL
        """,
        params,
    ).fetchall()


def petition(store: Store, petition_id: str) -> Any:
    return store.conn.execute("SELECT * FROM petitions WHERE id = ?", (petition_id,)).fetchone()


def events_of(store: Store, petition_ids: Sequence[str]) -> list[Any]:
    from danyuanzhang.store.steps import steps_of

    return steps_of(store, "petition_events", petition_ids)


def links_of(store: Store, petition_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT other_id FROM petition_links WHERE petition_id = ?"
        " UNION SELECT petition_id FROM petition_links WHERE other_id = ?",
        (petition_id, petition_id),
    )
    return [str(row[0]) for row in rows]


def all_petitions(store: Store) -> list[Any]:
    return store.conn.execute(
        "SELECT * FROM petitions WHERE withdrawn_on IS NULL ORDER BY raised_on, id"
    ).fetchall()


def unsettled_on(store: Store, day: str) -> list[Any]:
    """The petitions of every estate raised by `day` and not settled by then, through the
    settled day's index, however many were settled before (the council's agenda)."""
    from danyuanzhang.store.report import unsettled_petitions

    estates = [
        row[0]
        for row in store.conn.execute(
            """
            WITH RECURSIVE hop(estate) AS (
                SELECT min(estate) FROM petitions
                UNION ALL
                SELECT (SELECT min(estate) FROM petitions WHERE estate > hop.estate)
                FROM hop WHERE hop.estate IS NOT NULL
            )
            SELECT estate FROM hop WHERE estate IS NOT NULL
            """
        )
    ]
    found = unsettled_petitions(store, estates, None, None, day)
    return sorted(found, key=lambda r: (r["raised_on"], r["id"]))


def proposal(store: Store, proposal_id: str) -> Any:
    return store.conn.execute("SELECT * FROM proposals WHERE id = ?", (proposal_id,)).fetchone()


def open_proposals(store: Store, on: str) -> list[Any]:
    """Proposals made by `on` that the office had not answered by then."""
    return store.conn.execute(
        "SELECT * FROM proposals WHERE proposed_on <= ?"
        " AND (decision IS NULL OR decided_on > ?) ORDER BY proposed_on, id",
        (on, on),
    ).fetchall()


def petitions_of_proposal(store: Store, proposal_id: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT DISTINCT petition_id FROM petition_events WHERE proposal_id = ? AND step = 'proposed'"
        " ORDER BY petition_id",
        (proposal_id,),
    )
    return [str(row[0]) for row in rows]


def decided_between(store: Store, start: str, end: str) -> list[Any]:
    return store.conn.execute(
        "SELECT * FROM proposals WHERE decided_on BETWEEN ? AND ? ORDER BY decided_on, id",
        (start, end),
    ).fetchall()


def petitions_by_id(store: Store, petition_ids: Sequence[str]) -> list[Any]:
    marks = ", ".join("?" * len(petition_ids))
    return store.conn.execute(
        f"SELECT id, household_id FROM petitions WHERE id IN ({marks})", list(petition_ids)
    ).fetchall()


def open_council_items(store: Store, petition_ids: Sequence[str] | None = None) -> list[Any]:
    """Matters before the council not yet taken off its agenda: of these needs, or all."""
    if petition_ids is None:
        return store.conn.execute(
            "SELECT * FROM council_items WHERE settled_on IS NULL ORDER BY escalated_on, id"
        ).fetchall()
    marks = ", ".join("?" * len(petition_ids))
    return store.conn.execute(
        f"SELECT * FROM council_items WHERE settled_on IS NULL AND petition_id IN ({marks})"
        " ORDER BY id",
        list(petition_ids),
    ).fetchall()


def council_item_ids(store: Store, item_ids: Sequence[str]) -> set[str]:
    """Of these council items, those written here already (open or off the agenda)."""
    if not item_ids:
        return set()
    marks = ", ".join("?" * len(item_ids))
    rows = store.conn.execute(f"SELECT id FROM council_items WHERE id IN ({marks})", list(item_ids))
    return {row[0] for row in rows}


def held_petitions(store: Store, petition_ids: Sequence[str]) -> set[str]:
    """Of these needs, those this notebook holds (their words and flat)."""
    if not petition_ids:
        return set()
    marks = ", ".join("?" * len(petition_ids))
    rows = store.conn.execute(
        f"SELECT id FROM petitions WHERE id IN ({marks})", list(petition_ids)
    ).fetchall()
    return {row[0] for row in rows}


def disputes(store: Store, estate: str | None = None) -> list[Any]:
    """Every dispute (a need of category mediation) not withdrawn, oldest first: read through
    the index of disputes (`petitions_disputes`), the estate then kept to."""
    rows = store.conn.execute(
        "SELECT * FROM petitions WHERE category = 'mediation' AND withdrawn_on IS NULL"
        " ORDER BY raised_on, id"
    ).fetchall()
    return [r for r in rows if r["estate"] == estate] if estate else rows


def disputes_to_follow_up(store: Store) -> list[Any]:
    """The disputes agreed and not followed up since (`mediated_on`, `followed_up_on`), oldest
    first: those whose follow-up visit may be due, not every dispute ever agreed."""
    return store.conn.execute(
        "SELECT * FROM petitions INDEXED BY petitions_to_follow_up"
        " WHERE mediated_on > coalesce(followed_up_on, '')"
        " AND category = 'mediation' AND withdrawn_on IS NULL ORDER BY raised_on, id"
    ).fetchall()


def disputes_open_since(store: Store, estates: Sequence[str], day: str) -> list[Any]:
    """The disputes of these estates undecided, decided on `day` or later, or waiting for their
    follow-up visit, oldest first: what a week from `day` on may count, through the day each
    was decided (`petitions_disputes_by_decided`), not every dispute ever decided."""
    if not estates:
        return []
    marks = ", ".join("?" * len(estates))
    disputes = "category = 'mediation' AND withdrawn_on IS NULL"
    return store.conn.execute(
        f"SELECT * FROM petitions INDEXED BY petitions_disputes_by_decided"
        f" WHERE estate IN ({marks}) AND decided_on IS NULL AND {disputes}"
        f" UNION SELECT * FROM petitions INDEXED BY petitions_disputes_by_decided"
        f" WHERE estate IN ({marks}) AND decided_on >= ? AND {disputes}"
        " UNION SELECT * FROM petitions INDEXED BY petitions_to_follow_up"
        f" WHERE mediated_on > coalesce(followed_up_on, '') AND estate IN ({marks})"
        f" AND {disputes}"
        " ORDER BY raised_on, id",
        [*estates, *estates, day, *estates],
    ).fetchall()


def disputes_between(store: Store, estates: Sequence[str], start: str, end: str) -> list[Any]:
    """The disputes taken on (raised) in the period, oldest first: read by the day within each
    estate (`petitions_by_raised`), not every dispute the notebook holds."""
    return store.conn.execute(
        f"SELECT * FROM petitions WHERE estate IN ({', '.join('?' * len(estates))})"
        " AND raised_on BETWEEN ? AND ? AND category = 'mediation' AND withdrawn_on IS NULL"
        " ORDER BY raised_on, id",
        [*estates, start, end],
    ).fetchall()


def mediation_steps(store: Store, petition_ids: Sequence[str]) -> list[Any]:
    """The mediation steps of these disputes, each with the stamp and author of its step."""
    from danyuanzhang.store import in_chunks

    found: list[Any] = []
    for chunk in in_chunks(petition_ids):
        found += store.conn.execute(
            "SELECT m.*, c.hlc AS hlc, c.author AS author FROM mediation_steps m"
            " JOIN changes c ON c.record = m.id AND c.field = 'step'"
            f" WHERE m.petition_id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
    return found
