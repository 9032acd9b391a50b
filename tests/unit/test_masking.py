"""Masked names, numbers and phones; nothing more than allowed stays visible."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.idnumber import make_id_number
from desktop.masking import mask_id_number, mask_in_text, mask_name, mask_phone


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张小明", "张*明"),
        ("张三", "张*"),
        ("欧阳小明", "欧**明"),
        ("王", "*"),
        ("", ""),
        (" 李四 ", "李*"),
        ("John Smith", "J*** S****"),
        ("买买提·艾力", "买**·*力"),
    ],
)
def test_names(name, masked):
    assert mask_name(name) == masked


def test_id_numbers():
    assert mask_id_number("11010119900307123X") == "110101********123X"
    assert mask_id_number("110105491231002") == "110105*****1002"
    assert mask_id_number("") == ""


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812341234", "138****1234"),
        ("+86 138-1234-1234", "138****1234"),
        ("008613812341234", "138****1234"),
        ("0371-12345678", "037*****5678"),
        ("110", "***"),
    ],
)
def test_phones(phone, masked):
    assert mask_phone(phone) == masked


@given(
    st.sampled_from(["110105", "411202"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2022, 1, 1)),
    st.integers(0, 999),
)
def test_masked_ids_hide_the_birth_date(region, born, sequence):
    number = make_id_number(region, born, sequence)
    masked = mask_id_number(number)
    assert masked[6:14] == "*" * 8
    assert masked[:6] + masked[14:] == number[:6] + number[14:]


@given(st.text(alphabet="一二三四五六七八九十张王李", min_size=3, max_size=6))
def test_masked_names_show_two_characters_at_most(name):
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert sum(c != "*" for c in masked) == 2


def test_numbers_inside_text_are_masked():
    text = "resident 11010519491231002x called from 13812341234 about card 110105491231002"
    masked = mask_in_text(text)
    assert "11010519491231002" not in masked.upper()
    assert "13812341234" not in masked
    assert "110105491231002" not in masked
    assert "110105********002X" in masked
    assert "138****1234" in masked


def test_other_digit_runs_are_left_alone():
    text = "serial 12345678901234567890 order 1234567 time 20220401"
    assert mask_in_text(text) == text
