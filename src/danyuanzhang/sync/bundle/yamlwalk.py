"""Reading YAML defensively, from PyYAML's C event stream (its pure-Python one where PyYAML was
installed without libyaml), without constructing any object that the file asks for.

Refused before anything is built: several documents, tags, anchors and aliases, nesting deeper
than the bundle format needs, duplicate keys, keys that are not plain strings. Every scalar is
kept as the text it was written as; the bundle's schema turns it into a value.

The result is made of `dict`, `list` and `str`; each mapping records the line it starts on
under the key `LINE`; a YAML key spelt the same is refused as a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from danyuanzhang.sync.bundle.errors import BundleError

LINE = "\x00line"
MAX_DEPTH = 6


# Reads the sequence under a key at a given depth itself: (walker, start event, the mapping so
# far) -> the value. The bundle reader turns changes into rows this way, without a dict each.
SequenceReader = Callable[["Walker", Any, dict[str, Any]], Any]


def walk(
    text: str | bytes | IO[bytes],
    sequence_readers: dict[tuple[int, str], SequenceReader] | None = None,
    continued: bool = False,
) -> Any:
    """The single document in `text` (UTF-8 bytes, str, or a binary file read as it goes) as
    nested dicts, lists and strings.

    `continued`: the text is the head of a longer document, which goes on with another key at
    the start of a line; refused unless its root is a block mapping at column 0 with no `...`
    after it, the only shape in which such a key would still belong to the same mapping."""
    import yaml

    decorated = could_decorate(text) if isinstance(text, (str, bytes)) else True
    loader = None
    try:
        # PyYAML's own reader reads the first bytes, and may refuse them, as it starts
        loader = event_reader(yaml)(text)
        return _walk(loader, yaml, sequence_readers or {}, decorated, continued)
    except yaml.reader.ReaderError as error:  # the UTF-8 is checked as it is read
        line = _line_at(text, error.position)
        reason = str(error.reason)
        # libyaml names the encoding in its reason; PyYAML's own reader in the error
        not_utf8 = "utf-8" in reason.lower() or "octet" in reason or error.encoding == "utf-8"
        problem = "bundle_not_utf8" if not_utf8 else "bundle_not_yaml"
        raise BundleError(problem, line=line, detail=str(error.reason)[:80]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = mark.line + 1 if mark is not None else None
        raise BundleError("bundle_not_yaml", line=where, detail=_first_line(error)) from None
    finally:
        if loader is not None:
            loader.dispose()


def with_libyaml() -> bool:
    """Whether PyYAML has its C extension (libyaml); without it YAML is read by PyYAML's own
    reader, alike but several times slower."""
    import yaml

    return hasattr(yaml, "CSafeLoader")


def event_reader(yaml: Any) -> Any:
    """The fastest safe loader this PyYAML has: libyaml's, else its own."""
    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def _line_at(text: str | bytes | IO[bytes], position: int) -> int:
    if isinstance(text, str):
        return text[:position].count("\n") + 1
    if isinstance(text, bytes):
        return text.count(b"\n", 0, position) + 1
    text.seek(0)
    return text.read(position).count(b"\n") + 1


def could_decorate(text: str | bytes) -> bool:
    """Whether the text could hold an anchor (&), alias (*) or tag (!) at all. When it holds
    none of the three characters, the per-event checks are skipped: they cost a tenth of
    reading a 100,000-change bundle."""
    marks = (b"&", b"*", b"!") if isinstance(text, bytes) else ("&", "*", "!")
    return any(mark in text for mark in marks)  # type: ignore[operator]


def _first_line(error: Exception) -> str:
    problem = getattr(error, "problem", None) or str(error)
    return str(problem).splitlines()[0][:120]


def _walk(
    loader: Any,
    yaml: Any,
    sequence_readers: dict[tuple[int, str], SequenceReader],
    decorated: bool,
    continued: bool = False,
) -> Any:
    get = loader.get_event
    get()  # StreamStart
    first = get()
    if type(first) is yaml.StreamEndEvent:
        raise BundleError("bundle_empty")
    if type(first) is not yaml.DocumentStartEvent:
        raise BundleError("bundle_not_yaml", line=first.start_mark.line + 1, detail="")
    start = get()
    if continued and not (
        type(start) is yaml.MappingStartEvent
        and start.flow_style is False
        and start.start_mark.column == 0
    ):
        raise BundleError("bundle_not_yaml", line=start.start_mark.line + 1, detail="")
    root = Walker(get, yaml, sequence_readers, decorated).node(start, 0)
    end = get()
    if type(end) is not yaml.DocumentEndEvent:  # pragma: no cover - libyaml pairs them
        raise BundleError("bundle_not_yaml", line=end.start_mark.line + 1, detail="")
    if continued and end.explicit:
        raise BundleError("bundle_not_yaml", line=end.start_mark.line + 1, detail="...")
    following = get()
    if type(following) is not yaml.StreamEndEvent:
        raise BundleError("bundle_several_documents", line=following.start_mark.line + 1)
    return root


class Walker:
    """Recursive descent over events; the depth check comes before each step down, so the
    recursion is as shallow as the format allows."""

    def __init__(
        self,
        get: Any,
        yaml: Any,
        sequence_readers: dict[tuple[int, str], SequenceReader],
        decorated: bool = True,
    ) -> None:
        self.get = get
        self.decorated = decorated
        self.sequence_readers = sequence_readers
        self.scalar = yaml.ScalarEvent
        self.mapping_start = yaml.MappingStartEvent
        self.mapping_end = yaml.MappingEndEvent
        self.sequence_start = yaml.SequenceStartEvent
        self.sequence_end = yaml.SequenceEndEvent

    def node(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is self.scalar:
            if event.anchor is not None or event.tag is not None:
                refuse_decoration(event)
            return event.value
        if kind is self.mapping_start:
            return self.mapping(event, depth)
        if kind is self.sequence_start:
            return self.sequence(event, depth)
        refuse_other(event)

    def mapping(self, start: Any, depth: int) -> dict[str, Any]:
        if start.anchor is not None or start.tag is not None:
            refuse_decoration(start)
        if depth >= MAX_DEPTH:
            raise BundleError("bundle_too_deep", line=start.start_mark.line + 1)
        get, scalar, end = self.get, self.scalar, self.mapping_end
        decorated = self.decorated
        result: dict[str, Any] = {LINE: start.start_mark.line + 1}
        while True:
            key_event = get()
            if type(key_event) is end:
                return result
            if type(key_event) is not scalar:
                line = key_event.start_mark.line + 1
                raise BundleError("bundle_bad_key", line=line, key="{…}")
            if decorated and (key_event.anchor is not None or key_event.tag is not None):
                refuse_decoration(key_event)
            key = key_event.value
            if key in result:  # LINE is in there already, so no key can pass for it
                line = key_event.start_mark.line + 1
                raise BundleError("bundle_duplicate_key", line=line, key=key[:40])
            value_event = get()
            if type(value_event) is scalar:
                if decorated and (value_event.anchor is not None or value_event.tag is not None):
                    refuse_decoration(value_event)
                result[key] = value_event.value
            else:
                reader = self.sequence_readers.get((depth, key))
                if reader is not None and type(value_event) is self.sequence_start:
                    if value_event.anchor is not None or value_event.tag is not None:
                        refuse_decoration(value_event)
                    result[key] = reader(self, value_event, result)
                else:
                    result[key] = self.node(value_event, depth + 1)

    def skip(self, depth: int) -> None:
        """Pass over a collection without building it (its depth and decorations still
        checked)."""
        open_collections = 1
        while open_collections:
            event = self.get()
            kind = type(event)
            if kind is self.mapping_start or kind is self.sequence_start:
                open_collections += 1
                if depth + open_collections > MAX_DEPTH:
                    raise BundleError("bundle_too_deep", line=event.start_mark.line + 1)
            elif kind is self.mapping_end or kind is self.sequence_end:
                open_collections -= 1
            elif kind is not self.scalar:
                refuse_other(event)
            if getattr(event, "anchor", None) is not None or getattr(event, "tag", None):
                refuse_decoration(event)

    def sequence(self, start: Any, depth: int) -> list[Any]:
        if start.anchor is not None or start.tag is not None:
            refuse_decoration(start)
        if depth >= MAX_DEPTH:
            raise BundleError("bundle_too_deep", line=start.start_mark.line + 1)
        get, scalar, end = self.get, self.scalar, self.sequence_end
        items: list[Any] = []
        append = items.append
        while True:
            event = get()
            kind = type(event)
            if kind is end:
                return items
            if kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    refuse_decoration(event)
                append(event.value)
            else:
                append(self.node(event, depth + 1))


def refuse_other(event: Any) -> None:
    line = event.start_mark.line + 1
    if type(event).__name__ == "AliasEvent":
        raise BundleError("bundle_alias", line=line)
    raise BundleError("bundle_not_yaml", line=line, detail=type(event).__name__)


def refuse_decoration(event: Any) -> None:
    line = event.start_mark.line + 1
    if event.anchor is not None:
        raise BundleError("bundle_alias", line=line)
    raise BundleError("bundle_tag", line=line, tag=str(event.tag)[:60])
