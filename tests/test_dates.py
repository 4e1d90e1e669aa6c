"""Dates: every mention's value agrees with its first and last day."""

from __future__ import annotations

import pytest

from conftest import checked
from ntl_extract import extract, load_rules
from ntl_extract.extract.dates import days_of

RULES = load_rules()
EXAMPLES = [ex for ex in RULES["dates"].all_examples() if not ex.xfail]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{i}:{e.text[:30]}" for i, e in enumerate(EXAMPLES)])
def test_value_and_days_agree(example):
    record = checked(extract(example.text, published=example.published, rules=RULES, detect_metadata=False),
                     example.text)
    for date in record["dates"]:
        assert (date["first_day"], date["last_day"]) == days_of(date["value"]), date
        assert ("/" in date["value"]) == (date["kind"] in ("interval", "open_interval"))
        assert (".." in date["value"]) == (date["kind"] == "open_interval")


@pytest.mark.parametrize("value,first,last", [
    ("2024-07-02", "2024-07-02", "2024-07-02"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("2024", "2024-01-01", "2024-12-31"),
    ("2024-01/2024-06", "2024-01-01", "2024-06-30"),
    ("2021/2025", "2021-01-01", "2025-12-31"),
    ("../2030", None, "2030-12-31"),
    ("2016-06-25/..", "2016-06-25", None),
    ("XXXX-07-02", None, None),
    ("2021-11-08T21:21", "2021-11-08", "2021-11-08"),
    ("199X", "1990-01-01", "1999-12-31"),
])
def test_days_of(value, first, last):
    assert days_of(value) == (first, last)
