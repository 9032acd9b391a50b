"""`gatedesk sim` and `gatedesk devices`: a technician checks a device without the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import main
from devices.sim.thermometer import ModbusThermometerSimulator

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def simulator(tmp_path):
    """`gatedesk sim KIND` in its own process, fed a script; stopped after the test."""
    processes = []

    def start(kind: str, script: str, *extra: str) -> tuple[Path, subprocess.Popen]:
        link = tmp_path / f"{kind}-port"
        script_file = tmp_path / f"{kind}.txt"
        script_file.write_text(script, encoding="utf-8")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "desktop",
                "--home",
                str(tmp_path / "home"),
                "sim",
                kind,
                "--link",
                str(link),
                "--script",
                str(script_file),
                *extra,
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        processes.append(process)
        first = process.stdout.readline()
        assert str(link) in first, first
        return link, process

    yield start
    for process in processes:
        process.terminate()
        process.wait(5)


def test_sim_id_reader_then_devices_read(simulator, capsys):
    link, _ = simulator("id-reader", "put 0\n")
    code = main(
        [
            "devices",
            "read",
            "--kind",
            "id-reader",
            "--port",
            str(link),
            "--count",
            "1",
            "--timeout",
            "10",
            "--json",
        ]
    )
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    card = next(line for line in lines if line["type"] == "card")
    assert "*" in card["id_number"] and len(card["id_number"]) == 18
    assert "*" in card["name"]
    assert any(line["type"] == "state" and line["state"] == "connected" for line in lines)


def test_devices_read_reveal_shows_the_number(simulator, capsys):
    link, _ = simulator("id-reader", "put 1\n")
    main(
        [
            "devices",
            "read",
            "--kind",
            "id-reader",
            "--port",
            str(link),
            "--count",
            "1",
            "--timeout",
            "10",
            "--reveal",
        ]
    )
    out = capsys.readouterr().out
    assert "card" in out and "*" not in out.split("id_number=")[1].split()[0]


def test_devices_read_thermometer_in_process(tmp_path, capsys):
    from devices.sim.vport import VirtualPort

    sim = ModbusThermometerSimulator(VirtualPort(tmp_path / "t")).start()
    try:
        sim.command("auto 0.2")
        code = main(
            [
                "devices",
                "read",
                "--kind",
                "thermometer",
                "--port",
                sim.port.path,
                "--count",
                "2",
                "--timeout",
                "10",
            ]
        )
    finally:
        sim.stop()
    assert code == 0
    assert capsys.readouterr().out.count("temperature") == 2


def test_devices_read_on_a_missing_port_says_so(tmp_path, capsys):
    started = time.monotonic()
    code = main(
        ["devices", "read", "--kind", "scanner", "--port", str(tmp_path / "none"), "--timeout", "1"]
    )
    assert code == 1
    captured = capsys.readouterr()
    assert "disconnected" in captured.out and "cannot open" in captured.out
    assert "没有收到任何读数" in captured.err
    assert time.monotonic() - started < 5


def test_sim_scanner_codes_reach_devices_read(simulator, capsys):
    link, _ = simulator("scanner", "sleep 1.5\nscan GD1.TEST\nscan 41120219491231002X\n")
    code = main(
        [
            "devices",
            "read",
            "--kind",
            "scanner",
            "--port",
            str(link),
            "--count",
            "2",
            "--timeout",
            "10",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "text=GD1.TEST" in out
    assert "411202********002X" in out


def test_sim_printer_renders_what_it_got(tmp_path):
    link = tmp_path / "printer-port"
    script = tmp_path / "p.txt"
    script.write_text("sleep 1.5\nshow\nquit\n", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--home",
            str(tmp_path / "h"),
            "sim",
            "printer",
            "--link",
            str(link),
            "--script",
            str(script),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 5
    while not link.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    from devices.printer import ReceiptPrinter, sample_slip

    ReceiptPrinter.from_spec(f"serial:{link}").print_slip(sample_slip())
    out, _ = process.communicate(timeout=10)
    assert "GateDesk 打印测试" in out
    assert "[QR] GATEDESK-PRINT-TEST" in out


def test_devices_list_json(capsys):
    assert main(["devices", "list", "--json"]) == 0
    ports = json.loads(capsys.readouterr().out)
    assert isinstance(ports, list)
