"""Importing the resident ledger (居民台账) the office keeps in Excel, as it is.

`read_layout` finds the header and guesses every column; `plan_import` checks every row and
matches it against the registry without writing; `apply_import` writes the plan in one
transaction; `write_rejected_report` lists the rows not taken and why. The rules are stated
in the modules: columns (headers), values and address (cells), rows (refusals), decide
(merging into the registry), plan (counts) and apply (writing).
"""

from __future__ import annotations

from desktop.ledger.apply import ImportOutcome, apply_import
from desktop.ledger.columns import (
    FIELDS,
    REQUIRED,
    SYNONYMS,
    ColumnGuess,
    LedgerLayout,
    missing_fields,
    read_layout,
)
from desktop.ledger.plan import ImportCancelled, ImportPlan, plan_import
from desktop.ledger.reasons import field_label, reason_text, warning_text
from desktop.ledger.report import default_report_path, write_rejected_report
from desktop.ledger.rows import RejectedRow

__all__ = [
    "FIELDS",
    "REQUIRED",
    "SYNONYMS",
    "ColumnGuess",
    "ImportCancelled",
    "ImportOutcome",
    "ImportPlan",
    "LedgerLayout",
    "RejectedRow",
    "apply_import",
    "default_report_path",
    "field_label",
    "missing_fields",
    "plan_import",
    "read_layout",
    "reason_text",
    "warning_text",
    "write_rejected_report",
]
