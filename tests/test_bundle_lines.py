"""The line reader (bundle/lines.py) beside the event walk (yamlwalk.py).

The law: whatever the line reader reads, it reads exactly as the event walk does; whatever it is
not sure of, it leaves to the walk. Bundles dyz writes take the fast way; bundles edited by
hand, or forged, are reshaped here by hypothesis, resealed, and given to both readers — and
most of them must still take the fast way, or the law would hold by never being tested.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from danyuanzhang.core.changes import Change, decode, encode
from danyuanzhang.store import Store, new_id
from danyuanzhang.sync.bundle import lines, reader, writer
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.bundle.reader import (
    Bundle,
    ReadAgain,
    content_checksum,
    read_bundle,
    source_from_bytes,
)
from danyuanzhang.sync.bundle.values import READERS, BadValue
from danyuanzhang.sync.exporting import export_bundle

AUTHOR = "周玉梅的电脑"
# notes that make the writer quote, escape and reach outside the Basic Multilingual Plane
NOTES = [
    '楼道堆物 "纸箱"',
    "C:\\楼道\\照片",
    "tab\there",
    "奶奶 👵 住 3 楼",
    "¥5 · naïve — ok",
    "奶奶\u3000住三楼 👵",  # a full-width space beside an emoji: once exported as a surrogate pair
    "",
]
EXAMPLES = int(os.environ.get("DYZ_LAW_EXAMPLES", "100"))


@functools.cache
def written() -> tuple[str, str, str]:
    """(a bundle dyz wrote, the id of its resident, the hlc of the resident's name change)"""
    folder = Path(tempfile.mkdtemp(prefix="dyz-lines-"))
    store = Store.open(folder / "unit.db")
    store.ensure_device(AUTHOR)
    with store.transaction():
        for number, note in enumerate(NOTES):
            household = new_id()
            fields = {"estate": "新芙蓉之都", "building": "2", "unit": "2", "room": f"30{number}"}
            store.put("household", household, {**fields, "note": note or None}, new=True)
            store.put(
                "household", household, {"note": f"{note} 已复查".strip()}
            )  # names its parent
            if number % 2:
                store.put("household", household, {"note": None})  # a clear
        resident = new_id()
        store.put(
            "resident",
            resident,
            {"household": household, "name": "刘桂英", "phone": "0731123456"},
            new=True,
        )
        gone = new_id()
        store.put("resident", gone, {"household": household, "name": "王建国"}, new=True)
        store.erase("resident", gone)  # a delete
    path = folder / "bundle.yaml"
    export_bundle(store, path, everything=True, plain=True)
    store.close()
    text = path.read_text(encoding="utf-8")
    hlc = re.search(r'hlc: "([^"]+)", by: "[^"]+", set: "name", to: "刘桂英"', text)
    assert hlc is not None
    return text, resident, hlc.group(1)


def reseal(text: str) -> bytes:
    """The text with the checksum its content now has, as a careful forger would."""
    data = text.encode("utf-8")
    try:
        found = content_checksum(source_from_bytes(data))
    except BundleError:
        return data
    return re.sub(rb'checksum: "sha256:[0-9a-f]+"', f'checksum: "sha256:{found}"'.encode(), data)


Refusal = tuple[str, int | None, dict[str, object]]
Verdict = Bundle | Refusal


def refusal(error: BundleError) -> Refusal:
    return error.problem, error.line, error.problem_params


def by_events(data: bytes) -> Verdict:
    try:
        return read_bundle(source_from_bytes(data), way="events")
    except BundleError as error:
        return refusal(error)


def as_written(data: bytes) -> Verdict | None:
    """The line reader's verdict, or None where it stands aside for the walk."""
    try:
        return read_bundle(source_from_bytes(data), way="as_written")
    except ReadAgain as again:
        return None if again.refused is None else refusal(again.refused)
    except BundleError as error:
        return refusal(error)


def values(bundle: Bundle, field: str) -> set[object]:
    return {decode(c.value) for c in bundle.changes if c.field == field}


def test_every_kind_of_line_dyz_writes_is_read_as_written() -> None:
    text = written()[0]
    for piece in ("after: [", "clear: ", 'delete: "yes"', "\\\\", '\\"', "\\t", "👵"):
        assert piece in text, piece
    data = text.encode("utf-8")
    fast = as_written(data)
    assert isinstance(fast, Bundle)
    assert fast == by_events(data)
    assert len(fast.changes) == text.count("  - {id:")
    assert values(fast, "note") >= {
        '楼道堆物 "纸箱" 已复查',
        "C:\\楼道\\照片 已复查",
        "tab\there 已复查",
        "奶奶\u3000住三楼 👵 已复查",
    }


def test_a_body_read_in_chunks_is_read_whole(monkeypatch) -> None:
    data = written()[0].encode("utf-8")
    whole = as_written(data)
    monkeypatch.setattr(reader, "CHUNK", 64)  # a chunk boundary in nearly every record
    assert isinstance(whole, Bundle)
    assert as_written(data) == whole


def test_windows_line_ends_and_a_byte_order_mark_read_the_same() -> None:
    """Notepad, a mail client or a chat app: \\r\\n line ends, a BOM. The same content, the
    same checksum, read line by line still."""
    text = written()[0]
    plain = as_written(text.encode("utf-8"))
    windows = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert isinstance(plain, Bundle)
    assert as_written(windows) == plain == by_events(windows)


def test_a_bundle_not_in_the_written_shape_goes_to_the_walk_and_is_still_read() -> None:
    text = written()[0]
    reordered = reseal(text.replace('  - {id: "', '  - {"id": "'))
    assert as_written(reordered) is None
    assert isinstance(read_bundle(source_from_bytes(reordered)), Bundle)
    assert read_bundle(source_from_bytes(reordered)) == by_events(reordered)


def test_a_bundle_reshaped_part_way_is_read_again_by_the_walk() -> None:
    """The shape breaks only near the end, after records went on: the reader says so
    (ReadAgain), and the importer reads it again from its events."""
    text = written()[0]
    last = text.rindex('  - {id: "')
    reshaped = reseal(text[:last] + '  - {"id": "' + text[last + len('  - {id: "') :])
    with pytest.raises(ReadAgain):
        read_bundle(source_from_bytes(reshaped), way="as_written")
    assert read_bundle(source_from_bytes(reshaped)) == by_events(reshaped)


def test_a_refusal_is_the_same_from_either_reader() -> None:
    text = written()[0]
    wrong = reseal(text.replace('by: "周玉梅的电脑"', 'by: "周玉梅的电"', 1))  # its id is now wrong
    first_change = next(n for n, line in enumerate(text.splitlines(), 1) if "  - {id:" in line)
    assert as_written(wrong) == ("bundle_bad_id", first_change, {}) == by_events(wrong)
    with pytest.raises(BundleError) as refused:
        read_bundle(source_from_bytes(wrong))
    assert refusal(refused.value) == by_events(wrong)


def test_the_progress_heard_never_goes_back(monkeypatch) -> None:
    text = written()[0]
    monkeypatch.setattr(reader, "PROGRESS_EVERY", 1)
    heard: list[float] = []
    reader.read(
        source_from_bytes(text.encode("utf-8")),
        lambda *_: None,
        reader.forward_only(lambda _, done: heard.append(done)),
    )
    assert len(heard) > 20 and heard == sorted(heard) and all(0 < d <= 1 for d in heard)


@pytest.mark.parametrize(
    "reshape",
    [
        pytest.param(lambda head: head + "...\n", id="a document end before body"),
        pytest.param(
            lambda head: head.replace('format: "dyz-bundle"', "body: []\nformat: x"),
            id="body twice",
        ),
        pytest.param(lambda head: head.replace("\nformat:", "\n format:"), id="an indented key"),
        pytest.param(lambda head: head.replace("\n", "\r\n", 3), id="carriage returns"),
        pytest.param(lambda head: head.replace("# dyz", "--- # dyz", 1), id="an explicit start"),
        pytest.param(
            lambda head: (
                "{"
                + ", ".join(line for line in head.splitlines() if line and not line.startswith("#"))
                + "}\n"
            ),
            id="a flow mapping",
        ),
    ],
)
def test_a_header_in_another_shape_is_left_to_the_walk(reshape) -> None:
    text = written()[0]
    start = text.index("\nbody:\n") + 1
    data = reseal(reshape(text[:start]) + text[start:])
    fast = as_written(data)
    assert fast is None or fast == by_events(data)
    try:
        verdict: Verdict = read_bundle(source_from_bytes(data))
    except BundleError as error:
        verdict = refusal(error)
    assert verdict == by_events(data)


def test_other_programs_spellings_of_a_bundle_are_read_as_the_same_bundle() -> None:
    """PyYAML in block style (keys sorted, body first), and JSON, which is YAML: the same
    content, the checksum that dyz wrote still good."""
    text = written()[0]
    original = by_events(text.encode("utf-8"))
    assert isinstance(original, Bundle)
    loaded = yaml.safe_load(text)
    for spelt in (
        yaml.safe_dump(loaded, allow_unicode=True, default_flow_style=False),
        yaml.safe_dump(loaded),  # non-ASCII escaped, long lines folded
        json.dumps(loaded, ensure_ascii=False, indent=2),
        json.dumps(loaded),
    ):
        again = by_events(spelt.encode("utf-8"))
        assert isinstance(again, Bundle), again
        assert again.header == original.header  # the checksum dyz wrote held
        assert [r for r, _ in again.records] == [r for r, _ in original.records]


def the_law(data: bytes, taken: list[bool]) -> None:
    fast = as_written(data)
    walked = by_events(data)
    event(
        f"read as written: {fast is not None}; the walk: {'read' if isinstance(walked, Bundle) else walked[0]}"
    )
    taken.append(fast is not None)
    if isinstance(fast, Bundle):
        assert fast == walked
    elif fast is not None:  # refused by the line reader: the walk refuses too, its word final
        assert not isinstance(walked, Bundle)


def most(taken: list[bool]) -> None:
    assert len(taken) >= min(EXAMPLES, 20)
    assert sum(taken) > len(taken) / 2, f"the line reader read {sum(taken)} of {len(taken)}"


# What a hand in an editor, or a forger, might put in a bundle: YAML's punctuation, its escapes
# (some JSON's, some YAML's own), and characters YAML forbids or reads as line breaks.
PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        " # note",
        "-",
        "- ",
        "...",
        "---",
        "? ",
        ":",
        ": ",
        ",",
        "{",
        "}",
        "[",
        "]",
        "'",
        '"',
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "|",
        ">",
        "%",
        "@",
        "`",
        "\\",
        '\\"',
        "\\\\",
        "\\/",
        "\\n",
        "\\t",
        "\\b",
        "\\0",
        "\\a",
        "\\e",
        "\\x41",
        "\\u0041",
        "\\u00e9",
        "\\u0000",
        "\\ud83d",
        "\\ud83d\\udc75",
        "\\U0001F475",
        "\\N",
        "\\_",
        "\\L",
        "\\P",
        "\\ ",
        "\x85",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\x7f",
        "\x1b",
        "\u202e",
        "👵",
        "楼",
        "é",
        "body:",
        "id",
        "yes",
        "null",
        "~",
    ]
)
# what stays within a quoted value: most edits keep the shape the line reader reads
PLAIN = st.sampled_from(["楼", "é", "👵", "a", " ", "\\\\", '\\"', "\\t", "\\u00e9", "ok"])


def inside_quotes(text: str) -> list[int]:
    return [m.start() + 1 for m in re.finditer(r'(?<=: )"(?=[^"\n]{2})', text)]


def delimited(text: str) -> list[int]:
    return [i for i in range(1, len(text) + 1) if text[i - 1] in '\n,:{}[] "']


def test_law_anything_inserted_anywhere() -> None:
    """Layout, punctuation and escapes put into a resealed bundle: most often plain text inside
    a value (the change ids then disagree, and both readers must refuse alike), else YAML's
    punctuation just after a delimiter, where the walk may well accept the result."""
    taken: list[bool] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        edits=st.lists(
            st.one_of(  # two quoted edits to one delimited: "most often", as said above
                st.tuples(st.floats(0, 1), PLAIN, st.just(0), st.just("quoted")),
                st.tuples(st.floats(0, 1), PLAIN, st.just(0), st.just("quoted")),
                st.tuples(st.floats(0, 1), PIECES, st.integers(0, 2), st.just("delimited")),
            ),
            min_size=1,
            max_size=3,
        )
    )
    def law(edits: list[tuple[float, str, int, str]]) -> None:
        text = written()[0]
        for where, piece, removed, how in edits:
            places = inside_quotes(text) if how == "quoted" else delimited(text)
            at = places[int(where * (len(places) - 1))]
            text = text[:at] + piece + text[at + removed :]
        the_law(reseal(text), taken)

    law()
    most(taken)


def test_law_a_quoted_value_written_any_way() -> None:
    """A resident's name, or the author, written in quotes however a hand might, with the
    change id its value would have: where YAML reads the quotes as a good value, the walk
    accepts the change, and the line reader must read the same value or stand aside."""
    taken: list[bool] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        raw=st.one_of(
            # most often what a hand would type, which keeps the shape the line reader reads
            st.lists(PLAIN, max_size=5).map("".join),
            st.lists(PLAIN, max_size=5).map("".join),
            st.lists(st.one_of(PLAIN, PIECES, st.text(max_size=3)), max_size=6).map("".join),
        ),
        field=st.sampled_from(["to", "by"]),
    )
    def law(raw: str, field: str) -> None:
        text, resident, hlc = written()
        line_start = text.index(f'hlc: "{hlc}"')
        line_start = text.rindex("\n", 0, line_start) + 1
        line_end = text.index("\n", line_start)
        line = text[line_start:line_end]
        name, author = "刘桂英", AUTHOR
        try:
            value = yaml.load(f'"{raw}"', Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            value = None
        if isinstance(value, str):
            try:
                READERS["name"](value)
            except BadValue:
                pass
            else:
                name, author = (value, AUTHOR) if field == "to" else ("刘桂英", value)
        changed = line.replace(
            f'{field}: "{"刘桂英" if field == "to" else AUTHOR}"', f'{field}: "{raw}"'
        )
        change_id = Change.content_id(
            hlc, hlc[27:], author, "resident", resident, "set", "name", encode(name), "[]"
        )
        changed = re.sub(r'id: "[0-9a-f]{32}"', f'id: "{change_id}"', changed, count=1)
        data = reseal(text[:line_start] + changed + text[line_end:])
        the_law(data, taken)
        if field == "to" and value == name and "\\" not in raw and raw == name:
            assert as_written(data) is not None

    law()
    most(taken)


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(text=st.text())
def test_law_what_the_writer_quotes_yaml_and_json_read_back_alike(text: str) -> None:
    quoted = writer.quoted(text)
    assert json.loads(quoted) == text
    assert yaml.load(quoted, Loader=yaml.CSafeLoader) == text
    assert re.fullmatch(lines._QUOTED, quoted) is not None  # and the line reader takes it
