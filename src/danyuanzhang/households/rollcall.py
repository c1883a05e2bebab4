"""Importing the household roll (花名册) as communities keep it: an Excel workbook (or CSV)
with a title above the headers, the headers in the words the community uses, an address in one
cell or in columns, merged cells for a flat of several residents.

>>> result = import_roll(store, Path("花名册.xlsx"))  # doctest: +SKIP
>>> result.households_added, result.residents_added  # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from danyuanzhang.core.changes import FLAG_PREFIX
from danyuanzhang.errors import DyzError
from danyuanzhang.households.flags import flag_code, known_flags
from danyuanzhang.households.scopes import choose_estate
from danyuanzhang.store import Store, new_id
from danyuanzhang.store import registry as reg
from danyuanzhang.text.i18n import t
from danyuanzhang.text.inputs import (
    HouseholdRef,
    parse_born,
    parse_building,
    parse_date,
    parse_free_text,
    parse_name,
    parse_phone,
    parse_ref,
)

if TYPE_CHECKING:
    from danyuanzhang.households.rollfile import Rows, Sheet

COLUMNS = (
    *("estate", "building", "unit", "room", "name", "phone", "birth_year", "flags", "moved_in"),
    "note",
)
COLUMNS_ZH = (
    "小区",
    "楼栋",
    "单元",
    "房号",
    "姓名",
    "电话",
    "出生年份",
    "标记",
    "迁入日期",
    "备注",
)
REQUIRED = ("building", "unit", "room")
# The headers rolls are kept under, besides those of the template; the address in one cell
# (2栋2单元602室) is split into building, unit and room.
_SYNONYMS = {
    "estate": ("小区名称", "小区名", "所在小区"),
    "building": ("栋", "楼号", "楼栋号", "栋号", "幢"),
    "unit": ("单元号",),
    "room": ("室", "门牌号", "房间号", "户号"),
    "address": ("住址", "地址", "家庭住址", "现住址", "居住地址", "房屋地址", "门牌"),
    "name": ("名字", "居民姓名", "户主姓名", "人员姓名", "户主"),
    "phone": ("联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"),
    "birth_year": ("出生年月", "出生日期", "出生年", "生日"),
    "flags": ("人员类别", "类别", "特殊人群", "人群类别", "标签"),
    "moved_in": ("迁入时间", "入住日期", "入住时间"),
    # free text: the words that name a flag become flags, the rest the resident's note
    "note": ("备注说明", "说明", "情况说明"),
}
# Never kept: the notebook holds only what the work needs
_ID_CARD = ("身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码", "id_card")
_HEADER_NAMES = {
    **{c: c for c in (*COLUMNS, "address")},
    **dict(zip(COLUMNS_ZH, COLUMNS, strict=True)),
    **{word: column for column, words in _SYNONYMS.items() for word in words},
}
_PLACE = ("estate", "building", "unit", "room", "address")  # what a merged cell leaves blank
_FLAG_SPLIT = re.compile(r"[、，,；;/\r\n]+")  # and spaces, unless a flag's name has them
_ADDRESS = re.compile(
    r"(?P<estate>.*?)\s*(?P<building>[0-9]+)\s*(?:栋|幢|号楼|-)\s*(?P<unit>[0-9]+)\s*(?:单元|-)"
    r"\s*(?P<room>[0-9]+)\s*(?:室|号)?"
)
_LOST_DIGITS = re.compile(r"[0-9.]+[eE]\+?[0-9]+")
# a row adding up the ones above (合计：3人, 小　计, 总计 45 户), in whichever cell it is written
_TOTAL = re.compile(r"合计|小计|总计")
# what an address or a title says before the estate: the city and district, the community
_ABOVE_ESTATE = re.compile(r"^(?:[^市]{2,}市[^区县市]{2,}?[区县])?(?:.*(?:社区|街道|居委会))?")
# where a title's estate ends: the building, or the name of the list
_TITLE_END = re.compile(
    r"[0-9]+(?:栋|幢|号楼|单元)|(?:住户|居民|人员|人口|家庭)?(?:花名册|名册|名单|信息表|登记表|台账|统计表)"
)
_NO_NOTE = ("无", "暂无", "没有", "/", "-", "--", "—", "——")  # a 备注 cell filled in to say nothing
# problems of the whole roll, not of a row: which estate its flats are in
_WHOLE_ROLL = {"need_estate_first", "need_estate"}
_SHOWN_ROWS = 5  # rows named when many share one problem
_HEADER_SEARCH = 15  # rows looked through for the headers, under the title rows
_PENDING = 50_000  # flats and residents made and not yet written: what a roll holds at most


def column_word(column: str) -> str:
    """A column's name in the interface's language."""
    from danyuanzhang.text.i18n import pick

    zh = dict(zip(COLUMNS, COLUMNS_ZH, strict=True)).get(
        column, "住址" if column == "address" else column
    )
    return pick(zh, column)


def _header_key(text: str) -> str:
    return re.sub(r"\s+|[（(].*?[)）]|[*：:]", "", text).lower()


class RollRejected(DyzError):
    """A roll with bad rows: every row's problem is listed, nothing is written."""

    def __init__(self, problems: list[tuple[str, int, str]]) -> None:
        """`problems`: (sheet, or "" for one sheet; row as Excel numbers it; the problem)."""
        from danyuanzhang.text.i18n import counted

        super().__init__("roll_rejected", rows=counted(len(problems), "行", "row"))
        self.problems = problems

    def told(self) -> list[str]:
        """A line per problem (one for the rows sharing it), naming the sheet when the roll
        has several."""
        from danyuanzhang.text.i18n import pick, t

        rows: dict[tuple[str, str], list[int]] = {}
        for sheet, line, problem in self.problems:
            rows.setdefault((sheet, problem), []).append(line)
        told = []
        for (sheet, problem), lines in rows.items():
            shown = pick("、", ", ").join(str(n) for n in lines[:_SHOWN_ROWS])
            key = "roll_problem_in_sheet" if sheet else "roll_problem"
            if len(lines) > _SHOWN_ROWS:  # one problem on many rows: one line for them all
                key += "_rows"
            told.append(t(key, sheet=sheet, line=shown, count=len(lines), problem=problem))
        return told


@dataclass
class RollResult:
    rows: int = 0
    households_added: int = 0
    residents_added: int = 0
    residents_updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    estates: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # not used: listed once
    id_card_columns: list[str] = field(default_factory=list)  # left out, never stored
    # what the roll changes in flats already here, as lines to show (`--dry-run`)
    plan: list[str] = field(default_factory=list)
    # residents of the roll's flats, living there by the notebook, whom the roll leaves out
    missing: list[tuple[str, str]] = field(default_factory=list)  # (flat, name)
    moved_out: int = 0  # of them, recorded as moved out (`--moved-out`)
    # rows read past: (sheet, or "" for one sheet; the row's number)
    blank_rows: list[tuple[str, int]] = field(default_factory=list)
    total_rows: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # words of the 备注 kept as notes, not flags
    estate_from_title: str | None = None  # the estate the title named, for rows naming none


def template(lang: str) -> str:
    """The header line of an empty roll, in the interface language."""
    return ",".join(COLUMNS_ZH if lang == "zh" else COLUMNS) + "\r\n"


@dataclass
class _New:
    """The flats and residents a roll makes, written together once it is read."""

    households: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    records: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)
    existing: dict[str, str] = field(default_factory=dict)  # flats already here: id → ref
    # a notebook with no flat ever registered (the first roll): nothing to look up
    blank: bool = False
    estates: dict[str | None, str] = field(default_factory=dict)  # as named → as kept
    estate_names: _Estates | None = None
    # a roll repeats a few cells thousands of times (独居, 1948): each is read once
    flag_cells: dict[str, list[str]] = field(default_factory=dict)
    note_cells: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    born_cells: dict[str, int] = field(default_factory=dict)
    date_cells: dict[str, str] = field(default_factory=dict)
    note_words: set[str] = field(default_factory=set)  # those of result.notes
    places: dict[tuple[str, ...], tuple[str, HouseholdRef, bool]] = field(default_factory=dict)
    # each person of the roll, by flat and name: their record; what the roll says of them (for
    # a new one, the very dict of its record until it is written, then None: read back if they
    # are met again); the row they were last met on; and whether this roll made them
    people: dict[tuple[str, str], tuple[str, dict[str, Any] | None, int, bool]] = field(
        default_factory=dict
    )
    made: set[str] = field(default_factory=set)  # the flats this roll makes


@dataclass
class _Layout:
    header_row: int
    positions: dict[str, int]
    ignored: list[str]
    id_cards: list[str]


def _layout(rows: Rows) -> _Layout | None:
    """The header row (the first, under any title rows, naming a person's and a flat's
    columns) and where each column is; None when the sheet has none."""
    for number, cells in rows.head(_HEADER_SEARCH):
        positions: dict[str, int] = {}
        ignored, id_cards = [], []
        for i, raw in enumerate(cells):
            key = _header_key(raw)
            if not key:
                continue
            column = _HEADER_NAMES.get(key) or _HEADER_NAMES.get(raw.strip())
            if column is not None and column not in positions:
                positions[column] = i
            elif key in _ID_CARD:
                id_cards.append(raw.strip())
            else:
                ignored.append(raw.strip())
        flat = "address" in positions or "room" in positions
        if flat and ("name" in positions or len(positions) >= 3):
            return _Layout(number, positions, ignored, id_cards)
    return None


def _missing(positions: dict[str, int]) -> list[str]:
    place = [] if "address" in positions else [c for c in REQUIRED if c not in positions]
    return [*place, *([] if "name" in positions else ["name"])]


def import_roll(
    store: Store,
    path: Path,
    estate: str | None = None,
    dry_run: bool = False,
    sheet: str | None = None,
    moved_out: bool = False,
) -> RollResult:
    """Create or update households and residents from a roll; any bad row writes nothing."""
    from danyuanzhang.households.rollfile import read_roll_file

    sheets = read_roll_file(path, sheet)
    if not any(any(c for c in cells) for s in sheets for _, cells in s.rows):
        raise DyzError("roll_empty", path=str(path))
    found = _laid_out(sheets)
    result = RollResult(dry_run=dry_run)
    _note_columns([layout for _, layout in found], result)
    named_sheets = len(found) > 1
    read = [_read(roll_sheet, layout, named_sheets, result) for roll_sheet, layout in found]
    del sheets, found  # their rows are in `read`: not held twice

    class Discard(Exception):
        pass

    try:
        with store.transaction():
            new = _import_sheets(store, read, estate, result)
            on_roll = {resident_id for resident_id, *_ in new.people.values()}
            _missing_residents(store, new, on_roll, result, moved_out)
            result.estates = reg.estates(store)
            if dry_run:
                raise Discard
    except Discard:
        pass
    return result


def _laid_out(sheets: list[Sheet]) -> list[tuple[Sheet, _Layout]]:
    """The sheets that hold a roll, each with where its columns are; refused, naming the
    columns, when none does or one lacks what a roll needs."""
    laid_out = [(s, _layout(s.rows)) for s in sheets]
    found = [(s, layout) for s, layout in laid_out if layout is not None]
    if not found:
        first = next((cells for s in sheets for _, cells in s.rows if any(cells)), [])
        positions = {}
        for i, raw in enumerate(first):
            column = _HEADER_NAMES.get(_header_key(raw))
            if column is not None:
                positions[column] = i
        missing = _missing(positions) or list(REQUIRED)
        raise DyzError("roll_missing_columns", columns="、".join(column_word(c) for c in missing))
    for _, layout in found:
        missing = _missing(layout.positions)
        if missing:
            raise DyzError(
                "roll_missing_columns", columns="、".join(column_word(c) for c in missing)
            )
    return found


def _note_columns(layouts: list[_Layout], result: RollResult) -> None:
    """The columns the import leaves aside, and those holding ID numbers, named once each."""
    for layout in layouts:
        for name in layout.ignored:
            if name not in result.ignored_columns:
                result.ignored_columns.append(name)
        for name in layout.id_cards:
            if name not in result.id_card_columns:
                result.id_card_columns.append(name)


def _import_sheets(store: Store, read: list[_Read], estate: str | None, result: RollResult) -> _New:
    """Every row of every sheet, in the roll's transaction; the bad rows are all told at once,
    and then nothing is written."""
    problems: list[tuple[str, int, str]] = []
    known = known_flags(store)
    new = _New(blank=reg.no_households_ever(store))
    new.estate_names = _Estates(reg.estates(store), estate)
    defaults = new.estate_names.defaults(read)
    for sheet_read, default in zip(read, defaults, strict=True):
        above: dict[str, str] = {}
        for line, row in sheet_read.rows:
            cells = _cells(row, sheet_read.layout)
            for column in _PLACE:  # a merged cell: the flat of the row above
                if column in cells:
                    if cells[column]:
                        above[column] = cells[column]
                    else:
                        cells[column] = above.get(column, "")
            try:
                _import_row(store, cells, default, known, line, result, new)
            except DyzError as error:
                if error.key in _WHOLE_ROLL:  # said once, not on every row
                    raise
                problems.append((sheet_read.where, line, error.message()))
            result.rows += 1
            if len(new.records) >= _PENDING:
                _write_made(store, new)
    if problems:
        raise RollRejected(problems)
    _write_made(store, new)
    return new


def _write_made(store: Store, new: _New) -> None:
    """Write the flats and residents made so far (in the roll's transaction: a bad row
    further on still writes nothing), and forget what is only a shortcut, so that a district's
    roll is read in bounded memory."""
    households = [(e, r, f) for r, (e, f) in new.records.items() if e == "household"]
    people = [(e, r, f) for r, (e, f) in new.records.items() if e == "resident"]
    store.put_new([*households, *people])
    for _, record, fields in people:
        key = (fields["household"], fields["name"])
        new.people[key] = (record, None, new.people[key][2], True)
    new.records.clear()
    for cache in (new.places, new.flag_cells, new.note_cells, new.born_cells, new.date_cells):
        cache.clear()


def _said_of(store: Store, resident_id: str) -> dict[str, Any]:
    """What a resident written by this roll already holds, as a row of the roll gives it."""
    row = reg.resident(store, resident_id)
    said: dict[str, Any] = {k: row[k] for k in ("phone", "born", "moved_in", "note") if row[k]}
    said.update(dict.fromkeys((FLAG_PREFIX + f for f in reg.flags_of(store, resident_id)), True))
    return said


def _cells(row: list[str], layout: _Layout) -> dict[str, str]:
    """A row's cells by column."""
    return {name: (row[i].strip() if i < len(row) else "") for name, i in layout.positions.items()}


@dataclass
class _Read:
    """A sheet's rows of people, and its title (the rows above the headers)."""

    where: str  # the sheet's name, when the roll has several
    layout: _Layout
    rows: Rows
    title: str


def _read(roll_sheet: Sheet, layout: _Layout, named: bool, result: RollResult) -> _Read:
    """The sheet's rows of people. Blank rows, and those adding up the rows above (合计：3人),
    are read past and noted in `result`."""
    from danyuanzhang.households.rollfile import Rows

    where = roll_sheet.name if named else ""
    rows = Rows()
    blank: list[tuple[str, int]] = []
    for line, row in roll_sheet.rows:
        if line <= layout.header_row:
            continue
        cells = _cells(row, layout)
        if _is_total(row, cells):
            result.total_rows.append((where, line))
        elif not any(cells.values()):  # blank, or only a 序号 numbering an empty line of a form
            blank.append((where, line))
        else:
            result.blank_rows += blank  # a blank row below the last person is no row at all
            blank = []
            rows.append(line, row)
    head = roll_sheet.rows.head(_HEADER_SEARCH)
    above = [c for line, row in head if line < layout.header_row for c in row if c]
    return _Read(where, layout, rows, " ".join(above))


def _is_total(row: list[str], cells: dict[str, str]) -> bool:
    """A row adding up those above: 合计, 小计 or 总计 in any cell — though in a person's 备注
    those words are only words."""
    from danyuanzhang.core.merge import normalise

    spoken = {cells.get("note")} if cells.get("name") else set()
    return any(c and c.strip() not in spoken and _TOTAL.search(normalise(c)) for c in row)


class _Estates:
    """Which estate a row's flat is in: the one its estate or address cell names (the same as
    an estate of the notebook, written longer: 芙蓉南路社区新芙蓉之都); for a row naming none,
    `--estate`, else the estate of the title (新芙蓉之都2栋住户花名册) when the notebook has it
    or it is the only one the file names."""

    def __init__(self, known: list[str], option: str | None) -> None:
        self.option = parse_name(option) if option else None
        self.known = known if self.option is None else [*known, self.option]
        self.named: dict[str, str] = {}

    def of(self, text: str) -> str:
        """The estate a cell names."""
        held = self.named.get(text)
        if held is None:
            held = self.named[text] = self._kept(text) or _above_estate_gone(text) or text
        return held

    def _kept(self, text: str) -> str | None:
        """The estate of the notebook (or `--estate`) the text names, if any."""
        from danyuanzhang.core.merge import normalise

        said = normalise(text)
        inside = [e for e in self.known if normalise(e) in said]
        exact = [e for e in inside if normalise(e) == said]
        return next(iter(exact or sorted(inside, key=len, reverse=True)), None)

    def defaults(self, read: list[_Read]) -> list[tuple[str | None, bool]]:
        """For each sheet, the estate of its rows that name none (None: the notebook's only
        one, or a question to the person), and whether its title named it. Cells naming
        another estate than `--estate` are refused in one line."""
        in_cells: dict[str, tuple[str, int]] = {}  # each estate the cells name: where first
        for sheet_read in read:
            for line, row in sheet_read.rows:
                named = _estate_cell(_cells(row, sheet_read.layout))
                if named:
                    in_cells.setdefault(self.of(named), (sheet_read.where, line))
        if self.option is not None:
            for named, (where, line) in in_cells.items():
                if named != self.option:
                    where = t("roll_in_sheet", sheet=where) if where else ""
                    raise DyzError(
                        "roll_estate_clash", option=self.option, named=named, where=where, line=line
                    )
            return [(self.option, False)] * len(read)
        titled = [self._title_estate(sheet_read.title) for sheet_read in read]
        everywhere = set(in_cells) | {estate for estate, _ in titled if estate}
        only = next(iter(in_cells)) if len(in_cells) == 1 else None
        return [
            (estate, True) if estate and (kept or everywhere == {estate}) else (only, False)
            for estate, kept in titled
        ]

    def _title_estate(self, title: str) -> tuple[str | None, bool]:
        """The estate a title names, and whether the notebook has it."""
        import unicodedata

        kept = self._kept(title)
        if kept is not None:
            return kept, True
        text = "".join(unicodedata.normalize("NFKC", title).split())
        text = re.sub(r"^[0-9]{4}年度?", "", text)
        end = _TITLE_END.search(text)
        named = _above_estate_gone(text[: end.start()] if end else "")
        return named or None, False


def _estate_cell(cells: dict[str, str]) -> str:
    """The estate a row's cells name: its estate cell, or what its address says first."""
    if cells.get("estate"):
        return cells["estate"]
    address = cells.get("address")
    found = _ADDRESS.search(address) if address else None
    return found["estate"].strip() if found is not None else ""


def _above_estate_gone(text: str) -> str:
    """芙蓉南路社区新芙蓉之都 → 新芙蓉之都; "" when nothing is left."""
    return text[_ABOVE_ESTATE.match(text).end() :].strip()  # type: ignore[union-attr]


def _registered(store: Store, entity: str, values: dict[str, Any]) -> str | None:
    """The record first registered under these values, though since corrected: importing the
    same roll again finds the household whose room was put right, not a new one."""
    from danyuanzhang.core.merge import key_of

    key = key_of(entity, values)
    found = reg.keyed_records(store, entity, key) if key is not None else []
    return reg.canonical(store, found[0]) if found else None


def _import_row(  # noqa: PLR0913 - a row, and what the import carries from row to row
    store: Store,
    cells: dict[str, str],
    default: tuple[str | None, bool],
    known: dict[str, tuple[str, str]],
    line: int,
    result: RollResult,
    new: _New,
) -> None:
    place = tuple(cells.get(column, "") for column in _PLACE)
    if place not in new.places:  # a flat's rows (merged cells) name it alike
        new.places[place] = _flat_of(store, dict(cells), default, new)
    estate_name, ref, from_title = new.places[place]
    if from_title:
        result.estate_from_title = estate_name
    fields = _said_of_resident(store, cells, known, result, new)
    name = cells.get("name", "")
    if name:
        name = parse_name(name)
    elif fields:
        raise DyzError("roll_fields_without_name")
    household_id = _household_of(store, estate_name, ref, result, new)
    if name:
        _resident_of(store, household_id, name, fields, str(ref), line, result, new)


def _said_of_resident(
    store: Store,
    cells: dict[str, str],
    known: dict[str, tuple[str, str]],
    result: RollResult,
    new: _New,
) -> dict[str, Any]:
    """What a row says of its resident (phone, birth year, moving in, flags, a note), each cell
    read once however many rows repeat it."""
    fields: dict[str, Any] = {}
    if cells.get("phone"):
        if _LOST_DIGITS.fullmatch(cells["phone"]):
            raise DyzError("roll_phone_lost_digits", phone=cells["phone"])
        fields["phone"] = parse_phone(cells["phone"])
    born = cells.get("birth_year")
    if born:
        if born not in new.born_cells:
            new.born_cells[born] = parse_born(_year_of(born))
        fields["born"] = new.born_cells[born]
    moved_in = cells.get("moved_in")
    if moved_in:
        if moved_in not in new.date_cells:
            new.date_cells[moved_in] = parse_date(moved_in, t("col_moved_in"))
        fields["moved_in"] = new.date_cells[moved_in]
    flags = cells.get("flags", "")
    if flags not in new.flag_cells:
        new.flag_cells[flags] = [FLAG_PREFIX + code for code in _flag_codes(store, flags, known)]
    for key in new.flag_cells[flags]:
        fields[key] = True
    said = cells.get("note", "")
    if said and said not in _NO_NOTE:
        if said not in new.note_cells:
            codes, note = _note_cell(said, known)
            kept = parse_free_text(note) if note else ""  # a bad note: said on each of its rows
            new.note_cells[said] = ([FLAG_PREFIX + code for code in codes], kept)
            for word in _FLAG_SPLIT.split(note) if note else []:
                if word and word not in new.note_words:
                    new.note_words.add(word)
                    result.notes.append(word)
        keys, note = new.note_cells[said]
        fields.update(dict.fromkeys(keys, True))
        if note:
            fields["note"] = note
    return fields


def _household_of(store: Store, estate_name: str, ref: Any, result: RollResult, new: _New) -> str:
    """The flat a row names: registered already, met earlier in this roll, or new."""
    flat = (estate_name, ref.building, ref.unit, ref.room)
    # a flat met again in this roll (a resident a row, merged cells) was looked up already
    household_id = new.households.get(flat)
    household = None
    if household_id is None and not new.blank:
        household_id = _registered(
            store,
            "household",
            {"estate": estate_name, "building": ref.building, "unit": ref.unit, "room": ref.room},
        )
        household = reg.household_at(store, *flat)
    if household is None and household_id is None:
        household_id = new_id()
        new.households[flat] = household_id
        new.made.add(household_id)
        new.records[household_id] = (
            "household",
            {"estate": estate_name, "building": ref.building, "unit": ref.unit, "room": ref.room},
        )
        result.households_added += 1
    elif household is not None:
        household_id = household["id"]
    assert household_id is not None
    if household_id not in new.made:
        new.existing[household_id] = str(ref)
    return household_id


def _resident_of(  # noqa: PLR0913 - a person of a row, and what the import carries
    store: Store,
    household_id: str,
    name: str,
    fields: dict[str, Any],
    ref_text: str,
    line: int,
    result: RollResult,
    new: _New,
) -> None:
    """A row's person added, updated or found unchanged. The same person twice in one roll
    is fine; with different details it is a mistake to show, or a second import would flip
    their details back and forth."""
    met = new.people.get((household_id, name))
    resident_id = None
    earlier: dict[str, Any] = {}
    if met is not None:
        earlier = _met_again(store, (household_id, name), fields, line, new)
        resident_id = met[0]
    # nobody is on record yet in a flat this roll registers
    elif household_id not in new.made:
        existing = reg.resident_named(store, household_id, name)
        resident_id = (
            existing["id"]
            if existing is not None
            else _registered(store, "resident", {"household": household_id, "name": name})
        )
    if resident_id is None:
        resident_id = new_id()
        made = {"household": household_id, "name": name, **fields}
        new.records[resident_id] = ("resident", made)
        # what the roll says of them is what the record holds: one dict for both
        new.people[(household_id, name)] = (resident_id, made, line, True)
        result.residents_added += 1
        if household_id in new.existing:
            result.plan.append(t("roll_plan_added", ref=ref_text, name=name))
    elif met is not None and met[3]:  # made by this roll, met again: what it adds joins it
        added = {k: v for k, v in fields.items() if k not in earlier}
        if met[1] is not None:
            met[1].update(added)
        elif added:  # written already
            store.put("resident", resident_id, added)
        if added:
            result.residents_updated += 1
        else:
            result.unchanged += 1
    else:
        if met is None:
            new.people[(household_id, name)] = (resident_id, dict(fields), line, False)
        elif met[1] is not None:
            met[1].update(fields)
        differ = _differing(store, resident_id, fields)
        if differ and store.put("resident", resident_id, fields):
            result.residents_updated += 1
            result.plan.append(t("roll_plan_changed", ref=ref_text, name=name, fields=differ))
        else:
            result.unchanged += 1


def _met_again(
    store: Store, person: tuple[str, str], fields: dict[str, Any], line: int, new: _New
) -> dict[str, Any]:
    """What was said of a person met earlier in this roll (or is on record); refused when this
    row says otherwise."""
    resident_id, pending, last_line, made_here = new.people[person]
    earlier = pending if pending is not None else _said_of(store, resident_id)
    for key, value in fields.items():
        if key in earlier and earlier[key] != value:
            raise DyzError("roll_duplicate_person", name=person[1], other=last_line)
    new.people[person] = (resident_id, pending, line, made_here)
    return earlier


def _flat_of(
    store: Store, cells: dict[str, str], default: tuple[str | None, bool], new: _New
) -> tuple[str, HouseholdRef, bool]:
    """The estate and flat a row's place cells name, and whether the estate is the title's."""
    if cells.get("address") and not (cells.get("room") and cells.get("unit")):
        _split_address(cells)
    building = parse_building(cells["building"]) if cells.get("building") else ""
    unit = cells.get("unit", "").removesuffix("单元")
    room = cells.get("room", "").removesuffix("室").removesuffix("号")
    ref = parse_ref(f"{building}-{unit}-{room}")
    assert new.estate_names is not None
    named = new.estate_names.of(cells["estate"]) if cells.get("estate") else default[0]
    estate_name = new.estates.get(named)  # the same few estates on every row
    if estate_name is None:
        estate_name = new.estates[named] = choose_estate(store, named, for_new=True)
    return estate_name, ref, default[1] and not cells.get("estate")


def _split_address(cells: dict[str, str]) -> None:
    """2栋2单元602室 (or 新芙蓉之都2栋2单元602, or 2-2-602) into its columns."""
    found = _ADDRESS.search(cells["address"])
    if found is None:
        raise DyzError("roll_bad_address", address=cells["address"])
    cells["building"], cells["unit"], cells["room"] = (
        found["building"],
        found["unit"],
        found["room"],
    )
    if found["estate"].strip() and not cells.get("estate"):
        cells["estate"] = found["estate"].strip()


def _year_of(text: str) -> str:
    """The year of a birth date written as a date (1948-03-02, 1948年3月, 1948.03)."""
    found = re.match(r"([0-9]{4})(?:[-/.年]|$)", text.strip())
    return found[1] if found else text


def _flag_codes(store: Store, text: str, known: dict[str, tuple[str, str]]) -> list[str]:
    """The flags of a cell: 独居老人、残疾 or 独居 残疾人, or one per line (Alt-Enter)."""
    codes = []
    for piece in _FLAG_SPLIT.split(text):
        piece = piece.strip()
        if not piece:
            continue
        try:
            codes.append(flag_code(store, piece, known))
        except DyzError:
            words = piece.split()
            if len(words) < 2:
                raise
            codes.extend(flag_code(store, word, known) for word in words)
    return codes


def _note_cell(text: str, known: dict[str, tuple[str, str]]) -> tuple[list[str], str]:
    """A 备注 cell (独居老人，党员，子女在国外): the flags its words name, and the rest as the
    resident's note, as written when no word was a flag."""
    from danyuanzhang.text.words import flag

    vocabulary = flag(known)
    codes: list[str] = []
    rest: list[str] = []
    for piece in _FLAG_SPLIT.split(text):
        piece = piece.strip()
        code = vocabulary.read(piece) if piece else None
        if code is not None:
            codes.append(code)
            continue
        words = piece.split()
        read = [vocabulary.read(word) for word in words]
        codes += [code for code in read if code is not None]
        left = " ".join(word for word, code in zip(words, read, strict=True) if code is None)
        if left:
            rest.append(left)
    if not codes:
        return [], text.strip()
    return codes, "，".join(rest)


def roll_rows(
    store: Store,
    estate: str | None = None,
    building: str | None = None,
    unit: str | None = None,
) -> tuple[list[str], list[list[Any]]]:
    """The roll in the layout `import_roll` reads (the template's headers, in the interface's
    language): a row per resident living there, a row for a flat with none. Importing it
    again changes nothing."""
    from danyuanzhang.households.registry import list_households
    from danyuanzhang.text.i18n import lang

    chinese = lang() == "zh"
    known = known_flags(store)
    households = list_households(store, estate=estate, building=building, unit=unit)
    ids = [h["id"] for h in households]
    people: dict[str, list[tuple[Any, ...]]] = {}
    for row in reg.roll_residents(store, ids):
        people.setdefault(row[1], []).append(tuple(row))
    flags = reg.flags_by_resident(store, ids)
    rows: list[list[Any]] = []
    for household in households:
        flat = [household["estate"], household["building"], household["unit"], household["room"]]
        living = people.get(household["id"], [])
        for resident_id, _, name, phone, born, moved_in, note in living:
            codes = flags.get(resident_id, [])
            # labels in Chinese; in English the codes, as English labels may hold commas
            written = (
                "、".join(known.get(c, (c, c))[0] for c in codes) if chinese else "; ".join(codes)
            )
            rows.append([*flat, name, phone or "", born, written, moved_in or "", note or ""])
        if not living:
            rows.append([*flat, "", "", None, "", "", ""])
    return list(COLUMNS_ZH if chinese else COLUMNS), rows


def _differing(store: Store, resident_id: str, fields: dict[str, Any]) -> str:
    """The columns whose value the roll changes for a resident already here, in words."""
    from danyuanzhang.text.i18n import join

    row = reg.resident(store, resident_id)
    flags = set(reg.flags_of(store, resident_id))
    changed = []
    for name, column in (
        ("phone", "phone"),
        ("born", "birth_year"),
        ("moved_in", "moved_in"),
        ("note", "note"),
    ):
        if name in fields and fields[name] != row[name]:
            changed.append(column_word(column))
    if any(k.startswith(FLAG_PREFIX) and k[len(FLAG_PREFIX) :] not in flags for k in fields):
        changed.append(column_word("flags"))
    return join(changed)


def row_numbers(rows: list[tuple[str, int]]) -> str:
    """Rows as a person finds them: 第 5、9 行, or 2栋第 5、9 行；3栋第 4 行 when the roll has
    several sheets."""
    from danyuanzhang.text.i18n import pick

    by_sheet: dict[str, list[int]] = {}
    for sheet, line in rows:
        by_sheet.setdefault(sheet, []).append(line)
    return pick("；", "; ").join(
        t(
            "roll_rows_in_sheet" if sheet else "roll_rows",
            sheet=sheet,
            lines=pick("、", ", ").join(str(n) for n in lines[:_SHOWN_ROWS])
            + pick("等", " …") * (len(lines) > _SHOWN_ROWS),
        )
        for sheet, lines in by_sheet.items()
    )


def _missing_residents(
    store: Store, new: _New, on_roll: set[str], result: RollResult, moved_out: bool
) -> None:
    """Who lives, by the notebook, in a flat of the roll but is not on it: listed, and recorded
    as moved out today if asked (`--moved-out`)."""
    from danyuanzhang.text.inputs import day_or_today

    today = day_or_today(None)
    for household_id, ref in new.existing.items():
        for row in reg.residents_of(store, household_id):
            if row["moved_out"] or row["id"] in on_roll:
                continue
            result.missing.append((ref, row["name"]))
            if moved_out:
                store.put("resident", row["id"], {"moved_out": today})
                result.moved_out += 1
