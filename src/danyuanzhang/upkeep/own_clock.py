"""Is this laptop's own date wrong? A flat BIOS battery puts a laptop in the year 2000, a
mistyped date puts it in 2031. Its changes still sort right (the clock only moves forward), but
dates it shows and files would be wrong, so the person is told once a day, in plain words.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta

from danyuanzhang.core.hlc import DAY_MS, local_time, wall_of
from danyuanzhang.store import Store
from danyuanzhang.store.faults import StoreError

WARNED = "clock_warned"  # which warning was last given, and on which day of this laptop's
AHEAD_OF_BUNDLES = timedelta(days=365)


def wrong_clock(store: Store) -> tuple[str, dict[str, str]] | None:
    """The message key and its words when this laptop's date looks wrong; None when it does
    not, or when the person was told so today already."""
    from danyuanzhang.text.i18n import day

    now_ms = store.wall_ms()
    now = local_time(now_ms)
    found: tuple[str, dict[str, str]] | None = None
    latest = store.setting("clock")
    if latest and now_ms < wall_of(latest) - DAY_MS:
        last = local_time(wall_of(latest)).date()
        found = ("own_clock_behind", {"now": day(now.date()), "last": day(last)})
    else:
        heard = _last_bundle_made(store)
        if heard is not None and now.date() > heard + AHEAD_OF_BUNDLES:
            found = ("own_clock_ahead", {"now": day(now.date()), "last": day(heard)})
    if found is None:
        return None
    said = f"{found[0]} {now.date().isoformat()}"
    if store.setting(WARNED) == said:
        return None
    with contextlib.suppress(StoreError):  # a read-only or busy notebook: warn all the same
        store.set_setting(WARNED, said)
    return found


def _last_bundle_made(store: Store) -> date | None:
    last = store.last_bundle_made()
    if not last:
        return None
    try:
        return datetime.fromisoformat(str(last)).date()
    except ValueError:
        return None
