"""A GA 467 ID-card reader on a pseudo-terminal, serving the cards it is given.

Card files are JSON: a list of objects with the fields of `SimCard` — `name`, `id_number`,
`gender` ("1" male, "2" female), `nation` ("01" = 汉), `birth_date` and `valid_from`
("YYYY-MM-DD"), `valid_to` ("YYYY-MM-DD" or "长期"), `address`, `authority`, and for other
cards `card_type` ("foreign-permanent", "gat-residence", "foreign-permanent-2023"),
`english_name`, `pass_number`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from devices import ga467
from devices.readings import CardType
from devices.sim.base import Simulator
from devices.sim.vport import VirtualPort


@dataclass(frozen=True, slots=True)
class SimCard:
    name: str
    id_number: str
    gender: str = "1"
    nation: str = "01"
    birth_date: date | None = None
    address: str = ""
    authority: str = ""
    valid_from: date | None = None
    valid_to: date | None = None  # None: 长期
    card_type: CardType = CardType.RESIDENT
    english_name: str = ""
    pass_number: str = ""
    photo: bytes = b""

    def data(self) -> ga467.CardData:
        return ga467.CardData(
            card_type=self.card_type,
            name=self.name,
            gender=self.gender,
            nation=self.nation,
            birth_date=self.birth_date,
            address=self.address,
            id_number=self.id_number,
            authority=self.authority,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            long_term=self.valid_to is None,
            english_name=self.english_name,
            pass_number=self.pass_number,
            photo=self.photo,
        )


def load_cards(path: Path) -> list[SimCard]:
    """Cards from a JSON file (format in the module docstring)."""
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    cards = []
    for item in items:
        item = dict(item)
        for key in ("birth_date", "valid_from"):
            if item.get(key):
                item[key] = date.fromisoformat(item[key])
        valid_to = item.get("valid_to")
        item["valid_to"] = None if valid_to in (None, "", "长期") else date.fromisoformat(valid_to)
        if "card_type" in item:
            item["card_type"] = CardType(item["card_type"])
        cards.append(SimCard(**item))
    return cards


def masked_number(number: str) -> str:
    """Enough of a number to tell cards apart in a terminal, not enough to identify anyone."""
    return number[:6] + "*" * max(len(number) - 10, 0) + number[-4:]


class IdReaderSimulator(Simulator):
    """Answers find/select/read like a real reader, padded replies included."""

    name = "id-reader"

    def __init__(
        self,
        port: VirtualPort,
        *,
        cards: list[SimCard] | None = None,
        baudrate: int | None = 115200,
        seed: int = 1,
    ) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self.cards = list(cards or [])
        self.card: SimCard | None = None
        self.fail_next: int | None = None  # SW3 for the next read, once
        self.requests: list[bytes] = []  # command bodies received, for tests
        self._decoder = ga467.FrameDecoder()

    def on_bytes(self, data: bytes) -> None:
        for item in self._decoder.feed(data):
            if isinstance(item, ga467.FrameError):
                if item.code == "checksum":
                    self.send(ga467.status_reply(0x10))
                continue
            self.requests.append(item.body)
            self._answer(item.body[:2])

    def _answer(self, command: bytes) -> None:
        if command in (ga467.STATUS, ga467.RESET):
            self.send(ga467.status_reply(0x90))
        elif command == ga467.FIND:
            self.send(ga467.FIND_OK_REPLY if self.card else ga467.NO_CARD_REPLY)
        elif command == ga467.SELECT:
            self.send(ga467.SELECT_OK_REPLY if self.card else ga467.status_reply(0x81))
        elif command in (ga467.READ_BASE, ga467.READ_BASE_FINGERPRINT):
            if self.card is None:
                self.send(ga467.status_reply(0x41))
            elif self.fail_next is not None:
                code, self.fail_next = self.fail_next, None
                self.send(ga467.status_reply(code))
            else:
                fingerprint = b"" if command == ga467.READ_BASE_FINGERPRINT else None
                self.send(ga467.base_info_reply(self.card.data(), fingerprint=fingerprint))
        else:
            self.send(ga467.status_reply(0x21))

    def device_command(self, verb: str, args: list[str]) -> str:
        if verb == "put":
            if not args:
                raise ValueError("put N or put ID-NUMBER")
            key = args[0].upper()
            if key.isdigit() and len(key) < 6:
                if int(key) >= len(self.cards):
                    raise ValueError(
                        f"there are {len(self.cards)} cards (0 to {len(self.cards) - 1})"
                    )
                self.card = self.cards[int(key)]
            else:
                found = [c for c in self.cards if c.id_number == key]
                if not found:
                    raise ValueError("no card with that number (cards lists them)")
                self.card = found[0]
            return f"card on the reader: {masked_number(self.card.id_number)}"
        if verb in ("remove", "nocard"):
            self.card = None
            return "no card on the reader"
        if verb == "fail":
            self.fail_next = int(args[0], 16) if args else 0x41
            return f"next read fails with SW3 {self.fail_next:02X}"
        if verb == "cards":
            return "\n".join(
                f"{i}: {masked_number(c.id_number)} {c.card_type.value}"
                for i, c in enumerate(self.cards)
            )
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return "put N | put ID-NUMBER | remove | fail SW3 | cards"
