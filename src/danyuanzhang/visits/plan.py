"""What one visit records, as the person gave it: the plan the interview (`dyz visit`) and the
one-line form (`dyz visit add`) fill alike, and `doorstep.record_visit` checks and writes.

>>> plan = VisitPlan(household="2-2-301", needs=[Need("维修", "楼道灯坏了")], anti_fraud_app=True)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Need:
    category: str
    text: str
    done: str | None = None  # what was done on the spot; None keeps it open as a petition
    volunteer: str | None = None  # the id of the volunteer it is handed to at the door


@dataclass
class Arrival:
    name: str
    phone: str | None = None


@dataclass
class VisitPlan:
    """Everything one visit records, as the person gave it (still to be checked)."""

    household: str = ""  # a reference such as 2-2-301, or a household id
    estate: str | None = None
    new_household: bool = False
    on: str | None = None
    kind: str = "door"
    outcome: str = "met"
    visitor: str | None = None
    introduced: bool = False
    moved_in: list[Arrival] = field(default_factory=list)
    moved_out: list[str] = field(default_factory=list)  # names of current residents
    flags: list[tuple[str, str]] = field(default_factory=list)  # (resident's name, flag)
    needs: list[Need] = field(default_factory=list)
    hazards: list[tuple[str, str]] = field(default_factory=list)  # (kind, note): this flat's
    common_hazards: list[tuple[str, str]] = field(default_factory=list)  # no one flat's
    anti_fraud_app: bool | None = None
    briefed: bool = False
    wellbeing: str | None = None
    # what help someone found needing it asked for: (category, text), kept as a need
    help_needed: tuple[str, str] | None = None
    met: list[str] | None = None  # the residents met, by name (None: not said)
    note: str | None = None
    # a care visit's areas checked, as said: (area, 正常 or what was found); and 转介
    checks: list[tuple[str, str]] = field(default_factory=list)
    referral: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VisitPlan:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        plan = cls(**known)
        plan.moved_in = [Arrival(**a) for a in data.get("moved_in", [])]
        plan.needs = [Need(**n) for n in data.get("needs", [])]
        plan.flags = [(name, flag) for name, flag in data.get("flags", [])]
        plan.hazards = [(kind, note) for kind, note in data.get("hazards", [])]
        plan.common_hazards = [(kind, note) for kind, note in data.get("common_hazards", [])]
        plan.checks = [(area, found) for area, found in data.get("checks", [])]
        helped = data.get("help_needed")
        plan.help_needed = (str(helped[0]), str(helped[1])) if helped else None
        return plan
