"""GB 11643 identity numbers: the rule text, real-world input, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.idnumber import (
    IdNumberError,
    check_digit,
    convert_15_to_18,
    is_valid,
    make_id_number,
    normalize,
    parse,
)

TODAY = date(2022, 4, 1)
REGIONS = st.sampled_from(["110105", "411202", "440605", "810000", "650102", "310115"])
BIRTHS = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
SEQUENCES = st.integers(min_value=0, max_value=999)


def test_standard_example():
    info = parse("11010519491231002X", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "female"
    assert info.region_code == "110105"
    assert not info.converted_from_15


@pytest.mark.parametrize(
    "raw",
    [
        "１１０１０５１９４９１２３１００２ｘ",
        "11010519491231002x",
        " 110105 19491231 002X ",
        "110105\u300019491231\t002X",
        "110105-19491231-002X",
        "\u00a011010519491231002X\n",
    ],
)
def test_messy_input_is_normalised(raw):
    assert parse(raw, today=TODAY).number == "11010519491231002X"


def test_fifteen_digit_numbers_are_converted():
    info = parse("110105491231002", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.converted_from_15
    assert convert_15_to_18("110105491231002") == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("11010519491231002Y", "bad_chars"),
        ("1101051949123100X2", "bad_chars"),
        ("11010549123100X", "bad_chars"),
        ("张三", "bad_chars"),
        ("1101051949123", "bad_length"),
        ("1101051949123100211", "bad_length"),
        ("99010519491231002X", "bad_region"),
        ("110105194902300020", "bad_birth_date"),
        ("110105189912310028", "bad_birth_date"),
        ("110105203001010010", "bad_birth_date"),
        ("110105194912310021", "bad_check_digit"),
    ],
)
def test_each_refusal_has_its_code(raw, code):
    with pytest.raises(IdNumberError) as err:
        parse(raw, today=TODAY)
    assert err.value.code == code
    assert "11010519491231" not in str(err.value)


def test_check_digit_message_says_expected_and_found():
    with pytest.raises(IdNumberError, match="expected X, found 1"):
        parse("110105194912310021", today=TODAY)


def test_check_digit_rejects_bad_input():
    with pytest.raises(ValueError):
        check_digit("123")


@given(REGIONS, BIRTHS, SEQUENCES)
def test_made_numbers_parse_back(region, born, sequence):
    number = make_id_number(region, born, sequence)
    info = parse(number, today=TODAY)
    assert info.number == number
    assert info.birth_date == born
    assert info.gender == ("male" if sequence % 2 else "female")
    assert is_valid(number.lower())


@given(REGIONS, BIRTHS, SEQUENCES, st.integers(0, 17), st.integers(1, 10))
def test_every_single_character_change_is_caught(region, born, sequence, position, delta):
    number = make_id_number(region, born, sequence)
    chars = "0123456789X" if position == 17 else "0123456789"
    old = chars.index(number[position])
    changed = number[:position] + chars[(old + delta) % len(chars)] + number[position + 1 :]
    if changed == number:
        return
    assert not is_valid(changed)


@given(REGIONS, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), SEQUENCES)
def test_fifteen_and_eighteen_agree(region, born, sequence):
    fifteen = f"{region}{born:%y%m%d}{sequence:03d}"
    info = parse(fifteen, today=TODAY)
    assert info.number == make_id_number(region, born, sequence)
    assert info.converted_from_15


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text):
    try:
        info = parse(text, today=TODAY)
    except IdNumberError as err:
        assert err.code
    else:
        assert len(info.number) == 18


@given(st.text(alphabet="0123456789xX ", max_size=25))
def test_normalise_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)
