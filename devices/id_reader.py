"""The ID-card reader driver: find → select → read over GA 467, with hold-off and speed probing."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import serial

from devices import ga467
from devices.driver import DeviceGone, Emit
from devices.rawlog import log_bytes, log_note
from devices.readings import DeviceEvent, DeviceKind, EventKind, IdCardReading
from devices.serialport import close_quietly, open_serial

PROBE_SPEEDS = (115200, 9600)
MAX_SILENT_CYCLES = 5
# Reply bytes that hold personal data: text, photo and fingerprint follow the 14-byte header.
_PERSONAL = [(14, 1_000_000)]


class NoReply(Exception):
    """The reader did not answer within the timeout."""


class IdCardReader:
    """Polls a GA 467 reader; emits one `IdCardReading` per card presented."""

    kind = DeviceKind.ID_READER

    def __init__(
        self,
        name: str,
        port: str,
        *,
        baudrate: int = 0,
        poll_interval: float = 0.4,
        hold_off: float = 5.0,
        reply_timeout: float = 0.5,
        store_photo: bool = False,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.port = port
        self.baudrate = baudrate  # 0: probe
        self.speed = 0  # the speed in use once open
        self.poll_interval = poll_interval
        self.hold_off = hold_off
        self.reply_timeout = reply_timeout
        self.store_photo = store_photo
        self._clock = clock
        self._monotonic = monotonic
        self._serial: serial.Serial | None = None
        self._decoder = ga467.FrameDecoder()
        self._silent_cycles = 0
        self._next_cycle = 0.0
        # The card last seen and when: survives a reconnect, so a card is not read twice.
        self._last_number = ""
        self._last_seen = float("-inf")
        self._pending_events: list[DeviceEvent] = []

    # -- Driver ---------------------------------------------------------------------------------
    def open(self) -> None:
        speeds = (self.baudrate,) if self.baudrate else PROBE_SPEEDS
        problems = []
        for speed in speeds:
            self._serial = open_serial(self.port, speed, timeout=0.05, device=self.name)
            self._decoder.reset()
            try:
                self._serial.reset_input_buffer()
                self._request(ga467.STATUS)
            except NoReply:
                problems.append(f"no reply at {speed} baud")
                close_quietly(self._serial)
                self._serial = None
                continue
            self.speed = speed
            self._silent_cycles = 0
            if not self.baudrate:
                self._pending_events.append(
                    self._event(EventKind.NOTICE, "speed", f"reader answers at {speed} baud")
                )
            return
        raise DeviceGone("; ".join(problems) or "no reply")

    def close(self) -> None:
        close_quietly(self._serial)
        self._serial = None

    def poll(self, emit: Emit) -> None:
        for event in self._pending_events:
            emit(event)
        self._pending_events.clear()
        wait = self._next_cycle - self._monotonic()
        if wait > 0:
            time.sleep(wait)
        self._next_cycle = self._monotonic() + self.poll_interval
        try:
            self._cycle(emit)
            self._silent_cycles = 0
        except NoReply:
            self._silent_cycles += 1
            emit(self._event(EventKind.PROTOCOL_ERROR, "timeout", "the reader did not answer"))
            if self._silent_cycles >= MAX_SILENT_CYCLES:
                raise DeviceGone("the reader stopped answering") from None

    # -- one cycle ----------------------------------------------------------------------------
    def _cycle(self, emit: Emit) -> None:
        found = self._request(ga467.FIND, emit)
        if found.sw3 == 0x80:  # no card: the common case, not an error
            return
        if not found.status.ok:
            emit(self._status_event(found.status, "find"))
            return
        selected = self._request(ga467.SELECT, emit)
        if not selected.status.ok:
            if selected.sw3 != 0x81:  # a card pulled away between find and select
                emit(self._status_event(selected.status, "select"))
            return
        reply = self._request(ga467.READ_BASE, emit, personal=True, size=ga467.BASE_REPLY_SIZE)
        if not reply.status.ok:
            emit(self._status_event(reply.status, "read"))
            return
        if len(reply.data) < 4:
            emit(self._event(EventKind.PROTOCOL_ERROR, "unexpected-reply", "no card data"))
            return
        try:
            card = ga467.parse_base_info(reply.data)
        except ga467.CardFormatError as exc:
            emit(self._event(EventKind.UNSUPPORTED_CARD, "card-format", str(exc)))
            return
        now = self._monotonic()
        repeated = card.id_number == self._last_number and now - self._last_seen < self.hold_off
        self._last_number, self._last_seen = card.id_number, now
        if repeated:
            return
        emit(
            IdCardReading(
                device=self.name,
                read_at=self._clock(),
                card_type=card.card_type,
                id_number=card.id_number,
                name=card.name,
                gender=card.gender,
                nation=card.nation,
                birth_date=card.birth_date,
                address=card.address,
                authority=card.authority,
                valid_from=card.valid_from,
                valid_to=card.valid_to,
                long_term=card.long_term,
                photo=card.photo if self.store_photo else None,
            )
        )

    def _request(
        self,
        command: bytes,
        emit: Emit | None = None,
        *,
        personal: bool = False,
        size: int = 32,
    ) -> ga467.Frame:
        """Send a command and wait for its reply frame; dropped bytes are emitted as one event
        per kind of trouble. `size`: the reply's expected bytes, to allow for the line speed."""
        assert self._serial is not None
        frame = ga467.build_frame(command)
        log_bytes(self.name, "tx", frame)
        self._serial.write(frame)
        transfer = size * 10 / (self.speed or PROBE_SPEEDS[-1])
        deadline = self._monotonic() + self.reply_timeout + transfer
        dropped: dict[str, int] = {}
        try:
            while self._monotonic() < deadline:
                chunk = self._serial.read(self._serial.in_waiting or 1)
                if not chunk:
                    continue
                for item in self._decoder.feed(chunk):
                    if isinstance(item, ga467.FrameError):
                        dropped[item.code] = dropped.get(item.code, 0) + item.skipped
                        continue
                    log_bytes(self.name, "rx", item.raw, _PERSONAL if personal else ())
                    return item
        finally:
            for code, count in dropped.items():
                log_note(self.name, f"dropped {count} bytes: {code}")
                if emit is not None:
                    message = f"{code}: {count} bytes dropped"
                    emit(self._event(EventKind.PROTOCOL_ERROR, code, message))
        # Late bytes of this reply must not be taken for the next one.
        self._decoder.reset()
        self._serial.reset_input_buffer()
        raise NoReply

    def _status_event(self, status: ga467.Status, step: str) -> DeviceEvent:
        return self._event(
            EventKind.CARD_ERROR, f"sw3-{status.code:02x}", f"{step}: {status.description}"
        )

    def _event(self, kind: EventKind, code: str, message: str) -> DeviceEvent:
        return DeviceEvent(self.name, kind, self._clock(), code, message)
