"""`Record`: a named tuple declared as `typing.NamedTuple` is, made at a third of its cost.

`typing.NamedTuple` checks each field's type as the class is made, and with annotations kept as
text (every module here has `from __future__ import annotations`) it compiles each one: about
0.1 ms a class, paid on every start of dyz for each of the dozen that a command imports. A
`Record` is the same `collections.namedtuple`, with the class's methods, properties and
docstring, its field types left to the type checker, which reads it as a `NamedTuple`.

>>> class Stamp(Record):
...     wall_ms: int
...     device: str = "d"
...     def text(self) -> str:
...         return f"{self.wall_ms}-{self.device}"
>>> Stamp(5).text(), Stamp(5)._replace(device="e")
('5-d', Stamp(wall_ms=5, device='e'))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    import collections

    # what the class statement puts in every class body, not to be copied onto the tuple
    _MADE_BY_PYTHON = frozenset(("__module__", "__qualname__", "__annotations__"))

    class _Maker(type):
        def __new__(cls, name: str, bases: tuple[type, ...], body: dict[str, Any]) -> Any:
            if not bases:  # `_Base` itself
                return super().__new__(cls, name, bases, body)
            fields = list(body.get("__annotations__", {}))
            made = collections.namedtuple(
                name,
                fields,
                defaults=[body[f] for f in fields if f in body],
                module=body["__module__"],
            )
            made.__qualname__ = body.get("__qualname__", name)
            for key, value in body.items():
                if key not in _MADE_BY_PYTHON and key not in fields:
                    setattr(made, key, value)
            return made

    class _Base(metaclass=_Maker):
        pass

    def Record() -> None:
        """Never called: a class that names it as its base is made by `_Maker`."""

    Record.__mro_entries__ = lambda _bases: (_Base,)


__all__ = ["Record"]
