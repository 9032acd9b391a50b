"""All GateDesk tables. Importing this package registers every model on `Base.metadata`."""

from db.base import Base
from db.models.gate import EntryLog, FeverAlert, TemperatureReading
from db.models.health import (
    HealthCheckin,
    HealthStatusChange,
    IsolationFollowUp,
    IsolationOrder,
    KeyPerson,
    KeyPersonCategory,
    NucleicTestResult,
)
from db.models.passes import Pass, PassRevocation
from db.models.registry import Building, Community, Gate, Household, Resident, Room, Unit, Visitor
from db.models.system import AuditEvent, OutboxItem, Setting, User

__all__ = [
    "AuditEvent",
    "Base",
    "Building",
    "Community",
    "EntryLog",
    "FeverAlert",
    "Gate",
    "HealthCheckin",
    "HealthStatusChange",
    "Household",
    "IsolationFollowUp",
    "IsolationOrder",
    "KeyPerson",
    "KeyPersonCategory",
    "NucleicTestResult",
    "OutboxItem",
    "Pass",
    "PassRevocation",
    "Resident",
    "Room",
    "Setting",
    "TemperatureReading",
    "Unit",
    "User",
    "Visitor",
]
