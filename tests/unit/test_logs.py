"""No full ID number or phone number reaches a log file."""

from __future__ import annotations

import logging

from desktop.logs import setup_logging


def test_numbers_are_masked_in_the_log_file(tmp_path):
    setup_logging(tmp_path, "INFO")
    log = logging.getLogger("gatedesk.test")
    log.info("lookup of %s by phone %s", "11010519491231002X", "13812345678")
    try:
        raise ValueError("bad number 110105194912310038")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "gatedesk.log").read_text(encoding="utf-8")
    assert "lookup of" in text
    assert "11010519491231002X" not in text
    assert "110105194912310038" not in text
    assert "13812345678" not in text
    assert "110105********002X" in text


def test_device_frames_go_to_their_own_file(tmp_path):
    setup_logging(tmp_path, "INFO")
    logging.getLogger("gatedesk.devices.raw").debug("rx AA AA AA 96 69")
    for handler in logging.getLogger("gatedesk.devices.raw").handlers:
        handler.flush()
    assert "AA AA AA 96 69" in (tmp_path / "devices.log").read_text(encoding="utf-8")
    assert "AA AA AA 96 69" not in (tmp_path / "gatedesk.log").read_text(encoding="utf-8")
