"""The community office's list of the laptops it has admitted, signed by the office, as every
bundle of a laptop that belongs to a community carries it (docs/bundle-format.md, "office").

The office signs the list's canonical text (`signed_text`) with its Ed25519 key, so a laptop can
check a list relayed by any other laptop against the office key it trusts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Member:
    device: str
    name: str
    key: str  # "" when admitted before it had signed a bundle: pinned from its first one
    admitted: str  # the office's clock stamp when it was admitted
    # the last of its changes the office accepted (beyond it none is taken); "" while it belongs
    revoked: str = ""
    revoked_on: str = ""  # the office's clock stamp when it revoked it ("" from earlier lists)

    def when_revoked(self) -> str:
        """The stamp that dates the revocation: its own, or (a list of an earlier version) the
        last change that counts."""
        return self.revoked_on or self.revoked


@dataclass
class OfficeList:
    device: str
    name: str
    key: str
    issued: str  # the office's clock stamp when the list last changed: a later list wins
    members: list[Member] = field(default_factory=list)
    signature: str = ""

    def signed_text(self) -> str:
        """What the office signs: its identity, the stamp, then each member sorted by id, the
        fields joined by U+001F and the members by U+001E (no field may hold either); a
        member's `revoked_on` follows only when there is one, so that an earlier list reads as
        it was signed."""
        head = "\x1f".join(("dyz-members", self.device, self.name, self.key, self.issued))
        rows = (
            "\x1f".join(
                (m.device, m.name, m.key, m.admitted, m.revoked)
                + ((m.revoked_on,) if m.revoked_on else ())
            )
            for m in sorted(self.members, key=lambda m: m.device)
        )
        return "\x1e".join((head, *rows))

    def member(self, device: str) -> Member | None:
        for member in self.members:
            if member.device == device:
                return member
        return None
