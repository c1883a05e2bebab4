"""A district's own layout of a ledger: a small YAML file that renames, reorders and drops
columns, adds empty ones for pen, and sets the title, so that the office matches its form
without code. For example (examples/ledger-templates/走访台账-芙蓉南路.yaml):

    kind: visits
    title: 芙蓉南路社区入户走访登记表
    columns:
      - on: 走访日期          # a column, renamed
      - household             # a column as it is
      - visitor: 走访人
      - blank: 备注            # an empty column, for pen

Columns are listed in the order wanted; those not listed are left out, 序号 (`no`) and the
signature columns as much as any other. Templates kept in the folder `台账模板` beside the
database are found by name (`--template 走访台账-芙蓉南路`) and listed by `dyz ledger --list`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from danyuanzhang.errors import DyzError
from danyuanzhang.system.tuples import Record

if TYPE_CHECKING:
    from danyuanzhang.paperwork.ledgers import Column

FOLDER = "台账模板"
_LIMIT = 64 * 1024  # a template is a few lines: anything bigger is not one


class Template(Record):
    name: str
    kind: str
    title: str | None
    layout: list[tuple[str, str | None]]  # (column key or "blank", header or None)

    def columns_of(self, usual: tuple[Column, ...]) -> list[Column]:
        from danyuanzhang.paperwork.ledgers import Column

        by_key = {c.key: c for c in usual}
        columns = []
        for key, header in self.layout:
            if key == "blank":
                columns.append(Column("blank", header or "", header or "", pen=True))
                continue
            column = by_key.get(key)
            if column is None:
                known = ", ".join(by_key)
                raise DyzError("template_unknown_column", path=self.name, key=key, known=known)
            if header:
                column = column._replace(zh=header, en=header)
            columns.append(column)
        return columns


def folder(database: Path) -> Path:
    return database.expanduser().resolve().parent / FOLDER


def find(text: str, database: Path) -> Path:
    """A template by its path, or by its name in the folder beside the database."""
    given = Path(text).expanduser()
    for candidate in (given, folder(database) / text, folder(database) / f"{text}.yaml"):
        if candidate.exists() and not candidate.is_dir():  # what is no file is refused by `load`
            return candidate
    raise DyzError("template_not_found", name=text, folder=str(folder(database)))


def load(path: Path) -> Template:
    """Read and check a template; one clear line for anything wrong in it."""
    import yaml

    from danyuanzhang.paperwork.ledgers import KIND_NAMES

    name = str(path)
    from danyuanzhang.system.userfiles import open_regular

    with open_regular(path, _LIMIT) as stream:
        try:
            raw = stream.read(_LIMIT + 1)
        except OSError as error:
            raise DyzError("template_unreadable", path=name, reason=error.strerror) from None
    if len(raw) > _LIMIT:  # grew while it was read
        raise DyzError("template_bad", path=name, problem="> 64 KiB")
    try:
        # every scalar as text: YAML 1.1 would read the column `on:` as true, and 1号楼 is safe
        data = yaml.load(raw.decode("utf-8-sig"), Loader=yaml.BaseLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        where = f"line {line + 1}" if line is not None else type(error).__name__
        raise DyzError("template_bad", path=name, problem=where) from None
    if not isinstance(data, dict):
        raise DyzError("template_bad", path=name, problem="kind: / columns:")
    kind = str(data.get("kind", "")).strip()
    if kind not in KIND_NAMES:
        raise DyzError("template_bad_kind", path=name, kind=kind, known=", ".join(KIND_NAMES))
    title = data.get("title")
    if title is not None and (not isinstance(title, str) or not 0 < len(title.strip()) <= 80):
        raise DyzError("template_bad", path=name, problem="title:")
    listed = data.get("columns")
    if not isinstance(listed, list) or not listed:
        raise DyzError("template_bad", path=name, problem="columns:")
    layout = [_column(entry, name) for entry in listed]
    return Template(name, kind, title.strip() if title else None, layout)


def _column(entry: Any, name: str) -> tuple[str, str | None]:
    if isinstance(entry, str):
        return entry.strip(), None
    if isinstance(entry, dict) and len(entry) == 1:
        ((key, header),) = entry.items()
        if isinstance(key, str) and isinstance(header, str):
            text = header.strip() or None
            if text is not None and not 0 < len(text) <= 40:
                raise DyzError("template_bad", path=name, problem=f"{key}:")
            return key.strip(), text
    raise DyzError("template_bad", path=name, problem=f"columns: {str(entry)[:30]}")


def listed(database: Path) -> list[Template | tuple[Path, DyzError]]:
    """Every template in the folder beside the database, or why one cannot be read."""
    place = folder(database)
    found: list[Template | tuple[Path, DyzError]] = []
    if not place.is_dir():
        return found
    for path in sorted(place.glob("*.yaml")):
        try:
            found.append(load(path)._replace(name=path.stem))
        except DyzError as error:
            found.append((path, error))
    return found
