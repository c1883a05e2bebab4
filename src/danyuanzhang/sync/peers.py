"""`dyz peers`: the laptops this one has exchanged with, and the part of the notebook each
receives.

>>> set_scope(store, "周玉梅的电脑", "unit:2-2")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql


def list_peers(store: Store) -> list[dict[str, Any]]:
    from danyuanzhang.core.hlc import local_time, parse
    from danyuanzhang.sync.keys import fingerprint, pinned

    items = []
    for row in sql.peers(store):
        key = pinned(store, row["device"])
        seen = sql.knowledge(store, row["device"], "")
        latest = max(seen.values()) if seen else None
        items.append(
            {
                "id": row["device"],
                "name": row["name"],
                "last_heard": row["last_heard"],
                "last_bundle": row["last_bundle"],
                "scope": row["scope"] or "",
                "fingerprint": fingerprint(key) if key else None,
                "seen": seen,
                "latest_seen": (
                    local_time(parse(latest).wall_ms).isoformat(timespec="minutes")
                    if latest
                    else None
                ),
            }
        )
    return items


def set_scope(store: Store, peer: str, scope: str, estate: str | None = None) -> dict[str, Any]:
    """Remember the part of the notebook a peer receives: every `dyz export --for PEER` is then
    scoped to it (`community` for all of it)."""
    from danyuanzhang.households.scopes import parse_scope
    from danyuanzhang.sync.exporting import find_peer
    from danyuanzhang.text.i18n import join

    with store.transaction():
        row = find_peer(store, peer)
        if row is None:
            known = join([r["name"] for r in sql.peers(store)]) or "—"
            raise DyzError("peer_unknown", peer=peer.strip(), known=known)
        chosen = parse_scope(store, scope, estate)
        sql.set_peer_scope(store, row["device"], None if chosen.whole else chosen.key())
    return {"peer": row["name"], "scope": chosen}
