"""The built-in simulators, started for `gatedesk --demo` (or `devices.mode = "simulated"`).

Each simulator serves its protocol on a pseudo-terminal in the data folder; the real drivers
open those ports, so a demo exercises the same code as a gate with hardware. The demo panel
acts on the simulators as a person at the gate would: a card on the reader, a forehead in
front of the thermometer, a cable pulled out.
"""

from __future__ import annotations

import logging
import os
import random
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from db.enums import Gender, HealthColor, ResidentState
from db.models import Community, Household, Resident, Room, Unit
from desktop.hardware import DevicePorts, simulation_folder
from desktop.idnumber import make_id_number
from devices.readings import CardType
from devices.sim.id_reader import SimCard

if TYPE_CHECKING:
    from desktop.app import AppContext

log = logging.getLogger(__name__)

DEMO_CARD_LIMIT = 60
CARD_AFTER_MEASURE_S = 0.4  # a person steps up, is measured, then shows the card
DEMO_AUTHORITY = "三门峡市公安局湖滨分局"


class SimulationUnavailable(Exception):
    """Pseudo-terminals are not available here (Windows without a virtual COM pair)."""


@dataclass(frozen=True, slots=True)
class CardFacts:
    """What is printed on a demo ID card; turned into the simulator's card records."""

    name: str
    id_number: str
    gender: str
    birth_date: date | None
    address: str
    long_term: bool


def demo_cards(sessions: sessionmaker[Session], community_id: int) -> list[CardFacts]:
    """Cards of a sample of the community's residents (all colours), and visitors' cards."""
    with sessions() as session:
        community = session.get(Community, community_id)
        district = community.district if community else ""
        residents = session.scalars(
            select(Resident)
            .where(Resident.community_id == community_id)
            .where(Resident.id_number.is_not(None))
            .where(Resident.state == ResidentState.ACTIVE)
            .options(
                joinedload(Resident.household)
                .joinedload(Household.room)
                .joinedload(Room.unit)
                .joinedload(Unit.building)
            )
            .order_by(Resident.id)
            .limit(DEMO_CARD_LIMIT * 4)
        ).all()
        place = (district + (community.name if community else "")).strip()
        greens = [r for r in residents if r.health_status is HealthColor.GREEN]
        others = [r for r in residents if r.health_status is not HealthColor.GREEN]
        chosen = greens[: DEMO_CARD_LIMIT - 6] + others[:6]
        return [_card_of(r, place) for r in chosen]


def _card_of(resident: Resident, place: str) -> CardFacts:
    room = resident.household.room if resident.household else None
    address = place
    if room is not None:
        unit = room.unit
        address += f"{unit.building.number}号楼{unit.number}单元{room.number}室"
    age = (date.today() - resident.birth_date).days // 365 if resident.birth_date else 0
    return CardFacts(
        name=resident.name,
        id_number=resident.id_number or "",
        gender="1" if resident.gender is Gender.MALE else "2",
        birth_date=resident.birth_date,
        address=address or "河南省三门峡市湖滨区",
        long_term=age >= 46,  # cards issued at 46 or older never expire
    )


def visitor_cards(seed: int = 7) -> list[CardFacts]:
    """People who do not live in the community: their numbers are in no registry."""
    rng = random.Random(seed)
    names = ["赵文博", "钱秀英", "孙志强", "周丽娟", "吴建国"]
    cards = []
    for index, name in enumerate(names):
        birth = date(1960 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28))
        number = make_id_number("410502", birth, 500 + index * 2 + (index % 2))
        cards.append(
            CardFacts(name, number, "1" if index % 2 else "2", birth, "河南省安阳市文峰区", False)
        )
    return cards


class Simulation:
    """The four simulators on their pseudo-terminals, and what a demo does with them."""

    def __init__(
        self,
        folder: Path,
        residents: list[CardFacts],
        visitors: list[CardFacts] | None = None,
        *,
        seed: int = 11,
    ) -> None:
        if not hasattr(os, "openpty"):
            raise SimulationUnavailable("this system has no pseudo-terminals")
        from devices.sim.id_reader import IdReaderSimulator
        from devices.sim.printer import PrinterSimulator
        from devices.sim.scanner import ScannerSimulator
        from devices.sim.thermometer import ModbusThermometerSimulator
        from devices.sim.vport import VirtualPort

        self.folder = folder
        self._rng = random.Random(seed)
        self.residents = residents
        self.visitors = visitors if visitors is not None else visitor_cards()
        cards = [sim_card(c) for c in self.residents + self.visitors]
        try:
            self.id_reader = IdReaderSimulator(VirtualPort(folder / "id-reader"), cards=cards)
            self.thermometer = ModbusThermometerSimulator(VirtualPort(folder / "thermometer"))
            self.scanner = ScannerSimulator(VirtualPort(folder / "scanner"))
            self.printer = PrinterSimulator(VirtualPort(folder / "printer"))
        except OSError as exc:
            raise SimulationUnavailable(str(exc)) from exc
        self.ports = DevicePorts(
            id_reader=self.id_reader.port.path,
            scanner=self.scanner.port.path,
            thermometer=self.thermometer.port.path,
            printer=f"serial:{self.printer.port.path}",
        )
        self._started = False
        self._timer: threading.Timer | None = None

    @classmethod
    def for_context(cls, context: AppContext) -> Simulation:
        cards = demo_cards(context.sessions, context.site.community_id)
        return cls(simulation_folder(context.paths.data_dir), cards)

    def simulators(self) -> list:
        return [self.id_reader, self.thermometer, self.scanner, self.printer]

    def start(self) -> None:
        if not self._started:
            self._started = True
            for simulator in self.simulators():
                simulator.start()
            log.info("device simulators started in %s", self.folder)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        for simulator in self.simulators():
            simulator.stop()
        self._started = False

    # -- what happens at a gate ---------------------------------------------------------------
    def present_resident_card(self) -> None:
        """A resident steps up: measured first, then the card goes on the reader."""
        self._present(self._rng.randrange(len(self.residents)) if self.residents else None)

    def present_visitor_card(self) -> None:
        self._present(len(self.residents) + self._rng.randrange(len(self.visitors)))

    def _present(self, index: int | None) -> None:
        if index is None:
            return
        self.id_reader.command("remove")
        self.measure(round(self._rng.gauss(36.5, 0.15), 1))
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(
            CARD_AFTER_MEASURE_S, self.id_reader.command, args=(f"put {index}",)
        )
        self._timer.daemon = True
        self._timer.start()

    def remove_card(self) -> None:
        self.id_reader.command("remove")

    def measure(self, value_c: float) -> None:
        self.thermometer.command(f"measure {value_c:.2f}")

    def scan(self, text: str) -> None:
        self.scanner.command(f"scan {text}")

    def scan_unknown_code(self) -> None:
        self.scan("https://example.org/menu?table=12")

    def unplug_reader(self) -> None:
        self.id_reader.command("unplug")

    def replug_reader(self) -> None:
        self.id_reader.command("replug")


def sim_card(facts: CardFacts) -> SimCard:
    """The simulated reader's record of a demo card."""
    return SimCard(
        card_type=CardType.RESIDENT,
        name=facts.name,
        gender=facts.gender,
        nation="01",
        birth_date=facts.birth_date,
        address=facts.address,
        id_number=facts.id_number,
        authority=DEMO_AUTHORITY,
        valid_from=date(2016, 3, 1),
        valid_to=None if facts.long_term else date(2036, 3, 1),
    )
