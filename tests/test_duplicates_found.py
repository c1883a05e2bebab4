"""`dyz duplicates` finds its candidates by grouping (a flat, a phone, an address, a household's
needs of one category by day) instead of comparing everything with everything: what it finds
is what the all-against-all comparison found, pair for pair and in the same order."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.core.merge import normalise
from danyuanzhang.households.duplicates import LINK_WITHIN_DAYS, find_duplicates, one_apart
from danyuanzhang.households.registry import household_json
from danyuanzhang.store import Store
from danyuanzhang.text.ids import short
from tests.conftest import Runner


def one_apart_by_definition(a: str, b: str) -> bool:
    """One character changed, added or left out: some single edit makes one the other."""
    if a == b:
        return False
    if len(a) == len(b):
        return any(a[:i] + b[i] + a[i + 1 :] == b for i in range(len(a)))
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@given(st.text("刘桂英瑛王", max_size=5), st.text("刘桂英瑛王", max_size=5))
def test_one_apart_is_one_edit(a: str, b: str) -> None:
    assert one_apart(a, b) == one_apart_by_definition(a, b)


def all_against_all(store: Store) -> list[dict[str, Any]]:
    """The comparison as it was before candidates were grouped: every current resident, every
    household and every need read, and each compared with each of its group."""
    conn = store.conn
    homes = {row["id"]: row for row in conn.execute("SELECT * FROM households")}
    residents = conn.execute("SELECT * FROM residents WHERE moved_out IS NULL").fetchall()
    found: list[dict[str, Any]] = []

    def where(household_id: str) -> str:
        home = homes.get(household_id)
        return "?" if home is None else f"{home['estate']} {household_json(home)['ref']}"

    def fuller(row: Any) -> tuple[int, str, str]:
        filled = sum(row[k] is not None for k in ("phone", "born", "moved_in"))
        return (-filled, row["name"] or "", row["id"])

    by_home: dict[str, list[Any]] = defaultdict(list)
    for row in residents:
        by_home[row["household_id"]].append(row)
    for household_id, people in sorted(by_home.items()):
        for a, b in combinations(sorted(people, key=fuller), 2):
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
        place = (home["estate"], home["building"], home["unit"], home["room"])
        at_address[place].append(household_id)
    pairs = {pair for ids in at_address.values() for pair in combinations(sorted(ids), 2)}
    shared = {pair for ids in by_phone.values() for pair in combinations(sorted(ids), 2)}
    for first, second in sorted(pairs | shared):
        if first not in homes or second not in homes:
            continue
        keep, other = sorted((first, second), key=lambda h: (-len(by_home.get(h, [])), h))
        found.append(
            {
                "kind": "same_address" if (first, second) in pairs else "same_phone",
                "what": f"{where(keep)} / {where(other)}",
                "records": [keep, other],
                "command": f"dyz household merge {short(keep)} {short(other)} --yes",
            }
        )
    found += needs_alike(store, homes, where)
    kinds = ["names_one_apart", "same_address", "same_phone", "petitions_alike"]
    return sorted(found, key=lambda item: (kinds.index(item["kind"]), item["what"]))


def needs_alike(store: Store, homes: dict[str, Any], where: Any) -> list[dict[str, Any]]:
    conn = store.conn
    found: list[dict[str, Any]] = []
    by_need: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in conn.execute(
        "SELECT * FROM petitions WHERE withdrawn_on IS NULL ORDER BY raised_on, id"
    ):
        if row["household_id"] in homes:
            by_need[(row["household_id"], row["category"])].append(row)
    linked = {
        frozenset(row) for row in conn.execute("SELECT petition_id, other_id FROM petition_links")
    }
    for (household_id, _), rows in sorted(by_need.items()):
        for a, b in combinations(rows, 2):
            days = abs(
                (date.fromisoformat(a["raised_on"]) - date.fromisoformat(b["raised_on"])).days
            )
            if days <= LINK_WITHIN_DAYS and frozenset((a["id"], b["id"])) not in linked:
                found.append(
                    {
                        "kind": "petitions_alike",
                        "what": f"{where(household_id)}：{a['text']} / {b['text']}",
                        "records": [a["id"], b["id"]],
                        "command": f"dyz petition link {short(a['id'])} {short(b['id'])}",
                    }
                )
    return found


def test_the_same_duplicates_as_all_against_all(dyz: Runner, estate: str, db: Path) -> None:
    """A stairwell of look-alike names, shared phones, a flat entered twice, needs close in
    time, some linked, some withdrawn, residents moved out: found as before."""
    from danyuanzhang.cases.petitions import add_petition, link, withdraw
    from danyuanzhang.households.registry import add_household, add_resident, move_out
    from danyuanzhang.store import new_id

    rng = random.Random(37)
    store = Store.open(db)
    try:
        flats = [
            f"2-{unit}-{floor}0{room}" for unit in (1, 2) for floor in (3, 4) for room in (1, 2)
        ]
        for flat in flats:
            if flat != "2-2-301":
                add_household(store, flat)
        for flat in flats:
            for name in rng.sample(
                ["刘桂英", "刘桂瑛", "刘桂", "王建国", "王建", "李秀兰", "李秀"], 4
            ):
                phone = rng.choice([None, "13812345678", "13912345678", "13712345678"])
                person = add_resident(store, flat, name, phone=phone, born=rng.choice([None, 1950]))
                if rng.random() < 0.2:
                    move_out(store, person["id"], on="2026-06-01")
        needs = []
        for flat in flats[:4]:
            for _ in range(6):
                on = (date(2026, 5, 1) + timedelta(days=rng.randrange(60))).isoformat()
                category = rng.choice(["维修", "安全"])
                needs.append(add_petition(store, flat, category, f"楼道灯坏了{len(needs)}", on=on))
        for first, second in zip(needs[::4], needs[1::4], strict=True):
            link(store, first["id"], second["id"])
        for need in needs[2::7]:
            withdraw(store, need["id"], "录错了", on="2026-08-01")
        # the same flat entered on two laptops and kept apart (as `distinct` does) until a
        # person merges them
        twice = {"estate": estate, "building": "2", "unit": "1", "room": "301"}
        store.put("household", new_id(), {**twice, "distinct": new_id()}, new=True)
        found = find_duplicates(store)
        assert found == all_against_all(store)
    finally:
        store.close()
    assert {item["kind"] for item in found} == {
        "names_one_apart",
        "same_address",
        "same_phone",
        "petitions_alike",
    }
