"""The words of the import preview and result: counts, rejections by reason, warnings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop.ledger import ImportOutcome, ImportPlan, reason_text, warning_text


def doubled_fields(mapping: Mapping[int, str | None]) -> list[str]:
    """Fields that more than one column is used for (each field takes one column)."""
    used = [field for field in mapping.values() if field]
    return sorted({field for field in used if used.count(field) > 1})


def _count(label: str, value: int) -> str:
    return label.replace("%1", str(value))


def plan_lines(plan: ImportPlan, language: str) -> list[str]:
    """The preview: what an import of this plan would do."""
    colon = "：" if language.startswith("zh") else ": "
    lines = [
        _count(QCoreApplication.translate("ImportSummary", "Rows read: %1"), plan.total_rows),
        _count(
            QCoreApplication.translate("ImportSummary", "Empty and note rows skipped: %1"),
            plan.empty_rows,
        ),
        _count(QCoreApplication.translate("ImportSummary", "New residents: %1"), plan.new),
        _count(
            QCoreApplication.translate(
                "ImportSummary", "Merged into residents already registered: %1"
            ),
            plan.merged,
        ),
        _count(
            QCoreApplication.translate("ImportSummary", "Already registered, unchanged: %1"),
            plan.unchanged,
        ),
        _count(
            QCoreApplication.translate("ImportSummary", "New households: %1"), plan.new_households
        ),
        _count(
            QCoreApplication.translate("ImportSummary", "New buildings: %1"), plan.new_buildings
        ),
        _count(QCoreApplication.translate("ImportSummary", "Rejected: %1"), len(plan.rejected)),
    ]
    for code, count in sorted(plan.rejected_by_reason().items(), key=lambda kv: -kv[1]):
        lines.append(f"    {reason_text(code, language)}{colon}{count}")
    warnings = {code: n for code, n in plan.warnings.items() if n}
    if warnings:
        lines.append(QCoreApplication.translate("ImportSummary", "Accepted with a remark:"))
        for code, count in sorted(warnings.items(), key=lambda kv: -kv[1]):
            lines.append(f"    {warning_text(code, language)}{colon}{count}")
    return lines


def outcome_lines(outcome: ImportOutcome, language: str) -> list[str]:
    """The result of an import that was written."""
    del language  # reasons are listed in the report file itself
    lines = [
        QCoreApplication.translate("ImportSummary", "The ledger was imported."),
        _count(QCoreApplication.translate("ImportSummary", "New residents: %1"), outcome.new),
        _count(
            QCoreApplication.translate(
                "ImportSummary", "Merged into residents already registered: %1"
            ),
            outcome.merged,
        ),
        _count(
            QCoreApplication.translate("ImportSummary", "Already registered, unchanged: %1"),
            outcome.unchanged,
        ),
        _count(QCoreApplication.translate("ImportSummary", "Rejected: %1"), outcome.rejected),
    ]
    if outcome.rejected and outcome.report_path is None:
        lines.append(
            QCoreApplication.translate(
                "ImportSummary",
                "The list of rejected rows could not be saved beside the file (is the folder "
                "read-only, or the file open in Excel?). Copy the ledger to a folder you can "
                "write to and import it again: rows already imported are not written twice.",
            )
        )
    if outcome.report_path is not None:
        lines.append(
            QCoreApplication.translate(
                "ImportSummary", "The rejected rows and their reasons are in %1"
            ).replace("%1", str(outcome.report_path))
        )
    return lines
