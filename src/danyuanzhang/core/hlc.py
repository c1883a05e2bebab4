"""Hybrid logical clock: orders changes across laptops whose wall clocks disagree.

A stamp is the text ``WWWWWWWWWWWWWWW-CCCCCCCCCC-DEVICE`` (wall milliseconds, counter, device
id), so that ordering stamps as strings orders them by wall time, then counter, then device.

>>> Clock(None).tick("dev", now_ms=5)
'000000000000005-0000000000-dev'
"""

from __future__ import annotations

import time
from datetime import datetime

from danyuanzhang.system.tuples import Record

_LATEST_SECONDS = 253_402_128_000.0  # 9999-12-30 UTC: a day short of datetime's end, any zone

WALL_DIGITS = 15
COUNTER_DIGITS = 10
DAY_MS = 86_400_000
# A stamp further ahead of the receiving laptop's own clock than this is refused: a laptop
# whose date is wrong, or a forged stamp, could otherwise pin every clock downstream in 9999.
AHEAD_LIMIT_MS = DAY_MS
# More changes than a laptop makes in one millisecond, far below the counter's overflow; the
# bundle reader refuses a counter beyond it (one that starts with anything but 0).
COUNTER_LIMIT = 10**9


class Stamp(Record):
    wall_ms: int
    counter: int
    device: str

    def text(self) -> str:
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}-{self.device}"


def parse(text: str) -> Stamp:
    wall, counter, device = text.split("-", 2)
    if len(wall) != WALL_DIGITS or len(counter) != COUNTER_DIGITS or not device:
        raise ValueError("malformed clock stamp")
    return Stamp(int(wall), int(counter), device)


def wall_now_ms() -> int:
    return time.time_ns() // 1_000_000


def wall_text(wall_ms: int) -> str:
    """The stamp's first field for a wall time: compared as text, it orders as stamps do."""
    return f"{max(wall_ms, 0):0{WALL_DIGITS}d}"


def latest_allowed(now_ms: int) -> str:
    """The first field of the latest stamp a laptop whose clock shows `now_ms` takes in."""
    return wall_text(now_ms + AHEAD_LIMIT_MS)


def wall_of(stamp: str) -> int:
    return int(stamp[:WALL_DIGITS])


def local_time(wall_ms: int) -> datetime:
    """When a stamp says it was made, in local time; clamped to what a datetime can hold, so a
    stamp from a laptop whose clock was far off can still be shown."""
    seconds = min(max(wall_ms / 1000, 0.0), _LATEST_SECONDS)
    return datetime.fromtimestamp(seconds)


class Clock:
    """The clock of this device; `latest` is the greatest stamp it has issued or seen."""

    def __init__(self, latest: str | None) -> None:
        self.latest = latest
        self._issued: tuple[str, Stamp] | None = None  # the last tick, kept parsed

    def tick(self, device: str, now_ms: int | None = None) -> str:
        now = wall_now_ms() if now_ms is None else now_ms
        if self._issued is not None and self._issued[0] == self.latest:
            last = self._issued[1]
        else:
            last = parse(self.latest) if self.latest else Stamp(-1, 0, device)
        if now > last.wall_ms:
            stamp = Stamp(now, 0, device)
        elif last.counter + 1 < COUNTER_LIMIT:
            stamp = Stamp(last.wall_ms, last.counter + 1, device)
        else:  # a counter poisoned by an earlier version: step a millisecond on, still after it
            stamp = Stamp(last.wall_ms + 1, 0, device)
        text = stamp.text()
        self.latest = text
        self._issued = (text, stamp)
        return text

    def ticks(self, device: str, count: int, now_ms: int | None = None) -> list[str]:
        """`count` stamps at once, as `count` ticks would give them (a roll's thousands of
        changes): one millisecond, counting up, unless the counter would run out."""
        if count <= 0:
            return []
        first = parse(self.tick(device, now_ms))
        if first.counter + count >= COUNTER_LIMIT:
            return [first.text(), *(self.tick(device, now_ms) for _ in range(count - 1))]
        prefix, tail = f"{first.wall_ms:0{WALL_DIGITS}d}-", f"-{device}"
        stamps = [
            f"{prefix}{counter:0{COUNTER_DIGITS}d}{tail}"
            for counter in range(first.counter, first.counter + count)
        ]
        last = Stamp(first.wall_ms, first.counter + count - 1, device)
        self.latest = stamps[-1]
        self._issued = (stamps[-1], last)
        return stamps

    def observe(self, seen: str) -> None:
        """Advance past a stamp seen on another device, so our next change sorts after it."""
        if self.latest is None or seen > self.latest:
            self.latest = seen
