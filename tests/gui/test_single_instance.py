"""A second start wakes the first window instead of opening another GateDesk."""

from __future__ import annotations

from ui.single_instance import SingleInstance


def test_second_instance_activates_the_first(qtbot, tmp_path):
    first = SingleInstance(str(tmp_path))
    assert not first.notify_running()
    assert first.listen()
    second = SingleInstance(str(tmp_path))
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert second.notify_running()


def test_other_homes_run_side_by_side(tmp_path):
    first = SingleInstance(str(tmp_path / "a"))
    assert first.listen()
    assert not SingleInstance(str(tmp_path / "b")).notify_running()
