"""Finding a household from what a unit head types at the door: part of a reference, a room
number, or a resident's name. Fast enough to run on every keystroke over a district.

>>> index = HouseholdIndex.build(store)  # doctest: +SKIP
>>> [h.label for h in index.match("刘桂")]  # doctest: +SKIP
['2-2-301  刘桂英']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from danyuanzhang.system.tuples import Record

MATCH_LIMIT = 12


class Household(Record):
    id: str
    estate: str
    ref: str
    label: str  # what the list shows and what picking it types: "2-2-301  刘桂英 王建国"


class HouseholdIndex:
    """Every household's searchable words in one string, one line each: a search is one
    C-speed `str.find` pass that stops at the first few hits, whatever the size."""

    def __init__(self, households: list[Household], keys: list[str]) -> None:
        self.households = households
        self.blob = "\n".join(keys) + "\n"
        starts, position = [], 0
        for key in keys:
            starts.append(position)
            position += len(key) + 1
        self.starts = starts
        self.by_label = {h.label: h for h in households}

    @classmethod
    def build(cls, store: Any) -> HouseholdIndex:
        from danyuanzhang.store.visits import search_index

        return cls.from_rows(search_index(store))

    @classmethod
    def from_rows(cls, rows: list[Any]) -> HouseholdIndex:
        estates = {row["estate"] for row in rows}
        households, keys = [], []
        for row in rows:
            ref = f"{row['building']}-{row['unit']}-{row['room']}"
            names = row["names"] or ""
            label = f"{ref}  {names}".rstrip()
            if len(estates) > 1:
                label = f"{row['estate']} {label}"
            households.append(Household(row["id"], row["estate"], ref, label))
            keys.append(
                f"{ref} {row['building']}栋{row['unit']}单元{row['room']} {names} {row['estate']}".lower()
            )
        return cls(households, keys)

    def match(self, typed: str, limit: int = MATCH_LIMIT) -> list[Household]:
        """Households whose reference, room or residents' names contain what was typed: an
        exact reference first, then the others in address order."""
        wanted = " ".join(typed.split()).lower()
        if not wanted or "\n" in wanted:
            return []
        exact = self.by_label.get(typed.strip())
        if exact is not None:
            return [exact]
        found: list[int] = []
        canonical = as_ref_text(typed)
        if canonical is not None:  # the flat itself, in any estate, before rooms that contain it
            found = self._lines("\n" + canonical + " ", limit, offset=1)
            if self.blob.startswith(canonical + " "):
                found.insert(0, 0)
        for line in self._lines(wanted, limit):
            if len(found) >= limit:
                break
            if line not in found:
                found.append(line)
        return [self.households[i] for i in found]

    def near(
        self, typed: str, unit: str | None = None, limit: int = MATCH_LIMIT
    ) -> list[Household]:
        """Households a name that matched nothing may have meant: a resident's name one
        character off (周长福 or 周福 for 周常福), then, in `unit` ("2-2"), residents of the
        same surname."""
        name = "".join(typed.split()).lower()
        if len(name) < 2 or as_ref_text(name) is not None or name.isdigit():
            return []
        found: list[int] = []
        for match in _one_off(name).finditer(self.blob):
            line = bisect_right(self.starts, match.start()) - 1
            if line not in found:
                found.append(line)
            if len(found) >= limit:
                break
        if unit is not None and not name[0].isascii():
            prefix = f"{unit}-"
            for line, household in enumerate(self.households):
                if len(found) >= limit:
                    break
                if line in found or not household.ref.startswith(prefix):
                    continue
                if any(other.startswith(name[0]) for other in _names(household)):
                    found.append(line)
        return [self.households[i] for i in found]

    def _lines(self, needle: str, limit: int, offset: int = 0) -> list[int]:
        blob, starts = self.blob, self.starts
        lines: list[int] = []
        position = blob.find(needle)
        while position >= 0 and len(lines) < limit:
            line = bisect_right(starts, position + offset) - 1
            lines.append(line)
            following = starts[line + 1] if line + 1 < len(starts) else len(blob)
            position = blob.find(needle, following - offset)
        return lines


def _one_off(name: str) -> re.Pattern[str]:
    """A whole word one character off `name`: one changed, one missing or one more."""
    chars = [re.escape(c) for c in name]
    variants = []
    for i in range(len(chars) + 1):
        variants.append("".join(chars[:i]) + r"\S" + "".join(chars[i:]))
        if i < len(chars):
            variants.append("".join(chars[:i]) + r"\S" + "".join(chars[i + 1 :]))
            if len(chars) > 2:
                variants.append("".join(chars[:i]) + "".join(chars[i + 1 :]))
    return re.compile(r"(?<=\s)(?:" + "|".join(variants) + r")(?=\s)")


def _names(household: Household) -> list[str]:
    return household.label.split("  ", 1)[1].split() if "  " in household.label else []


def as_ref_text(typed: str) -> str | None:
    from danyuanzhang.errors import DyzError
    from danyuanzhang.text.inputs import parse_ref

    try:
        return str(parse_ref(typed))
    except DyzError:
        return None
