"""Who may see full personal data, and the audited reveal of it.

| role        | name | phone | ID number |
|-------------|------|-------|-----------|
| gate-staff  | masked | masked | masked |
| grid-worker | full   | full   | masked |
| secretary   | full   | full   | full   |
| admin       | full   | full   | full   |

Screens mask everything by default whatever the role; the table says what a reveal or an
Excel export may show. Every reveal writes an AuditEvent, as does every export that is not
fully masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from db.enums import Role
from db.models import AuditEvent, Resident
from desktop.masking import mask_id_number, mask_name, mask_phone
from desktop.registry_fields import RegistryError


class Masking(StrEnum):
    """How much of the personal data an export or a reveal shows."""

    ALL_MASKED = "all-masked"
    ID_MASKED = "id-masked"  # names and phones in full, ID numbers masked
    FULL = "full"


@dataclass(frozen=True, slots=True)
class Disclosure:
    name: bool
    phone: bool
    id_number: bool

    @property
    def masking(self) -> Masking:
        if self.id_number:
            return Masking.FULL
        return Masking.ID_MASKED if self.phone else Masking.ALL_MASKED

    def show_name(self, name: str) -> str:
        return name if self.name else mask_name(name)

    def show_phone(self, phone: str) -> str:
        return phone if self.phone else mask_phone(phone)

    def show_id(self, number: str | None) -> str:
        return (number or "") if self.id_number else mask_id_number(number or "")


NOTHING = Disclosure(name=False, phone=False, id_number=False)
DISCLOSURE: dict[Role, Disclosure] = {
    Role.GATE_STAFF: NOTHING,
    Role.GRID_WORKER: Disclosure(name=True, phone=True, id_number=False),
    Role.SECRETARY: Disclosure(name=True, phone=True, id_number=True),
    Role.ADMIN: Disclosure(name=True, phone=True, id_number=True),
}


def disclosure_for(role: Role | str) -> Disclosure:
    """What a role may see in full (an unknown role sees nothing)."""
    try:
        return DISCLOSURE[Role(role)]
    except ValueError:
        return NOTHING


def may_reveal(role: Role | str) -> bool:
    return disclosure_for(role) != NOTHING


@dataclass(frozen=True, slots=True)
class Revealed:
    """A resident's details as far as the role may see them."""

    resident_id: int
    name: str
    id_number: str
    phone: str
    masking: Masking


def reveal(
    session: Session, resident: Resident, role: Role, user_id: int | None, now: datetime
) -> Revealed:
    """Show what `role` may see of `resident` and record that it was seen."""
    disclosure = disclosure_for(role)
    if disclosure == NOTHING:
        raise RegistryError("reveal-not-allowed", "this role cannot see full personal data")
    fields = [
        name
        for name, shown in (
            ("name", disclosure.name),
            ("phone", disclosure.phone),
            ("id_number", disclosure.id_number),
        )
        if shown
    ]
    session.add(
        AuditEvent(
            occurred_at=now,
            user_id=user_id,
            action="reveal",
            target_kind="resident",
            target_id=resident.id,
            detail={"role": role.value, "fields": fields},
        )
    )
    return Revealed(
        resident_id=resident.id,
        name=disclosure.show_name(resident.name),
        id_number=disclosure.show_id(resident.id_number),
        phone=disclosure.show_phone(resident.phone),
        masking=disclosure.masking,
    )
