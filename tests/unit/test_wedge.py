"""Scanner bursts versus people typing."""

from __future__ import annotations

from ui.wedge import BurstDetector


def feed(detector: BurstDetector, gaps_ms: list[int]) -> bool:
    t = 1000
    for gap in gaps_ms:
        t += gap
        detector.key(t)
    return detector.finish()


def test_fast_burst_is_a_scan():
    assert feed(BurstDetector(30, 6), [0] + [8] * 17)


def test_human_typing_is_not_a_scan():
    assert not feed(BurstDetector(30, 6), [0] + [180] * 17)


def test_one_slow_gap_breaks_the_burst():
    assert not feed(BurstDetector(30, 6), [0, 5, 5, 5, 200, 5, 5, 5])


def test_short_bursts_are_not_scans():
    assert not feed(BurstDetector(30, 6), [0, 5, 5, 5, 5])


def test_each_entry_is_judged_on_its_own():
    detector = BurstDetector(30, 6)
    assert not feed(detector, [0] + [200] * 10)
    assert feed(detector, [0] + [5] * 10)
