"""One change in the log: the unit that is stored, exported, imported and merged.

Every write of dyz is a `Change`; the store, the bundle reader and writer and the merge all
speak it, so a change is never an anonymous tuple read by position.

>>> change = Change.make("001795654596121-0000000000-" + "d" * 32, "周玉梅", "household",
...                      "0279442826234e0d834aa18e6606592e", "set", "room", encode("301"))
>>> change.device == "d" * 32
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from danyuanzhang.system.tuples import Record

FLAG_PREFIX = "flag."


def encode(value: Any) -> str:
    """A value as canonical JSON text, as stored and as hashed into a change's id."""
    if type(value) is str and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'  # what json.dumps gives, without its cost on a big import
    if value is True or type(value) is int:  # a flag, a birth year (a bool is not `int` here)
        return "true" if value is True else str(value)
    if type(value) is list and not value:  # a change that replaces none
        return "[]"
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | None) -> Any:
    """The value a change's JSON text stands for; None for a delete or a cleared field."""
    if text is None or text == "null":
        return None
    if text[0] == '"' and "\\" not in text:
        return text[1:-1]
    if text == "true":  # a flag; a birth year below: what a roll holds, without json's cost
        return True
    if text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
        return int(text)
    import json

    return json.loads(text)


class Change(Record):
    id: str
    hlc: str
    device: str  # the last 32 characters of `hlc`
    author: str
    entity: str
    record: str
    op: str  # "set" or "delete"
    field: str  # "" for a delete
    value: str | None  # JSON text; None for a delete
    parents: str  # JSON list of the ids of the changes of this field it replaces

    @staticmethod
    def content_id(  # noqa: PLR0913
        hlc: str,
        device: str,
        author: str,
        entity: str,
        record: str,
        op: str,
        field: str,
        value: str | None,
        parents: str,
    ) -> str:
        """The first 32 hex digits of SHA-256 over the fields joined by NUL (which no field may
        hold); `field` and `value` are empty for a delete. docs/bundle-format.md gives it too."""
        from danyuanzhang.system.digest import sha256

        body = "\x00".join((hlc, device, author, entity, record, op, field, value or "", parents))
        return str(sha256(body.encode("utf-8")).hexdigest()[:32])

    @classmethod
    def make(
        cls,
        hlc: str,
        author: str,
        entity: str,
        record: str,
        op: str,
        field: str,
        value: str | None,
        parents: str = "[]",
    ) -> Change:
        device = hlc[27:]
        change_id = cls.content_id(hlc, device, author, entity, record, op, field, value, parents)
        return cls(change_id, hlc, device, author, entity, record, op, field, value, parents)

    @classmethod
    def made_here(cls, author: str) -> Callable[[str, str, str, str, str], Change]:
        """`make` for many new `set` changes with no parents, as a roll makes them: the same
        changes and ids, with the work they share done once."""
        from danyuanzhang.system.digest import sha256

        def made(hlc: str, entity: str, record: str, field: str, value: str) -> Change:
            device = hlc[27:]
            body = f"{hlc}\x00{device}\x00{author}\x00{entity}\x00{record}\x00set\x00{field}\x00{value}\x00[]"
            change_id = sha256(body.encode("utf-8")).hexdigest()[:32]
            return cls(change_id, hlc, device, author, entity, record, "set", field, value, "[]")

        return made

    def is_intact(self) -> bool:
        """Whether its content still gives its id (a flipped bit in the log would not)."""
        return self.id == self.content_id(*self[1:])

    def parent_ids(self) -> list[str]:
        if self.parents == "[]":
            return []
        import json

        return list(json.loads(self.parents))


# the columns of the `changes` table, in the order of Change's fields
COLUMNS = ", ".join(Change._fields)
