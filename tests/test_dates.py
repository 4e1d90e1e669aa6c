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


def _dates(text, published="2024-07-03"):
    return checked(extract(text, published=published, rules=RULES, detect_metadata=False), text)["dates"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{i}:{e.text[:30]}" for i, e in enumerate(EXAMPLES)])
def test_days_are_calendar_days_or_null(example):
    """first_day/last_day are real dates (YYYY-MM-DD), null exactly for XXXX parts and open ends."""
    import datetime as dt

    for date in _dates(example.text, example.published):
        for key, side in (("first_day", 0), ("last_day", -1)):
            day = date[key]
            point = date["value"].split("/")[side] if "/" in date["value"] else date["value"]
            if point == ".." or "XXXX" in point:
                assert day is None, date
            else:
                assert dt.date.fromisoformat(day).isoformat() == day, date
        if date["first_day"] and date["last_day"]:
            assert date["first_day"] <= date["last_day"], date


def test_a_signing_date_is_one_clean_date():
    """Documents read the date right after a citation: it must be one `date` mention."""
    found = _dates("Quyết định 2157/QĐ-TTg, ngày 21/10/2020 của Thủ tướng Chính phủ")
    assert [(d["text"], d["kind"], d["value"]) for d in found] == [("ngày 21/10/2020", "date", "2020-10-21")]


@pytest.mark.parametrize("text,published,value", [
    ("hội nghị sẽ khai mạc vào ngày 15/12", "2024-07-03", "2024-12-15"),   # announced: ahead
    ("nộp hồ sơ chậm nhất ngày 10/11", "2024-07-03", "2024-11-10"),        # a deadline: ahead
    ("ngày 15/12 năm ngoái", "2024-07-03", "2023-12-15"),                   # said: last year
    ("tháng 10 vừa qua", "2024-08-01", "2023-10"),                          # said: behind
    ("ngày 15/12", "2024-07-03", "2023-12-15"),                             # unsaid: nearer behind
    ("tháng 10", "2024-08-01", "2024-10"),                                  # unsaid: two months ahead
    ("tháng 12", "2025-01-06", "2024-12"),                                  # a January article
])
def test_missing_year_follows_the_words_around_the_date(text, published, value):
    found = _dates(text, published)
    assert [d["value"] for d in found] == [value]
    assert found[0]["inferred"] == ["year"]


@pytest.mark.parametrize("year,new_year", [
    (1985, "1985-01-21"),  # Vietnam (UTC+7) one month before China that year
    (2007, "2007-02-17"),  # and one day before China
    (2023, "2023-01-22"),
    (2024, "2024-02-10"),
    (2025, "2025-01-29"),
])
def test_lunar_new_year_on_the_vietnamese_calendar(year, new_year):
    found = _dates(f"dịp Tết Nguyên đán {year}")
    assert [d["value"] for d in found] == [new_year]


REQUIRED_WORDS = RULES["dates"].tables["required_words"]
RULES_BY_ID = {rule.id.partition(".")[2]: rule for rule in RULES["dates"].rules}
TEXTS = [ex.text for ex in RULES["dates"].all_examples()] + [text for _, text in RULES["dates"].all_negatives()]


@pytest.mark.parametrize("rule_id", sorted(REQUIRED_WORDS))
def test_a_skipped_rule_could_not_have_matched(rule_id):
    """`required_words` only skips rules on texts they cannot match: every match
    of the rule in every example (and negative) holds one of its words."""
    assert rule_id in RULES_BY_ID, f"required_words names no rule {rule_id}"
    words = REQUIRED_WORDS[rule_id]
    matched = [m.group() for text in TEXTS for m in RULES_BY_ID[rule_id].pattern.finditer(text)]
    assert matched, f"no example of {rule_id}"
    for text in matched:
        assert any(word in text.casefold() for word in words), text
