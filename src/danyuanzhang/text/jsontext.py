"""JSON indented as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, character for
character, but without its encoder's pure-Python generators: `dyz today --format json` for a
district holds eighty thousand visits, which that encoder takes seconds and hundreds of MiB to
write. Strings are escaped by the same C function the encoder uses.

>>> print(indented({"flats": ["2-2-301", "2-2-302"], "due": 2, "empty": []}))
{
  "flats": [
    "2-2-301",
    "2-2-302"
  ],
  "due": 2,
  "empty": []
}
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

STEP = "  "  # the indent of one level


def indented(value: Any, level: int = 0) -> str:
    """`value` as indented JSON, its first line unindented, the following ones as at `level`."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + STEP * (level + 1)
        items = (indented(item, level + 1) for item in value)
        return f"[{inner}{(',' + inner).join(items)}\n{STEP * level}]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + STEP * (level + 1)
        pairs = (f"{key_text(k)}: {indented(v, level + 1)}" for k, v in value.items())
        return f"{{{inner}{(',' + inner).join(pairs)}\n{STEP * level}}}"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def key_text(key: Any) -> str:
    """A key of an object as JSON writes it: always a string."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return f'"{indented(key)}"'
    if isinstance(key, int):
        return f'"{int.__repr__(key)}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    if value != value:  # noqa: PLR0124 - NaN is the one float not equal to itself
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
