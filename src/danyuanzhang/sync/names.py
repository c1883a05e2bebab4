"""Laptops' names, bound to their keys: a laptop is shown by the name under which the office
admitted it (its signed list) or under which this laptop first heard from it (and pinned its
key), never by the name a later bundle claims; a bundle claiming a name another laptop holds
is refused. So no member can pass its changes off as the office's.

>>> laptop_name(store, "9f3c…")  # doctest: +SKIP
'3-1单元长'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import sync as sql
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.text.ids import short


def listed_names(store: Store) -> dict[str, str]:
    """The names the office's list gives (the office's own included), by laptop id."""
    names = {str(m["device"]): str(m["name"]) for m in sql.members(store)}
    office, name = store.setting("office_device"), store.setting("office_name")
    if office and name:
        names[office] = name
    return names


def laptop_name(store: Store, device: str) -> str | None:
    """The name a laptop is shown by here: the office's list's, else the one first heard."""
    if device == store.device()[0]:
        return store.device()[1]
    return listed_names(store).get(device) or sql.device_name(store, device)


def bound_name(store: Store, device: str, claimed: str) -> str:
    """The name the sender of a bundle is shown by. A bundle claiming a name another laptop
    holds here (this one's, the office's, a member's, one heard from or asking to join) is
    refused: it would pass for that laptop in every message and in `dyz log`."""
    known = laptop_name(store, device)
    # the name it goes by already is its own, even where an earlier version let another
    # laptop be heard under it too
    if claimed != known and _holders(store).get(claimed, device) != device:
        raise BundleError("bundle_name_taken", claimed=claimed, sender=known or short(device))
    return known or claimed


def _holders(store: Store) -> dict[str, str]:
    """Laptop id by name, for every name a laptop holds here."""
    me, my_name = store.device()
    found = sql.names_held(store)
    found.update({name: device for device, name in listed_names(store).items()})
    found[my_name] = me
    return found


def author_on_laptop(store: Store, author: str, device: str) -> str:
    """Who made a change, as the laptop that signed it vouches: "王芳（在 3-1单元长 的电脑上）".
    The author is only what that laptop wrote; the laptop is what its key proves."""
    from danyuanzhang.text.i18n import t

    laptop = laptop_name(store, device) or short(device)
    if not author or author == laptop:
        return laptop
    # 周玉梅的电脑 is a laptop already: "在 周玉梅的电脑 上", not "在 周玉梅的电脑 的电脑上"
    key = "author_on_named_laptop" if laptop.endswith("电脑") else "author_on_laptop"
    return t(key, author=author, laptop=laptop)


def one_named(rows: Iterable[Any], text: str) -> Any:
    """The row (with `name` and `device`) a person means by a laptop's name or the start of
    its id; None if none; refused when several match."""
    wanted = text.strip()
    found = [r for r in rows if r["name"] == wanted or r["device"].startswith(wanted.lower())]
    if len(found) > 1:
        raise DyzError("peer_ambiguous", peer=wanted)
    return found[0] if found else None
