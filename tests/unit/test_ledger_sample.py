"""The benchmark's generated ledger imports as it says: its refusals are known in advance."""

from __future__ import annotations

import json

from benchmarks import run


def test_quick_import_benchmark_runs_and_the_second_import_changes_nothing(tmp_path):
    path = run(["ledger_import"], quick=True, out_dir=tmp_path, echo=lambda _: None)
    (result,) = json.loads(path.read_text(encoding="utf-8"))["benchmarks"]
    details = result["details"]
    assert result["parameters"]["rows"] >= 5000
    assert details["new"] + details["rejected"] <= result["parameters"]["rows"]
    assert details["rejected"] > 0
    assert details["unchanged_on_second_import"] == details["new"] == details["residents"]
    assert set(details["phases_s"]) == {
        "write_ledger", "read_layout", "plan", "apply", "second_plan", "second_apply"
    }  # fmt: skip
