"""The merge laws, on three simulated laptops making random changes and passing bundles around
in random orders, under wall clocks that are random, frozen, and a year apart."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from danyuanzhang import hazards as hazards_api
from danyuanzhang import households as reg_api
from danyuanzhang import petitions as petitions_api
from danyuanzhang import store as store_module
from danyuanzhang import visits as visits_api
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.sync import export_bundle, import_bundle, list_conflicts, resolve_conflict

SHARED_TABLES = (
    "changes",
    "tombstones",
    "households",
    "residents",
    "resident_flags",
    "roster",
    "flag_kinds",
    "conflicts",
    "hazards",
    "hazard_events",
    "petitions",
    "petition_events",
    "petition_links",
    "proposals",
    "visits",
)
YEAR_MS = 365 * 24 * 3600 * 1000
BASE_MS = 1_790_000_000_000
LAPTOPS = 3


def shared(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """What every laptop must agree on; marks, peers and settings are each laptop's own."""
    return {
        table: sorted(tuple(row) for row in store.conn.execute(f"SELECT * FROM {table}"))
        for table in SHARED_TABLES
    }


def copy_store(store: Store, target: Path) -> Store:
    copy = sqlite3.connect(target)
    store.conn.backup(copy)
    copy.close()
    return Store.open(target)


class Laptops(RuleBasedStateMachine):
    regime = "random"

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="dyz-laws-"))
        self.rng = random.Random(0)
        self.laptops: list[Store] = []
        self.exported: list[Path] = []
        self.counter = 0

    def _clock_for(self, n: int) -> Any:
        ticks = [0]

        def clock() -> int:
            ticks[0] += 1
            if self.regime == "frozen":
                return BASE_MS
            if self.regime == "skewed":
                return BASE_MS + (n - 1) * YEAR_MS + ticks[0]
            return BASE_MS + self.rng.randrange(-10 * 24 * 3600 * 1000, 10 * 24 * 3600 * 1000)

        return clock

    def teardown(self) -> None:
        store_module.random_bytes = os.urandom
        for store in self.laptops:
            store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, name: str) -> Path:
        self.counter += 1
        return self.folder / f"{self.counter:04d}-{name}.yaml"

    households = Bundle("households")

    @initialize(target=households, seed=st.integers(0, 2**32 - 1))
    def a_shared_start(self, seed: int) -> Any:
        """Laptop 0 registers a flat with two residents and every laptop gets a copy: most
        interesting histories start from records that several laptops hold."""
        # Ids (devices' too, which break ties between equal clocks) come from a seed that
        # hypothesis draws: varied from one history to the next, and replayed exactly.
        ids = random.Random(seed)
        self.rng = random.Random(seed + 1)
        store_module.random_bytes = lambda n: bytes(ids.getrandbits(8) for _ in range(n))
        for n in range(LAPTOPS):
            store = Store.open(self.folder / f"laptop{n}.db")
            store.ensure_device(f"laptop{n}")
            store.wall_clock = self._clock_for(n)
            self.laptops.append(store)
        first = self.laptops[0]
        household = reg_api.add_household(first, "2-2-301", estate="新芙蓉之都")["id"]
        reg_api.add_resident(first, "2-2-301", "刘桂英", flags=["elderly_alone"])
        reg_api.add_resident(first, "2-2-301", "陈志明", phone="13812345678")
        path = self._path("start")
        export_bundle(first, path, everything=True)
        for other in self.laptops[1:]:
            import_bundle(other, path)
        return household

    @rule(
        target=households,
        laptop=st.integers(0, LAPTOPS - 1),
        room=st.sampled_from(["101", "102", "201"]),
    )
    def add_household(self, laptop: int, room: str) -> Any:
        store = self.laptops[laptop]
        try:
            return reg_api.add_household(store, f"2-2-{room}", estate="新芙蓉之都")["id"]
        except DyzError:
            return reg.household_at(store, "新芙蓉之都", "2", "2", room)["id"]

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        household=households,
        name=st.sampled_from(["刘桂英", "陈志明", "no", "0123"]),
        flags=st.lists(st.sampled_from(["elderly_alone", "tenant"]), max_size=2),
    )
    def add_resident(self, laptop: int, household: str, name: str, flags: list[str]) -> None:
        store = self.laptops[laptop]
        if reg.household(store, household) is None:
            return
        ref = reg_api.household_json(reg.household(store, household))["ref"]
        reg_api.add_resident(store, household[:12], name, flags=flags)
        assert ref

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        change=st.sampled_from(
            [
                {"phone": "13812345678"},
                {"phone": "07318555123"},
                {"phone": None},
                {"born": 1941},
                {"born": 1950},
                {"name": "周玉梅"},
                {"flag.elderly_alone": True},
                {"flag.elderly_alone": False},
                {"moved_out": "2026-11-20"},
            ]
        ),
    )
    def edit_resident(self, laptop: int, pick: int, change: dict[str, Any]) -> None:
        store = self.laptops[laptop]
        residents = [r[0] for r in store.conn.execute("SELECT id FROM residents ORDER BY id")]
        if residents:
            with store.transaction():
                store.put("resident", residents[pick % len(residents)], change)

    @rule(
        first=st.integers(0, LAPTOPS - 1),
        second=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        field_values=st.sampled_from(
            [
                ("phone", "13812345678", "13900001111"),
                ("born", 1941, 1942),
                ("name", "刘桂英", "周玉梅"),
                ("flag.tenant", True, False),
                ("phone", "13812345678", "13812345678"),  # the same value twice: no conflict
            ]
        ),
        meet=st.booleans(),
    )
    def concurrent_edit(
        self, first: int, second: int, pick: int, field_values: tuple[Any, ...], meet: bool
    ) -> None:
        """Two laptops change the same field of the same resident without seeing each other."""
        if first == second:
            return
        a, b = self.laptops[first], self.laptops[second]
        ids = lambda s: {r[0] for r in s.conn.execute("SELECT id FROM residents")}  # noqa: E731
        both = sorted(ids(a) & ids(b))
        if not both:
            return
        resident = both[pick % len(both)]
        name, one, other = field_values
        for store, value in ((a, one), (b, other)):
            with store.transaction():
                store.put("resident", resident, {name: value})
        event("two laptops edited one field")
        if meet:  # and then the second laptop gets the first one's bundle
            self.exchange(first, second, "for")

    @rule(laptop=st.integers(0, LAPTOPS - 1), kind=st.sampled_from(["flying_wire", "blocked_exit"]))
    def find_hazard(self, laptop: int, kind: str) -> None:
        hazards_api.add_hazard(
            self.laptops[laptop], kind, "2-2 3楼", estate="新芙蓉之都", on="2026-11-01"
        )

    @rule(
        laptops=st.lists(st.integers(0, LAPTOPS - 1), min_size=1, max_size=3, unique=True),
        pick=st.integers(0, 50),
        step=st.sampled_from(["notified", "rectified", "verified", "reopened"]),
    )
    def take_hazard_step(self, laptops: list[int], pick: int, step: str) -> None:
        """One or several laptops act on the same hazard while apart; all steps are kept."""
        for laptop in laptops:
            store = self.laptops[laptop]
            ids = [r[0] for r in store.conn.execute("SELECT id FROM hazards ORDER BY id")]
            if not ids:
                continue
            with contextlib.suppress(DyzError):  # a step that does not follow is refused
                hazards_api.take_step(store, ids[pick % len(ids)], step, on="2026-11-02")
                event("a step on a hazard")

    @rule(laptop=st.integers(0, LAPTOPS - 1), household=households)
    def raise_petition(self, laptop: int, household: str) -> None:
        store = self.laptops[laptop]
        if reg.household(store, household) is not None:
            petitions_api.add_petition(
                store, household[:12], "parking", "楼下乱停车", on="2026-11-01"
            )

    @rule(
        laptops=st.lists(st.integers(0, LAPTOPS - 1), min_size=1, max_size=3, unique=True),
        pick=st.integers(0, 50),
        other=st.integers(0, 50),
        step=st.sampled_from(["escalated", "resolved", "closed", "link"]),
    )
    def act_on_petition(self, laptops: list[int], pick: int, other: int, step: str) -> None:
        """Laptops act on the same petition while apart: steps and links are all kept."""
        for laptop in laptops:
            store = self.laptops[laptop]
            ids = [r[0] for r in store.conn.execute("SELECT id FROM petitions ORDER BY id")]
            if not ids:
                continue
            with contextlib.suppress(DyzError):
                if step == "link":
                    petitions_api.link(store, ids[pick % len(ids)], ids[other % len(ids)])
                else:
                    note = "已协调" if step == "resolved" else None
                    petitions_api.take_step(
                        store, ids[pick % len(ids)], step, on="2026-11-02", note=note
                    )
                event("a step on a petition")

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        household=households,
        outcome=st.sampled_from(["met", "not_home"]),
        app=st.sampled_from([None, True, False]),
    )
    def knock_on_the_door(
        self, laptop: int, household: str, outcome: str, app: bool | None
    ) -> None:
        """A visit, with the need and the hazard it turned up: all of it travels together."""
        store = self.laptops[laptop]
        if reg.household(store, household) is None:
            return
        met = outcome == "met"
        plan = visits_api.VisitPlan(
            household=household[:12],
            on="2026-11-03",
            outcome=outcome,
            needs=[visits_api.Need("repair", "楼道灯坏了")] if met else [],
            hazards=[("flying_wire", "窗外拉线")],
            anti_fraud_app=app if met else None,
            briefed=met,
        )
        visits_api.record_visit(store, plan)
        event("a visit")

    @rule(laptop=st.integers(0, LAPTOPS - 1), household=households)
    def remove_household(self, laptop: int, household: str) -> None:
        store = self.laptops[laptop]
        if reg.household(store, household) is not None:
            reg_api.remove_household(store, household[:12])

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def remove_resident(self, laptop: int, pick: int) -> None:
        store = self.laptops[laptop]
        residents = [r[0] for r in store.conn.execute("SELECT id FROM residents ORDER BY id")]
        if residents:
            reg_api.remove_resident(store, residents[pick % len(residents)])

    @rule(
        source=st.integers(0, LAPTOPS - 1),
        into=st.integers(0, LAPTOPS - 1),
        mode=st.sampled_from(["all", "for", "default"]),
    )
    def exchange(self, source: int, into: int, mode: str) -> None:
        if source == into:
            return
        sender, receiver = self.laptops[source], self.laptops[into]
        peer = receiver.device()[1]
        if mode == "for" and not any(
            r["name"] == peer for r in sender.conn.execute("SELECT name FROM peers")
        ):
            mode = "all"
        path = self._path(f"{source}-to-{into}")
        export_bundle(sender, path, peer=peer if mode == "for" else None, everything=mode == "all")
        self.exported.append(path)
        report = import_bundle(receiver, path)
        if report.conflicts:
            event("an import found a conflict")
        if report.ignored_erased:
            event("an import brought changes to erased records")
        once = shared(receiver)
        # the same changes again, in a bundle that is not byte-identical (a new `created`)
        again = self._path("again")
        shutil.copy(path, again)
        text = again.read_text(encoding="utf-8").replace('created: "', 'created: "0', 1)
        again.write_text(
            text.replace('created: "0', 'created: "', 1).replace("# dyz", "#  dyz", 1),
            encoding="utf-8",
        )
        import_bundle(receiver, again)
        assert shared(receiver) == once, "importing twice must equal importing once"

    @precondition(lambda self: len(self.exported) >= 2)
    @rule(first=st.integers(0, 1000), second=st.integers(0, 1000), into=st.integers(0, LAPTOPS - 1))
    def imports_commute(self, first: int, second: int, into: int) -> None:
        a = self.exported[first % len(self.exported)]
        b = self.exported[second % len(self.exported)]
        left = copy_store(self.laptops[into], self._path("left").with_suffix(".db"))
        right = copy_store(self.laptops[into], self._path("right").with_suffix(".db"))
        try:
            import_bundle(left, a)
            import_bundle(left, b)
            import_bundle(right, b)
            import_bundle(right, a)
            assert shared(left) == shared(right), "A then B must equal B then A"
        finally:
            left.close()
            right.close()

    @precondition(lambda self: bool(self.exported))
    @rule(pick=st.integers(0, 1000), into=st.integers(0, LAPTOPS - 1))
    def import_an_old_bundle(self, pick: int, into: int) -> None:
        store = self.laptops[into]
        erased_before = set(store.conn.execute("SELECT entity, record FROM tombstones"))
        import_bundle(store, self.exported[pick % len(self.exported)])
        erased_after = set(store.conn.execute("SELECT entity, record FROM tombstones"))
        assert erased_before <= erased_after, "an erased record came back"

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 10),
        how=st.sampled_from(["mine", "theirs", "1960"]),
    )
    def resolve(self, laptop: int, pick: int, how: str) -> None:
        store = self.laptops[laptop]
        found = list_conflicts(store)
        if not found:
            return
        event("a conflict to settle")
        item = found[pick % len(found)]
        keep = how
        if how == "1960" and item["field"] != "born":
            keep = "mine"
        # neither side may be this laptop's; then a person would type the value
        with contextlib.suppress(DyzError):
            resolve_conflict(store, item["id"], keep)

    @invariant()
    def erased_records_leave_no_trace(self) -> None:
        for store in self.laptops:
            for entity, table in (
                ("household", "households"),
                ("resident", "residents"),
                ("visit", "visits"),
            ):
                left = store.conn.execute(
                    f"SELECT count(*) FROM {table} JOIN tombstones t ON t.record = {table}.id"
                    " AND t.entity = ?",
                    (entity,),
                ).fetchone()[0]
                assert left == 0
            visits_of_erased = store.conn.execute(
                "SELECT count(*) FROM visits v JOIN tombstones t ON t.record = v.household_id"
                " AND t.entity = 'household'"
            ).fetchone()[0]
            assert visits_of_erased == 0
            orphans = store.conn.execute(
                "SELECT count(*) FROM changes c JOIN tombstones t ON t.record = c.record"
                " WHERE c.op = 'set'"
            ).fetchone()[0]
            assert orphans == 0
            assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []

    def check_convergence(self) -> None:
        # everyone exchanges with everyone, twice round, whole notebooks each time
        for _ in range(2):
            for source in range(LAPTOPS):
                for target in range(LAPTOPS):
                    if source != target:
                        path = self._path(f"final-{source}-{target}")
                        export_bundle(self.laptops[source], path, everything=True)
                        import_bundle(self.laptops[target], path)
        states = [shared(store) for store in self.laptops]
        assert states[0] == states[1] == states[2], "laptops differ after exchanging everything"
        statuses = [
            sorted(
                (h["id"], h["status"])
                for h in hazards_api.describe(s, list(s.conn.execute("SELECT * FROM hazards")))
            )
            for s in self.laptops
        ]
        assert statuses[0] == statuses[1] == statuses[2], (
            "a hazard's status differs between laptops"
        )
        conflicts = [
            sorted((c["record"], c["field"]) for c in list_conflicts(s)) for s in self.laptops
        ]
        assert conflicts[0] == conflicts[1] == conflicts[2]
        # everything, exported and imported into an empty notebook, is the same notebook
        path = self._path("everything")
        export_bundle(self.laptops[0], path, everything=True)
        empty = Store.open(self.folder / "empty.db")
        try:
            empty.ensure_device("empty")
            import_bundle(empty, path)
            assert shared(empty) == states[0], "export --all into an empty database differs"
        finally:
            empty.close()


def _machine(regime: str) -> type[Laptops]:
    class Machine(Laptops):
        pass

    Machine.regime = regime
    original = Machine.teardown

    def teardown(self: Laptops) -> None:
        try:
            self.check_convergence()
        finally:
            original(self)

    Machine.teardown = teardown  # type: ignore[method-assign]
    return Machine


LAWS = settings(
    # a few hundred runs in CI across the three clock regimes; DYZ_LAW_EXAMPLES for longer
    max_examples=int(os.environ.get("DYZ_LAW_EXAMPLES", "100")),
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

TestRandomClocks = _machine("random").TestCase
TestRandomClocks.settings = LAWS
TestFrozenClocks = _machine("frozen").TestCase
TestFrozenClocks.settings = LAWS
TestClocksAYearApart = _machine("skewed").TestCase
TestClocksAYearApart.settings = LAWS
