"""`gatedesk devices …` and `gatedesk sim …`: device checks and simulators without the window."""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.hardware import (
    CodeReading,
    DeviceEvent,
    DeviceState,
    IdCardReading,
    Reading,
    TemperatureReading,
)
from desktop.masking import mask_id_number, mask_in_text, mask_name
from desktop.messages import text
from desktop.paths import resolve_paths

KINDS = ("id-reader", "scanner", "thermometer")
SIM_KINDS = ("id-reader", "scanner", "thermometer", "printer")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    devices = sub.add_parser(
        "devices", help="list serial ports, or read a device without the window"
    )
    what = devices.add_subparsers(dest="devices_command", metavar="ACTION", required=True)
    listing = what.add_parser("list", help="serial ports with their USB vendor/product ids")
    listing.add_argument("--json", action="store_true", help="print JSON")
    read = what.add_parser("read", help="print each reading, state change and protocol error")
    read.add_argument("--kind", choices=KINDS, required=True)
    read.add_argument("--port", required=True, help="e.g. /dev/ttyUSB0, COM3, or auto")
    read.add_argument("--baud", type=int, default=None, help="default: the kind's usual speed")
    read.add_argument("--protocol", choices=("modbus", "ascii"), default="modbus")
    read.add_argument("--count", type=int, default=0, help="stop after N readings (0: never)")
    read.add_argument("--timeout", type=float, default=0, help="stop after S seconds (0: never)")
    read.add_argument("--json", action="store_true", help="one JSON object per line")
    read.add_argument("--reveal", action="store_true", help="show ID numbers and names in full")

    sim = sub.add_parser("sim", help="a device simulator on a pseudo-terminal")
    sim.add_argument("kind", choices=SIM_KINDS)
    sim.add_argument("--link", type=Path, help="stable path for the port (default: in --home)")
    sim.add_argument("--baud", type=int, default=None, help="speed the device listens at")
    sim.add_argument("--cards", type=Path, help="id-reader: JSON file of cards")
    sim.add_argument("--script", type=Path, help="commands to run, one per line (sleep S)")
    sim.add_argument("--protocol", choices=("modbus", "ascii"), default="modbus")


# -- devices list ----------------------------------------------------------------------------
def list_devices(args: argparse.Namespace, lang: str) -> int:
    from devices.ports import list_serial_ports

    ports = list_serial_ports()
    if args.json:
        print(
            json.dumps(
                [dict(asdict(p), usb_id=p.usb_id, bridge=p.bridge) for p in ports],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not ports:
        print(text(lang, "no_ports"))
        return 0
    for port in ports:
        print(port.label())
    return 0


# -- devices read ----------------------------------------------------------------------------
def read_device(args: argparse.Namespace, lang: str) -> int:
    from devices.manager import DeviceManager

    driver = _driver_for(args)
    manager = DeviceManager([driver]).start()
    readings = 0
    deadline = time.monotonic() + args.timeout if args.timeout else None
    try:
        while deadline is None or time.monotonic() < deadline:
            for item in manager.drain():
                print(_describe(item, args.json, args.reveal), flush=True)
                if not isinstance(item, DeviceState | DeviceEvent):
                    readings += 1
            if args.count and readings >= args.count:
                break
            time.sleep(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        manager.stop()
    if readings == 0:
        print(text(lang, "no_reading"), file=sys.stderr)
        return 1
    return 0


def _driver_for(args: argparse.Namespace):
    from desktop.hardware import DevicePorts, build_drivers
    from desktop.settings import Settings

    kind = args.kind
    values: dict[str, Any] = {}
    if kind == "id-reader":
        values = {"id_reader.port": args.port, "id_reader.baud": args.baud or 0}
    elif kind == "scanner":
        values = {"scanner.port": args.port, "scanner.baud": args.baud or 9600}
    else:
        values = {
            "thermometer.port": args.port,
            "thermometer.baud": args.baud or 9600,
            "thermometer.protocol": args.protocol,
        }
    settings = Settings(values)
    return build_drivers(settings, DevicePorts.from_settings(settings))[0]


def _describe(item: Reading, as_json: bool, reveal: bool) -> str:
    data = _as_dict(item, reveal)
    if as_json:
        return json.dumps(data, ensure_ascii=False, default=str)
    kind = data.pop("type")
    return f"{datetime.now().strftime('%H:%M:%S')} {kind:11} " + "  ".join(
        f"{k}={v}" for k, v in data.items() if v not in (None, "")
    )


def _as_dict(item: Reading, reveal: bool) -> dict[str, Any]:
    if isinstance(item, IdCardReading):
        data = {
            "type": "card",
            "card_type": item.card_type.value,
            "id_number": item.id_number if reveal else mask_id_number(item.id_number),
            "name": item.name if reveal else mask_name(item.name),
            "gender": item.gender,
            "birth_date": item.birth_date if reveal else None,
            "valid_to": "长期" if item.long_term else item.valid_to,
        }
    elif isinstance(item, CodeReading):
        data = {
            "type": "code",
            "source": item.source.value,
            "text": item.text if reveal else mask_in_text(item.text),
        }
    elif isinstance(item, TemperatureReading):
        data = {
            "type": "temperature",
            "value_c": item.value_c,
            "raw_c": item.raw_c,
            "ambient_c": item.ambient_c,
            "sequence": item.sequence,
        }
    elif isinstance(item, DeviceState):
        data = {
            "type": "state",
            "state": item.state.value,
            "port": item.port,
            "detail": item.detail,
        }
    else:
        assert isinstance(item, DeviceEvent)
        data = {
            "type": "event",
            "kind": item.kind.value,
            "code": item.code,
            "message": item.message,
        }
    data["device"] = getattr(item, "device", None) or getattr(item, "name", "")
    return data


# -- sim ---------------------------------------------------------------------------------------
def run_simulator(args: argparse.Namespace, lang: str) -> int:
    from devices.sim.vport import VirtualPort

    link = args.link or resolve_paths(args.home).data_dir / "simulators" / f"cli-{args.kind}"
    simulator = _simulator(args, VirtualPort(link))
    simulator.start()
    print(text(lang, "sim_ready").format(kind=args.kind, path=simulator.port.path), flush=True)
    try:
        lines = _script_lines(args.script) if args.script else _interactive()
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line in ("quit", "exit"):
                return 0
            if line.startswith("sleep"):
                time.sleep(float(line.split()[1]) if len(line.split()) > 1 else 1.0)
                continue
            try:
                answer = simulator.command(line)
            except (ValueError, IndexError) as exc:
                answer = f"{text(lang, 'sim_bad_command')}: {exc}"
            if answer:
                print(answer, flush=True)
        if args.script:  # the script ran out: keep serving until Ctrl-C
            _wait_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if args.kind == "printer":
            print(simulator.render_text())
        simulator.stop()
    return 0


def _simulator(args: argparse.Namespace, port):
    if args.kind == "id-reader":
        from devices.sim.id_reader import IdReaderSimulator, load_cards

        cards = load_cards(args.cards) if args.cards else sample_cards()
        return IdReaderSimulator(port, cards=cards, baudrate=args.baud or 115200)
    if args.kind == "scanner":
        from devices.sim.scanner import ScannerSimulator

        return ScannerSimulator(port)
    if args.kind == "thermometer":
        if args.protocol == "ascii":
            from devices.sim.thermometer import AsciiThermometerSimulator

            return AsciiThermometerSimulator(port)
        from devices.sim.thermometer import ModbusThermometerSimulator

        return ModbusThermometerSimulator(port)
    from devices.sim.printer import PrinterSimulator

    return PrinterSimulator(port)


def sample_cards() -> list:
    """Cards for a simulator started without a card file: a few made-up residents."""
    from desktop.simulation import sim_card, visitor_cards

    return [sim_card(card) for card in visitor_cards()]


def _script_lines(path: Path):
    yield from path.read_text(encoding="utf-8").splitlines()


def _interactive():
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def _wait_forever() -> None:
    stop = threading.Event()
    while not stop.wait(3600):
        pass
