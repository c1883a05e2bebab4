"""Hybrid logical clock: orders changes across laptops whose wall clocks disagree.

A stamp is the text ``WWWWWWWWWWWWWWW-CCCCCCCCCC-DEVICE`` (wall milliseconds, counter, device
id), so that ordering stamps as strings orders them by wall time, then counter, then device.

>>> Clock(None).tick("dev", now_ms=5)
'000000000000005-0000000000-dev'
"""

from __future__ import annotations

import time
from typing import NamedTuple

WALL_DIGITS = 15
COUNTER_DIGITS = 10


class Stamp(NamedTuple):
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


class Clock:
    """The clock of this device; `latest` is the greatest stamp it has issued or seen."""

    def __init__(self, latest: str | None) -> None:
        self.latest = latest

    def tick(self, device: str, now_ms: int | None = None) -> str:
        now = wall_now_ms() if now_ms is None else now_ms
        last = parse(self.latest) if self.latest else Stamp(-1, 0, device)
        if now > last.wall_ms:
            stamp = Stamp(now, 0, device)
        else:
            stamp = Stamp(last.wall_ms, last.counter + 1, device)
        text = stamp.text()
        self.latest = text
        return text

    def observe(self, seen: str) -> None:
        """Advance past a stamp seen on another device, so our next change sorts after it."""
        if self.latest is None or seen > self.latest:
            self.latest = seen
