"""The words of the practice: resident flags and roster roles, with their Chinese names."""

from __future__ import annotations

BUILTIN_FLAGS: dict[str, tuple[str, str]] = {
    "elderly_alone": ("独居老人", "elderly, lives alone"),
    "children_away": ("子女不在身边", "children away"),
    "disabled": ("残疾", "disabled"),
    "new_arrival": ("新迁入", "new arrival"),
    "tenant": ("租户", "tenant"),
    "needs_help": ("需帮扶", "needs help"),
}

ROLES: dict[str, tuple[str, str]] = {
    "area_head": ("片长", "area head"),
    "building_head": ("楼栋长", "building head"),
    "unit_head": ("单元长", "unit head"),
    "household_rep": ("户代表", "household representative"),
}

# What scope each role is given: an area by name, a building ("2") or a unit ("2-2").
ROLE_SCOPES = {
    "area_head": "area",
    "building_head": "building",
    "unit_head": "unit",
    "household_rep": "unit",
}


def role_from_text(text: str) -> str | None:
    """`unit_head`, `单元长` or `unit head` all name the same role."""
    wanted = text.strip().lower().replace(" ", "_")
    for code, (zh, en) in ROLES.items():
        if wanted in (code, zh, en.replace(" ", "_")):
            return code
    return None
