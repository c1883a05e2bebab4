"""What the council's functions (council.py) take and give: plain dicts, whose keys mypy
checks."""

from __future__ import annotations

from typing import TypedDict


class Meeting(TypedDict, total=False):
    """The council's record of a meeting, as typed (`dyz council propose --place …`)."""

    place: str | None
    host: str | None
    recorder: str | None
    expected: int | None
    present: int | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None


class Proposed(TypedDict):
    id: str
    text: str
    petitions: list[str]


class Decided(TypedDict):
    id: str
    decision: str


class AgendaMatter(TypedDict):
    """An escalated matter waiting for the council: one line however many needs it joins."""

    category: str
    unit: str
    households: int
    petitions: list[str]
    texts: list[str]  # the residents' words, phones masked; none for another laptop's
    waiting_days: int
    kept_elsewhere: int  # needs of the matter held on other laptops


class AgendaProposal(TypedDict):
    """A proposal the office has not answered."""

    id: str
    text: str
    proposed_on: str
    petitions: list[str]
    waiting_days: int


class Agenda(TypedDict):
    date: str
    community: str | None
    matters: list[AgendaMatter]
    proposals: list[AgendaProposal]
