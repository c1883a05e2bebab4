"""The line reader (bundle/lines.py) beside the event walk (yamlwalk.py).

The law: whatever the line reader reads, it reads exactly as the event walk does; whatever it is
not sure of, it leaves to the walk. Bundles dyz writes take the fast way; bundles edited by
hand, or forged, are reshaped here by hypothesis, resealed, and given to both readers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from danyuanzhang.bundle import lines, reader, writer
from danyuanzhang.bundle.errors import BundleError
from danyuanzhang.bundle.reader import Bundle, read_as_written, read_bundle, read_by_events
from danyuanzhang.bundle.values import READERS, BadValue
from danyuanzhang.store import Change, Store, encode, new_id
from danyuanzhang.sync import export_bundle

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
    export_bundle(store, path, everything=True)
    store.close()
    text = path.read_text(encoding="utf-8")
    hlc = re.search(r'hlc: "([^"]+)", by: "[^"]+", set: "name", to: "刘桂英"', text)
    assert hlc is not None
    return text, resident, hlc.group(1)


def digest(data: bytes) -> str | None:
    start = data.find(b"\nbody:")
    return None if start < 0 else hashlib.sha256(data[start + 1 :]).hexdigest()


def reseal(text: str) -> bytes:
    """The text with the checksum its body now has, as a careful forger would."""
    data = text.encode("utf-8")
    found = digest(data)
    if found is None:
        return data
    return re.sub(rb'checksum: "sha256:[0-9a-f]+"', f'checksum: "sha256:{found}"'.encode(), data)


Refusal = tuple[str, int | None, dict[str, object]]


def refusal(error: BundleError) -> Refusal:
    return error.problem, error.line, error.problem_params


def by_events(data: bytes) -> Bundle | Refusal:
    try:
        return read_by_events(data, digest(data))
    except BundleError as error:
        return refusal(error)


def test_every_kind_of_line_dyz_writes_is_read_as_written() -> None:
    text = written()[0]
    for piece in ("after: [", "clear: ", 'delete: "yes"', "\\\\", '\\"', "\\t", "👵"):
        assert piece in text, piece
    data = text.encode("utf-8")
    fast = read_as_written(data, digest(data))
    assert fast is not None
    assert fast == read_by_events(data, digest(data))
    assert len(fast.changes) == text.count("  - {id:")
    assert {fast.decoded[row[8]] for row in fast.changes if row[7] == "note"} >= {
        '楼道堆物 "纸箱" 已复查',
        "C:\\楼道\\照片 已复查",
        "tab\there 已复查",
        "奶奶\u3000住三楼 👵 已复查",
    }


def test_a_body_read_in_chunks_is_read_whole(monkeypatch) -> None:
    data = written()[0].encode("utf-8")
    whole = read_as_written(data, digest(data))
    monkeypatch.setattr(lines, "CHUNK", 64)  # a chunk boundary after nearly every record
    assert whole is not None
    assert read_as_written(data, digest(data)) == whole


def test_a_bundle_not_in_the_written_shape_goes_to_the_walk_and_is_still_read() -> None:
    text = written()[0]
    reordered = reseal(text.replace('  - {id: "', '  - {"id": "'))
    assert read_as_written(reordered, digest(reordered)) is None
    assert isinstance(read_bundle(Path("hand-edited.yaml"), reordered, digest(reordered)), Bundle)
    assert read_bundle(Path("x"), reordered, digest(reordered)) == by_events(reordered)


def test_a_refusal_is_the_walks_own_message() -> None:
    text = written()[0]
    wrong = reseal(text.replace('by: "周玉梅的电脑"', 'by: "周玉梅的电"', 1))  # its id is now wrong
    assert read_as_written(wrong, digest(wrong)) is None
    with pytest.raises(BundleError) as refused:
        read_bundle(Path("x"), wrong, digest(wrong))
    first_change = next(n for n, line in enumerate(text.splitlines(), 1) if "  - {id:" in line)
    assert refusal(refused.value) == ("bundle_bad_id", first_change, {}) == by_events(wrong)


def test_the_progress_heard_never_goes_back_when_the_walk_reads_again(monkeypatch) -> None:
    text = written()[0]
    last = text.rindex('by: "周玉梅的电脑"')
    wrong = reseal(text[:last] + 'by: "周玉梅"' + text[last + len('by: "周玉梅的电脑"') :])
    monkeypatch.setattr(reader, "PROGRESS_EVERY", 1)
    heard: list[float] = []
    with pytest.raises(BundleError):  # the last change's id no longer matches its author
        read_bundle(Path("x"), wrong, digest(wrong), lambda _, done: heard.append(done))
    assert len(heard) > 20 and heard == sorted(heard)


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
def test_a_header_in_another_shape_is_left_to_the_walk(reshape, monkeypatch) -> None:
    text = written()[0]
    start = text.index("\nbody:\n") + 1
    data = reseal(reshape(text[:start]) + text[start:])
    fast = read_as_written(data, digest(data))
    assert fast is None or fast == by_events(data)
    verdict = read_whole(data)
    monkeypatch.setattr(reader, "read_as_written", lambda *_: None)
    assert verdict == read_whole(data)


def read_whole(data: bytes) -> Bundle | Refusal:
    try:
        return read_bundle(Path("x"), data, digest(data))
    except BundleError as error:
        return refusal(error)


def the_law(data: bytes) -> None:
    fast = read_as_written(data, digest(data))
    walked = by_events(data)
    event(
        f"read as written: {fast is not None}; the walk: {'read' if isinstance(walked, Bundle) else walked[0]}"
    )
    if fast is not None:
        assert fast == walked


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


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), PIECES, st.integers(0, 2), st.booleans()), min_size=1, max_size=3
    )
)
def test_law_anything_inserted_anywhere(edits: list[tuple[float, str, int, bool]]) -> None:
    """Layout, punctuation and escapes put into a resealed bundle, most often just after a
    delimiter, where the change ids still hold and the walk may well accept the result."""
    text = written()[0]
    for where, piece, removed, after_a_delimiter in edits:
        places = delimited(text) if after_a_delimiter else range(len(text) + 1)
        at = places[int(where * (len(places) - 1))]
        text = text[:at] + piece + text[at + removed :]
    the_law(reseal(text))


def delimited(text: str) -> list[int]:
    return [i for i in range(1, len(text) + 1) if text[i - 1] in '\n,:{}[] "']


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    raw=st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=6).map("".join),
    field=st.sampled_from(["to", "by"]),
)
def test_law_a_quoted_value_written_any_way(raw: str, field: str) -> None:
    """A resident's name, or the author, written in quotes however a hand might, with the
    change id its value would have: where YAML reads the quotes as a good value, the walk
    accepts the change, and the line reader must read the same value or stand aside."""
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
    the_law(data)
    if field == "to" and value == name and "\\" not in raw and raw == name:
        assert read_as_written(data, digest(data)) is not None


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(text=st.text())
def test_law_what_the_writer_quotes_yaml_and_json_read_back_alike(text: str) -> None:
    quoted = writer.quoted(text)
    assert json.loads(quoted) == text
    assert yaml.load(quoted, Loader=yaml.CSafeLoader) == text
    assert re.fullmatch(lines._QUOTED, quoted) is not None  # and the line reader takes it
