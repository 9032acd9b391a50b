"""Wording of the registry page outside its widgets: refusals of the registry services and
the headers and values of its Excel exports."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from db.enums import Gender, HealthColor, KeyPersonSource, Relation, ResidentKind, ResidentState
from desktop.export import ExportKind, ExportText
from desktop.registry_edit import RegistryError
from desktop.registry_reveal import Masking
from desktop.verdicts import Reason
from ui import texts


def error_text(error: RegistryError) -> str:
    """What went wrong and what to do, for a refusal of the registry services."""
    if error.code == "bad-id":
        try:
            return texts.reason_text(Reason(str(error.params.get("reason"))))
        except ValueError:
            return QCoreApplication.translate(
                "RegistryErrors", "The ID number is not valid: check it against the card."
            )
    words = {
        "name-missing": QCoreApplication.translate(
            "RegistryErrors", "Enter the name as written on the ID card."
        ),
        "name-formula": QCoreApplication.translate(
            "RegistryErrors",
            "A name cannot start with = + - @ or hold = | < >: type it as on the ID card.",
        ),
        "name-too-long": QCoreApplication.translate(
            "RegistryErrors", "The name is too long: at most %1 characters."
        ),
        "duplicate-id": QCoreApplication.translate(
            "RegistryErrors",
            "This ID number is already registered for %1: open that resident, or merge the two.",
        ),
        "phone-bad-chars": QCoreApplication.translate(
            "RegistryErrors", "A phone number has digits only (spaces and dashes are fine)."
        ),
        "phone-bad-length": QCoreApplication.translate(
            "RegistryErrors", "A phone number has %1 to %2 digits."
        ),
        "phone-bad-mobile": QCoreApplication.translate(
            "RegistryErrors", "A mobile number starts with 13 to 19: check the number."
        ),
        "address-missing": QCoreApplication.translate(
            "RegistryErrors", "Enter building, unit and room (or leave all three empty)."
        ),
        "address-bad": QCoreApplication.translate(
            "RegistryErrors", "Building, unit and room are short numbers such as 3, 2, 501."
        ),
        "grid-bad": QCoreApplication.translate(
            "RegistryErrors", "A grid name is short text, at most 32 characters."
        ),
        "birth-in-future": QCoreApplication.translate(
            "RegistryErrors", "The birth date is after today."
        ),
        "date-in-future": QCoreApplication.translate("RegistryErrors", "The date is after today."),
        "not-active": QCoreApplication.translate(
            "RegistryErrors", "The resident is not registered as living here."
        ),
        "resident-not-found": QCoreApplication.translate(
            "RegistryErrors", "The resident is no longer in the registry: search again."
        ),
        "household-not-found": QCoreApplication.translate(
            "RegistryErrors", "The household is no longer in the registry: search again."
        ),
        "merge-same": QCoreApplication.translate(
            "RegistryErrors", "Choose another resident to merge with."
        ),
        "merge-different-id": QCoreApplication.translate(
            "RegistryErrors",
            "The two records have different ID numbers: they are two people, not merged.",
        ),
        "reveal-not-allowed": QCoreApplication.translate(
            "RegistryErrors", "Your role cannot see full ID numbers or phones."
        ),
    }
    text = words.get(error.code)
    if text is None:
        return QCoreApplication.translate(
            "RegistryErrors", "The change could not be saved (%1)."
        ).replace("%1", error.code)
    params = error.params
    if error.code == "duplicate-id":
        return text.replace("%1", str(params.get("name", "")))
    if error.code == "phone-bad-length":
        return text.replace("%1", str(params.get("least"))).replace("%2", str(params.get("most")))
    return text.replace("%1", str(params.get("most", "")))


def _enum_text(value: StrEnum) -> str:
    if isinstance(value, Gender):
        return texts.gender_text(value)
    if isinstance(value, ResidentKind):
        return texts.kind_text(value)
    if isinstance(value, ResidentState):
        return texts.state_text(value)
    if isinstance(value, HealthColor):
        return texts.health_text(value)
    if isinstance(value, Relation):
        return texts.relation_text(value)
    if isinstance(value, KeyPersonSource):
        return {
            KeyPersonSource.CITY_LIST: QCoreApplication.translate("RegistryExport", "City list"),
            KeyPersonSource.SELF_REPORT: QCoreApplication.translate(
                "RegistryExport", "Self-reported"
            ),
            KeyPersonSource.GRID_WORKER: QCoreApplication.translate(
                "RegistryExport", "Grid worker"
            ),
        }[value]
    return value.value


def _category_text(code: str, name: str) -> str:
    return {
        "returned-from-outside": QCoreApplication.translate(
            "RegistryExport", "Returned from outside the area"
        ),
        "from-hubei": QCoreApplication.translate("RegistryExport", "Came from Hubei"),
        "from-wuhan": QCoreApplication.translate("RegistryExport", "Came from Wuhan"),
        "close-contact": QCoreApplication.translate("RegistryExport", "Close contact"),
        "fever-no-contact": QCoreApplication.translate(
            "RegistryExport", "Fever without contact history"
        ),
    }.get(code, name)


def export_text() -> ExportText:
    """The words of an export in the interface language."""
    return ExportText(
        headers={
            "name": QCoreApplication.translate("RegistryExport", "Name"),
            "gender": QCoreApplication.translate("RegistryExport", "Gender"),
            "birth_date": QCoreApplication.translate("RegistryExport", "Birth date"),
            "age": QCoreApplication.translate("RegistryExport", "Age"),
            "id_number": QCoreApplication.translate("RegistryExport", "ID number"),
            "phone": QCoreApplication.translate("RegistryExport", "Phone"),
            "building": QCoreApplication.translate("RegistryExport", "Building"),
            "unit": QCoreApplication.translate("RegistryExport", "Unit"),
            "room": QCoreApplication.translate("RegistryExport", "Room"),
            "relation": QCoreApplication.translate("RegistryExport", "Relation to the head"),
            "kind": QCoreApplication.translate("RegistryExport", "Kind"),
            "grid": QCoreApplication.translate("RegistryExport", "Grid"),
            "state": QCoreApplication.translate("RegistryExport", "State"),
            "health": QCoreApplication.translate("RegistryExport", "Health status"),
            "elderly_without_phone": QCoreApplication.translate(
                "RegistryExport", "Elderly, no smartphone"
            ),
            "key_person": QCoreApplication.translate("RegistryExport", "Key person"),
            "head": QCoreApplication.translate("RegistryExport", "Head of household"),
            "residents": QCoreApplication.translate("RegistryExport", "Residents living here"),
            "moved_out": QCoreApplication.translate("RegistryExport", "Moved out on"),
            "category": QCoreApplication.translate("RegistryExport", "Category"),
            "source": QCoreApplication.translate("RegistryExport", "Source"),
            "since": QCoreApplication.translate("RegistryExport", "Since"),
            "until": QCoreApplication.translate("RegistryExport", "Until"),
            "notes": QCoreApplication.translate("RegistryExport", "Notes"),
        },
        titles={
            ExportKind.RESIDENTS: QCoreApplication.translate("RegistryExport", "Residents"),
            ExportKind.HOUSEHOLDS: QCoreApplication.translate("RegistryExport", "Households"),
            ExportKind.KEY_PERSONS: QCoreApplication.translate("RegistryExport", "Key persons"),
        },
        masking={
            Masking.ALL_MASKED: QCoreApplication.translate(
                "RegistryExport", "Names, ID numbers and phones are masked."
            ),
            Masking.ID_MASKED: QCoreApplication.translate(
                "RegistryExport", "ID numbers are masked; names and phones are in full."
            ),
            Masking.FULL: QCoreApplication.translate(
                "RegistryExport",
                "Full personal data: for epidemic control only; keep the file safe and delete "
                "it after use.",
            ),
        },
        heading=QCoreApplication.translate("RegistryExport", "%1, exported %2"),
        yes=QCoreApplication.translate("RegistryExport", "yes"),
        enum_text=_enum_text,
        category_text=_category_text,
    )
