"""The merge laws, on simulated laptops making random changes and passing bundles around in
random orders, under wall clocks that are random, frozen, and hours apart. (Clocks further apart
than a day are refused at import: tests/test_clocks.py.) Most bundles are imported as a person
who checked their erasures would (`--accept-erasures`); some are not, on laptops that let
another erase no household or only one a week unseen: those beyond are held, never
lost and never in the log, until a person accepts them (tests/test_erasure_limits.py).

What the laptops do is what a community does: the same roll imported on several laptops, the
same flat and the same person registered on two laptops apart (in any spelling), corrections,
merges in both directions, concurrent steps on one hazard or petition, the council's
proposals, the roster, kinds of flag and hazard, erasures and new registrations after them,
scoped bundles, and conflicts settled. Every rule either does what it should or is refused
for the reason it should be: nothing is swallowed.

At the end, every laptop exchanges deltas with every other (never `--all`, so that a laptop
that wrongly believed it had seen something would show up) and all must hold the same
notebook, table by table; everything exported into an empty laptop gives it again.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
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

from danyuanzhang import store as store_module
from danyuanzhang.cases import council as council_api
from danyuanzhang.cases import hazards as hazards_api
from danyuanzhang.cases import mediation as mediation_api
from danyuanzhang.cases import patrols as patrols_api
from danyuanzhang.cases import petitions as petitions_api
from danyuanzhang.cases import volunteers as volunteers_api
from danyuanzhang.core.merge import normalise
from danyuanzhang.core.records import ENTITIES, WORDS_WITH_HOUSEHOLD
from danyuanzhang.errors import DyzError
from danyuanzhang.households import flags as flags_api
from danyuanzhang.households import registry as reg_api
from danyuanzhang.households import roster as roster_api
from danyuanzhang.households.rollcall import import_roll
from danyuanzhang.store import Store, derive, in_chunks
from danyuanzhang.store import registry as reg
from danyuanzhang.sync import exporting
from danyuanzhang.sync.conflicts import list_conflicts, resolve_conflict
from danyuanzhang.sync.exporting import export_bundle
from danyuanzhang.sync.importing import import_bundle
from danyuanzhang.sync.peers import set_scope
from danyuanzhang.visits import doorstep as visits_api
from danyuanzhang.visits import plan as visit_plan

# every table that laptops must agree on: the log, the erasures, what is derived from the log
# (each record type's table, the flags, the conflicts and the identity of records); the rest
# (settings, devices, marks, peers, knowledge, exports, bundles) is each laptop's own
SHARED_TABLES = (
    "changes",
    "tombstones",
    "conflicts",
    "resident_flags",
    "record_keys",
    "aliases",
    "record_refs",
    *sorted({spec.table for spec in ENTITIES.values()}),
)
SKEW_MS = 11 * 3600 * 1000  # laptops' clocks disagree by up to this, within the day allowed
BASE_MS = 1_790_000_000_000
LAPTOPS = 3
ESTATE = "新芙蓉之都"
ROLL = "小区,楼栋,单元,房号,姓名,电话,出生年份,标记\n" + "\n".join(
    [
        f"{ESTATE},2,2,301,刘桂英,18671013936,1941,独居老人",
        f"{ESTATE},2,2,302,王建国,13900001111,1950,",
        f"{ESTATE},2,2,302,李秀兰,,1952,",
        f"{ESTATE},2,3,101,赵磊,,,租户",
    ]
)
FLATS = ["2-2-301", "2-2-302", "2-2-601", "2-3-101", "2-3-102"]
# the same flat as people type it: plain, in Chinese, in full-width characters
SPELLINGS = [
    lambda ref: ref,
    lambda ref: "{}栋{}单元{}室".format(*ref.split("-")),
    lambda ref: ref.translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
]
NAMES = ["刘桂英", "刘 桂英", "刘桂瑛", "陈志明", "ｎｏ", "0123"]


def shared(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: sorted(tuple(row) for row in store.conn.execute(f"SELECT * FROM {table}"))
        for table in SHARED_TABLES
    }


def copy_store(store: Store, target: Path) -> Store:
    copy = sqlite3.connect(target)
    store.conn.backup(copy)
    copy.close()
    opened = Store.open(target)
    opened.wall_clock = store.wall_clock
    return opened


def households_here(store: Store) -> list[Any]:
    return list(store.conn.execute("SELECT * FROM households ORDER BY id"))


def ref_of(row: Any) -> str:
    return f"{row['building']}-{row['unit']}-{row['room']}"


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
            if self.regime == "skewed":  # 11 hours apart: 22 between the first and the last
                return BASE_MS + (n - 1) * SKEW_MS + ticks[0]
            return BASE_MS + self.rng.randrange(-SKEW_MS, SKEW_MS)

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

    @initialize(seed=st.integers(0, 2**32 - 1), roll_on=st.sets(st.integers(0, LAPTOPS - 1)))
    def laptops_set_up(self, seed: int, roll_on: set[int]) -> None:
        """Laptops, each with its own device; the office's roll imported on some of them."""
        # Ids (devices' too, which break ties between equal clocks) come from a seed that
        # hypothesis draws: varied from one history to the next, and replayed exactly.
        ids = random.Random(seed)
        self.rng = random.Random(seed + 1)
        store_module.random_bytes = lambda n: bytes(ids.getrandbits(8) for _ in range(n))
        roll = self.folder / "花名册.csv"
        roll.write_text(ROLL, encoding="utf-8")
        for n in range(LAPTOPS):
            store = Store.open(self.folder / f"laptop{n}.db")
            store.ensure_device(f"laptop{n}")
            store.set_setting("community", "芙蓉南路社区")
            store.wall_clock = self._clock_for(n)
            store.set_setting("erasures_unseen", str(n // 2))  # sync.erasures_unseen: 0, 0, 1
            self.laptops.append(store)
            if n in roll_on:
                import_roll(store, roll)
                event("the roll on a laptop")

    # -- registering, the same flat and person on several laptops --------------------------------

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        flat=st.sampled_from(FLATS),
        spelling=st.sampled_from(SPELLINGS),
    )
    def register_flat(self, laptop: int, flat: str, spelling: Any) -> None:
        store = self.laptops[laptop]
        building, unit, room = flat.split("-")
        there = reg.households_at(store, ESTATE, building, unit, room)
        if there:
            with pytest.raises(DyzError) as refused:
                reg_api.add_household(store, spelling(flat), estate=ESTATE)
            assert refused.value.key in ("household_exists", "household_twice")
        else:
            reg_api.add_household(store, spelling(flat), estate=ESTATE)
        event("a flat registered")

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        name=st.sampled_from(NAMES),
        flags=st.lists(st.sampled_from(["elderly_alone", "tenant"]), max_size=2),
    )
    def register_resident(self, laptop: int, pick: int, name: str, flags: list[str]) -> None:
        store = self.laptops[laptop]
        homes = households_here(store)
        if not homes:
            return
        home = homes[pick % len(homes)]
        present = {normalise(r["name"] or "") for r in reg.residents_of(store, home["id"])}
        if normalise(name) in present:
            with pytest.raises(DyzError) as refused:
                reg_api.add_resident(store, home["id"][:12], name, flags=flags)
            assert refused.value.key == "resident_exists"
        else:
            reg_api.add_resident(store, home["id"][:12], name, flags=flags)

    @rule(laptop=st.integers(0, LAPTOPS - 1))
    def import_the_roll(self, laptop: int) -> None:
        store = self.laptops[laptop]
        if reg.estates(store) in ([], [ESTATE]):
            import_roll(store, self.folder / "花名册.csv")

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        change=st.sampled_from(
            [
                {"phone": "13812345678"},
                {"phone": "07318555123"},
                {"phone": None},
                {"born": 1941},
                {"name": "周玉梅"},
                {"flag.elderly_alone": True},
                {"flag.elderly_alone": False},
                {"moved_out": "2026-11-20"},
                {
                    "contact_name": "张伟",
                    "contact_phone": "13800001111",
                    "contact_relation": "儿子",
                },
                {"contact_phone": None},
                {"risk": "high"},
                {"risk": None},
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
                ("flag.tenant", True, False),
                ("risk", "high", "low"),
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
        if meet:
            self.exchange(first, second, "for")

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50), flat=st.sampled_from(FLATS))
    def correct_a_flat(self, laptop: int, pick: int, flat: str) -> None:
        """A typo put right: the household's reference changes on one laptop."""
        store = self.laptops[laptop]
        homes = households_here(store)
        if not homes:
            return
        home = homes[pick % len(homes)]
        building, unit, room = flat.split("-")
        taken = [h for h in reg.households_at(store, ESTATE, building, unit, room)]
        if ref_of(home) == flat:
            with pytest.raises(DyzError) as refused:
                reg_api.edit_household(store, home["id"][:12], new_ref=flat)
            assert refused.value.key == "nothing_to_change"
        elif taken:
            with pytest.raises(DyzError) as refused:
                reg_api.edit_household(store, home["id"][:12], new_ref=flat)
            assert refused.value.key == "household_exists"
        else:
            reg_api.edit_household(store, home["id"][:12], new_ref=flat)
            event("a flat corrected")

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        keep=st.integers(0, 50),
        other=st.integers(0, 50),
        what=st.sampled_from(["household", "resident"]),
    )
    def merge_two(self, laptop: int, keep: int, other: int, what: str) -> None:
        """A person merges what no rule could (in either direction, on any laptop)."""
        store = self.laptops[laptop]
        table = ENTITIES[what].table
        rows = [r[0] for r in store.conn.execute(f"SELECT id FROM {table} ORDER BY id")]
        if len(rows) < 2:
            return
        a, b = rows[keep % len(rows)], rows[other % len(rows)]
        merge = reg_api.merge_households if what == "household" else reg_api.merge_residents
        if a == b:
            with pytest.raises(DyzError) as refused:
                merge(store, a[:12], b[:12])
            assert refused.value.key == "merge_itself"
            return
        merge(store, a[:12], b[:12])
        assert (
            reg.canonical(store, b) == a
            and store.conn.execute(f"SELECT count(*) FROM {table} WHERE id = ?", (b,)).fetchone()[0]
            == 0
        )
        event(f"a {what} merge")

    # -- the roster and the community's own words ------------------------------------------------

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        who=st.sampled_from([("unit_head", "周玉梅", "2-2"), ("building_head", "罗淑珍", "2")]),
        phone=st.sampled_from(["13907310202", "13907310203"]),
    )
    def roster_entry(self, laptop: int, who: tuple[str, str, str], phone: str) -> None:
        store = self.laptops[laptop]
        role, name, scope = who
        if not reg.estates(store):
            return
        existing = [
            m for m in reg.roster(store, role=role) if m["name"] == name and m["scope"] == scope
        ]
        if existing:
            roster_api.edit_member(store, existing[0]["id"][:12], phone=phone)
        else:
            roster_api.add_member(store, role, name, phone, scope, estate=ESTATE)

    # -- the volunteer team ------------------------------------------------------------------

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        name=st.sampled_from(["左师傅", "李老师"]),
        at_home=st.booleans(),
    )
    def a_neighbour_volunteers(self, laptop: int, pick: int, name: str, at_home: bool) -> None:
        """Someone joins the team, living in a flat of the unit (erased with it) or not."""
        store = self.laptops[laptop]
        homes = households_here(store)
        if not homes:
            return
        home = homes[pick % len(homes)]["id"][:12] if at_home else None
        volunteers_api.add_volunteer(
            store, name, ["义务维修"], phone="13507310001", household=home, note="会修水电",
            estate=ESTATE,
        )  # fmt: skip

    @rule(
        laptops=st.lists(st.integers(0, LAPTOPS - 1), min_size=1, max_size=2),
        pick=st.integers(0, 50),
        helper=st.integers(0, 50),
        edit=st.booleans(),
    )
    def a_volunteer_helps(self, laptops: list[int], pick: int, helper: int, edit: bool) -> None:
        """A service recorded (on one laptop or two at once), or the volunteer's details edited."""
        for laptop in laptops:
            store = self.laptops[laptop]
            team = store.conn.execute("SELECT id FROM volunteers ORDER BY id").fetchall()
            homes = households_here(store)
            if not team or not homes:
                continue
            chosen = team[helper % len(team)]["id"][:12]
            if edit:
                volunteers_api.edit_volunteer(store, chosen, available=f"周{laptop + 1}上午")
            else:
                volunteers_api.add_service(
                    store, chosen, homes[pick % len(homes)]["id"][:12], "repair", "1.5",
                    on="2026-11-05", note="修好了水龙头",
                )  # fmt: skip

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def a_volunteer_leaves(self, laptop: int, pick: int) -> None:
        store = self.laptops[laptop]
        team = store.conn.execute("SELECT id FROM volunteers ORDER BY id").fetchall()
        if team:
            volunteers_api.remove_volunteer(store, team[pick % len(team)]["id"][:12])

    @rule(laptop=st.integers(0, LAPTOPS - 1), which=st.sampled_from(["flag", "hazard"]))
    def a_word_of_the_community(self, laptop: int, which: str) -> None:
        """The same kind defined on two laptops is one kind."""
        store = self.laptops[laptop]
        known = flags_api.known_flags(store) if which == "flag" else hazards_api.known_kinds(store)
        add = flags_api.add_flag_kind if which == "flag" else hazards_api.add_kind
        if "low_income" in known:
            with pytest.raises(DyzError):
                add(store, "low_income", "低保户", None)
        else:
            add(store, "low_income", "低保户", None)

    # -- patrols, needs and the council -----------------------------------------------------------

    @rule(laptop=st.integers(0, LAPTOPS - 1), kind=st.sampled_from(["flying_wire", "blocked_exit"]))
    def find_hazard(self, laptop: int, kind: str) -> None:
        store = self.laptops[laptop]
        hazards_api.add_hazard(store, kind, "2-2 3楼", estate=ESTATE, on="2026-11-01")

    @rule(laptop=st.integers(0, LAPTOPS - 1), whole=st.booleans(), found=st.booleans())
    def walk_the_stairwell(self, laptop: int, whole: bool, found: bool) -> None:
        """A fire patrol of the unit or the whole building, all clear or finding a hazard."""
        patrols_api.record_patrol(
            self.laptops[laptop],
            unit=None if whole else "2-2",
            building="2" if whole else None,
            problems=["通道:2-2 3楼楼道堆放纸箱"] if found else None,
            all_clear=not found,
            on="2026-11-01",
            at="09:30",
            patroller=f"巡查员{laptop}",
            estate=ESTATE,
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
            rows = list(store.conn.execute("SELECT * FROM hazards ORDER BY id"))
            if not rows:
                continue
            row = rows[pick % len(rows)]
            status = hazards_api.describe(store, [row])[0]["status"]
            if status in hazards_api.STEPS_FROM[step]:
                hazards_api.take_step(store, row["id"], step, on="2026-11-10", note=f"{laptop}")
                event("a step on a hazard")
            else:
                with pytest.raises(DyzError) as refused:
                    hazards_api.take_step(store, row["id"], step, on="2026-11-10")
                assert refused.value.key == f"step_refused_{step}"

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def raise_petition(self, laptop: int, pick: int) -> None:
        store = self.laptops[laptop]
        homes = households_here(store)
        if homes:
            home = homes[pick % len(homes)]
            dispute = pick % 3 == 0
            petitions_api.add_petition(
                store,
                home["id"][:12],
                "mediation" if dispute else "parking",
                "楼上漏水" if dispute else "楼下乱停车",
                on="2026-11-01",
            )

    @rule(
        laptops=st.lists(st.integers(0, LAPTOPS - 1), min_size=1, max_size=2, unique=True),
        pick=st.integers(0, 50),
        step=st.sampled_from(["talked", "agreed", "followed_up"]),
    )
    def mediate(self, laptops: list[int], pick: int, step: str) -> None:
        """A step of a dispute's mediation, on one laptop or two while apart."""
        for laptop in laptops:
            store = self.laptops[laptop]
            disputes = store.conn.execute(
                "SELECT id FROM petitions WHERE category = 'mediation' ORDER BY id"
            ).fetchall()
            if disputes:
                mediation_api.take_mediation_step(
                    store, disputes[pick % len(disputes)]["id"][:12], step, on="2026-11-03",
                    note=f"第{laptop + 1}台电脑记的",
                )  # fmt: skip

    @rule(
        laptops=st.lists(st.integers(0, LAPTOPS - 1), min_size=1, max_size=3, unique=True),
        pick=st.integers(0, 50),
        other=st.integers(0, 50),
        step=st.sampled_from(["escalated", "escalated", "resolved", "closed", "link"]),
    )
    def act_on_petition(self, laptops: list[int], pick: int, other: int, step: str) -> None:
        """Laptops act on the same petition while apart: steps and links are all kept."""
        for laptop in laptops:
            store = self.laptops[laptop]
            rows = list(store.conn.execute("SELECT * FROM petitions ORDER BY id"))
            if not rows:
                continue
            row = rows[pick % len(rows)]
            if step == "link":
                second = rows[other % len(rows)]
                if second["id"] == row["id"]:
                    continue
                if second["id"] in petitions_api.matter_of(store, row["id"]) and second["id"] in {
                    *reg_links(store, row["id"])
                }:
                    with pytest.raises(DyzError):
                        petitions_api.link(store, row["id"], second["id"])
                else:
                    petitions_api.link(store, row["id"], second["id"])
                continue
            status = petitions_api.describe(store, [row])[0]["status"]
            note = "已协调" if step == "resolved" else None
            if status in petitions_api.STEPS_FROM[step]:
                petitions_api.take_step(store, row["id"], step, on="2026-11-10", note=note)
                event("a step on a petition")
            else:
                with pytest.raises(DyzError) as refused:
                    petitions_api.take_step(store, row["id"], step, on="2026-11-10", note=note)
                assert refused.value.key == f"petition_refused_{step}"

    @rule(laptop=st.integers(0, LAPTOPS - 1), decision=st.sampled_from(["adopted", "declined"]))
    def the_council(self, laptop: int, decision: str) -> None:
        """The council proposes what was escalated; the office decides."""
        store = self.laptops[laptop]
        items = petitions_api.describe(store, list(store.conn.execute("SELECT * FROM petitions")))
        waiting = [i for i in items if i["status"] == "escalated"]
        if waiting:
            made = council_api.propose(
                store, [waiting[0]["id"]], text="脑科巷施划停车位", on="2026-11-05"
            )
            council_api.decide(store, made["id"], decision, on="2026-11-06")
            event("a proposal decided")

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
        outcome=st.sampled_from(["met", "not_home"]),
    )
    def knock_on_the_door(self, laptop: int, pick: int, outcome: str) -> None:
        store = self.laptops[laptop]
        homes = households_here(store)
        if not homes:
            return
        met = outcome == "met"
        home = homes[pick % len(homes)]
        # someone the care ledger follows: what the care visit checked travels too
        cared = met and any(
            visits_api.cared_for(reg.flags_of(store, r["id"]), r["risk"])
            for r in reg.residents_of(store, home["id"])
            if not r["moved_out"]
        )
        plan = visit_plan.VisitPlan(
            household=home["id"][:12],
            on="2026-11-03",
            outcome=outcome,
            needs=[visit_plan.Need("repair", "楼道灯坏了")] if met else [],
            hazards=[("flying_wire", "窗外拉线")],
            anti_fraud_app=True if met else None,
            briefed=met,
            note="腿脚不便" if met else None,
            checks=[("健康", "正常"), ("居家安全", "燃气管老化")] if cared else [],
            referral="社区卫生服务站" if cared else None,
        )
        visits_api.record_visit(store, plan)
        event("a care visit" if cared else "a visit")

    # -- erasure --------------------------------------------------------------------------------

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50), again=st.booleans())
    def a_family_moves_away(self, laptop: int, pick: int, again: bool) -> None:
        """The household is erased; perhaps the flat is registered again for the new family."""
        store = self.laptops[laptop]
        homes = households_here(store)
        if not homes:
            return
        home = homes[pick % len(homes)]
        reg_api.remove_household(store, home["id"][:12])
        building, unit, room = ref_of(home).split("-")
        if again and not reg.households_at(store, ESTATE, building, unit, room):
            reg_api.add_household(store, ref_of(home), estate=ESTATE)
            reg_api.add_resident(store, ref_of(home), "新住户")
            event("a flat registered again after an erasure")

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def remove_resident(self, laptop: int, pick: int) -> None:
        store = self.laptops[laptop]
        residents = [r[0] for r in store.conn.execute("SELECT id FROM residents ORDER BY id")]
        if residents:
            reg_api.remove_resident(store, residents[pick % len(residents)][:12])

    # -- passing bundles around ------------------------------------------------------------------

    @rule(
        source=st.integers(0, LAPTOPS - 1),
        into=st.integers(0, LAPTOPS - 1),
        mode=st.sampled_from(["all", "for", "default", "scoped"]),
        unchecked=st.booleans(),
    )
    def exchange(self, source: int, into: int, mode: str, unchecked: bool = False) -> None:
        """A bundle from one laptop to another; `unchecked`: imported without
        --accept-erasures, so that erasures beyond the receiver's allowance are held."""
        if source == into:
            return
        sender, receiver = self.laptops[source], self.laptops[into]
        peer = receiver.device()[1]
        known = any(r["name"] == peer for r in sender.conn.execute("SELECT name FROM peers"))
        scope = None
        if mode == "scoped":
            if not reg.estates(sender):
                return
            if known:  # remembered for the peer, as the office does for each unit head
                set_scope(sender, peer, "unit:2-2", estate=ESTATE)
            else:
                scope = "unit:2-2"
        elif known:
            set_scope(sender, peer, "community")
        path = self._path(f"{source}-to-{into}")
        # a scoped delta is found through the log or through the scope's records: both ways
        through_records = mode == "scoped" and len(self.exported) % 2 == 1
        with mock.patch.object(exporting, "SCOPE_BEFORE_LOG", -1 if through_records else 10**9):
            # a laptop never heard of is no name to export for: everything goes, plainly
            addressed = mode in ("for", "scoped") and known
            made = export_bundle(
                sender,
                path,
                peer=peer if addressed else None,
                everything=mode == "all" or (mode == "for" and not known),
                scope=scope,
                estate=ESTATE if scope else None,
                plain=not addressed,
            )
        if made.nothing_new:
            assert not path.exists()
            return
        self.exported.append(path)
        from danyuanzhang.sync.bundle.sealing import is_sealed

        if is_sealed(path):
            event("a bundle sealed to its receiver")
        held_before = held_changes(receiver)
        report = import_bundle(receiver, path, accept_erasures=not unchecked)
        if report.erasures_held:
            event("erasures held")
        if unchecked:
            # a hold ends only by going into the log: a household erased here meanwhile (its
            # own laptop, or another's erasure accepted) takes the held erasure in with it
            released = held_before - held_changes(receiver)
            assert released <= logged(receiver, released), "a held erasure was lost"
            if released:
                event("a held erasure released by a household erased here meanwhile")
        if report.conflicts:
            event("an import found a conflict")
        if mode == "scoped":
            event("a scoped exchange")
        once = shared(receiver)
        # the same content in another spelling: Windows line ends, and a new comment
        again = self._path("again")
        text = path.read_text(encoding="utf-8").replace("# dyz", "#  dyz", 1)
        again.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
        assert import_bundle(receiver, again).seen_before
        assert shared(receiver) == once, "importing twice must equal importing once"

    @rule(
        source=st.integers(0, LAPTOPS - 1),
        into=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 50),
    )
    def a_laptop_erases_what_another_holds(self, source: int, into: int, pick: int) -> None:
        """A family moves away from a flat both laptops hold, and the news goes over without
        --accept-erasures: taken, or held if the receiver let the sender erase enough."""
        if source == into:
            return
        sender, receiver = self.laptops[source], self.laptops[into]
        both: list[Any] = []
        for _ in range(2):  # the second time round, once the sender's flats have gone over
            there = {row["id"] for row in households_here(receiver)}
            both = [row for row in households_here(sender) if row["id"] in there]
            if both:
                break
            self.exchange(source, into, "for")
        if not both:
            return
        home = both[pick % len(both)]
        reg_api.remove_household(sender, home["id"][:12])
        self.exchange(source, into, "for", unchecked=True)
        held = held_here(receiver)
        assert receiver.is_erased("household", home["id"]) or home["id"] in held

    @rule(laptop=st.integers(0, LAPTOPS - 1), pick=st.integers(0, 50))
    def accept_held_erasures(self, laptop: int, pick: int) -> None:
        """A person checked with the laptop that erased them and accepts one file's held
        erasures: its households go, and nothing else held does."""
        from danyuanzhang.sync.importing import accept_held

        store = self.laptops[laptop]
        bundles = [r[0] for r in store.conn.execute("SELECT DISTINCT bundle FROM erasures_held")]
        if not bundles:
            return
        bundle = sorted(bundles)[pick % len(bundles)]
        households = {
            r[0]
            for r in store.conn.execute(
                "SELECT household FROM erasures_held WHERE bundle = ?", (bundle,)
            )
        }
        others = {h: c for h, c in held_here(store).items() if h not in households}
        accept_held(store, bundle)
        event("held erasures accepted")
        assert held_here(store) == others
        for household in households:
            assert store.is_erased("household", household)

    @rule(
        trips=st.lists(
            st.tuples(
                st.integers(0, LAPTOPS - 1),
                st.integers(0, LAPTOPS - 1),
                st.sampled_from(["for", "default", "scoped", "scoped"]),
                st.booleans(),
            ),
            min_size=1,
            max_size=3,
        )
    )
    def pass_bundles_around(self, trips: list[tuple[int, int, str, bool]]) -> None:
        """A few bundles travel one after the other (most often deltas, often scoped)."""
        for source, into, mode, unchecked in trips:
            self.exchange(source, into, mode, unchecked)

    @precondition(lambda self: len(self.exported) >= 2)
    @rule(first=st.integers(0, 1000), second=st.integers(0, 1000), into=st.integers(0, LAPTOPS - 1))
    def imports_commute(self, first: int, second: int, into: int) -> None:
        a = self.exported[first % len(self.exported)]
        b = self.exported[second % len(self.exported)]
        left = copy_store(self.laptops[into], self._path("left").with_suffix(".db"))
        right = copy_store(self.laptops[into], self._path("right").with_suffix(".db"))
        try:
            for store, order in ((left, (a, b)), (right, (b, a))):
                for path in order:
                    _import_unless_own(store, path)
            assert shared(left) == shared(right), "A then B must equal B then A"
        finally:
            left.close()
            right.close()

    @precondition(lambda self: bool(self.exported))
    @rule(pick=st.integers(0, 1000), into=st.integers(0, LAPTOPS - 1))
    def import_an_old_bundle(self, pick: int, into: int) -> None:
        store = self.laptops[into]
        erased_before = set(store.conn.execute("SELECT entity, record FROM tombstones"))
        _import_unless_own(store, self.exported[pick % len(self.exported)])
        erased_after = set(store.conn.execute("SELECT entity, record FROM tombstones"))
        assert erased_before <= erased_after, "an erased record came back"

    @rule(
        laptop=st.integers(0, LAPTOPS - 1),
        pick=st.integers(0, 10),
        how=st.sampled_from(["mine", "theirs", "本机的", "对方的", "typed", "wrong"]),
    )
    def resolve(self, laptop: int, pick: int, how: str) -> None:
        """A person settles a conflict: a side, in either language, or a value typed in,
        checked as the field's own command checks it."""
        store = self.laptops[laptop]
        found = list_conflicts(store)
        if not found:
            return
        event("a conflict to settle")
        item = found[pick % len(found)]
        field = item["field"]
        typed = {"born": ("1960", "19x0"), "phone": ("13800001111", "12ab")}
        if field.startswith("flag."):
            typed[field] = ("是", "也许")
        if how in ("typed", "wrong"):
            if field not in typed:
                return
            good, bad = typed[field]
            if how == "wrong":
                with pytest.raises(DyzError) as refused:
                    resolve_conflict(store, item["id"], bad)
                assert refused.value.key in ("bad_born", "bad_phone", "bad_yes_no")
                return
            resolve_conflict(store, item["id"], good)
            table = ENTITIES[item["table"]].table
            if field.startswith("flag."):
                shown = store.conn.execute(
                    "SELECT count(*) FROM resident_flags WHERE resident_id = ? AND flag = ?",
                    (item["record"], field[5:]),
                ).fetchone()[0]
                assert shown == 1
            else:
                shown = store.conn.execute(
                    f"SELECT {field} FROM {table} WHERE id = ?", (item["record"],)
                ).fetchone()[0]
                assert str(shown) == good
        elif sorted(v["mine"] for v in item["values"]) == [False, True]:
            resolve_conflict(store, item["id"], how)
        else:
            with pytest.raises(DyzError) as refused:
                resolve_conflict(store, item["id"], how)
            assert refused.value.key == "conflict_keep_value"
            return
        assert item["id"] not in {c["id"] for c in list_conflicts(store)}

    # -- what must always hold -----------------------------------------------------------------

    @invariant()
    def held_erasures_wait_outside_the_log(self) -> None:
        """A held change is not in the log, and this laptop does not claim to hold it: its
        mark of the laptop that made it stays below it, so that no laptop it tells leaves the
        change out."""
        for store in self.laptops:
            held = store.conn.execute("SELECT id, hlc FROM erasures_held").fetchall()
            marks = store.marks()
            for change_id, stamp in held:
                in_log = store.conn.execute(
                    "SELECT count(*) FROM changes WHERE id = ?", (change_id,)
                ).fetchone()[0]
                assert in_log == 0
                assert marks.get(stamp[27:], "") < stamp

    @invariant()
    def erased_records_leave_no_trace(self) -> None:
        for store in self.laptops:
            for entity in ("household", "resident", "visit", "volunteer"):
                table = ENTITIES[entity].table
                left = store.conn.execute(
                    f"SELECT count(*) FROM {table} JOIN tombstones t ON t.record = {table}.id"
                    " AND t.entity = ?",
                    (entity,),
                ).fetchone()[0]
                assert left == 0
            orphans = store.conn.execute(
                "SELECT count(*) FROM changes c JOIN tombstones t ON t.record = c.record"
                " WHERE c.op = 'set'"
            ).fetchone()[0]
            assert orphans == 0
            # what stays of an erased flat's visits, needs, hazards and steps keeps no words
            for entity, words in WORDS_WITH_HOUSEHOLD.items():
                belonging = derive.belonging_to_erased(store.conn, entity)
                for chunk in in_chunks(belonging):
                    marks = ", ".join("?" * len(chunk))
                    held = store.conn.execute(
                        f"SELECT count(*) FROM changes WHERE record IN ({marks})"
                        f" AND field IN ({', '.join('?' * len(words))})",
                        (*chunk, *words),
                    ).fetchone()[0]
                    assert held == 0, f"words of an erased flat's {entity} stayed"
                    table = ENTITIES[entity].table
                    shown = " OR ".join(f"{ENTITIES[entity].columns[w]} IS NOT NULL" for w in words)
                    rows = store.conn.execute(
                        f"SELECT count(*) FROM {table} WHERE id IN ({marks}) AND ({shown})", chunk
                    ).fetchone()[0]
                    assert rows == 0
            assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
            # one record of a class has a row; the others are its aliases
            doubled = store.conn.execute(
                "SELECT count(*) FROM aliases a JOIN households h ON h.id = a.record"
            ).fetchone()[0]
            assert doubled == 0

    @invariant()
    def a_flat_registered_on_two_laptops_is_one_household(self) -> None:
        for store in self.laptops:
            keys = store.conn.execute(
                "SELECT k.key, count(DISTINCT coalesce(a.canonical, k.record)) FROM record_keys k"
                " LEFT JOIN aliases a ON a.record = k.record"
                " WHERE k.entity = 'household' AND k.key IS NOT NULL GROUP BY k.key"
            ).fetchall()
            assert all(count == 1 for _, count in keys)

    def check_convergence(self) -> None:
        from danyuanzhang.sync.importing import accept_held

        # a person on each laptop reads what is held and accepts it
        for store in self.laptops:
            for (bundle,) in store.conn.execute("SELECT DISTINCT bundle FROM erasures_held"):
                accept_held(store, bundle)
            assert held_here(store) == {}
        # everyone sends everyone what they lack, twice round: deltas, never --all
        for _ in range(2):
            for source in range(LAPTOPS):
                for target in range(LAPTOPS):
                    if source == target:
                        continue
                    sender, receiver = self.laptops[source], self.laptops[target]
                    peer = receiver.device()[1]
                    known = any(
                        r["name"] == peer for r in sender.conn.execute("SELECT name FROM peers")
                    )
                    if known:
                        set_scope(sender, peer, "community")
                    path = self._path(f"final-{source}-{target}")
                    made = export_bundle(
                        sender,
                        path,
                        peer=peer if known else None,
                        everything=not known,
                        plain=not known,
                    )
                    if not made.nothing_new:
                        import_bundle(receiver, path, accept_erasures=True)
        states = [shared(store) for store in self.laptops]
        for table in SHARED_TABLES:
            assert states[0][table] == states[1][table] == states[2][table], (
                f"laptops differ in {table} after exchanging what each lacked"
            )

        def timelines(store: Store) -> list[Any]:
            hazards = hazards_api.describe(
                store, list(store.conn.execute("SELECT * FROM hazards")), with_timeline=True
            )
            petitions = petitions_api.describe(
                store, list(store.conn.execute("SELECT * FROM petitions")), with_timeline=True
            )
            walks = [(p["id"], "patrol", repr(p)) for p in patrols_api.list_patrols(store)]
            return sorted(
                [(i["id"], i["status"], repr(i["timeline"])) for i in [*hazards, *petitions]]
                + walks
            )

        views = [timelines(s) for s in self.laptops]
        assert views[0] == views[1] == views[2], "a status or a timeline differs between laptops"
        conflicts = [
            sorted((c["record"], c["field"]) for c in list_conflicts(s)) for s in self.laptops
        ]
        assert conflicts[0] == conflicts[1] == conflicts[2]
        # everything, exported and imported into an empty notebook, is the same notebook
        path = self._path("everything")
        export_bundle(self.laptops[0], path, everything=True, plain=True)
        empty = Store.open(self.folder / "empty.db")
        try:
            empty.ensure_device("empty")
            import_bundle(empty, path, accept_erasures=True)
            assert shared(empty) == states[0], "export --all into an empty database differs"
        finally:
            empty.close()


def held_changes(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT id FROM erasures_held")}


def logged(store: Store, change_ids: set[str]) -> set[str]:
    marks = ", ".join("?" * len(change_ids))
    rows = store.conn.execute(f"SELECT id FROM changes WHERE id IN ({marks})", list(change_ids))
    return {row[0] for row in rows}


def held_here(store: Store) -> dict[str, int]:
    """The households whose erasure is held, with the number of changes held for each."""
    return dict(
        store.conn.execute("SELECT household, count(*) FROM erasures_held GROUP BY household")
    )


def reg_links(store: Store, petition: str) -> list[str]:
    from danyuanzhang.store import petitions as pq

    return pq.links_of(store, petition)


def _import_unless_own(store: Store, path: Path) -> None:
    """Import, unless the bundle is sealed to another laptop: then only that laptop opens it,
    and this one is refused and left as it was."""
    from danyuanzhang.sync.bundle.errors import BundleError
    from danyuanzhang.sync.bundle.sealing import is_sealed, read_envelope

    if is_sealed(path) and read_envelope(path).for_id != store.device()[0]:
        before = shared(store)
        with pytest.raises(BundleError) as refused:
            import_bundle(store, path, accept_erasures=True)
        assert refused.value.problem == "bundle_not_for_me"
        assert shared(store) == before
        return
    report = import_bundle(store, path, accept_erasures=True)
    assert report.own or report.seen_before or report.total >= 0


def _machine(regime: str) -> type[Laptops]:
    class Machine(Laptops):
        pass

    Machine.regime = regime
    original = Machine.teardown

    def teardown(self: Laptops) -> None:
        try:
            if self.laptops:
                self.check_convergence()
        finally:
            original(self)

    Machine.teardown = teardown  # type: ignore[method-assign]
    return Machine


LAWS = settings(
    # a few hundred runs in CI across the three clock regimes; DYZ_LAW_EXAMPLES for longer
    max_examples=int(os.environ.get("DYZ_LAW_EXAMPLES", "100")),
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

TestRandomClocks = _machine("random").TestCase
TestRandomClocks.settings = LAWS
TestFrozenClocks = _machine("frozen").TestCase
TestFrozenClocks.settings = LAWS
TestClocksHoursApart = _machine("skewed").TestCase
TestClocksHoursApart.settings = LAWS
