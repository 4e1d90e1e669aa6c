"""The Vietnamese number grammar, round-tripped through spelled and digit forms."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ntl_extract.extract.numbers_grammar import parse_amount, parse_digits, parse_words, speak, write_digits


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_spelled_integers_round_trip(n):
    assert parse_amount(speak(n)) == n


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_digit_forms_round_trip(whole, cents):
    value = Decimal(whole) + (Decimal(cents) / 100 if cents else 0)
    assert parse_digits(write_digits(value, "vn")) == value
    if whole >= 10**6:  # international grouping is unambiguous from two groups on
        assert parse_digits(write_digits(value, "intl")) == value


@pytest.mark.parametrize("text,value", [
    ("2 tỷ 333,1 triệu", 2333100000), ("15 tỷ 660 triệu 750 ngàn", 15660750000),
    ("3,5 nghìn tỷ", 3500000000000), ("1.132", 1132), ("58,1", Decimal("58.1")), ("98,75", Decimal("98.75")),
    ("1,234,567", 1234567), ("1 234 567", 1234567), ("hai mươi mốt", 21), ("một trăm linh năm", 105),
    ("mười lăm", 15), ("ba mươi tư", 34), ("một trăm lẻ một", 101), ("hai vạn", 20000), ("0,05", Decimal("0.05")),
])
def test_known_amounts(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1.2.3.4", "abc", "", "tỷ", "một số", "3.5.2021"])
def test_not_amounts(text):
    assert parse_amount(text) is None


def test_words_reject_non_numbers():
    assert parse_words(["hai", "con"]) is None
