"""Changing the registry from the office: residents, households, moves, merges, reveals.

Every change runs in one transaction with an AuditEvent naming who did it (ids and field
names only: an audit record never holds a full ID number or phone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import Gender, Relation, ResidentKind, ResidentState, RevocationReason, Role
from db.models import AuditEvent, Community, Household, Resident
from desktop.idnumber import IdNumberError, parse
from desktop.masking import mask_name
from desktop.names import name_initials
from desktop.office_outbox import resident_changed
from desktop.passes.revocation import revoke_resident_passes
from desktop.registry_fields import (
    RegistryError,
    clean_grid,
    clean_name,
    clean_phone,
)
from desktop.registry_places import PlaceForm, household_at, place_room
from desktop.registry_reveal import Revealed, reveal

__all__ = [
    "HouseholdForm",
    "PlaceForm",
    "RegistryEditor",
    "RegistryError",
    "ResidentForm",
    "Revealed",
]


@dataclass(frozen=True, slots=True)
class ResidentForm:
    """A resident as typed in the form. On an edit, None means "leave as it is"."""

    name: str
    id_number: str | None = None
    phone: str | None = None
    # Where the resident lives: a household, or a room whose household (made when there is
    # none yet) takes them. Neither: no change on an edit, no household on a new resident.
    household_id: int | None = None
    place: PlaceForm | None = None
    relation: Relation = Relation.OTHER
    kind: ResidentKind = ResidentKind.OWNER
    grid: str | None = None  # None: the household's grid
    # Only used without an ID number; with one, both come from the number.
    gender: Gender = Gender.UNKNOWN
    birth_date: date | None = None
    elderly_without_phone: bool = False
    lives_alone: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True)
class HouseholdForm:
    place: PlaceForm
    phone: str | None = None  # None: unchanged on an edit, none on a new household
    grid: str = ""
    notes: str = ""


_PASS_REASONS = {
    ResidentState.MOVED_OUT: RevocationReason.MOVED_OUT,
    ResidentState.DECEASED: RevocationReason.DECEASED,
}


class RegistryEditor:
    """Registry changes for one community; errors are RegistryError with a stable code."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        timezone: str,
        clock: Callable[[], datetime] = utcnow,
        *,
        user_id: int | None = None,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self.timezone = timezone
        self.zone = ZoneInfo(timezone)
        self._clock = clock
        self.user_id = user_id

    @classmethod
    def for_registry(cls, registry, *, user_id: int | None = None) -> RegistryEditor:
        """An editor for the community a RegistryService reads, in its time zone."""
        with registry.sessions() as session:
            zone = session.get(Community, registry.community_id).timezone
        return cls(registry.sessions, registry.community_id, zone, user_id=user_id)

    def today(self) -> date:
        return self._clock().astimezone(self.zone).date()

    def _audit(self, session: Session, action: str, target_id: int | None, **detail) -> None:
        """The audit row of a change and, for the city, the outbox rows of the residents it
        touched (an address or grid change of a household touches all who live there)."""
        now = self._clock()
        session.add(
            AuditEvent(
                occurred_at=now,
                user_id=self.user_id,
                action=action,
                target_kind="household" if action.startswith("household.") else "resident",
                target_id=target_id,
                detail=detail,
            )
        )
        if action.startswith("resident."):
            resident = session.get(Resident, target_id)
            if resident is not None:
                resident_changed(session, resident, action.removeprefix("resident."), now)
        elif action == "household.update" and detail.get("fields"):
            members = select(Resident).where(Resident.household_id == target_id)
            for member in session.scalars(members.where(Resident.state == ResidentState.ACTIVE)):
                resident_changed(session, member, "household", now)

    def _resident(self, session: Session, resident_id: int) -> Resident:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.community_id != self.community_id:
            raise RegistryError("resident-not-found", "the resident is no longer in the registry")
        return resident

    def _household(self, session: Session, household_id: int) -> Household:
        household = session.get(Household, household_id)
        if household is None or household.community_id != self.community_id:
            raise RegistryError("household-not-found", "the household is no longer in the registry")
        return household

    # Residents -------------------------------------------------------------------------

    def resident_form(self, resident_id: int) -> ResidentForm:
        """A resident's details to fill an edit form; the ID number and phone stay None
        ("unchanged") so opening the form reveals neither."""
        with self._sessions() as session:
            r = self._resident(session, resident_id)
            place = None
            if r.household is not None and r.household.room is not None:
                room = r.household.room
                place = PlaceForm(room.unit.building.number, room.unit.number, room.number)
            return ResidentForm(
                name=r.name,
                place=place,
                relation=r.relation,
                kind=r.kind,
                grid=r.grid,
                gender=r.gender,
                birth_date=r.birth_date,
                elderly_without_phone=r.elderly_without_phone,
                lives_alone=r.lives_alone,
                notes=r.notes,
            )

    def household_form(self, household_id: int) -> HouseholdForm:
        """A household's details to fill an edit form; the phone stays None ("unchanged")."""
        with self._sessions() as session:
            household = self._household(session, household_id)
            room = household.room
            place = PlaceForm("", "", "")
            if room is not None:
                place = PlaceForm(room.unit.building.number, room.unit.number, room.number)
            return HouseholdForm(place, grid=household.grid, notes=household.notes)

    def create_resident(self, form: ResidentForm) -> int:
        """Register a resident; returns the new id. The ID number gives birth date and gender."""
        with self._sessions() as session, session.begin():
            resident = Resident(community_id=self.community_id, state=ResidentState.ACTIVE)
            resident.created_at = resident.updated_at = self._clock()
            changed = self._apply(session, resident, form, new=True)
            session.add(resident)
            session.flush()
            self._audit(session, "resident.create", resident.id, fields=changed)
            return resident.id

    def update_resident(self, resident_id: int, form: ResidentForm) -> None:
        """Change a resident's details (and household, when the form names another)."""
        with self._sessions() as session, session.begin():
            resident = self._resident(session, resident_id)
            before = resident.household_id
            changed = self._apply(session, resident, form, new=False)
            session.flush()
            if before is not None and before != resident.household_id:
                self._maybe_empty(session, before)
            self._audit(session, "resident.update", resident.id, fields=changed)

    def _apply(
        self, session: Session, resident: Resident, form: ResidentForm, *, new: bool
    ) -> list[str]:
        """Check every field first, then set them; returns the names of changed fields."""
        values: dict[str, object] = {"name": clean_name(form.name)}
        values["name_initials"] = name_initials(values["name"])
        if form.id_number is not None:
            values.update(self._id_fields(session, form.id_number, resident.id))
        if not values.get("id_number", resident.id_number):
            values.setdefault("gender", form.gender)
            if form.birth_date is not None and form.birth_date > self.today():
                raise RegistryError(
                    "birth-in-future", "the birth date is after today", field="birth_date"
                )
            values.setdefault("birth_date", form.birth_date)
        if form.phone is not None:
            phone = clean_phone(form.phone)
            values.update(phone=phone, phone_tail=phone[-4:])
        household = None
        if form.household_id is not None:
            household = self._household(session, form.household_id)
        elif form.place is not None:
            household = household_at(session, self.community_id, form.place, self._clock())
        if household is not None:
            values["household_id"] = household.id
            household.moved_out_at = None
        if form.grid is not None:
            values["grid"] = clean_grid(form.grid)
        elif household is not None:
            values["grid"] = household.grid
        values.update(
            relation=form.relation,
            kind=form.kind,
            elderly_without_phone=form.elderly_without_phone,
            lives_alone=form.lives_alone,
            notes=form.notes.strip(),
        )
        changed = []
        for field, value in values.items():
            if new or getattr(resident, field) != value:
                setattr(resident, field, value)
                changed.append(field)
        return sorted(c for c in changed if not c.endswith(("_tail", "_initials")))

    def _id_fields(self, session: Session, raw: str, own_id: int | None) -> dict[str, object]:
        if not raw.strip():
            return {"id_number": None, "id_tail": ""}
        try:
            info = parse(raw, today=self.today())
        except IdNumberError as exc:
            raise RegistryError(
                "bad-id", "the ID number is not valid", field="id_number", reason=exc.code
            ) from exc
        other = session.scalars(
            select(Resident).where(Resident.id_number == info.number).limit(1)
        ).first()
        if other is not None and other.id != own_id:
            raise RegistryError(
                "duplicate-id",
                "this ID number is registered for another resident",
                field="id_number",
                name=mask_name(other.name),
                resident_id=other.id,
            )
        return {
            "id_number": info.number,
            "id_tail": info.number[-4:],
            "birth_date": info.birth_date,
            "gender": Gender(info.gender),
        }

    def move_resident(self, resident_id: int, household_id: int) -> None:
        """Move a resident into another household (a household left empty is marked moved
        out; one that was empty lives again)."""
        with self._sessions() as session, session.begin():
            resident = self._resident(session, resident_id)
            target = self._household(session, household_id)
            before = resident.household_id
            if before == target.id:
                return
            resident.household_id = target.id
            resident.grid = target.grid or resident.grid
            target.moved_out_at = None
            session.flush()
            if before is not None:
                self._maybe_empty(session, before)
            self._audit(session, "resident.move", resident.id, to=target.id, **{"from": before})

    def move_out(self, resident_id: int, on: date) -> None:
        """The resident moved away on `on` (not after today)."""
        self._leave(resident_id, on, ResidentState.MOVED_OUT, "resident.move-out")

    def mark_deceased(self, resident_id: int, on: date) -> None:
        """The resident died on `on` (not after today)."""
        self._leave(resident_id, on, ResidentState.DECEASED, "resident.deceased")

    def _leave(self, resident_id: int, on: date, state: ResidentState, action: str) -> None:
        if on > self.today():
            raise RegistryError("date-in-future", "the date is after today", field="date")
        with self._sessions() as session, session.begin():
            resident = self._resident(session, resident_id)
            if resident.state is not ResidentState.ACTIVE:
                raise RegistryError("not-active", "the resident is not registered as living here")
            resident.state = state
            session.flush()
            # The pass of someone who left must stop opening the gate at once.
            revoke_resident_passes(session, resident.id, _PASS_REASONS[state], self._clock())
            if resident.household_id is not None:
                when = datetime.combine(on, time(), tzinfo=self.zone)
                self._maybe_empty(session, resident.household_id, when)
            self._audit(session, action, resident.id, date=on.isoformat())

    def restore(self, resident_id: int) -> None:
        """Undo a move-out or a death record: the resident lives here again."""
        with self._sessions() as session, session.begin():
            resident = self._resident(session, resident_id)
            if resident.state is ResidentState.ACTIVE:
                return
            previous = resident.state
            resident.state = ResidentState.ACTIVE
            if resident.household_id is not None:
                self._household(session, resident.household_id).moved_out_at = None
            self._audit(session, "resident.restore", resident.id, previous=previous.value)

    def _maybe_empty(self, session: Session, household_id: int, when: datetime | None = None):
        """Mark a household moved out once nobody lives in it any more."""
        living = session.scalar(
            select(func.count())
            .select_from(Resident)
            .where(Resident.household_id == household_id)
            .where(Resident.state == ResidentState.ACTIVE)
        )
        household = session.get(Household, household_id)
        if not living and household is not None and household.moved_out_at is None:
            household.moved_out_at = when or self._clock()

    # Households ------------------------------------------------------------------------

    def create_household(self, form: HouseholdForm) -> int:
        """A new household at an address (building, unit and room are made when new)."""
        with self._sessions() as session, session.begin():
            room = place_room(session, self.community_id, form.place)
            household = Household(
                community_id=self.community_id,
                room_id=room.id,
                phone=clean_phone(form.phone or ""),
                grid=clean_grid(form.grid),
                notes=form.notes.strip(),
                created_at=self._clock(),
            )
            session.add(household)
            session.flush()
            self._audit(session, "household.create", household.id)
            return household.id

    def update_household(self, household_id: int, form: HouseholdForm) -> None:
        """Change a household's address, phone, grid or notes; its members follow the grid."""
        with self._sessions() as session, session.begin():
            household = self._household(session, household_id)
            room = place_room(session, self.community_id, form.place)
            grid = clean_grid(form.grid)
            values = {"room_id": room.id, "grid": grid, "notes": form.notes.strip()}
            if form.phone is not None:
                values["phone"] = clean_phone(form.phone)
            changed = [k for k, v in values.items() if getattr(household, k) != v]
            for key in changed:
                setattr(household, key, values[key])
            if "grid" in changed:
                for member in session.scalars(
                    select(Resident).where(Resident.household_id == household.id)
                ):
                    member.grid = grid
            self._audit(session, "household.update", household.id, fields=changed)

    # Merge and reveal ------------------------------------------------------------------

    def merge(self, keep_id: int, other_id: int) -> dict[str, int]:
        """Merge a duplicate into `keep_id`; see desktop.registry_merge. Returns the rows moved
        per table."""
        from desktop.registry_merge import merge_residents

        with self._sessions() as session, session.begin():
            keep = self._resident(session, keep_id)
            other = self._resident(session, other_id)
            left = other.household_id
            resident_changed(
                session, other, "merged-away", self._clock(), extra={"merged_into": keep_id}
            )
            moved = merge_residents(session, keep, other, self.today(), self.zone, self._clock())
            if left is not None and left != keep.household_id:
                self._maybe_empty(session, left)
            self._audit(
                session, "resident.merge", keep_id, kept=keep_id, removed=other_id, moved=moved
            )
            return moved

    def reveal(self, resident_id: int, role: Role, user_id: int | None = None) -> Revealed:
        """The full ID number and/or phone the role may see; audited every time."""
        with self._sessions() as session, session.begin():
            resident = self._resident(session, resident_id)
            return reveal(
                session,
                resident,
                Role(role),
                user_id if user_id is not None else self.user_id,
                self._clock(),
            )
