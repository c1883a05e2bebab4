"""The merge as pure functions (merge.py), exercised without any database."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.core.changes import Change, encode
from danyuanzhang.core.merge import (
    Incoming,
    Keyed,
    Merge,
    erased_with_household,
    field_state,
    household_named,
    identities,
    key_of,
    name_alike,
    natural_key,
    normalise,
    plan_import,
    states_by_field,
)
from danyuanzhang.core.records import DECLARED, ENTITIES, FLAG_PREFIX, field_label

A, B, C = "a" * 32, "b" * 32, "c" * 32
RECORD = "0" * 32


def change(
    wall: int,
    device: str,
    value: object,
    after: list[Change] = (),  # type: ignore[assignment]
    field: str = "phone",
    record: str = RECORD,
    entity: str = "resident",
) -> Change:
    hlc = f"{wall:015d}-{0:010d}-{device}"
    parents = encode(sorted(p.id for p in after))
    return Change.make(hlc, device[:4], entity, record, "set", field, encode(value), parents)


def test_the_latest_head_shows_and_disagreeing_heads_conflict() -> None:
    first = change(1, A, "13800000001")
    mine, theirs = change(2, A, "13800000002", [first]), change(3, B, "13800000003", [first])
    state = field_state([first, mine, theirs])
    assert state.value == encode("13800000003") and state.conflict
    assert {h.id for h in state.heads} == {mine.id, theirs.id}
    settled = change(4, A, "13800000002", [mine, theirs])
    assert field_state([first, mine, theirs, settled]) == (
        settled,
        (settled,),
        (settled,),
        False,
    )


def test_one_change_is_its_own_state() -> None:
    only = change(1, A, "13800000001")
    assert field_state([only]) == (only, (only,), (only,), False)
    assert field_state([]) == (None, (), (), False) and field_state([]).value is None


def test_the_heads_are_in_stamp_order_and_the_latest_stamp_wins_whatever_the_ids() -> None:
    """Ids are hashes: the head stamped last wins even where its id sorts first."""
    first = change(1, A, "13800000001")
    for n in range(100):
        early, late = change(2, A, f"1380000{n:04d}", [first]), change(3, B, "13900000003", [first])
        if early.id > late.id:
            break
    state = field_state([late, first, early])
    assert state.heads == state.live == (early, late)
    assert state.winner == late and state.conflict


def test_changes_that_replace_each_other_are_all_heads() -> None:
    """Never made by dyz (an id is a hash over its parents), but read without looping: when
    every change is replaced, every change is a head, in stamp order."""
    for n in range(100):  # the one stamped first with the id that sorts last
        one, other = change(1, A, f"1380000{n:04d}"), change(2, B, "13800000002")
        if one.id > other.id:
            break
    one = one._replace(parents=encode([other.id]))
    other = other._replace(parents=encode([one.id]))
    state = field_state([other, one])
    assert state.heads == (one, other) and state.winner == other and state.conflict


def test_equal_values_are_no_conflict() -> None:
    one, other = change(1, A, "13800000001"), change(2, B, "13800000001")
    assert not field_state([one, other]).conflict


def test_a_copy_of_the_roll_is_not_news_to_a_laptop_that_corrected_it() -> None:
    """Three laptops import one roll; one corrects the phone. However late the others'
    copies were stamped, the correction shows, with no conflict."""
    office, unit, building = change(5, A, "186"), change(1, B, "186"), change(9, C, "186")
    corrected = change(2, B, "139", [unit])
    state = field_state([office, unit, building, corrected])
    assert state.value == encode("139") and not state.conflict
    assert {h.id for h in state.live} == {corrected.id}


def test_values_alike_are_one_value() -> None:
    """Two copies of one household, named by either id, are no conflict."""
    one, other = change(1, A, "h1", field="household"), change(2, B, "h2", field="household")
    assert field_state([one, other]).conflict
    alike = lambda v: encode("h") if v in (encode("h1"), encode("h2")) else v  # noqa: E731
    assert not field_state([one, other], alike).conflict


@given(st.permutations(list(range(5))))
def test_the_state_does_not_depend_on_the_order_changes_arrive(order: list[int]) -> None:
    first = change(1, A, "1")
    pool = [first, change(2, B, "2", [first]), change(3, C, "3", [first]), change(4, A, "1")]
    pool.append(change(5, B, "5", [pool[1]]))
    assert field_state([pool[i] for i in order]) == field_state(pool)


def live_by_definition(changes: list[Change], heads: tuple[Change, ...]) -> set[str]:
    """The heads still in the running, straight from the definition: a head is out when another
    head of another value descends from a change holding its value."""
    by_id = {c.id: c for c in changes}

    def values_before(change: Change) -> set[str | None]:
        values, pending, visited = set(), change.parent_ids(), set()
        while pending:
            parent = by_id.get(pending.pop())
            if parent is not None and parent.id not in visited:
                visited.add(parent.id)
                values.add(parent.value)
                pending.extend(parent.parent_ids())
        return values

    seen = {h.id: values_before(h) for h in heads}
    live = {
        h.id for h in heads if not any(o.value != h.value and h.value in seen[o.id] for o in heads)
    }
    return live or {h.id for h in heads}


@st.composite
def histories(draw: st.DrawFn) -> list[Change]:
    """Edits of one field on three laptops, each replacing some of the edits before it."""
    made: list[Change] = []
    for wall in range(draw(st.integers(2, 12))):
        replaced = draw(st.lists(st.sampled_from(made), unique=True, max_size=3)) if made else []
        device = draw(st.sampled_from([A, B, C]))
        made.append(
            change(
                draw(st.integers(1, 20)) * 100 + wall,
                device,
                draw(st.sampled_from("123")),
                replaced,
            )
        )
    return made


@given(histories())
def test_the_heads_in_the_running_are_those_the_definition_names(made: list[Change]) -> None:
    state = field_state(made)
    assert {h.id for h in state.live} == live_by_definition(made, state.heads)


def test_thousands_of_edits_of_one_field_are_read_in_one_pass() -> None:
    """A hostile bundle's shape: a long run of edits, then thousands of heads of other values
    replacing its end; each change is looked at a bounded number of times."""
    looked_at = 0

    def counted(value: str | None) -> str | None:
        nonlocal looked_at
        looked_at += 1
        return value

    run = [change(1, A, "0")]
    for n in range(1, 2_000):
        run.append(change(1 + n, A, str(n % 7), [run[-1]]))
    fanned = [change(20_000 + n, B, f"x{n}", [run[-1]]) for n in range(2_000)]
    state = field_state(run + fanned, counted)
    assert state.conflict and len(state.live) == 2_000
    assert looked_at <= 4 * len(run + fanned)


def test_natural_keys_come_from_first_values_and_forgive_spacing() -> None:
    born = change(1, A, "新芙蓉之都", field="estate", entity="household")
    parts = [
        change(1, A, value, field=name, entity="household")
        for name, value in (("building", "2"), ("unit", "2"), ("room", "320"))
    ]
    corrected = change(7, A, "302", [parts[2]], field="room", entity="household")
    keyed = natural_key("household", [born, *parts, corrected])
    assert keyed is not None and keyed.key == key_of(
        "household", {"estate": "新芙蓉之都", "building": "2", "unit": "2", "room": "320"}
    )
    assert normalise("刘 桂英") == normalise("刘桂英") == normalise("刘\u3000桂英")
    assert normalise("ｎｏ") == "no"
    name = change(1, A, "刘 桂英", field="name")
    home = change(1, A, "h2", field="household")
    resident = natural_key("resident", [name, home], {"h2": "h1"})
    assert resident is not None and resident.key == key_of(
        "resident", {"household": "h1", "name": "刘桂英"}
    )
    assert natural_key("resident", [home]) == Keyed(RECORD, None, home.hlc)  # no name yet


def test_identities_one_key_one_class_the_first_registered_stands_for_it() -> None:
    records = [Keyed("r1", "k", "2"), Keyed("r2", "k", "1"), Keyed("r3", "other", "0")]
    assert identities(records, []) == {"r1": "r2", "r2": "r2", "r3": "r3"}


def test_merges_in_opposite_directions_agree_on_the_later() -> None:
    records = [Keyed("x", None, "1"), Keyed("y", None, "2")]
    one, two = Merge("m1", "x", "y", "5"), Merge("m2", "y", "x", "6")
    assert identities(records, [one, two]) == {"x": "y", "y": "y"}
    assert identities(records, [two, one]) == identities(records, [one, two])


def test_a_merge_with_a_record_not_here_joins_nothing() -> None:
    assert identities([Keyed("x", None, "1")], [Merge("m", "x", "gone", "5")]) == {"x": "x"}


@given(
    st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(["k1", "k2", None])), max_size=6),
    st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("abcdef")), max_size=4),
    st.randoms(),
)
def test_identities_depend_on_what_is_known_not_on_its_order(
    records: list[tuple[str, str | None]], merges: list[tuple[str, str]], rng: object
) -> None:
    keyed = list({r: Keyed(r, k, str(ord(r))) for r, k in records}.values())
    edges = [Merge(f"m{i}", a, b, str(i)) for i, (a, b) in enumerate(merges)]
    shuffled_keyed, shuffled_edges = keyed[:], edges[:]
    rng.shuffle(shuffled_keyed)  # type: ignore[attr-defined]
    rng.shuffle(shuffled_edges)  # type: ignore[attr-defined]
    mapping = identities(keyed, edges)
    assert identities(shuffled_keyed, shuffled_edges) == mapping
    for canonical in mapping.values():
        assert mapping[canonical] == canonical  # the one standing for a class stands for itself


def test_what_an_import_writes_keeps_and_drops() -> None:
    home = change(1, A, "新芙蓉之都", field="estate", entity="household", record="h" * 32)
    gone = Change.make(home.hlc[:26] + "1-" + A, "a", "household", "g" * 32, "delete", "", None)
    resident = change(1, A, "g" * 32, field="household", record="r" * 32)
    own_delete = Change.make(resident.hlc, "a", "resident", "r" * 32, "delete", "", None)
    plan = plan_import(
        [
            Incoming("household", "h" * 32, [home, home]),
            Incoming("household", "g" * 32, [gone]),
            Incoming("resident", "r" * 32, [resident, own_delete]),
        ],
        held={},
        tombstoned=set(),
        households_named={"r" * 32: "g" * 32},
    )
    assert plan.insert == [home, gone, own_delete]  # an erasure of its own stays
    assert [g.record for g in plan.fresh] == ["h" * 32]
    assert plan.erased == [("household", "g" * 32), ("resident", "r" * 32)]
    assert plan.dropped == 1
    known = plan_import([Incoming("household", "h" * 32, [home])], {"h" * 32: {home.id}}, set(), {})
    assert known.insert == [] and known.touched == {} and known.fresh == []


def test_a_need_of_an_erased_flat_comes_without_its_words() -> None:
    """A petition of a household erased here arrives: its text and source are dropped, what
    it was about stays; a step of it keeps all it has."""
    flat, need = "g" * 32, "p" * 32
    text = change(1, A, "楼上漏水", field="text", record=need, entity="petition")
    category = change(1, A, "repair", field="category", record=need, entity="petition")
    source = change(2, A, "电话", field="source", record=need, entity="petition")
    plan = plan_import(
        [Incoming("petition", need, [text, category, source])],
        held={},
        tombstoned={("household", flat)},
        households_named={need: flat},
    )
    assert plan.insert == [category] and plan.dropped == 2
    assert plan.fresh == [Incoming("petition", need, [category])]
    elsewhere = plan_import(
        [Incoming("petition", need, [text, category, source])],
        held={},
        tombstoned={("household", flat)},
        households_named={need: "h" * 32},
    )
    assert elsewhere.insert == [text, category, source] and elsewhere.dropped == 0
    # a tombstone of another kind of record with the flat's id erases no flat
    other = plan_import(
        [Incoming("petition", need, [text])], {}, {("resident", flat)}, {need: flat}
    )
    assert other.insert == [text] and other.dropped == 0


def test_a_record_erased_here_takes_only_the_erasures_it_lacks() -> None:
    record = "r" * 32
    name = change(1, A, "刘桂英", record=record, field="name")
    phone = change(2, A, "13812345678", record=record)
    delete = Change.make(f"{3:015d}-{0:010d}-{A}", "a", "resident", record, "delete", "", None)
    again = Change.make(f"{4:015d}-{0:010d}-{B}", "b", "resident", record, "delete", "", None)
    plan = plan_import(
        [Incoming("resident", record, [name, phone, delete, again, again])],
        held={record: {name.id, delete.id}},
        tombstoned={("resident", record)},
        households_named={},
    )
    assert plan.insert == [again] and plan.dropped == 2
    assert plan.erased == [] and plan.fresh == [] and plan.touched == {}


def test_a_known_record_takes_the_changes_it_lacks_once_and_names_their_fields() -> None:
    record = "r" * 32
    name = change(1, A, "刘桂英", record=record, field="name")
    phone = change(2, A, "13812345678", record=record)
    born = change(3, B, 1941, record=record, field="born")
    newcomer = change(1, C, "王建国", record="s" * 32, field="name")
    plan = plan_import(
        [
            Incoming("resident", "s" * 32, [newcomer]),
            Incoming("resident", record, [name, phone, phone, born]),
        ],
        held={record: {name.id}},
        tombstoned=set(),
        households_named={},
    )
    assert plan.insert == [newcomer, phone, born]
    assert plan.touched == {record: {"phone", "born"}}
    assert [g.record for g in plan.fresh] == ["s" * 32] and plan.dropped == 0
    fresh = plan_import([Incoming("resident", record, [name, name])], {}, set(), {})
    assert fresh.insert == [name] and fresh.fresh == [Incoming("resident", record, [name])]


def test_residents_go_with_a_household_erased_in_the_same_batch() -> None:
    flat = "g" * 32
    gone = Change.make(f"{5:015d}-{0:010d}-{A}", "a", "household", flat, "delete", "", None)
    residents = [change(1, A, "刘桂英", record=r * 32, field="name") for r in "rs"]
    needs = [
        [
            change(1, A, "楼上漏水", field="text", record=n * 32, entity="petition"),
            change(1, A, "repair", field="category", record=n * 32, entity="petition"),
        ]
        for n in "pq"
    ]
    plan = plan_import(
        [
            Incoming("household", flat, [gone]),
            *(Incoming("resident", c.record, [c]) for c in residents),
            *(Incoming("petition", text.record, [text, category]) for text, category in needs),
        ],
        held={},
        tombstoned=set(),
        households_named={c.record: flat for c in [*residents, *(n[0] for n in needs)]},
    )
    # the residents gone with it, and the words of its needs
    assert plan.insert == [gone, needs[0][1], needs[1][1]] and plan.dropped == 4
    assert [g.record for g in plan.fresh] == ["p" * 32, "q" * 32]
    assert plan.erased == [("household", flat)]


def test_what_is_erased_now_is_listed_in_the_order_records_are_declared() -> None:
    erasures = [
        Change.make(f"{5:015d}-{0:010d}-{A}", "a", entity, record, "delete", "", None)
        for entity, record in (("hazard", "a" * 32), ("household", "b" * 32))
    ]
    plan = plan_import([Incoming(c.entity, c.record, [c]) for c in erasures], {}, set(), {})
    assert plan.erased == [("household", "b" * 32), ("hazard", "a" * 32)]


def test_records_without_a_key_join_no_class_and_leave_the_keyed_ones_alone() -> None:
    records = [Keyed("a", None, "1"), Keyed("b", "k", "2"), Keyed("c", "k", "3")]
    assert identities(records, []) == {"a": "a", "b": "b", "c": "b"}


def test_residents_go_with_the_households_erased() -> None:
    named = {"r1": "h1", "r2": "h2", "r3": None}
    assert erased_with_household(named, {"h1"}) == {"r1"}
    assert erased_with_household(named, set()) == set()
    assert erased_with_household(named, {"h1", "h2"}) == {"r1", "r2"}


def test_each_field_is_merged_with_its_own_idea_of_alike() -> None:
    spaced, plain = change(1, A, "郑 德华", field="name"), change(2, B, "郑德华", field="name")
    one, other = change(1, A, "139"), change(2, B, "138")
    delete = Change.make(f"{3:015d}-{0:010d}-{A}", "a", "resident", RECORD, "delete", "", None)
    states = states_by_field([spaced, plain, one, other, delete], {"name": name_alike})
    assert set(states) == {"name", "phone"}
    assert not states["name"].conflict and states["phone"].conflict
    assert states_by_field([spaced, plain])["name"].conflict
    assert name_alike(encode("郑 德华")) == name_alike(encode("郑德华")) == encode("郑德华")
    assert name_alike(encode(1941)) == encode(1941) and name_alike(None) is None


def test_a_value_seen_through_a_parent_from_elsewhere_is_still_overtaken() -> None:
    """A change replacing one this laptop never received (a part of the history) and one it
    has: the value it replaced is out of the running all the same."""
    first = change(1, A, "186")
    unseen = [change(2, C, f"17{n}", field=f"f{n}") for n in range(20)]
    corrected = change(3, B, "139", [*unseen, first])
    copy = change(9, C, "186")
    state = field_state([first, corrected, copy])
    assert state.value == encode("139") and not state.conflict


def test_a_resident_goes_with_the_household_it_was_registered_in() -> None:
    first = change(1, A, "h1", field="household")
    later = change(5, A, "h2", [first], field="household")
    assert household_named([first, later]) == "h2"
    assert household_named([later, first], first=True) == "h1"


def test_every_record_type_and_field_has_a_name_in_both_languages() -> None:
    from danyuanzhang.text.i18n import set_lang

    for spec in DECLARED:
        assert all(spec.label) and spec.name in ENTITIES
        for field in spec.fields:
            zh, en = field.label
            assert zh and en and zh != field.name and any("\u4e00" <= ch <= "\u9fff" for ch in zh)
            for lang, word in (("zh", zh), ("en", en)):
                set_lang(lang)
                assert field_label(spec.name, field.name) == word
    set_lang("zh")
    assert field_label("resident", FLAG_PREFIX + "elderly_alone") == "标记“独居老人”"
    set_lang(None)
