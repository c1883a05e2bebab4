"""Properties that hold for any input: parsing of what people type, and the clock."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.core.hlc import Clock, parse
from danyuanzhang.errors import DyzError
from danyuanzhang.text.inputs import parse_date, parse_name, parse_phone, parse_ref
from danyuanzhang.text.phones import mask_phone

parts = st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True)


@given(parts, parts, parts)
def test_a_reference_reads_back_as_itself(building: str, unit: str, room: str) -> None:
    ref = parse_ref(f"{building}-{unit}-{room}")
    assert str(ref) == f"{building}-{unit}-{room}"
    assert parse_ref(str(ref)) == ref
    assert parse_ref(f"{building}栋{unit}单元{room}") == ref


@given(st.text(max_size=40))
def test_any_text_is_either_parsed_or_refused_with_a_user_error(text: str) -> None:
    for parser in (parse_ref, parse_date, parse_phone, parse_name):
        try:
            parser(text)
        except DyzError as error:
            assert error.message()


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_masked_phones_keep_only_the_ends(phone: str) -> None:
    masked = mask_phone(parse_phone(phone))
    assert masked == phone[:3] + "****" + phone[-4:]


# walls close together make ties and counters; walls far apart, a clock running ahead or behind
walls = st.one_of(st.integers(0, 20), st.integers(0, 2**40))
# what this laptop does next: a change (tick), a roll's many changes at once (ticks), or a
# stamp seen on another laptop, made by that laptop's clock at its own wall time
steps = st.one_of(
    st.tuples(st.just("tick"), walls, st.just(1)),
    st.tuples(st.just("ticks"), walls, st.integers(0, 5)),
    st.tuples(st.just("observe"), walls, st.just(1)),
)


@given(st.lists(steps, min_size=1, max_size=50))
def test_every_stamp_sorts_after_every_stamp_issued_or_observed_before_it(
    actions: list[tuple[str, int, int]],
) -> None:
    clock, other = Clock(None), Clock(None)
    before: list[str] = []
    for action, wall, count in actions:
        if action == "observe":
            seen = other.tick("b" * 32, now_ms=wall)
            clock.observe(seen)
            before.append(seen)
            continue
        stamps = clock.ticks("a" * 32, count, now_ms=wall) if action == "ticks" else []
        if action == "tick":
            stamps = [clock.tick("a" * 32, now_ms=wall)]
        for stamp in stamps:
            assert all(stamp > earlier for earlier in before), (stamp, before)
            assert parse(stamp).device == "a" * 32
            before.append(stamp)
        assert clock.latest == max(before, default=None)


def test_a_stamp_observed_between_two_ticks_is_passed_by_the_second() -> None:
    clock = Clock(None)
    first = clock.tick("a" * 32, now_ms=5)
    seen = Clock(None).tick("b" * 32, now_ms=9)
    clock.observe(seen)
    assert first < seen < clock.tick("a" * 32, now_ms=5) == f"000000000000009-0000000001-{'a' * 32}"


def test_a_wall_time_before_1970_is_written_as_zero() -> None:
    from danyuanzhang.core.hlc import AHEAD_LIMIT_MS, latest_allowed, wall_text

    assert wall_text(-5) == wall_text(0) == "0" * 15
    assert wall_text(1) == "0" * 14 + "1"
    assert latest_allowed(7) == wall_text(7 + AHEAD_LIMIT_MS) == "000000086400007"


def test_the_counter_runs_to_its_limit_and_then_steps_a_millisecond_on() -> None:
    """The counter's last value is 10**9 - 1, the largest the bundle reader takes (ten digits
    starting with 0); one more tick in the same millisecond moves to the next one."""
    from danyuanzhang.core.hlc import COUNTER_LIMIT
    from danyuanzhang.sync.bundle.reader import HLC

    device = "a" * 32
    assert COUNTER_LIMIT == 10**9
    clock = Clock(f"000000000000007-0999999998-{device}")
    at_the_edge = clock.tick(device, now_ms=7)
    assert at_the_edge == f"000000000000007-0999999999-{device}"
    assert clock.tick(device, now_ms=7) == f"000000000000008-0000000000-{device}"
    assert clock.tick(device, now_ms=7) == f"000000000000008-0000000001-{device}"
    assert HLC.fullmatch(at_the_edge) and not HLC.fullmatch(f"000000000000007-1000000000-{device}")
    many = Clock(f"000000000000007-0999999996-{device}").ticks(device, 4, now_ms=7)
    assert many == [
        f"000000000000007-0999999997-{device}",
        f"000000000000007-0999999998-{device}",
        f"000000000000007-0999999999-{device}",
        f"000000000000008-0000000000-{device}",
    ]
    below = Clock(f"000000000000007-0999999990-{device}").ticks(device, 9, now_ms=7)
    assert below[-1] == f"000000000000007-0999999999-{device}"


@given(
    st.integers(0, 10**14),
    st.integers(0, 10**10 - 1),
    st.lists(st.integers(0, 10**14), min_size=1, max_size=20),
)
def test_the_clock_writes_stamps_the_reader_takes_even_from_a_poisoned_counter(
    wall: int, counter: int, walls: list[int]
) -> None:
    from danyuanzhang.core.hlc import Stamp
    from danyuanzhang.sync.bundle.reader import HLC

    start = Stamp(wall, counter, "b" * 32).text()
    clock = Clock(start)
    issued = [clock.tick("a" * 32, now_ms=now) for now in walls]
    assert issued == sorted(issued) and issued[0] > start
    assert all(HLC.fullmatch(stamp) for stamp in issued)


def test_new_ids_are_version_4_uuids() -> None:
    import uuid

    from danyuanzhang.store import new_id

    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(uuid.UUID(i).version == 4 and uuid.UUID(i).hex == i for i in ids)


@given(st.text(max_size=60))
def test_bundle_values_accept_exactly_what_the_commands_write(text: str) -> None:
    """The quick path for names, notes and phones agrees with the full checks."""
    from danyuanzhang.sync.bundle.values import READERS, BadValue
    from danyuanzhang.text.inputs import parse_free_text, parse_name, parse_phone

    for kind, full_check in (
        ("name", parse_name),
        ("text", parse_free_text),
        ("phone", parse_phone),
    ):
        try:
            canonical = full_check(text) == text
        except DyzError:
            canonical = False
        try:
            accepted = READERS[kind](text) == text
        except BadValue:
            accepted = False
        assert accepted == canonical, (kind, text)


@given(st.binary(max_size=300))
def test_the_builtin_digest_is_sha256(data: bytes) -> None:
    import hashlib

    from danyuanzhang.system.digest import sha256

    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=8,
)


@given(json_values)
def test_a_value_reads_back_as_json_reads_it(value: object) -> None:
    """`decode`'s quick ways (a string, a flag, a birth year) give what json gives."""
    import json

    from danyuanzhang.core.changes import decode, encode

    assert decode(encode(value)) == value
    text = json.dumps(value)
    assert decode(text) == json.loads(text)


@given(st.from_regex(r"-?[0-9０-９٠-٩²]{1,4}", fullmatch=True))
def test_digits_json_would_refuse_are_not_read_as_a_number(text: str) -> None:
    import json

    from danyuanzhang.core.changes import decode

    try:
        expected = json.loads(text)
    except ValueError:
        expected = ValueError
    try:
        got = decode(text)
    except ValueError:
        got = ValueError
    assert got == expected


def test_the_laws_draw_as_the_environment_asks() -> None:
    """CI: the same examples every run; DYZ_LAW_EXAMPLES: that many, from random seeds."""
    import os

    from hypothesis import settings

    profile = settings.get_current_profile_name()
    if os.environ.get("DYZ_LAW_EXAMPLES"):
        assert profile == "dyz-explore" and not settings.default.derandomize
        assert settings.default.max_examples == int(os.environ["DYZ_LAW_EXAMPLES"])
    elif os.environ.get("CI"):
        assert profile == "dyz-ci" and settings.default.derandomize
    else:
        assert profile == "default"


def test_a_law_drawing_its_own_random_examples_is_named_in_ci() -> None:
    from types import SimpleNamespace

    from hypothesis import settings
    from hypothesis.stateful import RuleBasedStateMachine, rule

    from tests.conftest import derandomized

    @settings(settings.get_profile("default"))
    @given(st.integers())
    def own_seed(n: int) -> None: ...

    @settings(settings.get_profile("dyz-ci"))
    @given(st.integers())
    def fixed(n: int) -> None: ...

    class Machine(RuleBasedStateMachine):
        @rule()
        def step(self) -> None: ...

    case = Machine.TestCase
    assert not derandomized(SimpleNamespace(obj=own_seed))  # type: ignore[arg-type]
    assert derandomized(SimpleNamespace(obj=fixed))  # type: ignore[arg-type]
    case.settings = settings(settings.get_profile("default"))
    assert not derandomized(SimpleNamespace(cls=case, obj=case.runTest))  # type: ignore[arg-type]
    case.settings = settings(settings.get_profile("dyz-ci"))
    assert derandomized(SimpleNamespace(cls=case, obj=case.runTest))  # type: ignore[arg-type]
