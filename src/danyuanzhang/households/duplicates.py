"""`dyz duplicates`: what looks entered twice and no rule can decide, with the command that
would settle each — for a person to read and choose.

- residents of one flat whose names differ by one character (刘桂英 / 刘桂瑛);
- one phone in two households (a flat typed wrong on one laptop);
- two households at one address (corrected apart on two laptops);
- petitions of one household and category within 14 days (proposing `petition link`).

>>> [item["command"] for item in find_duplicates(store)]  # doctest: +SKIP
['dyz resident merge 9e70fe56 6a84f6be --yes']
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, groupby
from operator import ne
from typing import Any

from danyuanzhang.core.merge import normalise
from danyuanzhang.households import queries as dq
from danyuanzhang.households.registry import household_json
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.text.ids import short

LINK_WITHIN_DAYS = 14


def one_apart(a: str, b: str) -> bool:
    """Whether two names differ by one character changed, added or left out."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differing: int = sum(map(ne, a, b))
        return differing == 1
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    # past the first place they differ, the longer must be the shorter with that one left out
    at = next(
        (i for i, (x, y) in enumerate(zip(shorter, longer, strict=False)) if x != y), len(shorter)
    )
    return longer[at + 1 :] == shorter[at:]


def find_duplicates(store: Store) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    alike = list(_names_one_apart(store))
    at_address = dq.households_at_one_address(store)
    shared_phone = dq.households_sharing_a_phone(store)
    petitions = dq.petitions_alike(store, LINK_WITHIN_DAYS)
    homes = reg.households_by_id(
        store,
        [household_id for household_id, _, _ in alike]
        + [i for ids in at_address + shared_phone for i in ids]
        + [row["household_id"] for row in petitions],
    )

    def where(household_id: str) -> str:
        home = homes.get(household_id)
        return "?" if home is None else f"{home['estate']} {household_json(home)['ref']}"

    for household_id, a, b in alike:
        found.append(
            {
                "kind": "names_one_apart",
                "what": f"{where(household_id)}：{a['name']} / {b['name']}",
                "records": [a["id"], b["id"]],
                "command": f"dyz resident merge {short(a['id'])} {short(b['id'])} --yes",
            }
        )
    pairs = {pair for ids in at_address for pair in combinations(sorted(ids), 2)}
    by_phone = {pair for ids in shared_phone for pair in combinations(sorted(ids), 2)}
    living = dq.current_residents_counted(store, [i for pair in pairs | by_phone for i in pair])
    for first, second in sorted(pairs | by_phone):
        if first not in homes or second not in homes:
            continue
        keep, other = sorted((first, second), key=lambda h: (-living.get(h, 0), h))
        same_place = (first, second) in pairs
        found.append(
            {
                "kind": "same_address" if same_place else "same_phone",
                "what": f"{where(keep)} / {where(other)}",
                "records": [keep, other],
                "command": f"dyz household merge {short(keep)} {short(other)} --yes",
            }
        )
    for row in petitions:
        found.append(
            {
                "kind": "petitions_alike",
                "what": f"{where(row['household_id'])}：{row['first_text']} / {row['second_text']}",
                "records": [row["first"], row["second"]],
                "command": f"dyz petition link {short(row['first'])} {short(row['second'])}",
            }
        )
    kinds = ["names_one_apart", "same_address", "same_phone", "petitions_alike"]
    return sorted(found, key=lambda item: (kinds.index(item["kind"]), item["what"]))


def _names_one_apart(store: Store) -> Iterator[tuple[str, Any, Any]]:
    """(household, resident, resident) for each two of a flat's current residents whose names
    are one character apart: the one with more on record first."""
    for household_id, people in groupby(
        dq.current_residents_by_flat(store), key=lambda row: row["household_id"]
    ):
        named = [row for row in people if row["name"]]
        if len(named) < 2:
            continue
        for a, b in combinations(sorted(named, key=_fuller), 2):
            if one_apart(normalise(a["name"]), normalise(b["name"])):
                yield household_id, a, b


def _fuller(row: Any) -> tuple[int, str, str]:
    """The resident with more on record first: the one to keep, most likely."""
    filled = sum(row[k] is not None for k in ("phone", "born", "moved_in"))
    return (-filled, row["name"] or "", row["id"])


__all__ = ["find_duplicates", "one_apart"]
