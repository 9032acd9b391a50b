"""GA 467 frames and card text, against byte strings written from the spec."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices import ga467
from devices.readings import CardType


def pad(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    return raw + b"\x20\x00" * ((size - len(raw)) // 2)


def hand_built_reply() -> bytes:
    """A read-base-info reply written out field by field from the spec, not by the encoder."""
    text = (
        pad("𠮷䶮玉", 30)  # name: a surrogate pair and a CJK Ext-A character
        + pad("2", 2)
        + pad("01", 4)
        + pad("19491231", 16)
        + pad("河南省三门峡市湖滨区建设路12号", 70)
        + pad("41120219491231002X", 36)
        + pad("三门峡市公安局湖滨分局", 30)
        + pad("20160301", 16)
        + pad("长期", 16)
        + pad("", 36)
    )
    assert len(text) == 256
    photo = bytes(range(256)) * 4
    body = bytes([0x00, 0x00, 0x90, 0x01, 0x00, 0x04, 0x00]) + text + photo
    length = len(body) + 1
    length_bytes = bytes([length >> 8, length & 0xFF])
    check = 0
    for byte in length_bytes + body:
        check ^= byte
    return bytes([0xAA, 0xAA, 0xAA, 0x96, 0x69]) + length_bytes + body + bytes([check])


def test_hand_built_reply_decodes_to_the_fields():
    raw = hand_built_reply()
    assert len(raw) == 1295
    assert raw[:14] == bytes.fromhex("AAAAAA9669050800009001000400")
    frames = ga467.FrameDecoder().feed(raw)
    assert len(frames) == 1 and isinstance(frames[0], ga467.Frame)
    assert frames[0].status.ok
    card = ga467.parse_base_info(frames[0].data)
    assert card.card_type is CardType.RESIDENT
    assert card.name == "𠮷䶮玉"
    assert card.gender == "2"
    assert card.nation == "01"
    assert card.birth_date == date(1949, 12, 31)
    assert card.address == "河南省三门峡市湖滨区建设路12号"
    assert card.id_number == "41120219491231002X"
    assert card.authority == "三门峡市公安局湖滨分局"
    assert card.valid_from == date(2016, 3, 1)
    assert card.valid_to is None and card.long_term
    assert card.photo == bytes(range(256)) * 4


@pytest.mark.parametrize(
    ("raw", "sw3"),
    [
        ("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", 0x9F),
        ("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", 0x90),
        ("AA AA AA 96 69 00 04 00 00 80 84", 0x80),
    ],
)
def test_reader_replies_from_the_spec_parse_by_their_length(raw, sw3):
    frames = ga467.FrameDecoder().feed(bytes.fromhex(raw))
    assert [f.sw3 for f in frames] == [sw3]


def test_commands_are_framed_like_the_spec():
    assert ga467.build_frame(ga467.FIND) == bytes.fromhex("AAAAAA9669000320 0122".replace(" ", ""))
    assert ga467.FIND_OK_REPLY.hex(" ").upper() == "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"
    assert ga467.NO_CARD_REPLY.hex(" ").upper() == "AA AA AA 96 69 00 04 00 00 80 84"


def test_split_frames_reassemble_byte_by_byte():
    decoder = ga467.FrameDecoder()
    raw = hand_built_reply() + ga467.NO_CARD_REPLY
    out = []
    for byte in raw:
        out += decoder.feed(bytes([byte]))
    assert [f.sw3 for f in out] == [0x90, 0x80]


@given(st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=40))
def test_any_chunking_gives_the_same_frames(sizes):
    raw = ga467.FIND_OK_REPLY + hand_built_reply() + ga467.SELECT_OK_REPLY
    decoder = ga467.FrameDecoder()
    out, pos, i = [], 0, 0
    while pos < len(raw):
        size = sizes[i % len(sizes)]
        out += decoder.feed(raw[pos : pos + size])
        pos, i = pos + size, i + 1
    assert [f.sw3 for f in out] == [0x9F, 0x90, 0x90]
    assert decoder.pending == 0


def test_garbage_is_skipped_and_reported():
    junk = bytes.fromhex("00 FF AA 13 AA AA 96")
    out = ga467.FrameDecoder().feed(junk + ga467.NO_CARD_REPLY + b"\x01\x02" + ga467.FIND_OK_REPLY)
    errors = [o for o in out if isinstance(o, ga467.FrameError)]
    frames = [o for o in out if isinstance(o, ga467.Frame)]
    assert [f.sw3 for f in frames] == [0x80, 0x9F]
    assert {e.code for e in errors} == {"garbage"}
    assert sum(e.skipped for e in errors) == len(junk) + 2


def test_bad_checksum_is_reported_and_the_next_frame_survives():
    broken = ga467.FIND_OK_REPLY[:-1] + b"\x00"
    out = ga467.FrameDecoder().feed(broken + ga467.NO_CARD_REPLY)
    assert any(isinstance(o, ga467.FrameError) and o.code == "checksum" for o in out)
    assert [o.sw3 for o in out if isinstance(o, ga467.Frame)] == [0x80]


def test_impossible_length_is_reported():
    out = ga467.FrameDecoder().feed(bytes.fromhex("AAAAAA9669FFFF00") + ga467.NO_CARD_REPLY)
    assert any(isinstance(o, ga467.FrameError) and o.code == "length" for o in out)
    assert [o.sw3 for o in out if isinstance(o, ga467.Frame)] == [0x80]


@pytest.mark.parametrize(
    "code",
    [0x90, 0x9F, 0x80, 0x81, 0x41, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40]
    + list(range(0x47, 0x50)),
)
def test_every_status_code_has_a_meaning(code):
    status = ga467.status_of(code)
    assert status.code == code
    assert status.description and "unknown status" not in status.description
    assert status.ok == (code in (0x90, 0x9F))


def test_unknown_status_shows_its_code():
    status = ga467.status_of(0x5A)
    assert not status.ok
    assert "5A" in status.description and status.key == "sw3-5a"


def card(**changes) -> ga467.CardData:
    values = dict(
        card_type=CardType.RESIDENT,
        name="张小明",
        gender="1",
        nation="01",
        birth_date=date(1985, 6, 1),
        address="河南省三门峡市湖滨区",
        id_number="411202198506010013",
        authority="三门峡市公安局湖滨分局",
        valid_from=date(2015, 1, 1),
        valid_to=date(2035, 1, 1),
        long_term=False,
    )
    values.update(changes)
    return ga467.CardData(**values)


@pytest.mark.parametrize(
    "original",
    [
        card(),
        card(valid_to=None, long_term=True),
        card(
            card_type=CardType.GAT_RESIDENCE,
            id_number="810000199001010014",
            pass_number="H01234567",
        ),
        card(
            card_type=CardType.FOREIGN_PERMANENT,
            id_number="USA330012345678",
            name="史密斯",
            english_name="SMITH, JOHN",
            nation="USA",
            address="",
            authority="1500",
        ),
        card(
            card_type=CardType.FOREIGN_PERMANENT_2023,
            id_number="931586199001010011",
            name="玛丽",
            english_name="MARY ANN",
            nation="GBR",
            address="",
            authority="1100",
        ),
    ],
    ids=["resident", "long-term", "gat", "foreign", "foreign-2023"],
)
def test_card_layouts_round_trip(original):
    text = ga467.encode_card_text(original)
    assert len(text) == 256
    assert ga467.parse_card_text(text) == original


def test_card_type_flag_sits_at_byte_248():
    text = ga467.encode_card_text(
        card(card_type=CardType.GAT_RESIDENCE, id_number="810000199001010014")
    )
    assert text[248:250] == "J".encode("utf-16-le")


def test_unsupported_flag_is_refused_clearly():
    text = bytearray(ga467.encode_card_text(card()))
    text[248:250] = "Q".encode("utf-16-le")
    with pytest.raises(ga467.CardFormatError, match="not supported"):
        ga467.parse_card_text(bytes(text))


def test_garbled_number_is_refused_clearly():
    text = bytearray(ga467.encode_card_text(card()))
    text[122:126] = "ab".encode("utf-16-le")
    with pytest.raises(ga467.CardFormatError, match="ID number"):
        ga467.parse_card_text(bytes(text))


def test_fingerprint_reply_lengths():
    for size in (0, 512, 1024):
        reply = ga467.base_info_reply(card(), fingerprint=b"\x01" * size)
        assert len(reply) == 1297 + size
        frame = ga467.FrameDecoder().feed(reply)[0]
        parsed = ga467.parse_base_info(frame.data, fingerprint=True)
        assert parsed.fingerprint == b"\x01" * size
