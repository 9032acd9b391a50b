"""Enumerations stored in the database. Values are stable wire and storage codes."""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class ResidentKind(StrEnum):
    OWNER = "owner"
    TENANT = "tenant"
    COLLECTIVE = "collective"


class Relation(StrEnum):
    """Relation to the head of the household (与户主关系)."""

    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    OTHER = "other"


class ResidentState(StrEnum):
    ACTIVE = "active"
    MOVED_OUT = "moved_out"
    DECEASED = "deceased"


class HealthColor(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class StatusSource(StrEnum):
    LOCAL = "local"
    CITY = "city"


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class CheckMethod(StrEnum):
    ID_CARD = "id-card"
    QR = "qr"
    PASS = "pass"
    TYPED = "typed"
    SEARCH = "search"


class Decision(StrEnum):
    ALLOW = "allow"
    ALLOW_LIMITED = "allow-limited"
    REFER = "refer"
    DENY = "deny"


class FeverOutcome(StrEnum):
    """Where a fever alert stands: waiting for the re-measure, or what it found."""

    OPEN = "open"
    CLEARED = "cleared"  # the re-measure was below the threshold
    CONFIRMED = "confirmed"  # the re-measure was a fever again: report to the health station


class TemperatureSource(StrEnum):
    DEVICE = "device"
    TYPED = "typed"


class CheckinMethod(StrEnum):
    SELF = "self"
    STAFF_PHONE = "staff-phone"
    STAFF_VISIT = "staff-visit"
    GATE = "gate"


class KeyPersonSource(StrEnum):
    CITY_LIST = "city-list"
    SELF_REPORT = "self-report"
    GRID_WORKER = "grid-worker"


class IsolationKind(StrEnum):
    HOME = "home"
    CENTRALISED = "centralised"


class IsolationState(StrEnum):
    ACTIVE = "active"
    RELEASED = "released"
    CANCELLED = "cancelled"


class NucleicOutcome(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    PENDING = "pending"
    INVALID = "invalid"


class PassKind(StrEnum):
    RESIDENT = "resident"
    VISITOR = "visitor"
    STAFF = "staff"
    VEHICLE = "vehicle"


class RevocationReason(StrEnum):
    LOST = "lost"
    MOVED_OUT = "moved-out"
    DECEASED = "deceased"
    REISSUED = "reissued"
    KEY_COMPROMISE = "key-compromise"


class Role(StrEnum):
    ADMIN = "admin"
    SECRETARY = "secretary"
    GRID_WORKER = "grid-worker"
    GATE_STAFF = "gate-staff"
