"""Translated wording for codes that come from the services (verdicts, reasons, enums)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    Gender,
    HealthColor,
    Relation,
    ResidentKind,
    ResidentState,
)
from desktop.hardware import (
    CodeReading,
    ConnectionState,
    DeviceEvent,
    DeviceKind,
    DeviceState,
    EventKind,
    IdCardReading,
    Reading,
    TemperatureReading,
)
from desktop.masking import mask_id_number, mask_in_text, mask_name
from desktop.verdicts import Address, Reason, VerdictKind


def verdict_word(kind: VerdictKind) -> str:
    """The big word of a verdict (放行, 禁止通行 …)."""
    words = {
        VerdictKind.ALLOW: QCoreApplication.translate("Texts", "Allow"),
        VerdictKind.ALLOW_LIMITED: QCoreApplication.translate("Texts", "Allow (temporary)"),
        VerdictKind.REFER: QCoreApplication.translate("Texts", "Please verify"),
        VerdictKind.DENY: QCoreApplication.translate("Texts", "No entry"),
        VerdictKind.FEVER: QCoreApplication.translate("Texts", "Abnormal temperature"),
        VerdictKind.REMEASURE: QCoreApplication.translate("Texts", "Please re-measure"),
        VerdictKind.INPUT_ERROR: QCoreApplication.translate("Texts", "Check the number"),
    }
    return words[kind]


def reason_text(reason: Reason) -> str:
    """The reason line under the verdict, saying what happened and what to do."""
    texts = {
        Reason.OK: QCoreApplication.translate("Texts", "Registered resident, status green"),
        Reason.NOT_REGISTERED: QCoreApplication.translate(
            "Texts", "Not in the registry: register as a visitor"
        ),
        Reason.MOVED_OUT: QCoreApplication.translate(
            "Texts", "Registered as moved out: staff to verify"
        ),
        Reason.DECEASED: QCoreApplication.translate(
            "Texts", "Registered as deceased: staff to verify the card"
        ),
        Reason.HEALTH_YELLOW: QCoreApplication.translate(
            "Texts", "Health status yellow: staff to verify"
        ),
        Reason.HEALTH_RED: QCoreApplication.translate("Texts", "Health status red"),
        Reason.ISOLATION: QCoreApplication.translate("Texts", "Under isolation"),
        Reason.FEVER: QCoreApplication.translate(
            "Texts", "Temperature at or above the threshold: re-measure in a few minutes"
        ),
        Reason.IMPLAUSIBLE_TEMPERATURE: QCoreApplication.translate(
            "Texts", "Reading out of range: measure again"
        ),
        Reason.EMPTY: QCoreApplication.translate("Texts", "No number was entered"),
        Reason.BAD_CHARS: QCoreApplication.translate(
            "Texts", "Only digits and a final X are allowed"
        ),
        Reason.BAD_LENGTH: QCoreApplication.translate(
            "Texts", "An ID number has 18 digits (old cards: 15)"
        ),
        Reason.BAD_REGION: QCoreApplication.translate(
            "Texts", "The first two digits are not a province code"
        ),
        Reason.BAD_BIRTH_DATE: QCoreApplication.translate(
            "Texts", "Digits 7 to 14 are not a possible birth date"
        ),
        Reason.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "Texts", "Wrong check digit (last character): check the number for a typo"
        ),
        Reason.UNKNOWN_CODE: QCoreApplication.translate(
            "Texts", "Unknown code: not a GateDesk pass, health code or ID number"
        ),
        Reason.CITY_YELLOW: QCoreApplication.translate(
            "Texts", "City health status yellow: staff to verify"
        ),
        Reason.CITY_RED: QCoreApplication.translate("Texts", "City health status red"),
        Reason.CODE_YELLOW: QCoreApplication.translate(
            "Texts", "The health code shows yellow: staff to verify"
        ),
        Reason.CODE_RED: QCoreApplication.translate("Texts", "The health code shows red"),
        Reason.KEY_PERSON: QCoreApplication.translate(
            "Texts", "Key person under observation: staff to verify"
        ),
        Reason.FEVER_CONFIRMED: QCoreApplication.translate(
            "Texts", "Fever again at the re-measure: report to the health station"
        ),
        Reason.REMEASURE_WAIT: QCoreApplication.translate(
            "Texts", "Fever recorded earlier: wait for the re-measure"
        ),
        Reason.REMEASURE_NEEDED: QCoreApplication.translate(
            "Texts", "Fever recorded earlier: take the temperature, then check again"
        ),
        Reason.OUTSIDE_HOURS: QCoreApplication.translate(
            "Texts", "Outside the hours for going out"
        ),
        Reason.QUOTA_EXHAUSTED: QCoreApplication.translate(
            "Texts", "The household has used its outings for this period"
        ),
        Reason.PASS_LIMITED: QCoreApplication.translate(
            "Texts", "Temporary pass: mind its validity"
        ),
        Reason.PASS_EXPIRED: QCoreApplication.translate(
            "Texts", "The pass is not valid today: staff to verify"
        ),
        Reason.PASS_REVOKED: QCoreApplication.translate(
            "Texts", "The pass has been revoked (reissued or reported lost)"
        ),
        Reason.PASS_FORGED: QCoreApplication.translate(
            "Texts", "Forged or damaged pass: the signature does not verify"
        ),
        Reason.PASS_OTHER_COMMUNITY: QCoreApplication.translate(
            "Texts", "A pass of another community: staff to verify"
        ),
        Reason.VISITOR: QCoreApplication.translate("Texts", "Visitor, registered"),
        Reason.VISITOR_WITH_HOST: QCoreApplication.translate(
            "Texts", "Visitor with a host household"
        ),
        Reason.VISITOR_NO_HOST: QCoreApplication.translate(
            "Texts", "Visitors need a host household"
        ),
        Reason.VISITORS_BARRED: QCoreApplication.translate("Texts", "No visitors at present"),
        Reason.VISITOR_LEAVING: QCoreApplication.translate("Texts", "Visitor leaving"),
    }
    return texts[reason]


def address_text(address: Address | None) -> str:
    if address is None:
        return ""
    return (
        QCoreApplication.translate("Texts", "Bldg %1, unit %2, room %3")
        .replace("%1", address.building)
        .replace("%2", address.unit)
        .replace("%3", address.room)
    )


def gender_text(gender: Gender) -> str:
    return {
        Gender.MALE: QCoreApplication.translate("Texts", "Male"),
        Gender.FEMALE: QCoreApplication.translate("Texts", "Female"),
        Gender.UNKNOWN: QCoreApplication.translate("Texts", "Unknown"),
    }[gender]


def kind_text(kind: ResidentKind) -> str:
    return {
        ResidentKind.OWNER: QCoreApplication.translate("Texts", "Owner"),
        ResidentKind.TENANT: QCoreApplication.translate("Texts", "Tenant"),
        ResidentKind.COLLECTIVE: QCoreApplication.translate("Texts", "Collective"),
    }[kind]


def state_text(state: ResidentState) -> str:
    return {
        ResidentState.ACTIVE: QCoreApplication.translate("Texts", "Living here"),
        ResidentState.MOVED_OUT: QCoreApplication.translate("Texts", "Moved out"),
        ResidentState.DECEASED: QCoreApplication.translate("Texts", "Deceased"),
    }[state]


def health_text(color: HealthColor) -> str:
    return {
        HealthColor.GREEN: QCoreApplication.translate("Texts", "Green"),
        HealthColor.YELLOW: QCoreApplication.translate("Texts", "Yellow"),
        HealthColor.RED: QCoreApplication.translate("Texts", "Red"),
    }[color]


def method_text(method: CheckMethod) -> str:
    return {
        CheckMethod.ID_CARD: QCoreApplication.translate("Texts", "ID card"),
        CheckMethod.QR: QCoreApplication.translate("Texts", "Scan"),
        CheckMethod.PASS: QCoreApplication.translate("Texts", "Paper pass"),
        CheckMethod.TYPED: QCoreApplication.translate("Texts", "Typed"),
        CheckMethod.SEARCH: QCoreApplication.translate("Texts", "Name search"),
    }[method]


def relation_text(relation: str) -> str:
    """Relation to the head of the household (与户主关系)."""
    return {
        Relation.HEAD: QCoreApplication.translate("Texts", "Head of household"),
        Relation.SPOUSE: QCoreApplication.translate("Texts", "Spouse"),
        Relation.CHILD: QCoreApplication.translate("Texts", "Child"),
        Relation.PARENT: QCoreApplication.translate("Texts", "Parent"),
        Relation.GRANDCHILD: QCoreApplication.translate("Texts", "Grandchild"),
        Relation.GRANDPARENT: QCoreApplication.translate("Texts", "Grandparent"),
        Relation.SIBLING: QCoreApplication.translate("Texts", "Sibling"),
        Relation.OTHER: QCoreApplication.translate("Texts", "Other relation"),
    }[Relation(relation)]


def direction_text(direction: Direction) -> str:
    return {
        Direction.IN: QCoreApplication.translate("Texts", "In"),
        Direction.OUT: QCoreApplication.translate("Texts", "Out"),
    }[direction]


def decision_text(decision: Decision) -> str:
    return {
        Decision.ALLOW: QCoreApplication.translate("Texts", "Allow"),
        Decision.ALLOW_LIMITED: QCoreApplication.translate("Texts", "Allow (temporary)"),
        Decision.REFER: QCoreApplication.translate("Texts", "Please verify"),
        Decision.DENY: QCoreApplication.translate("Texts", "No entry"),
    }[decision]


def device_name(kind: DeviceKind) -> str:
    return {
        DeviceKind.ID_READER: QCoreApplication.translate("Texts", "ID reader"),
        DeviceKind.SCANNER: QCoreApplication.translate("Texts", "Scanner"),
        DeviceKind.THERMOMETER: QCoreApplication.translate("Texts", "Thermometer"),
        DeviceKind.CAMERA: QCoreApplication.translate("Texts", "Camera"),
        DeviceKind.PRINTER: QCoreApplication.translate("Texts", "Printer"),
    }[kind]


def connection_text(state: ConnectionState) -> str:
    return {
        ConnectionState.CONNECTED: QCoreApplication.translate("Texts", "● connected"),
        ConnectionState.DISCONNECTED: QCoreApplication.translate("Texts", "○ disconnected"),
        ConnectionState.ERROR: QCoreApplication.translate("Texts", "✕ error"),
        ConnectionState.NOT_CONFIGURED: QCoreApplication.translate("Texts", "○ not configured"),
    }[state]


def device_state_text(state: DeviceState, *, detail: bool = True) -> str:
    """`ID reader ● connected (simulated)`; the reason follows when it is not connected."""
    text = f"{device_name(state.kind)} {connection_text(state.state)}"
    if state.simulated:
        text += QCoreApplication.translate("Texts", " (simulated)")
    if detail and state.detail and state.state is not ConnectionState.CONNECTED:
        text += f": {mask_in_text(state.detail)}"
    return text


def event_text(event: DeviceEvent) -> str | None:
    """What staff should know of a device event, or None for routine ones (nobody in front
    of the thermometer, the speed a reader answers at)."""
    try:
        device = device_name(DeviceKind(event.device))
    except ValueError:
        device = event.device
    texts = {
        EventKind.PROTOCOL_ERROR: QCoreApplication.translate(
            "Texts", "%1: communication error (%2), retrying"
        ),
        EventKind.CARD_ERROR: QCoreApplication.translate(
            "Texts", "%1: the card could not be read (%2): put it on the reader again"
        ),
        EventKind.UNSUPPORTED_CARD: QCoreApplication.translate(
            "Texts", "%1: this kind of card is not supported (%2): type the number"
        ),
        EventKind.SENSOR_FAULT: QCoreApplication.translate(
            "Texts", "%1: sensor fault (%2): measure by hand and type the temperature"
        ),
        EventKind.PAPER_OUT: QCoreApplication.translate("Texts", "%1: out of paper (%2)"),
    }
    text = texts.get(event.kind)
    if text is None:
        return None
    return text.replace("%1", device).replace("%2", event.code)


def reading_text(reading: Reading, zone: tzinfo | None = None) -> str:
    """One masked line about a reading, for the settings page and the gate's status line."""
    at = getattr(reading, "read_at", None) or getattr(reading, "measured_at", None)
    when = at.astimezone(zone).strftime("%H:%M:%S") if at else ""
    if isinstance(reading, IdCardReading):
        what = (
            QCoreApplication.translate("Texts", "card %1 %2")
            .replace("%1", mask_name(reading.name))
            .replace("%2", mask_id_number(reading.id_number))
        )
    elif isinstance(reading, CodeReading):
        what = QCoreApplication.translate("Texts", "code %1").replace(
            "%1", mask_in_text(reading.text[:40])
        )
    elif isinstance(reading, TemperatureReading):
        what = f"{reading.value_c:.1f} °C"
    elif isinstance(reading, DeviceEvent):
        what = QCoreApplication.translate("Texts", "problem: %1").replace("%1", reading.code)
    elif isinstance(reading, DeviceState):
        return device_state_text(reading)
    else:
        what = ""
    return f"{when} {what}".strip()


def print_problem(code: str, detail: str = "") -> str:
    """Why a slip was not printed, in words."""
    reason = {
        "not-configured": QCoreApplication.translate("Texts", "no receipt printer is configured"),
        "not-connected": QCoreApplication.translate("Texts", "the printer is not connected"),
        "unreachable": QCoreApplication.translate("Texts", "the printer cannot be reached"),
        "bad-connection": QCoreApplication.translate(
            "Texts", "the connection is not one of serial:, network:, usb:, file:"
        ),
        "timeout": QCoreApplication.translate("Texts", "the printer did not take the slip in time"),
    }.get(code, code)
    return f"{reason} ({detail})" if detail else reason
