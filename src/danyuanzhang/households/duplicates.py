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

from collections import defaultdict
from datetime import date
from itertools import combinations
from typing import Any

from danyuanzhang.core.merge import normalise
from danyuanzhang.households.registry import household_json
from danyuanzhang.store import Store
from danyuanzhang.store import petitions as pq
from danyuanzhang.store import registry as reg
from danyuanzhang.text.ids import short

LINK_WITHIN_DAYS = 14


def one_apart(a: str, b: str) -> bool:
    """Whether two names differ by one character changed, added or left out."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def find_duplicates(store: Store) -> list[dict[str, Any]]:
    homes = {row["id"]: row for row in reg.every_household(store)}
    residents = reg.every_current_resident(store)
    found: list[dict[str, Any]] = []

    def where(household_id: str) -> str:
        home = homes.get(household_id)
        return "?" if home is None else f"{home['estate']} {household_json(home)['ref']}"

    by_home: dict[str, list[Any]] = defaultdict(list)
    for row in residents:
        by_home[row["household_id"]].append(row)
    for household_id, people in sorted(by_home.items()):
        for a, b in combinations(sorted(people, key=_fuller), 2):
            if a["name"] and b["name"] and one_apart(normalise(a["name"]), normalise(b["name"])):
                found.append(
                    {
                        "kind": "names_one_apart",
                        "what": f"{where(household_id)}：{a['name']} / {b['name']}",
                        "records": [a["id"], b["id"]],
                        "command": f"dyz resident merge {short(a['id'])} {short(b['id'])} --yes",
                    }
                )
    by_phone: dict[str, set[str]] = defaultdict(set)
    for row in residents:
        if row["phone"]:
            by_phone[row["phone"]].add(row["household_id"])
    at_address: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for household_id, home in homes.items():
        at_address[(home["estate"], home["building"], home["unit"], home["room"])].append(
            household_id
        )
    pairs: set[tuple[str, str]] = set()
    for ids in at_address.values():
        pairs |= set(combinations(sorted(ids), 2))
    shared_phone = {pair for ids in by_phone.values() for pair in combinations(sorted(ids), 2)}
    for first, second in sorted(pairs | shared_phone):
        if first not in homes or second not in homes:
            continue
        keep, other = sorted((first, second), key=lambda h: (-len(by_home.get(h, [])), h))
        same_place = (first, second) in pairs
        found.append(
            {
                "kind": "same_address" if same_place else "same_phone",
                "what": f"{where(keep)} / {where(other)}",
                "records": [keep, other],
                "command": f"dyz household merge {short(keep)} {short(other)} --yes",
            }
        )
    found += _petitions_to_link(store, homes, where)
    kinds = ["names_one_apart", "same_address", "same_phone", "petitions_alike"]
    return sorted(found, key=lambda item: (kinds.index(item["kind"]), item["what"]))


def _fuller(row: Any) -> tuple[int, str, str]:
    """The resident with more on record first: the one to keep, most likely."""
    filled = sum(row[k] is not None for k in ("phone", "born", "moved_in"))
    return (-filled, row["name"] or "", row["id"])


def _petitions_to_link(store: Store, homes: dict[str, Any], where: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    by_need: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in pq.all_petitions(store):
        if row["household_id"] in homes:
            by_need[(row["household_id"], row["category"])].append(row)
    for (household_id, _), rows in sorted(by_need.items()):
        for a, b in combinations(rows, 2):
            days = abs(
                (date.fromisoformat(a["raised_on"]) - date.fromisoformat(b["raised_on"])).days
            )
            if days <= LINK_WITHIN_DAYS and b["id"] not in pq.links_of(store, a["id"]):
                found.append(
                    {
                        "kind": "petitions_alike",
                        "what": f"{where(household_id)}：{a['text']} / {b['text']}",
                        "records": [a["id"], b["id"]],
                        "command": f"dyz petition link {short(a['id'])} {short(b['id'])}",
                    }
                )
    return found


__all__ = ["find_duplicates", "one_apart"]
