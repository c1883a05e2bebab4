"""The revocation laws, on simulated laptops of a community: an office, two unit heads and a
laptop that will be lost, making changes and passing bundles around in random orders, old
bundles (and the older office lists they carry) imported again anywhere, and the office
revoking any of them at any point.

What must hold in every order of arrival:
- a laptop keeps the newest office list it has seen: an older one, wherever it comes from,
  changes nothing, and a revocation once heard of is never forgotten;
- a laptop that knows of a revocation holds none of that laptop's changes after the last one
  the office accepted, whether they came before the news or are offered after it;
- a bundle refused for a revocation names the revoked laptop and leaves the notebook as it was;
- at the end, once the office's news has gone round, the laptops still on the list hold the
  same notebook and the same list, and take nothing more from a revoked laptop.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from danyuanzhang import store as store_module
from danyuanzhang.errors import DyzError
from danyuanzhang.households import registry as reg_api
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.exporting import export_bundle
from danyuanzhang.sync.importing import import_bundle
from danyuanzhang.sync.members import admit, become_office, office_of, revoke
from tests.test_sync_laws import shared

OFFICE = "社区办公室"
UNITS = ["甲单元长", "乙单元长", "丢失的电脑"]
ESTATE = "新芙蓉之都"
FLATS = ["2-2-301", "2-2-302", "2-2-601", "2-3-101", "2-3-102"]
NAMES = ["刘桂英", "陈志明", "周玉梅"]
HOURS_MS = 3 * 3600 * 1000
BASE_MS = 1_790_000_000_000
# why a bundle may be refused here: it comes from, or relays what was made after, a revocation
REFUSALS = {"bundle_sender_revoked", "bundle_change_after_revoked"}


def held_list(store: Store) -> tuple[str, dict[str, str]]:
    """The office's list a laptop holds: its stamp, and the laptops it revokes with the last of
    their changes that counts."""
    office = office_of(store)
    assert office is not None
    return office.issued, {m.device: m.revoked for m in office.members if m.revoked}


def whole(store: Store) -> dict[str, Any]:
    """What a refused bundle must leave as it was: the shared tables and the list held."""
    rows = shared(store)
    rows["members"] = sorted(tuple(r) for r in store.conn.execute("SELECT * FROM members"))
    rows["office"] = [held_list(store)[0]]
    return rows


class Community(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="dyz-revoke-laws-"))
        self.laptops: list[Store] = []
        self.exported: list[Path] = []
        self.counter = 0
        self.rng = random.Random(0)
        # per laptop, the newest list stamp it held and the revocations it knew of, so far
        self.issued_seen: list[str] = []
        self.revoked_seen: list[set[str]] = []

    def teardown(self) -> None:
        try:
            if self.laptops:
                self.check_the_news_goes_round()
        finally:
            store_module.random_bytes = os.urandom
            for store in self.laptops:
                store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, name: str) -> Path:
        self.counter += 1
        return self.folder / f"{self.counter:04d}-{name}.yaml"

    def _clock(self) -> Any:
        return lambda: BASE_MS + self.rng.randrange(-HOURS_MS, HOURS_MS)

    def name(self, n: int) -> str:
        return self.laptops[n].device()[1]

    def device(self, n: int) -> str:
        return self.laptops[n].device()[0]

    @property
    def office(self) -> Store:
        return self.laptops[0]

    def revoked_at_office(self) -> dict[str, str]:
        return held_list(self.office)[1]

    def alive(self) -> list[int]:
        """The office and the laptops it has not revoked."""
        gone = self.revoked_at_office()
        return [n for n in range(len(self.laptops)) if self.device(n) not in gone]

    @initialize(seed=st.integers(0, 2**32 - 1))
    def community_set_up(self, seed: int) -> None:
        """The office, and three unit heads' laptops admitted the way people do it: a request,
        the fingerprint checked, the request imported again, the office's bundle in return."""
        ids = random.Random(seed)
        self.rng = random.Random(seed + 1)
        store_module.random_bytes = lambda n: bytes(ids.getrandbits(8) for _ in range(n))
        for n, name in enumerate([OFFICE, *UNITS]):
            store = Store.open(self.folder / f"laptop{n}.db")
            store.ensure_device(name)
            store.set_setting("community", "芙蓉南路社区")
            store.wall_clock = self._clock()
            self.laptops.append(store)
        become_office(self.office)
        for n, flat in zip(range(1, 4), FLATS, strict=False):
            unit = self.laptops[n]
            reg_api.add_household(unit, flat, estate=ESTATE)
            request = self._path(f"request-{n}")
            export_bundle(unit, request)
            assert import_bundle(self.office, request).join_request
            admit(self.office, UNITS[n - 1])
            import_bundle(self.office, request)
        for n in range(1, 4):
            welcome = self._path(f"welcome-{n}")
            export_bundle(self.office, welcome, peer=UNITS[n - 1])
            self.exported.append(welcome)
            assert import_bundle(self.laptops[n], welcome).office_trusted == OFFICE
        for n, store in enumerate(self.laptops):
            issued, revoked = held_list(store)
            self.issued_seen.append(issued)
            self.revoked_seen.append(set(revoked))
            del n

    # -- what people do -----------------------------------------------------------------------

    @rule(laptop=st.integers(0, 3), flat=st.sampled_from(FLATS), pick=st.integers(0, 50))
    def register(self, laptop: int, flat: str, pick: int) -> None:
        """A flat registered or a resident added, on any laptop, the lost one too (whoever
        has it now goes on using it)."""
        store = self.laptops[laptop]
        building, unit, room = flat.split("-")
        if not reg.households_at(store, ESTATE, building, unit, room):
            reg_api.add_household(store, flat, estate=ESTATE)
            return
        homes = list(store.conn.execute("SELECT id FROM households ORDER BY id"))
        home = homes[pick % len(homes)]["id"][:12]
        name = NAMES[pick % len(NAMES)]
        try:
            reg_api.add_resident(store, home, name)
        except DyzError as refused:
            assert refused.key == "resident_exists"

    @rule(
        laptop=st.integers(0, 3),
        pick=st.integers(0, 50),
        phone=st.sampled_from(["13812345678", "13900001111"]),
    )
    def edit(self, laptop: int, pick: int, phone: str) -> None:
        store = self.laptops[laptop]
        residents = [r[0] for r in store.conn.execute("SELECT id FROM residents ORDER BY id")]
        if residents:
            with store.transaction():
                store.put("resident", residents[pick % len(residents)], {"phone": phone})

    @precondition(lambda self: len(self.alive()) > 2)
    @rule(member=st.integers(1, 3))
    def the_office_revokes(self, member: int) -> None:
        """A laptop reported lost (most often the lost one; a unit head's too)."""
        if self.device(member) in self.revoked_at_office():
            with pytest.raises(DyzError) as refused:
                revoke(self.office, self.name(member))
            assert refused.value.key == "member_already_revoked"
            return
        revoke(self.office, self.name(member))
        event("a laptop revoked")

    @rule(into=st.integers(1, 2), flat=st.sampled_from(FLATS), pick=st.integers(0, 50))
    def the_lost_laptop_goes_on(self, into: int, flat: str, pick: int) -> None:
        """Whoever has the lost laptop records something and passes it to a unit head, who
        relays it on in turn, to the office or the other unit head (or not)."""
        self.register(3, flat, pick)
        self.exchange(3, into, "for")
        if pick % 3:
            self.exchange(into, 0 if pick % 3 == 1 else 3 - into, "for")

    # -- bundles travelling ----------------------------------------------------------------------

    @rule(
        source=st.integers(0, 3),
        into=st.integers(0, 3),
        mode=st.sampled_from(["for", "for", "all", "news"]),
    )
    def exchange(self, source: int, into: int, mode: str) -> None:
        """`--for` the receiver, `--all`, or a plain export (a unit head's news, sealed to the
        office; the office's, for anyone)."""
        if source == into:
            return
        sender = self.laptops[source]
        path = self._path(f"{source}-to-{into}")
        try:
            made = export_bundle(
                sender,
                path,
                peer=self.name(into) if mode == "for" else None,
                everything=mode == "all",
                plain=mode != "for",  # handed over in person: readable on purpose
            )
        except DyzError as refused:
            assert refused.key == "export_revoked"
            assert self.device(into) in held_list(sender)[1]
            event("nothing more for a revoked laptop")
            return
        if made.nothing_new:
            return
        self.exported.append(path)
        self.arrive(into, path)

    @precondition(lambda self: bool(self.exported))
    @rule(pick=st.integers(0, 10_000), into=st.integers(0, 3))
    def an_old_bundle_again(self, pick: int, into: int) -> None:
        """Any bundle made so far, with the office's list as it was then, imported again
        anywhere: relayed late, found in a chat, or sent twice."""
        self.arrive(into, self.exported[pick % len(self.exported)])
        event("an old bundle imported again")

    def arrive(self, into: int, path: Path) -> None:
        """Import; a refusal must be for a revocation this laptop knows of, and change nothing."""
        from danyuanzhang.sync.bundle.sealing import is_sealed, read_envelope

        store = self.laptops[into]
        if is_sealed(path) and read_envelope(path).for_id != self.device(into):
            return
        before = whole(store)
        try:
            report = import_bundle(store, path, accept_erasures=True)
        except BundleError as refused:
            assert refused.problem in REFUSALS, refused.message()
            if held_list(store)[0] == before["office"][0]:
                assert whole(store) == before, "a refused bundle changed the notebook"
            else:  # the office's newer list it carried revokes a laptop: kept, all the same
                event("a revocation kept from a refused bundle")
            revoked = held_list(store)[1]
            named = {m.name for m in office_of(store).members if m.device in revoked}  # type: ignore[union-attr]
            params = refused.problem_params
            assert params["device" if "device" in params else "name"] in named
            event(f"refused: {refused.problem}")
            return
        if held_list(store)[0] != before["office"][0]:
            event("a newer list taken on")
        if report.revoked_now and shared(store)["changes"] != before["changes"]:
            event("what came before the news taken back")

    # -- what must always hold -------------------------------------------------------------------

    @invariant()
    def the_newest_list_is_kept_and_no_revocation_forgotten(self) -> None:
        if not self.laptops:
            return
        newest = held_list(self.office)[0]
        for n, store in enumerate(self.laptops):
            issued, revoked = held_list(store)
            assert issued >= self.issued_seen[n], f"{self.name(n)} went back to an older list"
            assert set(revoked) >= self.revoked_seen[n], f"{self.name(n)} forgot a revocation"
            assert issued <= newest
            self.issued_seen[n], self.revoked_seen[n] = issued, set(revoked)

    @invariant()
    def nothing_after_a_revocation_is_held(self) -> None:
        for n, store in enumerate(self.laptops):
            for device, last in held_list(store)[1].items():
                if device == self.device(n):
                    continue  # the lost laptop keeps what it made itself
                later = store.conn.execute(
                    "SELECT count(*) FROM changes WHERE device = ? AND hlc > ?", (device, last)
                ).fetchone()[0]
                assert later == 0, f"{self.name(n)} holds changes made after a revocation"

    def check_the_news_goes_round(self) -> None:
        alive = self.alive()
        # the office's news first, then everyone still on the list with everyone, twice round
        trips = [(0, n) for n in alive if n] + [
            (s, t) for _ in range(2) for s in alive for t in alive if s != t
        ]
        for source, into in trips:
            path = self._path(f"final-{source}-{into}")
            if not export_bundle(self.laptops[source], path, peer=self.name(into)).nothing_new:
                import_bundle(self.laptops[into], path, accept_erasures=True)
        states = [whole(self.laptops[n]) for n in alive]
        for state in states[1:]:
            assert state == states[0], "laptops on the list differ once the news went round"
        # whatever the lost laptop sends now is refused everywhere, naming it
        for gone in set(range(len(self.laptops))) - set(alive):
            reg_api.add_household(self.laptops[gone], "9-9-901", estate=ESTATE)
            path = self._path(f"from-{gone}")
            export_bundle(self.laptops[gone], path, everything=True, plain=True)
            for n in alive:
                before = whole(self.laptops[n])
                with pytest.raises(BundleError) as refused:
                    import_bundle(self.laptops[n], path)
                assert refused.value.problem == "bundle_sender_revoked"
                assert refused.value.problem_params["name"] == self.name(gone)
                assert whole(self.laptops[n]) == before


TestRevocationInAnyOrder = Community.TestCase
TestRevocationInAnyOrder.settings = settings(
    max_examples=int(os.environ.get("DYZ_LAW_EXAMPLES", "60")),
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
