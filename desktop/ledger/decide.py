"""What an import does with each accepted row, given the registry as it is now.

Rules:
- A row whose ID number is registered (in this community, active) MERGES into that resident:
  the file's non-empty values replace differing ones, an empty cell never erases anything,
  gender and birth date follow the ID number. A row changing nothing is UNCHANGED.
- A registered resident marked moved out or deceased is not revived: the row is refused
  ("inactive"); so is a number registered in another community ("other_community").
- Rows at one room form one household; a 户号 column, when filled, splits a room into
  several. The household of a group is the one in that room where most of its registered
  members live; else, without a 户号, the room's household with residents (the newest); else
  an empty household of the room; else a new one. A resident whose household is another
  one moves there (an address change moves the resident).
- In a household, the first row saying 户主 is the head; later ones are set to "other"
  (a warning counts them).
- Buildings, units and rooms are created as needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from db.enums import Relation, ResidentKind, ResidentState
from desktop.ledger.address import Place
from desktop.ledger.reasons import detail_text
from desktop.ledger.rows import LedgerRow, RejectedRow, reject
from desktop.ledger.state import FIELDS, Registered, RegistryState

GroupKey = tuple[str, str, str, str]  # building, unit, room, household number
_STATE_DETAIL = {
    ResidentState.MOVED_OUT: "state_moved_out",
    ResidentState.DECEASED: "state_deceased",
}


@dataclass(frozen=True, slots=True)
class NewHousehold:
    key: GroupKey
    place: Place
    phone: str
    grid: str


@dataclass
class Decision:
    # (row, the resident's values, the household group)
    new: list[tuple[LedgerRow, dict, GroupKey]] = field(default_factory=list)
    # (resident id, the resident's values, the household group)
    merged: list[tuple[int, dict, GroupKey]] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: Counter[str] = field(default_factory=Counter)
    # group -> its household id (None: a new one)
    targets: dict[GroupKey, int | None] = field(default_factory=dict)
    new_households: list[NewHousehold] = field(default_factory=list)
    new_buildings: set[str] = field(default_factory=set)
    new_rooms: set[Place] = field(default_factory=set)


def _target(
    key: GroupKey,
    members: list[tuple[LedgerRow, Registered | None]],
    state: RegistryState,
    claimed: set[int],
) -> int | None:
    room_id = state.room_id(*key[:3])
    if room_id is None:
        return None
    here = [h for h in state.room_households.get(room_id, ()) if h not in claimed]
    votes = Counter(reg.household_id for _, reg in members if reg and reg.household_id in here)
    if votes:
        return min(votes, key=lambda h: (-votes[h], h))
    if not key[3]:
        living = [h for h in here if h in state.living]
        return (living or here or [None])[0]
    empty = [h for h in here if h not in state.living]
    return empty[0] if empty else None


def _values(row: LedgerRow, reg: Registered | None, relation: Relation | None) -> dict:
    def pick(mine, field_name: str, default):
        if mine is not None:
            return mine
        return getattr(reg, field_name) if reg is not None else default

    return {
        "name": row.name,
        "gender": row.gender,
        "birth_date": row.birth_date,
        "phone": pick(row.phone, "phone", ""),
        "relation": pick(relation, "relation", Relation.OTHER),
        "kind": pick(row.kind, "kind", ResidentKind.OWNER),
        "grid": pick(row.grid, "grid", ""),
        "elderly_without_phone": pick(row.elderly_without_phone, "elderly_without_phone", False),
        "lives_alone": pick(row.lives_alone, "lives_alone", False),
        "notes": pick(row.notes, "notes", ""),
    }


def decide(rows: Iterable[LedgerRow], state: RegistryState, community_id: int) -> Decision:
    """Match accepted rows against the registry (see the module's rules). Writes nothing."""
    decision = Decision()
    groups: dict[GroupKey, list[tuple[LedgerRow, Registered | None]]] = {}
    for row in rows:
        reg = state.residents.get(row.id_number)
        if reg is not None and reg.community_id != community_id:
            decision.rejected.append(reject(row.source_row, row.cells, "other_community"))
            continue
        if reg is not None and reg.state != ResidentState.ACTIVE:
            detail = detail_text(_STATE_DETAIL.get(reg.state, "state_moved_out"))
            decision.rejected.append(reject(row.source_row, row.cells, "inactive", detail))
            continue
        place = row.place
        key = (place.building, place.unit, place.room, row.household_no)
        groups.setdefault(key, []).append((row, reg))
    claimed: set[int] = set()
    for key, members in groups.items():
        target = _target(key, members, state, claimed)
        decision.targets[key] = target
        if target is None:
            _plan_household(decision, state, key, members)
        else:
            claimed.add(target)
        head_seen = False
        for row, reg in members:
            relation = row.relation
            if relation == Relation.HEAD:
                if head_seen:
                    relation = Relation.OTHER
                    decision.warnings["extra_head"] += 1
                head_seen = True
            values = _values(row, reg, relation)
            if reg is None:
                decision.new.append((row, values, key))
            elif (
                target is None
                or reg.household_id != target
                or any(getattr(reg, name) != values[name] for name in FIELDS)
            ):
                decision.merged.append((reg.id, values, key))
            else:
                decision.unchanged += 1
    return decision


def _plan_household(
    decision: Decision,
    state: RegistryState,
    key: GroupKey,
    members: list[tuple[LedgerRow, Registered | None]],
) -> None:
    rows = [row for row, _ in members]
    heads = [row for row in rows if row.relation == Relation.HEAD and row.phone]
    phones = heads + [row for row in rows if row.phone]
    grids = [row.grid for row in rows if row.grid]
    place = rows[0].place
    decision.new_households.append(
        NewHousehold(
            key=key,
            place=place,
            phone=phones[0].phone if phones else "",
            grid=grids[0] if grids else "",
        )
    )
    if state.room_id(place.building, place.unit, place.room) is None:
        decision.new_rooms.add(place)
        if place.building not in state.buildings:
            decision.new_buildings.add(place.building)
