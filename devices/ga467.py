"""The GA 467 serial protocol of second-generation ID-card readers: frames, status words, text.

A frame is the preamble `AA AA AA 96 69`, a 2-byte big-endian length that counts everything
after it (the checksum included), the body, and a checksum: the XOR of the length bytes and
the body. Host bodies are `CMD PARA [data]`; reader bodies are `SW1 SW2 SW3 [data]`. Frames
are always cut by their length field: real readers pad some replies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import reduce

from devices.readings import CardType

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER_SIZE = len(PREAMBLE) + 2
MAX_LENGTH = 4096  # a base-info reply with a 1024-byte fingerprint has 2,314

FIND = bytes.fromhex("2001")
SELECT = bytes.fromhex("2002")
READ_BASE = bytes.fromhex("3001")
READ_BASE_FINGERPRINT = bytes.fromhex("3010")
READ_NEW_ADDRESS = bytes.fromhex("3003")
RESET = bytes.fromhex("10FF")
STATUS = bytes.fromhex("11FF")

TEXT_SIZE = 256
PHOTO_SIZE = 1024
BASE_REPLY_SIZE = 1295
LONG_TERM = "长期"


def checksum(data: bytes) -> int:
    return reduce(lambda a, b: a ^ b, data, 0)


def build_frame(body: bytes) -> bytes:
    """A complete frame around `body` (a command, or a reply's SW1 SW2 SW3 and data)."""
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


# -- status words -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Status:
    code: int
    key: str
    description: str
    ok: bool = False


_STATUSES = [
    Status(0x90, "ok", "operation succeeded", ok=True),
    Status(0x9F, "find-ok", "card found", ok=True),
    Status(0x80, "no-card", "no card on the reader (find failed)"),
    Status(0x81, "select-failed", "card could not be selected"),
    Status(0x41, "read-failed", "reading the card failed"),
    Status(0x10, "checksum", "the reader received a frame with a bad checksum"),
    Status(0x11, "length", "the reader received a frame with a bad length"),
    Status(0x21, "bad-command", "the reader does not know the command"),
    Status(0x23, "not-authorised", "operation not authorised"),
    Status(0x24, "unknown-error", "the reader reported an unknown error"),
    Status(0x31, "auth-card", "the card failed to authenticate the reader"),
    Status(0x32, "auth-reader", "the reader failed to authenticate the card"),
    Status(0x33, "auth-info", "information authentication failed"),
    Status(0x40, "unknown-card", "card of an unknown kind"),
]
_STATUSES += [
    Status(code, f"operation-{code:02x}", f"operation error {code:02X}")
    for code in range(0x47, 0x50)
]
STATUS_BY_CODE = {status.code: status for status in _STATUSES}


def status_of(sw3: int) -> Status:
    """The meaning of an SW3 byte; unknown codes are errors that carry the code."""
    return STATUS_BY_CODE.get(sw3) or Status(sw3, f"sw3-{sw3:02x}", f"unknown status {sw3:02X}")


# -- decoding a byte stream ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Frame:
    body: bytes
    raw: bytes

    @property
    def sw3(self) -> int:
        return self.body[2] if len(self.body) >= 3 else -1

    @property
    def data(self) -> bytes:
        return self.body[3:]

    @property
    def status(self) -> Status:
        return status_of(self.sw3)


@dataclass(frozen=True, slots=True)
class FrameError:
    """Bytes the decoder had to throw away, and why: "garbage", "checksum" or "length"."""

    code: str
    skipped: int
    detail: str = ""


class FrameDecoder:
    """Cuts frames out of a byte stream: reassembles split frames, resynchronises after junk."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def reset(self) -> None:
        self._buffer.clear()

    @property
    def pending(self) -> int:
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Frame | FrameError]:
        self._buffer += data
        out: list[Frame | FrameError] = []
        while True:
            start = self._buffer.find(PREAMBLE)
            if start < 0:
                # Keep a tail that may be the start of a preamble split across reads.
                keep = _preamble_prefix_length(self._buffer)
                junk = len(self._buffer) - keep
                if junk:
                    out.append(FrameError("garbage", junk))
                    del self._buffer[:junk]
                return out
            if start:
                out.append(FrameError("garbage", start))
                del self._buffer[:start]
            if len(self._buffer) < HEADER_SIZE:
                return out
            length = int.from_bytes(self._buffer[5:7], "big")
            if not 3 <= length <= MAX_LENGTH:
                out.append(FrameError("length", 1, f"length field {length}"))
                del self._buffer[:1]
                continue
            end = HEADER_SIZE + length
            if len(self._buffer) < end:
                return out
            raw = bytes(self._buffer[:end])
            if checksum(raw[5:-1]) != raw[-1]:
                out.append(FrameError("checksum", 1, f"frame of {end} bytes"))
                del self._buffer[:1]
                continue
            del self._buffer[:end]
            out.append(Frame(raw[HEADER_SIZE:-1], raw))


def _preamble_prefix_length(buffer: bytearray) -> int:
    for size in range(min(len(PREAMBLE) - 1, len(buffer)), 0, -1):
        if buffer.endswith(PREAMBLE[:size]):
            return size
    return 0


# -- the card's text ----------------------------------------------------------------------------
class CardFormatError(ValueError):
    """The card's data cannot be understood; the message says what (no personal data)."""


@dataclass(frozen=True, slots=True)
class CardData:
    """The fields of a card, as a reader returns them. `valid_to` None with `long_term`."""

    card_type: CardType
    name: str
    gender: str
    nation: str
    birth_date: date | None
    address: str
    id_number: str
    authority: str
    valid_from: date | None
    valid_to: date | None
    long_term: bool
    english_name: str = ""
    pass_number: str = ""  # J: the Mainland travel permit number
    photo: bytes = b""
    fingerprint: bytes = b""


def _field(text: bytes, start: int, end: int) -> str:
    return text[start:end].decode("utf-16-le", errors="replace").rstrip(" \x00")


def _date(value: str, what: str) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y%m%d").date()
    except ValueError as exc:
        raise CardFormatError(f"{what} is not a date") from exc


def _valid_to(value: str) -> tuple[date | None, bool]:
    if value.startswith(LONG_TERM):
        return None, True
    return _date(value, "valid-to"), False


_RESIDENT_NUMBER = re.compile(r"\d{17}[\dX]")
_FOREIGN_NUMBER = re.compile(r"[A-Z]{3}\d{12}")
_FOREIGN_2023_NUMBER = re.compile(r"9\d{16}[\dX]")


def card_type_of(text: bytes) -> CardType:
    flag = _field(text, 248, 250)
    if flag in ("", " "):
        return CardType.RESIDENT
    try:
        return {
            "I": CardType.FOREIGN_PERMANENT,
            "J": CardType.GAT_RESIDENCE,
            "Y": CardType.FOREIGN_PERMANENT_2023,
        }[flag]
    except KeyError:
        raise CardFormatError(f"card type flag {flag!r} is not supported") from None


def parse_card_text(text: bytes) -> CardData:
    """The 256 bytes of card text (UTF-16LE, fields padded with spaces) as fields."""
    if len(text) != TEXT_SIZE:
        raise CardFormatError(f"card text has {len(text)} bytes, not {TEXT_SIZE}")
    card_type = card_type_of(text)
    if card_type in (CardType.RESIDENT, CardType.GAT_RESIDENCE):
        number = _field(text, 122, 158).upper()
        if not _RESIDENT_NUMBER.fullmatch(number):
            raise CardFormatError("ID number field is not an 18-character number")
        valid_to, long_term = _valid_to(_field(text, 204, 220))
        return CardData(
            card_type=card_type,
            name=_field(text, 0, 30),
            gender=_field(text, 30, 32),
            nation=_field(text, 32, 36),
            birth_date=_date(_field(text, 36, 52), "birth date"),
            address=_field(text, 52, 122),
            id_number=number,
            authority=_field(text, 158, 188),
            valid_from=_date(_field(text, 188, 204), "valid-from"),
            valid_to=valid_to,
            long_term=long_term,
            pass_number=_field(text, 220, 238) if card_type is CardType.GAT_RESIDENCE else "",
        )
    # Foreigners' permanent residence cards: English name first, the number after the gender.
    if card_type is CardType.FOREIGN_PERMANENT:
        number, pattern = _field(text, 122, 152).upper(), _FOREIGN_NUMBER
        nation, name = _field(text, 152, 158), _field(text, 158, 188)
    else:
        number, pattern = _field(text, 122, 158).upper(), _FOREIGN_2023_NUMBER
        nation, name = _field(text, 158, 164), _field(text, 164, 188)
    if not pattern.fullmatch(number):
        raise CardFormatError(f"{card_type.value} card number is not in the expected form")
    valid_to, long_term = _valid_to(_field(text, 204, 220))
    english = _field(text, 0, 120)
    return CardData(
        card_type=card_type,
        name=name or english,
        gender=_field(text, 120, 122),
        nation=nation,
        birth_date=_date(_field(text, 220, 236), "birth date"),
        address="",
        id_number=number,
        authority=_field(text, 240, 248),
        valid_from=_date(_field(text, 188, 204), "valid-from"),
        valid_to=valid_to,
        long_term=long_term,
        english_name=english,
    )


def parse_base_info(data: bytes, *, fingerprint: bool = False) -> CardData:
    """The data of a read-base-info reply (after SW1 SW2 SW3): lengths, text, photo[, print]."""
    header = 6 if fingerprint else 4
    if len(data) < header:
        raise CardFormatError("base info reply too short")
    text_length = int.from_bytes(data[0:2], "big")
    photo_length = int.from_bytes(data[2:4], "big")
    print_length = int.from_bytes(data[4:6], "big") if fingerprint else 0
    if text_length != TEXT_SIZE:
        raise CardFormatError(f"text length {text_length}, not {TEXT_SIZE}")
    if len(data) != header + text_length + photo_length + print_length:
        raise CardFormatError("base info reply length does not match its fields")
    text = data[header : header + text_length]
    photo = data[header + text_length : header + text_length + photo_length]
    card = parse_card_text(text)
    fingerprint_data = data[header + text_length + photo_length :]
    return replace(card, photo=bytes(photo), fingerprint=bytes(fingerprint_data))


# -- building (the simulator's side, and tests) ---------------------------------------------------
def _put(text: bytearray, start: int, end: int, value: str) -> None:
    encoded = value.encode("utf-16-le")
    size = end - start
    if len(encoded) > size:
        raise ValueError(f"{value!r} does not fit in {size} bytes")
    text[start:end] = encoded + " ".encode("utf-16-le") * ((size - len(encoded)) // 2)


def _ymd(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def encode_card_text(card: CardData) -> bytes:
    """The 256 bytes a card holds, laid out by its type."""
    text = bytearray(" ".encode("utf-16-le") * (TEXT_SIZE // 2))
    valid_to = LONG_TERM if card.long_term else _ymd(card.valid_to)
    if card.card_type in (CardType.RESIDENT, CardType.GAT_RESIDENCE):
        for start, end, value in (
            (0, 30, card.name),
            (30, 32, card.gender),
            (32, 36, card.nation),
            (36, 52, _ymd(card.birth_date)),
            (52, 122, card.address),
            (122, 158, card.id_number),
            (158, 188, card.authority),
            (188, 204, _ymd(card.valid_from)),
            (204, 220, valid_to),
        ):
            _put(text, start, end, value)
        if card.card_type is CardType.GAT_RESIDENCE:
            _put(text, 220, 238, card.pass_number)
            _put(text, 248, 250, "J")
        return bytes(text)
    foreign_2023 = card.card_type is CardType.FOREIGN_PERMANENT_2023
    fields = [
        (0, 120, card.english_name),
        (120, 122, card.gender),
        (188, 204, _ymd(card.valid_from)),
        (204, 220, valid_to),
        (220, 236, _ymd(card.birth_date)),
        (240, 248, card.authority),
        (248, 250, "Y" if foreign_2023 else "I"),
    ]
    if foreign_2023:
        fields += [(122, 158, card.id_number), (158, 164, card.nation), (164, 188, card.name)]
    else:
        fields += [(122, 152, card.id_number), (152, 158, card.nation), (158, 188, card.name)]
    for start, end, value in fields:
        _put(text, start, end, value)
    return bytes(text)


def base_info_reply(card: CardData, *, fingerprint: bytes | None = None) -> bytes:
    """The reader's whole reply to read-base-info (30 01), or with `fingerprint` to 30 10."""
    photo = card.photo.ljust(PHOTO_SIZE, b"\x00")[:PHOTO_SIZE]
    data = TEXT_SIZE.to_bytes(2, "big") + PHOTO_SIZE.to_bytes(2, "big")
    if fingerprint is not None:
        data += len(fingerprint).to_bytes(2, "big")
    data += encode_card_text(card) + photo + (fingerprint or b"")
    return build_frame(b"\x00\x00\x90" + data)


def status_reply(sw3: int, padding: int = 0) -> bytes:
    return build_frame(b"\x00\x00" + bytes([sw3]) + b"\x00" * padding)


FIND_OK_REPLY = status_reply(0x9F, 4)  # AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97
SELECT_OK_REPLY = status_reply(0x90, 8)  # padded with 8 zero bytes, checksum 9C
NO_CARD_REPLY = status_reply(0x80)  # AA AA AA 96 69 00 04 00 00 80 84
