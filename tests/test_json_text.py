"""`dyz … --format json` writes what `json.dumps(indent=2)` would, whichever way it is written:
in one piece, or a long list a thousand records at a time."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from danyuanzhang.text.jsontext import indented
from danyuanzhang.text.render import json_chunks, to_json
from danyuanzhang.text.visible import json_escaped

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
keys = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(values)
@settings(max_examples=400)
def test_indented_is_what_json_dumps_writes(value: Any) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.dictionaries(st.text(), values, max_size=4), st.integers(0, 2_500))
@settings(max_examples=40, deadline=None)
def test_a_record_with_a_long_list_is_written_in_pieces_as_in_one(
    record: dict[str, Any], length: int
) -> None:
    record = {
        **record,
        "visits": [{"household": f"2-2-{n}", "flags": ["独居"]} for n in range(length)],
    }
    pieces = list(json_chunks(record))
    assert "".join(pieces) == json_escaped(json.dumps(record, ensure_ascii=False, indent=2)) + "\n"
    assert to_json(record) == "".join(pieces)
    assert max(piece.count('"household"') for piece in pieces) <= 1_000


def test_what_cannot_be_json_is_refused_as_json_refuses_it() -> None:
    for value in ({(1, 2): 1}, {"when": object()}):
        try:
            json.dumps(value, indent=2)
        except TypeError as refused:
            expected = str(refused)
        try:
            indented(value)
        except TypeError as refused:
            assert str(refused) == expected
        else:
            raise AssertionError(value)
