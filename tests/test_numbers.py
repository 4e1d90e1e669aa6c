"""The Vietnamese number grammar (`extract/numbers_grammar.py`) and the numbers
extractor end to end.

The grammar's own table lives here (the rule examples live in
`rules/numbers.yaml`): digits in Vietnamese and international grouping,
number words, spelled magnitudes composed with digits, and what must be
rejected. A hypothesis test round-trips random integers and decimals through
the spelled and digit forms, so the reader and the writer cannot drift apart.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED, checked
from ntl_extract import extract, extract_bytes, load_rules
from ntl_extract.extract.numbers_grammar import (
    as_json_number, parse_amount, parse_digits, parse_words, speak, write_digits)

RULES = load_rules()

# ------------------------------------------------------------- digit forms

DIGITS = [
    ("7", 7),
    ("07", 7),
    ("1.318", 1318),
    ("45.207", 45207),
    ("3.406.150", 3406150),
    ("61,4", Decimal("61.4")),
    ("0,35", Decimal("0.35")),
    ("12.480,25", Decimal("12480.25")),
    ("2.000.000,5", Decimal("2000000.5")),
    ("9,875", Decimal("9.875")),          # a comma is the decimal mark, even before three digits
    ("1,234,567", 1234567),                # international grouping, unambiguous with two groups
    ("4,310,002.75", Decimal("4310002.75")),
    ("1 234 567", 1234567),                # spaces as group separators
    ("18 500", 18500),
    ("3.5", Decimal("3.5")),               # a point before one or two digits is a decimal point
    ("12.75", Decimal("12.75")),
    ("100", 100),
    ("2024", 2024),
    ("0", 0),
    ("999.999.999", 999999999),
]

BAD_DIGITS = ["1.2.3", "12.3456", "1,2,3", "1 23", "abc", "", "1..2", "1,234,56"]


@pytest.mark.parametrize("text,value", DIGITS, ids=[t for t, _ in DIGITS])
def test_parse_digits(text, value):
    assert parse_digits(text) == Decimal(value)


@pytest.mark.parametrize("text", BAD_DIGITS)
def test_parse_digits_rejects(text):
    assert parse_digits(text) is None


# -------------------------------------------------------------- number words

WORDS = [
    ("một", 1), ("hai", 2), ("bốn", 4), ("năm", 5), ("bảy", 7), ("bẩy", 7), ("chín", 9),
    ("mười", 10), ("mười một", 11), ("mười lăm", 15), ("mười nhăm", 15), ("mười chín", 19),
    ("hai mươi", 20), ("hai mươi mốt", 21), ("hai mươi tư", 24), ("hai mươi bốn", 24),
    ("ba mươi lăm", 35), ("chín mươi chín", 99), ("năm mươi", 50),
    ("một trăm", 100), ("trăm", 100), ("một trăm linh năm", 105), ("một trăm lẻ tám", 108),
    ("hai trăm mười", 210), ("ba trăm bốn mươi mốt", 341), ("chín trăm chín mươi chín", 999),
    ("sáu trăm linh một", 601), ("bốn trăm năm mươi lăm", 455),
]

BAD_WORDS = [["mốt"], ["tỷ"], ["hai", "người"], [],
             "hai mươi hai mươi".split(), "hai ba".split(), "hai mươi trăm".split(), "mười mười".split(),
             "hai trăm ba trăm".split(),
             "mười năm".split(), "hai mươi năm".split()]  # after a ten, five is `lăm`: `mười năm` is ten years


@pytest.mark.parametrize("text,value", WORDS, ids=[t for t, _ in WORDS])
def test_parse_words(text, value):
    assert parse_words(text.split()) == value


@pytest.mark.parametrize("words", BAD_WORDS, ids=lambda w: " ".join(w) or "empty")
def test_parse_words_rejects(words):
    assert parse_words(words) is None


# ---------------------------------------------------- magnitudes, composed

AMOUNTS = [
    ("2 tỷ 333,1 triệu", 2333100000),
    ("15 tỷ 660 triệu 750 ngàn", 15660750000),  # vietnam_number famously reads 1001001000
    ("7 tỷ 45 triệu", 7045000000),
    ("12 tỷ 304 triệu 500 nghìn", 12304500000),
    ("3,5 nghìn tỷ", 3500000000000),
    ("2,75 nghìn tỷ", 2750000000000),
    ("4.215 tỷ", 4215000000000),
    ("31.402.116 triệu", 31402116000000),
    ("1,2 triệu", 1200000),
    ("700 nghìn", 700000),
    ("700 ngàn", 700000),
    ("5 vạn", 50000),
    ("3 vạn", 30000),
    ("1,5 tỉ", 1500000000),
    ("9 tỷ 5 triệu", 9005000000),
    ("hai triệu", 2000000),
    ("hai mươi lăm triệu", 25000000),
    ("ba trăm nghìn", 300000),
    ("mười lăm tỷ sáu trăm sáu mươi triệu", 15660000000),
    ("một trăm linh năm", 105),
    ("bảy nghìn", 7000),
    ("hai tỷ ba trăm ba mươi ba triệu một trăm nghìn", 2333100000),
    ("45", 45),
    ("1.318", 1318),
    ("1 .200", 1200),                      # a stray space before the thousands dot
    ("2 .450 triệu", 2450000000),
]

BAD_AMOUNTS = ["triệu", "tỷ 5", "5 hai", "hai 5", "người", "1.2.3 triệu", "ba mươi mốt mốt"]


@pytest.mark.parametrize("text,value", AMOUNTS, ids=[t for t, _ in AMOUNTS])
def test_parse_amount(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", BAD_AMOUNTS)
def test_parse_amount_rejects(text):
    assert parse_amount(text) is None


def test_json_numbers_are_int_when_whole():
    assert as_json_number(Decimal("1132")) == 1132 and isinstance(as_json_number(Decimal("1132.0")), int)
    assert as_json_number(Decimal("98.75")) == 98.75


# ------------------------------------------------------------ round trips


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_spelled_round_trip(n):
    """Every integer read back from its Vietnamese words."""
    assert parse_amount(speak(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_digit_round_trip_integers(n):
    """Every integer read back from Vietnamese grouping (`1.234.567`) and, from a
    million on (two groups, so unambiguous), from international grouping."""
    assert parse_digits(write_digits(n, "vn")) == n
    if n >= 1_000_000:
        assert parse_digits(write_digits(n, "intl")) == n


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_digit_round_trip_decimals(value):
    """Decimals with a comma (`1.234,56`) read back exactly."""
    assert parse_digits(write_digits(value, "vn")) == value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from(["triệu", "tỷ"]))
def test_mixed_magnitudes_round_trip(big, small, magnitude):
    """`<digits> tỷ <digits> triệu` composes as the sum of the two parts."""
    lower = {"tỷ": ("triệu", 10**6), "triệu": ("nghìn", 10**3)}[magnitude]
    size = 10**9 if magnitude == "tỷ" else 10**6
    text = f"{big} {magnitude}" + (f" {small} {lower[0]}" if small else "")
    assert parse_amount(text) == big * size + small * lower[1]


# ------------------------------------------------------ through the extractor


def numbers_of(text: str) -> list[dict]:
    return checked(extract(text, published="2024-07-03", rules=RULES, detect_metadata=False), text)["numbers"]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=2, max_value=9_999_999))
def test_counts_of_any_size(n):
    """`<n> hộ dân` in Vietnamese grouping is one count of `hộ dân`, whatever n is."""
    found = numbers_of(f"Xã có {write_digits(n)} hộ dân tham gia.")
    assert [(f["kind"], f["value"], f["unit"]) for f in found] == [("count", n, "hộ dân")]


def test_dates_and_symbols_are_never_numbers():
    text = "Theo Quyết định số 452/QĐ-UBND ngày 3/4/2022 và Nghị định 15/2020/NĐ-CP, 14 hộ được hỗ trợ."
    assert [(f["value"], f["unit"]) for f in numbers_of(text)] == [(14, "hộ")]


def test_subject_of_a_percentage():
    [found] = numbers_of("Năm nay, tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 97,4%.")
    assert found["subject"] == "tỷ lệ trẻ em được tiêm chủng đầy đủ" and found["value"] == 97.4


SEED = "000_1af0c90cd50fde23"


@pytest.mark.skipif(not (SHARED / "dev" / "gold" / f"{SEED}.json").exists(), reason="no shared gold")
def test_seed_required_numbers_exact():
    """Every required numeric fact of the first seed, with its exact value (and total)."""
    path = ROOT / "corpus" / f"{SEED}.txt"
    record = extract_bytes(path.read_bytes(), path=str(path), doc_id=SEED).to_dict()
    gold = json.loads((SHARED / "dev" / "gold" / f"{SEED}.json").read_text("utf-8"))
    required = [g for g in gold["numbers"] if not g.get("optional")]
    missing = []
    for g in required:
        hit = [p for p in record["numbers"] if p["start"] < g["end"] and g["start"] < p["end"]
               and p["kind"] == g["kind"] and p["value"] == g["value"]
               and (g["kind"] != "ratio" or p["total"] == g.get("total"))]
        if not hit:
            missing.append(g["text"])
    assert not missing, missing
    assert len(required) >= 27


def test_shared_head_matches_one_way():
    """`numbers_scan._split_head` tries a rule's rest only where the amount it
    opens with ends: exact only while the amount can match in one way (an
    atomic group, then a lookahead), and while every rule named in
    `shared_head` opens with it."""
    from ntl_extract.extract.numbers_scan import _first_group_end
    from ntl_extract.rules import load_yaml

    data = load_yaml(ROOT / "rules" / "numbers.yaml")
    fragments = data["fragments"]
    assert fragments["amount"] == "(?P<amount>{digit_amount})"
    atomic = fragments["digit_amount"]
    assert atomic.startswith("(?>") and atomic[_first_group_end(atomic):] == "{ne}"
    assert fragments["ne"].startswith("(?!") and _first_group_end(fragments["ne"]) == len(fragments["ne"])
    by_id = {r["id"]: r for r in data["rules"]}
    for rule in data["tables"]["anchors"]["shared_head"]:
        assert by_id[rule]["pattern"].startswith("{amount}"), rule
