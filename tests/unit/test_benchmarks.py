"""The benchmark suite: every benchmark is registered, and a quick run writes JSON."""

from __future__ import annotations

import json

from benchmarks import REGISTRY, load_all, run


def test_benchmarks_are_registered():
    load_all()
    assert {
        "demo_generation",
        "entry_history",
        "camera_decode_zxing",
        "camera_decode_pyzbar",
        "health_recompute",
        "gate_scan_to_verdict",
    } <= set(REGISTRY)


def test_quick_camera_run_writes_results(tmp_path):
    path = run(["camera_decode_zxing", "camera_decode_pyzbar"], quick=True, out_dir=tmp_path)
    results = json.loads(path.read_text(encoding="utf-8"))["benchmarks"]
    assert [r["name"] for r in results] == ["camera_decode_zxing", "camera_decode_pyzbar"]
    for result in results:
        assert result["details"]["hit_rate"] == 1.0
        assert result["details"]["ms_per_frame_p50"] > 0
