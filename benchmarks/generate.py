"""Fill a dyz database at community or district scale, through the same store as the commands.

python benchmarks/generate.py community out/community.db   # 3,000 households, 8,000 residents
python benchmarks/generate.py district out/district.db     # 100,000 households
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from danyuanzhang.store import Store, new_id
from danyuanzhang.text.vocab import BUILTIN_FLAGS

SCALES = {
    # households, residents: a community as in DOMAIN.md, and a district of about 100 of them
    "community": (3_000, 8_000),
    "district": (100_000, 270_000),
    # a log of 2,000,000 changes and more (benchmarks/office.py)
    "district2m": (100_000, 390_000),
}
SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
)
GIVEN = [
    "建国",
    "桂英",
    "秀兰",
    "志明",
    "海涛",
    "淑珍",
    "卫东",
    "玉梅",
    "丽华",
    "德胜",
    "春花",
    "国强",
]
FLAGS = list(BUILTIN_FLAGS)


def places(households: int) -> list[tuple[str, str, str, str]]:
    """Estates of 30 buildings, 3 units each, 6 floors of 2 flats: 1,080 flats per estate."""
    result = []
    estate = 0
    while len(result) < households:
        estate += 1
        for building in range(1, 31):
            for unit in range(1, 4):
                for floor in range(1, 7):
                    for flat in (1, 2):
                        result.append(
                            (f"小区{estate:03d}", str(building), str(unit), f"{floor}0{flat}")
                        )
    return result[:households]


def generate(path: Path, scale: str, seed: int = 7) -> None:
    households, residents = SCALES[scale]
    rng = random.Random(seed)
    store = Store.open(path)
    store.ensure_device("benchmark")
    ids: list[str] = []
    batch = 5_000
    flats = places(households)
    for start in range(0, households, batch):
        with store.transaction():
            for estate, building, unit, room in flats[start : start + batch]:
                household_id = new_id()
                ids.append(household_id)
                fields = {"estate": estate, "building": building, "unit": unit, "room": room}
                store.put("household", household_id, fields, new=True)
    for start in range(0, residents, batch):
        with store.transaction():
            for _ in range(start, min(start + batch, residents)):
                fields: dict[str, object] = {
                    "household": rng.choice(ids),
                    "name": rng.choice(SURNAMES) + rng.choice(GIVEN),
                    "phone": f"13{rng.randrange(10**9):09d}",
                    "born": rng.randint(1935, 2010),
                }
                if rng.random() < 0.15:
                    fields["flag." + rng.choice(FLAGS)] = True
                store.put("resident", new_id(), fields, new=True)
    store.conn.execute("ANALYZE")
    store.close()


def main() -> None:
    scale, target = sys.argv[1], Path(sys.argv[2])
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    generate(target, scale)
    print(f"{scale}: {target} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
