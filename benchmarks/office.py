"""The community office's round trip at real scale, with the package's own functions.

    python benchmarks/office.py [--laptops 170] [--season-weeks 12] [--quick]

A community of 3,024 households (24 buildings, 6 units of 21 flats each) and one roll (花名册)
that the office hands out: 144 unit heads import their unit's rows, 24 building heads their
building's, an area head six buildings', the office all of it. Each unit head then works a
season: door-knocking visits, needs and their steps, hazards and theirs. Two full rounds
follow — every laptop exports, the office imports all, the office exports each laptop its own
part (its remembered scope), each imports — the second after a week's more work.

It prints, each as a ratio measured side by side in this run (targets of issue 11):
- households and residents at the office against the roll's own counts (equal), and that
  every bundle was accepted;
- a one-change delta `dyz export --for` on the office's database ÷ the same on the demo
  database (≤ 1.5), and the same on a database with a 2,000,000-change log, with peak memory
  (≤ 100 MiB);
- the office's import of its last bundle ÷ its second, per change (≤ 1.3): the first import
  of the process also warms it, so the second, a unit head's season like the last, is the
  one both are measured warm;
- the office's whole notebook imported into an empty laptop: peak memory (≤ 300 MiB), and its
  speed against merely walking the same file's YAML events with PyYAML's C parser (≥ 0.5);
- the header's share of a weekly delta bundle at 170 devices (≤ 10%).

The office is the community's office (`dyz init --office`) and has admitted every laptop, so
each import checks membership and signatures, and every bundle the office sends a laptop is
encrypted to it (issue 12); the whole notebook is imported both as written and encrypted to
the new laptop, each against the event walk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bundles import BASELINE, PEAK  # noqa: E402
from generate import GIVEN, SURNAMES  # noqa: E402
from startup import compile_package, dyz_command  # noqa: E402

ESTATE = "新芙蓉之都"
BUILDINGS, UNITS, FLOORS, FLATS = 24, 6, 7, 3
FLAGS = ["独居老人", "子女不在身边", "需帮扶", "租户", ""]
TODAY = date(2026, 12, 1)

IMPORT_CHILD = (
    PEAK
    + r"""
import json, sys, time
from pathlib import Path
from danyuanzhang.store import Store
from danyuanzhang.sync.importing import import_bundle
store = Store.open(Path(sys.argv[1]))
store.ensure_device("新电脑")
started = time.perf_counter()
report = import_bundle(store, Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "added": report.added,
                  "peak_mib": peak_mib()}))
"""
)

EXPORT_CHILD = (
    PEAK
    + r"""
import json, sys, time
from pathlib import Path
from danyuanzhang.cli import app
started = time.perf_counter()
try:
    app(["--db", sys.argv[1], "export", "--for", sys.argv[2], "-o", sys.argv[3]], prog_name="dyz")
except SystemExit:
    pass
print(json.dumps({"seconds": time.perf_counter() - started, "peak_mib": peak_mib()}))
"""
)


def rooms() -> list[str]:
    return [f"{floor}0{flat}" for floor in range(1, FLOORS + 1) for flat in range(1, FLATS + 1)]


def write_roll(
    path: Path, rng: random.Random, buildings: int = BUILDINGS
) -> tuple[list[list[str]], int]:
    """The community's roll; returns its rows and its count of residents."""
    rows: list[list[str]] = []
    for building in range(1, buildings + 1):
        for unit in range(1, UNITS + 1):
            for room in rooms():
                taken: set[str] = set()
                for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
                    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                    if name in taken:
                        continue
                    taken.add(name)
                    phone = f"13{rng.randrange(10**9):09d}" if rng.random() < 0.8 else ""
                    born = str(rng.randint(1935, 2010))
                    rows.append(
                        [
                            ESTATE,
                            str(building),
                            str(unit),
                            room,
                            name,
                            phone,
                            born,
                            rng.choice(FLAGS),
                        ]
                    )
    header = "小区,楼栋,单元,房号,姓名,电话,出生年份,标记"
    path.write_text(header + "\n" + "\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    return rows, len(rows)


def part_of_roll(rows: list[list[str]], folder: Path, name: str, keep: object) -> Path:
    path = folder / f"{name}.csv"
    chosen = [r for r in rows if keep(int(r[1]), int(r[2]))]  # type: ignore[operator]
    path.write_text(
        "小区,楼栋,单元,房号,姓名,电话,出生年份,标记\n"
        + "\n".join(",".join(r) for r in chosen)
        + "\n",
        encoding="utf-8",
    )
    return path


class Laptop:
    def __init__(self, folder: Path, name: str, scope: str | None) -> None:
        from danyuanzhang.store import Store
        from danyuanzhang.sync.keys import ensure_key

        self.name, self.scope = name, scope
        self.path = folder / f"{name}.db"
        self.store = Store.open(self.path)
        self.store.ensure_device(name)
        ensure_key(self.store)  # as `dyz init` does: every change it makes is signed
        self.store.set_setting("community", "芙蓉南路社区")


def a_season(
    laptop: Laptop, building: int, unit: int, days: list[date], rng: random.Random
) -> None:
    """A unit head's door-knocking, needs and patrols over some days."""
    from danyuanzhang.cases.hazards import add_hazard
    from danyuanzhang.cases.hazards import take_step as hazard_step
    from danyuanzhang.cases.petitions import take_step as petition_step
    from danyuanzhang.errors import DyzError
    from danyuanzhang.visits.doorstep import record_visit
    from danyuanzhang.visits.plan import Need, VisitPlan

    store = laptop.store
    for day in days:
        for room in rng.sample(rooms(), 5):
            met = rng.random() < 0.7
            plan = VisitPlan(
                household=f"{building}-{unit}-{room}",
                estate=ESTATE,
                on=day.isoformat(),
                outcome="met" if met else "not_home",
                needs=[Need("repair", "楼道灯坏了")] if met and rng.random() < 0.15 else [],
                anti_fraud_app=rng.random() < 0.5 if met else None,
                briefed=met and rng.random() < 0.5,
            )
            made = record_visit(store, plan)
            for need in made["needs"]:
                petition_step(store, need["id"], "escalated", on=day.isoformat(), to="council")
        if rng.random() < 0.2:
            found = add_hazard(
                store,
                "flying_wire",
                f"{building}-{unit} {rng.randint(1, FLOORS)}楼",
                estate=ESTATE,
                on=day.isoformat(),
                days=3,
            )
            try:
                hazard_step(store, found["id"], "notified", on=day.isoformat(), note="已上门告知")
                hazard_step(store, found["id"], "rectified", on=day.isoformat())
            except DyzError:
                pass


def bundle_size(path: Path, receiver: object = None) -> tuple[int, int]:
    """The header's bytes and the whole bundle's, as written (opened first if encrypted to
    `receiver`, a Store)."""
    from danyuanzhang.sync.bundle.sealing import is_sealed

    data = path.read_bytes()
    if is_sealed(path):
        data = opened(path, receiver)
    return data.index(b"\nbody:") + 1, len(data)


def opened(path: Path, receiver: object) -> bytes:
    import base64
    import io

    from danyuanzhang.sync.bundle.sealing import read_envelope, unseal
    from danyuanzhang.sync.keys import PRIVATE

    plain = io.BytesIO()
    seed = base64.b64decode(str(receiver.setting(PRIVATE)))  # type: ignore[attr-defined]
    unseal(path, read_envelope(path), seed, plain)
    return plain.getvalue()


def child(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "DYZ_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def walk_time(bundle: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", BASELINE, str(bundle)], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[0])


def sealed_for_a_new_laptop(office: object, whole: Path, folder: Path) -> tuple[Path, Path]:
    """A new laptop's empty notebook (with its key), and the whole bundle encrypted to it as
    `dyz export --for` would."""
    from danyuanzhang.store import Store
    from danyuanzhang.sync.bundle.sealing import seal
    from danyuanzhang.sync.keys import ensure_key

    receiver_db = folder / "receiver.db"
    receiver = Store.open(receiver_db)
    device, name, _ = receiver.ensure_device("新电脑")
    key = ensure_key(receiver)
    receiver.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    receiver.close()
    sealed = folder / "whole-sealed.yaml"
    seal(whole, sealed, (device, name, key), office.device())  # type: ignore[attr-defined]
    return receiver_db, sealed


def knowing_a_peer(db: Path, folder: Path) -> None:
    """Make the database know a peer that holds all of it, as after a round trip."""
    from danyuanzhang.households.registry import add_household
    from danyuanzhang.store import Store
    from danyuanzhang.sync.exporting import export_bundle
    from danyuanzhang.sync.importing import import_bundle

    peer_db = folder / f"peer-of-{db.stem}.db"
    peer = Store.open(peer_db)
    peer.ensure_device("隔壁的电脑")
    estate = Store.open(db)
    try:
        first = estate.conn.execute("SELECT estate FROM households LIMIT 1").fetchone()[0]
    finally:
        estate.close()
    add_household(peer, "99-9-901", estate=first)
    hello = folder / f"hello-{db.stem}.yaml"
    export_bundle(peer, hello, everything=True, plain=True)
    peer.close()
    store = Store.open(db)
    if import_bundle(store, hello).join_request:  # the office admits it, then takes it
        from danyuanzhang.sync.members import admit

        admit(store, "隔壁的电脑")
        import_bundle(store, hello)
    export_bundle(store, folder / "catch-up.yaml", peer="隔壁的电脑")  # what it lacked
    receipt = folder / "receipt.yaml"
    peer = Store.open(peer_db)
    import_bundle(peer, folder / "catch-up.yaml")
    export_bundle(peer, receipt, peer=store.device()[1])
    peer.close()
    import_bundle(store, receipt)
    store.close()


def one_change_export(db: Path, folder: Path, turn: int) -> dict[str, float]:
    """Change one field and time `dyz export --for` the peer, in a process of its own."""
    from danyuanzhang.store import Store

    store = Store.open(db)
    with store.transaction():
        household = store.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
        store.put("household", household, {"note": f"楼道灯已修好 {turn}"})
    store.close()
    return child(EXPORT_CHILD, str(db), "隔壁的电脑", str(folder / f"one-{db.stem}-{turn}.yaml"))


def small_log(folder: Path) -> Path:
    """`--quick`: a community-sized database stands in for the district's."""
    target = folder / "community.db"
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "community", str(target)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return target


def demo_database(folder: Path) -> Path:
    path = folder / "demo.db"
    subprocess.run(
        [*dyz_command(), "demo", "--to", str(path)],
        env={**os.environ, "DYZ_LANG": "en"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return path


def big_log(folder: Path) -> Path:
    """A district-sized log of at least 2,000,000 changes (cached in benchmarks/out/)."""
    cached = OUT / "district-2m.db"
    if not cached.exists():
        OUT.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "district2m", str(cached)], check=True
        )
    target = folder / "district.db"
    shutil.copy(cached, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--laptops", type=int, default=170)
    parser.add_argument("--season-weeks", type=int, default=12)
    parser.add_argument("--export-rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the laptops and bundles in this folder")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="six buildings and 14 laptops, two days' work, one round of each measure, and a"
        " community-sized database in place of the 2,000,000-change one: a check that it runs"
        " (CI); its figures never fail it",
    )
    parser.add_argument("--buildings", type=int, default=BUILDINGS, help="at least 6")
    args = parser.parse_args()
    if args.quick:
        args.buildings, args.laptops, args.season_weeks, args.export_rounds = 6, 14, 2, 1
    compile_package()
    from danyuanzhang.households.rollcall import import_roll
    from danyuanzhang.store import registry as reg
    from danyuanzhang.sync.exporting import export_bundle
    from danyuanzhang.sync.importing import import_bundle
    from danyuanzhang.sync.peers import set_scope

    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="dyz-office-") as tmp:
        folder = Path(tmp)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            args.keep.mkdir(parents=True)
            folder = args.keep
        started = time.perf_counter()
        roll_path = folder / "花名册.csv"
        rows, roll_residents = write_roll(roll_path, rng, args.buildings)
        roll_households = len({(r[1], r[2], r[3]) for r in rows})
        office = Laptop(folder, "社区办公室", None)
        import_roll(office.store, roll_path)
        laptops: list[tuple[Laptop, int, int]] = []
        unit_heads = args.laptops - 1 - args.buildings - 1
        units = [(b, u) for b in range(1, args.buildings + 1) for u in range(1, UNITS + 1)]
        for building, unit in units[:unit_heads]:
            laptop = Laptop(folder, f"单元长{building}-{unit}", f"unit:{building}-{unit}")
            part = part_of_roll(
                rows, folder, laptop.name, lambda b, u, x=(building, unit): (b, u) == x
            )
            import_roll(laptop.store, part)
            laptops.append((laptop, building, unit))
        for building in range(1, args.buildings + 1):
            laptop = Laptop(folder, f"楼栋长{building}", f"building:{building}")
            part = part_of_roll(rows, folder, laptop.name, lambda b, _u, x=building: b == x)
            import_roll(laptop.store, part)
            laptops.append((laptop, building, 0))
        from danyuanzhang.households.roster import add_member

        add_member(
            office.store, "area_head", "李秀兰", "13907310001", "第一片区", ESTATE, buildings="1-6"
        )
        area = Laptop(folder, "片长第一片区", "area:第一片区")
        import_roll(area.store, part_of_roll(rows, folder, area.name, lambda b, _u: b <= 6))
        laptops.append((area, 0, 0))
        # Bundles reach the office in no particular order; here the heads' (their roll only,
        # each change joining a record the office has) come in the middle of the round, so that
        # its first and its last bundle are both a unit head's season and comparable per change.
        half = unit_heads // 2
        arrival = laptops[:half] + laptops[unit_heads:] + laptops[half:unit_heads]
        season = [
            TODAY - timedelta(days=7 * args.season_weeks) + timedelta(days=d)
            for d in range(0, 7 * args.season_weeks - 7, 3)
        ]
        for laptop, building, unit in laptops:
            if unit:
                a_season(laptop, building, unit, season, rng)
        from danyuanzhang.sync.keys import ensure_key
        from danyuanzhang.sync.members import admit_known, become_office, office_of

        become_office(office.store)
        admit_known(
            office.store,
            [
                {"id": each.store.device()[0], "name": each.name, "key": ensure_key(each.store)}
                for each, _, _ in laptops
            ],
        )
        total = sum(reg.counts(each.store)["changes"] for each, _, _ in laptops)
        total += reg.counts(office.store)["changes"]
        print(
            f"built {args.laptops} laptops, {total:,} changes in all, in {time.perf_counter() - started:.0f} s"
        )

        accepted, refused = 0, 0
        first_and_last: list[tuple[float, int]] = []
        joins_only: list[tuple[float, int]] = []
        received = 0
        header_shares: list[float] = []
        weekly: list[tuple[int, int, int]] = []  # a unit head's week: new, carried, bytes
        for round_number in (1, 2):
            if round_number == 2:
                week = [TODAY - timedelta(days=6) + timedelta(days=d) for d in range(0, 6, 2)]
                for laptop, building, unit in laptops:
                    if unit:
                        a_season(laptop, building, unit, week, rng)
            timings: list[tuple[float, int, bool]] = []
            spent = {
                "laptops export": 0.0,
                "office imports": 0.0,
                "office exports": 0.0,
                "laptops import": 0.0,
            }
            for laptop, _, unit in arrival:
                path = folder / f"r{round_number}-{laptop.name}.yaml"
                began = time.perf_counter()
                # a laptop of no office yet hands its first bundle over in person
                plain = office_of(laptop.store) is None
                made = export_bundle(laptop.store, path, plain=plain)
                spent["laptops export"] += time.perf_counter() - began
                if made.nothing_new:
                    continue
                if round_number == 2 and made.changes:
                    head, size = bundle_size(path, office.store)  # encrypted to the office
                    header_shares.append(head / size)
                    if unit:
                        weekly.append((made.new, made.changes, size))
                began = time.perf_counter()
                report = import_bundle(office.store, path)
                timings.append((time.perf_counter() - began, max(report.total, 1), bool(unit)))
                spent["office imports"] += timings[-1][0]
                accepted += 1
            if round_number == 1:
                # the first import of this process also warms it (modules, caches, the
                # file's pages): a unit head's season imported warm is the one to compare with
                first_and_last = [timings[1][:2], timings[-1][:2]]
                received = len(timings)
                joins_only = [t[:2] for t in timings if not t[2]]
                for laptop, _, _ in laptops:
                    if laptop.scope:
                        set_scope(office.store, laptop.name, laptop.scope, estate=ESTATE)
            office_shares = []
            sealed = 0
            for laptop, _, _ in laptops:
                path = folder / f"r{round_number}-office-{laptop.name}.yaml"
                began = time.perf_counter()
                made = export_bundle(office.store, path, peer=laptop.name)
                spent["office exports"] += time.perf_counter() - began
                if made.nothing_new:
                    continue
                if round_number == 2 and made.changes:
                    head, size = bundle_size(path, laptop.store)
                    office_shares.append(head / size)
                sealed += bool(made.sealed_for)
                began = time.perf_counter()
                import_bundle(laptop.store, path)
                spent["laptops import"] += time.perf_counter() - began
                accepted += 1
            print(
                f"round {round_number} done at {time.perf_counter() - started:.0f} s"
                f" ({sealed} of the office's bundles encrypted to their laptop): "
                + ", ".join(f"{what} {seconds:.0f} s" for what, seconds in spent.items())
            )

        counts = reg.counts(office.store)
        office_db = office.path
        for laptop, _, _ in laptops:
            laptop.store.close()
        whole = folder / "whole.yaml"
        made = export_bundle(office.store, whole, everything=True, plain=True)
        receiver_db, sealed_whole = sealed_for_a_new_laptop(office.store, whole, folder)
        office.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        office.store.close()
        if args.keep:
            shutil.copy(office_db, folder / "office-kept.db")

        print()
        print(
            f"households at the office   {counts['households']:>8,}   the roll's {roll_households:,}"
            f"   {'equal' if counts['households'] == roll_households else 'DIFFERENT'}"
        )
        print(
            f"residents at the office    {counts['residents']:>8,}   the roll's {roll_residents:,}"
            f"   {'equal' if counts['residents'] == roll_residents else 'DIFFERENT'}"
        )
        print(f"bundles accepted           {accepted:>8,}   refused {refused}")
        (t1, n1), (t2, n2) = first_and_last
        print(
            f"office import, {received}th ÷ 2nd bundle (both warm), per change"
            f"   {(t2 / n2) / (t1 / n1):.2f}   (target <= 1.30; {n1:,} and {n2:,} changes)"
        )
        joined = sum(t for t, _ in joins_only) / sum(n for _, n in joins_only)
        print(
            f"  the heads' bundles (their roll only, every change joining a record) per change"
            f" ÷ the 2nd   {joined / (t1 / n1):.2f}   ({len(joins_only)} bundles)"
        )
        print(
            f"header share of a weekly delta at {args.laptops} devices: unit head to office"
            f" median {statistics.median(header_shares):.1%}, max {max(header_shares):.1%};"
            f" office to a unit head median {statistics.median(office_shares):.1%},"
            f" max {max(office_shares):.1%}   (target <= 10%)"
        )

        print(
            "a unit head's weekly delta: median"
            f" {statistics.median(w[0] for w in weekly):.0f} new changes,"
            f" {statistics.median(w[1] for w in weekly):.0f} carried with their whole records,"
            f" {statistics.median(w[2] for w in weekly) / 1000:.0f} KB"
        )

        demo = demo_database(folder)
        district = small_log(folder) if args.quick else big_log(folder)
        databases = {"demo": demo, "office": office_db, "district": district}
        for db in databases.values():
            knowing_a_peer(db, folder)
            one_change_export(db, folder, -1)  # once untimed: the file in the disk's cache
        measured: dict[str, list[dict[str, float]]] = {name: [] for name in databases}
        for turn in range(args.export_rounds):  # side by side, turn by turn
            for name, db in databases.items():
                measured[name].append(one_change_export(db, folder, turn))
        for name in ("office", "district"):
            ratios = sorted(
                o["seconds"] / d["seconds"]
                for o, d in zip(measured[name], measured["demo"], strict=True)
            )
            peak = max(r["peak_mib"] for r in measured[name])
            print(
                f"one-change export --for, {name} ÷ demo   {statistics.median(ratios):.2f}"
                f"   (target <= 1.50; rounds {', '.join(f'{r:.2f}' for r in ratios)});"
                f" peak {peak:.0f} MiB (target <= 100)"
            )

        size_mb = whole.stat().st_size / 1e6
        walks, imports, sealed_imports = [], [], []
        for turn in range(args.export_rounds):  # side by side, turn by turn
            walks.append(walk_time(whole))
            target = folder / f"new-laptop-{turn}.db"
            imports.append(child(IMPORT_CHILD, str(target), str(whole)))
            target.unlink()
            shutil.copy(receiver_db, target)
            sealed_imports.append(child(IMPORT_CHILD, str(target), str(sealed_whole)))
            target.unlink()
        print(
            f"the office's whole notebook: {made.changes:,} changes, {size_mb:.0f} MB"
            f" ({sealed_whole.stat().st_size / 1e6:.0f} MB encrypted)"
        )
        for label, runs in (("as written", imports), ("encrypted to it", sealed_imports)):
            ratios = sorted(w / i["seconds"] for w, i in zip(walks, runs, strict=True))
            print(
                f"  {label}: into an empty laptop in"
                f" {statistics.median(i['seconds'] for i in runs):.1f} s,"
                f" peak {max(i['peak_mib'] for i in runs):.0f} MiB (target <= 300);"
                f" speed ratio to walking its YAML events {statistics.median(ratios):.2f}"
                f"   (target >= 0.50; rounds {', '.join(f'{r:.2f}' for r in ratios)})"
            )


if __name__ == "__main__":
    os.environ.setdefault("DYZ_LANG", "en")
    main()
