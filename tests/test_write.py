"""Schema validation and atomic writes."""

from __future__ import annotations

import copy
import json

import pytest

from conftest import ROOT
from ntl_extract import extract
from ntl_extract.write import InvalidRecord, reference_validator, validate, write_record

DATE = {"text": "ngày 2/7", "start": 0, "end": 8, "sentence": 0, "rule": "dates.day_month",
        "kind": "date", "value": "2024-07-02", "first_day": "2024-07-02", "last_day": "2024-07-02",
        "inferred": ["year"], "part_of_day": None}


def base_record() -> dict:
    record = extract("ngày 2/7 họp", published="2024-07-03", detect_metadata=False).to_dict()
    record["dates"] = [dict(DATE)]
    return record


BREAKAGES = [
    ("no warnings", lambda r: r.pop("warnings")),
    ("bad kind", lambda r: r["dates"][0].update(kind="weird")),
    ("bad value", lambda r: r["dates"][0].update(value="02/07/2024")),
    ("string offset", lambda r: r["dates"][0].update(start="0")),
    ("no rule", lambda r: r["dates"][0].pop("rule")),
    ("bad schema id", lambda r: r.update(schema="other")),
    ("views as text", lambda r: r["article"].update(views="238")),
    ("number as text", lambda r: r["numbers"].append({**{k: DATE[k] for k in ("text", "start", "end", "sentence", "rule")},
                                                     "kind": "percent", "value": "98,75", "total": None, "unit": "%", "subject": None})),
]


def test_valid_record_passes_both_validators():
    record = base_record()
    validate(record)
    assert not list(reference_validator().iter_errors(record))


@pytest.mark.parametrize("name,breakage", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_fast_and_reference_validators_agree(name, breakage):
    record = base_record()
    breakage(record)
    with pytest.raises(InvalidRecord):
        validate(record)
    assert list(reference_validator().iter_errors(record)), name


def test_write_record_is_atomic_and_complete(tmp_path):
    record = base_record()
    path = write_record(tmp_path, record)
    assert json.loads(path.read_text("utf-8")) == record
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
