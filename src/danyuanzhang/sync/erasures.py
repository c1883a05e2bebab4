"""Erasure limits that cannot be split: what another laptop may erase here unseen.

Each laptop may have this laptop erase a few households a week without a person looking
(`sync.erasures_unseen` in a window of `sync.erasure_window_days`, 5 in 7 days by default),
counted across bundles against the laptop that made the erasure (relayed or not), never the
one that carried it. The office's own erasures pass. Beyond that, an erasure is held: the
rest of the bundle is imported, the household stays with its residents, and the held changes
wait outside the log, listed by `dyz import`, `dyz members` and `dyz today`, until a person
who has checked with that laptop runs `dyz import FILE --accept-erasures`.

So that held changes are never lost and the laptops still converge once they are accepted,
this laptop's mark of the laptop that made a held change stays just below it (it does not
claim to hold it, so no laptop it tells leaves it out); the mark it would have is kept and
given back when the last of them is accepted.

The allowance an import sorts its erasures with is sync/allowance.py.

>>> settle_marks(store)  # after held erasures are accepted (sync/importing.accept_held)  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.store import Store
from danyuanzhang.store import erasures as sql
from danyuanzhang.text.ids import short

UNSEEN_KEY = "sync.erasures_unseen"
WINDOW_KEY = "sync.erasure_window_days"


def laptop_name(store: Store, device: str) -> str:
    from danyuanzhang.store import sync as sync_sql

    if device == store.device()[0]:
        return store.device()[1]
    return sync_sql.device_name(store, device) or short(device)


# -- marks -------------------------------------------------------------------------------------


def marks_as_if_accepted(store: Store) -> dict[str, str]:
    """This laptop's marks, with those kept down by held changes as they would be without."""
    marks = store.marks()
    for device, stamp in sql.held_back_marks(store).items():
        marks[device] = max(marks.get(device, ""), stamp)
    return marks


def settle_marks(store: Store) -> None:
    """The mark of each laptop with a change held stays just below the first of them (what it
    would be is kept); a laptop with none held any more gets its mark back."""
    firsts = sql.first_held(store)
    marks = store.marks()
    for device, stamp in sql.held_back_marks(store).items():
        if device not in firsts:
            store.raise_mark(device, stamp)
            sql.forget_held_back_mark(store, device)
    for device, first in firsts.items():
        mark = marks.get(device)
        if mark is not None and mark >= first:
            sql.keep_held_back_mark(store, device, mark)
            sql.lower_mark(store, device, just_before(first))


def just_before(stamp: str) -> str:
    """The latest stamp of the same laptop before `stamp`."""
    from danyuanzhang.core.hlc import COUNTER_LIMIT, Stamp, parse

    wall, counter, device = parse(stamp)
    if counter:
        return Stamp(wall, counter - 1, device).text()
    return Stamp(wall - 1, COUNTER_LIMIT - 1, device).text()


# -- what a person sees and accepts ------------------------------------------------------------


def held_flats(store: Store) -> list[dict[str, Any]]:
    """The households whose erasure is held, with the laptop that erased each and the file
    that brought it (`dyz import FILE --accept-erasures` applies it)."""
    return [
        {
            "laptop": laptop_name(store, row["erased_by"]),
            "flat": row["flat"],
            "file": row["path"],
            "held_at": row["held_at"][:16],
        }
        for row in sql.held_flats(store)
    ]


def held_by_file(store: Store) -> list[dict[str, Any]]:
    """The held households grouped by the laptop that erased them and the file they came in."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in held_flats(store):
        groups.setdefault((item["laptop"], item["file"]), []).append(item["flat"])
    return [
        {"laptop": laptop, "file": path, "flats": flats} for (laptop, path), flats in groups.items()
    ]


def members_and_held(store: Store) -> dict[str, Any]:
    """`dyz members`: the office's list, and the erasures held here with the rule that held
    them."""
    from danyuanzhang.core import config
    from danyuanzhang.sync.members import list_members

    listing = list_members(store)
    listing["erasures_held"] = held_by_file(store)
    listing["erasure_rule"] = {
        "unseen": int(config.value(store, UNSEEN_KEY)),
        "days": int(config.value(store, WINDOW_KEY)),
    }
    return listing
