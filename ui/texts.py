"""Translated wording for codes that come from the services (verdicts, reasons, enums)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    Gender,
    HealthColor,
    ResidentKind,
    ResidentState,
)
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
