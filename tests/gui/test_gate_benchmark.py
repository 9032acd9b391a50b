"""The scan-to-verdict benchmark runs (quick) and its figures add up."""

from __future__ import annotations

import json

from benchmarks import run


def test_quick_gate_run_writes_latencies(qapp, tmp_path):
    path = run(["gate_scan_to_verdict"], quick=True, out_dir=tmp_path)
    [result] = json.loads(path.read_text(encoding="utf-8"))["benchmarks"]
    details = result["details"]
    assert details["entry_log_grew_by_recorded"]
    assert 0 < details["screen_ms_p50"] <= details["screen_ms_p99"]
    assert 0 < details["service_ms_p50"] <= details["screen_ms_p50"]
    assert details["none_refs_lost_per_check"] < 1
