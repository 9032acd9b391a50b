"""Everything that can start a gate check arrives here and leaves through one call.

A card on the reader, a code from a serial scanner, a camera or a keyboard-wedge scanner, a
typed number: each becomes a `GateInput` and goes through `GateIntake.submit`, which attaches the
latest fresh temperature and asks the gate service for a verdict.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from db.base import utcnow
from db.enums import CheckMethod, Direction, TemperatureSource
from desktop.gate import GateService
from desktop.health_code import read_health_code
from desktop.idnumber import IdNumberError, parse
from desktop.masking import mask_in_text
from desktop.verdicts import Reason, Temperature, Verdict, VerdictKind
from devices.readings import CardType, CodeReading, IdCardReading, TemperatureReading

if TYPE_CHECKING:
    from desktop.passes.verify import PassVerifier

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class GateInput:
    """One thing presented at the gate, whatever device it came from."""

    text: str = field(repr=False)
    method: CheckMethod
    device: str = ""
    document: bool = False  # a card number that is not a resident ID number
    name: str = field(default="", repr=False)  # the name on an ID card, for a visitor form


class GateIntake:
    """Turns readings into gate checks; remembers the latest temperature for the next one."""

    def __init__(
        self,
        gate: GateService,
        *,
        attach_window_s: float = 20.0,
        clock: Callable[[], datetime] = utcnow,
        passes: PassVerifier | None = None,
    ) -> None:
        self.gate = gate
        self.passes = passes  # made on the first pass scanned when not given
        self.attach_window = timedelta(seconds=attach_window_s)
        self._clock = clock
        self._temperature: TemperatureReading | None = None
        self._source = TemperatureSource.DEVICE

    # -- temperature ------------------------------------------------------------------------
    def temperature_arrived(self, reading: TemperatureReading) -> None:
        self._temperature = reading
        self._source = TemperatureSource.DEVICE

    def temperature_typed(self, value_c: float) -> None:
        """A temperature staff read off a hand-held thermometer, for the next check."""
        self._temperature = TemperatureReading(value_c, self._clock(), "")
        self._source = TemperatureSource.TYPED

    def pending_temperature(self) -> TemperatureReading | None:
        """The latest reading if it is still fresh enough to attach to the next check."""
        reading = self._temperature
        if reading is None or self._clock() - reading.measured_at > self.attach_window:
            return None
        return reading

    @property
    def pending_typed(self) -> bool:
        """The pending temperature was typed by staff, not read from a thermometer."""
        return self._source is TemperatureSource.TYPED

    def take_temperature(self) -> Temperature | None:
        """The fresh reading for a check; it is used once."""
        reading = self.pending_temperature()
        self._temperature = None
        if reading is None:
            return None
        return Temperature(reading.value_c, self._source, reading.device)

    # -- inputs -----------------------------------------------------------------------------
    @staticmethod
    def from_card(reading: IdCardReading) -> GateInput:
        return GateInput(
            reading.id_number,
            CheckMethod.ID_CARD,
            reading.device,
            document=reading.card_type in _DOCUMENT_CARDS,
            name=reading.name,
        )

    @staticmethod
    def from_code(reading: CodeReading) -> GateInput:
        return GateInput(reading.text, CheckMethod.QR, reading.device or reading.source.value)

    @staticmethod
    def typed(text: str) -> GateInput:
        return GateInput(text, CheckMethod.TYPED)

    def submit(self, item: GateInput, direction: Direction) -> Verdict:
        """The one path from any input to a verdict (and an entry log row when decided)."""
        if is_pass_text(item.text):
            return self._submit_pass(item, direction)
        number, color = item.text, None
        if item.method is CheckMethod.QR and not _is_id_number(item.text):
            code = read_health_code(item.text)
            if code is None:
                log.info(
                    "unknown code scanned by %s: %s", item.device, mask_in_text(item.text[:80])
                )
                return Verdict(
                    VerdictKind.INPUT_ERROR,
                    Reason.UNKNOWN_CODE,
                    direction,
                    item.method,
                    self._clock(),
                )
            number, color = code.id_number, code.color
        return self.gate.check_id_number(
            number,
            direction=direction,
            method=item.method,
            temperature=self.take_temperature(),
            device=item.device,
            document=item.document,
            code_health=color,
        )

    def _submit_pass(self, item: GateInput, direction: Direction) -> Verdict:
        """A paper pass: verified offline; the person it names is then checked as usual, so a
        valid pass never lifts a red status or an isolation."""
        if self.passes is None:
            from desktop.passes.verify import PassVerifier

            self.passes = PassVerifier(
                self.gate._sessions,
                self.gate.site.community_id,
                clock=self._clock,
                operator_id=self.gate.operator_id,
            )
        found = self.passes.verify(item.text)
        temperature = self.take_temperature()
        if found.resident_id is None:
            return self.gate.check_unmatched_pass(
                found.facts(), direction=direction, temperature=temperature, device=item.device
            )
        return self.gate.check_resident(
            found.resident_id,
            direction=direction,
            method=CheckMethod.PASS,
            temperature=temperature,
            device=item.device,
            pass_=found.facts(),
        )

    def check_resident(self, resident_id: int, direction: Direction) -> Verdict:
        """A resident picked from a name search (no device involved)."""
        return self.gate.check_resident(
            resident_id, direction=direction, temperature=self.take_temperature()
        )


_DOCUMENT_CARDS = (CardType.FOREIGN_PERMANENT, CardType.FOREIGN_PERMANENT_2023)


def is_pass_text(text: str) -> bool:
    """A GateDesk paper pass (GD1:…), told apart before any other code is tried."""
    return text.lstrip()[:4].upper() == "GD1:"


def _is_id_number(text: str) -> bool:
    try:
        parse(text)
    except IdNumberError:
        return False
    return True
